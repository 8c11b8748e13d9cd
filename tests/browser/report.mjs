// Drives a minigo -report page in Debian's headless chromium (through
// playwright-core) the way a reader would, and prints what the page showed
// as JSON on standard output; tests/report.rs checks it against Go 1.19's
// goldens.
//
// usage: node report.mjs PLAN.json
// The plan names the page and what to do there, each part optional:
//   page        the report's path
//   func        a function to click in the function list: its cost breakdown is read
//   escape      a decision text to search for: its escape path is followed step by step
//   search      a function name to search for and open with Enter
//   onlyKind    uncheck every other kind of decision; the margin's marks are read
//   keys        keys to press in the source view; the current line after them is read
//   changes     open the list of decisions that changed against the base report
//   screenshots PNGs to write after steps: {"func": path, "escape": path, ...}
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const result = { consoleErrors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('console', (message) => { if (message.type() === 'error') result.consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => result.consoleErrors.push(String(error)));
  await page.goto('file://' + plan.page);
  await page.waitForSelector('#source .line');

  // Where line n is: rendered, current, on the highlighted path, inside the source view's viewport.
  const lineState = (n) => page.evaluate((n) => {
    const el = document.getElementById('L' + n);
    if (!el) return { line: n, rendered: false };
    const view = document.getElementById('source').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return {
      line: n,
      rendered: true,
      current: el.classList.contains('cur'),
      onPath: el.classList.contains('onpath'),
      inView: box.top >= view.top && box.bottom <= view.bottom,
    };
  }, n);
  const currentLine = () => page.evaluate(() => {
    const el = document.querySelector('#source .line.cur');
    return el ? Number(el.dataset.line) : null;
  });

  const screenshot = async (step) => {
    const path = (plan.screenshots || {})[step];
    if (path) await page.screenshot({ path });
  };

  result.lines = await page.evaluate(() => JSON.parse(document.getElementById('minigo-report').textContent).lines.length);
  result.renderedLines = await page.locator('#source .line').count();
  result.renderedRows = await page.locator('#side-list .row').count();

  if (plan.onlyKind) {
    for (const box of await page.locator('#filters input[data-kind]').all()) {
      const kind = await box.getAttribute('data-kind');
      if ((kind === plan.onlyKind) !== await box.isChecked()) await box.click();
    }
    result.onlyKind = await page.evaluate(() => [...document.querySelectorAll('#source .b')].map((b) => b.className));
  }

  if (plan.keys) {
    for (const key of plan.keys) await page.keyboard.press(key);
    result.keys = { current: await currentLine() };
  }

  if (plan.func) {
    await page.locator('#side-list .row', { hasText: plan.func }).filter({ has: page.locator(`span:text-is("${plan.func}")`) }).click();
    await page.waitForSelector('#detail h2');
    result.func = await page.evaluate(() => {
      const detail = document.getElementById('detail');
      const cost = detail.querySelector('#cost');
      const total = detail.querySelector('#cost-total');
      const rows = [...detail.querySelectorAll('table.breakdown tr[data-cost]')];
      return {
        name: detail.querySelector('h2').textContent,
        cost: cost ? Number(cost.dataset.cost) : null,
        total: total ? Number(total.dataset.total) : null,
        lineSum: rows.reduce((sum, row) => sum + Number(row.dataset.cost), 0),
        lines: rows.map((row) => Number(row.dataset.line)),
        over: detail.querySelector('.over') ? detail.querySelector('.over').textContent : null,
        calls: detail.querySelectorAll('ol.calls li').length,
      };
    });
    result.func.current = await currentLine();
    await screenshot('func');
  }

  if (plan.escape) {
    await page.fill('#search', plan.escape);
    await page.press('#search', 'Enter');
    await page.waitForSelector('#detail ol.path');
    const steps = await page.evaluate(() => [...document.querySelectorAll('#detail ol.path li')].map((li) => {
      const link = li.querySelector('a.pos');
      return { line: link ? Number(link.dataset.line) : 0, text: li.textContent };
    }));
    const mark = await currentLine();
    const visited = [];
    for (let i = 0; i < steps.length; i++) {
      const link = page.locator(`#detail li[data-step="${i}"] a.pos`);
      if (await link.count() === 0) continue;
      await link.click();
      visited.push(await lineState(steps[i].line));
    }
    // The mark in the margin opens the same path.
    await page.locator(`#L${mark} button.b[title*="${plan.escape}"]`).click();
    if (await page.textContent('#detail p') !== plan.escape) {
      await page.locator('#detail ol.online [data-mark]', { hasText: plan.escape }).click();
    }
    const reopened = await page.locator('#detail ol.path li').count();
    result.escape = { mark, steps, visited, reopened };
    await screenshot('escape');
  }

  if (plan.search) {
    await page.fill('#search', plan.search);
    await page.press('#search', 'Enter');
    await page.waitForSelector('#detail h2');
    const line = await currentLine();
    result.search = { title: await page.textContent('#detail h2'), line, state: await lineState(line) };
    result.renderedLinesAfterSearch = await page.locator('#source .line').count();
  }

  if (plan.changes) {
    await page.click('#changes');
    result.changes = await page.evaluate(() => ({
      added: [...document.querySelectorAll('#added li')].map((li) => li.textContent),
      removed: [...document.querySelectorAll('#removed li')].map((li) => li.textContent),
    }));
    await screenshot('changes');
  }

} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
