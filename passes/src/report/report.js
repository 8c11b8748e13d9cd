// minigo -report: renders the report's data (the script element
// #minigo-report, written by passes/src/report.rs) as a source view with the
// decisions in the margin, a function list and a detail panel. Source lines
// and list rows are rendered a chunk at a time as they scroll into view, so
// a program of thousands of functions opens at once. With #minigo-base (an
// earlier report) the decisions that changed are marked and listed.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('minigo-report').textContent);
  const baseElement = document.getElementById('minigo-base');
  const base = baseElement ? JSON.parse(baseElement.textContent) : null;

  const KINDS = [
    ['can', 'can inline'], ['cannot', 'cannot inline'], ['inlined', 'inlined call'], ['call', 'call kept'],
    ['heap', 'heap'], ['stack', 'does not escape'], ['leak', 'leaking param'], ['check', 'bounds check left'], ['nil', 'nil check left'],
    ['bce', 'bounds check elided'], ['devirt', 'devirtualized'], ['hot', 'hot call site (PGO)'], ['explained', 'flow (-m=2 only)'], ['note', 'other'],
  ];
  const KIND_NAMES = new Map(KINDS);
  const CHUNK = 100;
  const LINE_HEIGHT = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--line')) || 18;

  const $ = (id) => document.getElementById(id);
  const sourceView = $('source');
  const side = $('side-list');
  const detail = $('detail');
  const search = $('search');

  const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  // A position to jump to; line 0 is no position (the heap, a temporary).
  const posLink = (line, col) => line > 0
    ? `<a class="pos" data-line="${line}">${line}${col ? ':' + col : ''}</a>`
    : '<span class="pos">-</span>';

  // Decisions by line; marks are sorted by line and column.
  data.marks.forEach((m, i) => { m.id = i; });
  const marksByLine = new Map();
  for (const m of data.marks) {
    if (!marksByLine.has(m.line)) marksByLine.set(m.line, []);
    marksByLine.get(m.line).push(m);
  }
  const funcName = (m, report) => (m.func === null ? '' : report.funcs[m.func].name);
  const markKey = (m, report) => funcName(m, report) + '\u0000' + m.kind + '\u0000' + m.text;

  // Against a base report: a decision is added when the base has fewer of
  // the same function, kind and text; the base's surplus were removed.
  const added = new Set();
  const removed = [];
  if (base) {
    const counts = new Map();
    for (const m of base.marks) counts.set(markKey(m, base), (counts.get(markKey(m, base)) || 0) + 1);
    for (const m of data.marks) {
      const key = markKey(m, data);
      const n = counts.get(key) || 0;
      if (n > 0) counts.set(key, n - 1); else added.add(m.id);
    }
    for (const m of base.marks) {
      const key = markKey(m, base);
      const n = counts.get(key) || 0;
      if (n > 0) { counts.set(key, n - 1); removed.push(m); }
    }
  }

  const state = {
    enabled: new Set(KINDS.map(([kind]) => kind)),
    onlyChanges: false,
    current: 0,
    path: new Set(),
    steps: [],
    step: -1,
    selectedMark: null,
    selectedFunc: null,
    visibleLines: [],
  };
  const visible = (m) => state.enabled.has(m.kind) && (!state.onlyChanges || added.has(m.id));

  // Rows in `container` rendered a chunk at a time, while the chunk is near
  // the viewport of `scroller`, the element that scrolls them.
  function lazyRows(container, scroller, count, renderRows) {
    const chunks = [];
    const fill = (c) => { c.el.innerHTML = renderRows(c.start, c.end); c.filled = true; };
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const c = chunks[Number(entry.target.dataset.chunk)];
        if (entry.isIntersecting) fill(c);
        else if (c.filled) { c.el.textContent = ''; c.filled = false; }
      }
    }, { root: scroller, rootMargin: '600px 0px' });
    for (let start = 0; start < count; start += CHUNK) {
      const el = document.createElement('div');
      el.className = 'chunk';
      el.dataset.chunk = String(chunks.length);
      const end = Math.min(start + CHUNK, count);
      el.style.height = (end - start) * LINE_HEIGHT + 'px';
      container.appendChild(el);
      chunks.push({ el, start, end, filled: false });
      observer.observe(el);
    }
    const chunkOf = (i) => chunks[Math.floor(i / CHUNK)];
    return {
      ensure(i) { const c = chunkOf(i); if (c && !c.filled) fill(c); },
      refresh() { for (const c of chunks) if (c.filled) fill(c); },
      top(i) { const c = chunkOf(i); return c.el.offsetTop + (i - c.start) * LINE_HEIGHT; },
      remove() { observer.disconnect(); for (const c of chunks) c.el.remove(); },
    };
  }

  // The source view.
  // One badge per kind of decision on a line; it opens the first of them.
  function badge(group) {
    const m = group[0];
    let label = m.kind === 'explained' ? 'flow' : m.kind;
    if (m.kind === 'can' && m.func !== null && data.funcs[m.func].cost !== null) label = 'can ' + data.funcs[m.func].cost;
    if (group.length > 1) label += ' ×' + group.length;
    const classes = ['b', 'k-' + m.kind];
    if (group.some((g) => added.has(g.id))) classes.push('added');
    if (group.some((g) => g.id === state.selectedMark)) classes.push('sel');
    const title = group.map((g) => g.text).join('\n');
    return `<button class="${classes.join(' ')}" data-mark="${m.id}" title="${esc(title)}">${esc(label)}</button>`;
  }
  function badges(n) {
    const groups = new Map();
    for (const m of (marksByLine.get(n) || []).filter(visible)) {
      if (!groups.has(m.kind)) groups.set(m.kind, []);
      groups.get(m.kind).push(m);
    }
    return [...groups.values()].map(badge).join('');
  }
  function lineHtml(n, text) {
    const classes = ['line'];
    if (n === state.current) classes.push('cur');
    if (state.path.has(n)) classes.push('onpath');
    const f = state.selectedFunc === null ? null : data.funcs[state.selectedFunc];
    if (f && n >= f.line && n <= f.end) classes.push('infunc');
    return `<div class="${classes.join(' ')}" id="L${n}" data-line="${n}"><span class="ln">${n || ''}</span>`
      + `<span class="mg">${badges(n)}</span><span class="code">${esc(text)}</span></div>`;
  }
  if (marksByLine.has(0)) {
    const generated = document.createElement('div');
    generated.id = 'generated';
    sourceView.appendChild(generated);
  }
  const renderGenerated = () => {
    const generated = $('generated');
    if (generated) generated.innerHTML = lineHtml(0, '<autogenerated>');
  };
  renderGenerated();
  const sourceRows = lazyRows(sourceView, sourceView, data.lines.length, (start, end) => {
    let html = '';
    for (let i = start; i < end; i++) html += lineHtml(i + 1, data.lines[i]);
    return html;
  });
  function refreshSource() {
    sourceRows.refresh();
    renderGenerated();
  }

  function setClass(n, cls, on) {
    const el = $('L' + n);
    if (el) el.classList.toggle(cls, on);
  }
  function setCurrent(n) {
    setClass(state.current, 'cur', false);
    state.current = n;
    setClass(n, 'cur', true);
  }
  // Scrolls line n (0: generated code) to the middle of the view and makes it current.
  function goto(n) {
    if (n > 0) {
      sourceRows.ensure(n - 1);
      sourceView.scrollTop = sourceRows.top(n - 1) - sourceView.clientHeight / 2 + LINE_HEIGHT / 2;
    } else {
      sourceView.scrollTop = 0;
    }
    setCurrent(n);
  }
  function highlightPath(lines) {
    for (const n of state.path) setClass(n, 'onpath', false);
    state.path = new Set(lines);
    for (const n of state.path) setClass(n, 'onpath', true);
  }

  // The header: file, flags, one filter per kind present.
  $('file').textContent = data.file;
  $('flags').textContent = data.flags;
  function renderFilters() {
    const counts = new Map();
    for (const m of data.marks) counts.set(m.kind, (counts.get(m.kind) || 0) + 1);
    let html = '';
    for (const [kind, name] of KINDS) {
      if (!counts.has(kind)) continue;
      const checked = state.enabled.has(kind) ? ' checked' : '';
      html += `<label class="k-${kind}"><input type="checkbox" data-kind="${kind}"${checked}> ${esc(name)} <span class="n">${counts.get(kind)}</span></label>`;
    }
    if (base) {
      html += `<label class="k-changed"><input type="checkbox" id="only-changes"> only changes</label>`
        + `<button id="changes" type="button">${added.size} added, ${removed.length} removed vs. base</button>`;
    }
    $('filters').innerHTML = html;
  }
  renderFilters();
  function updateVisibleLines() {
    state.visibleLines = [...marksByLine.keys()].filter((n) => marksByLine.get(n).some(visible)).sort((a, b) => a - b);
  }
  updateVisibleLines();
  $('filters').addEventListener('change', (event) => {
    const input = event.target;
    if (input.dataset.kind) {
      if (input.checked) state.enabled.add(input.dataset.kind); else state.enabled.delete(input.dataset.kind);
    } else if (input.id === 'only-changes') {
      state.onlyChanges = input.checked;
    }
    updateVisibleLines();
    refreshSource();
  });

  // The side panel: every function with its summary, or search results.
  function funcRow(i) {
    const f = data.funcs[i];
    const verdict = f.verdict === 'can' ? `<span class="num k-can">${f.cost}</span>`
      : f.verdict === 'cannot' ? `<span class="num k-cannot">${f.cost === null ? 'no' : f.cost}</span>` : '<span class="num">-</span>';
    const sel = state.selectedFunc === i ? ' sel' : '';
    return `<div class="row${sel}" data-func="${i}" title="${esc(f.name)}"><span>${esc(f.name)}</span>${verdict}`
      + `<span class="num">${f.heap}</span><span class="num">${f.inlined}</span><span class="num">${f.checks}</span></div>`;
  }
  let funcRows = null;
  function showFunctionList() {
    $('side-title').innerHTML = '<div class="row head"><span>function</span><span class="num" title="inline cost">cost</span>'
      + '<span class="num" title="heap allocations">heap</span><span class="num" title="calls inlined">inl</span>'
      + '<span class="num" title="bounds checks left">chk</span></div>';
    side.textContent = '';
    funcRows = lazyRows(side, $('side'), data.funcs.length, (start, end) => {
      let html = '';
      for (let i = start; i < end; i++) html += funcRow(i);
      return html;
    });
  }
  showFunctionList();

  const MAX_RESULTS = 300;
  function runSearch() {
    const query = search.value.trim().toLowerCase();
    if (funcRows) { funcRows.remove(); funcRows = null; }
    if (!query) { showFunctionList(); return; }
    const funcs = [];
    data.funcs.forEach((f, i) => { if (f.name.toLowerCase().includes(query)) funcs.push(i); });
    const marks = data.marks.filter((m) => m.text.toLowerCase().includes(query));
    const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    $('side-title').textContent = `${count(funcs.length, 'function')}, ${count(marks.length, 'decision')}`;
    let html = '';
    for (const i of funcs.slice(0, MAX_RESULTS)) html += `<div class="result" data-func="${i}">${esc(data.funcs[i].name)} <span class="hint">line ${data.funcs[i].line}</span></div>`;
    for (const m of marks.slice(0, MAX_RESULTS)) html += `<div class="result" data-mark="${m.id}"><span class="k-${m.kind}">${m.line}:${m.col}</span> ${esc(m.text)}</div>`;
    if (funcs.length > MAX_RESULTS || marks.length > MAX_RESULTS) html += `<p class="hint">Only the first ${MAX_RESULTS} of each are listed.</p>`;
    side.innerHTML = html;
  }
  let searchTimer = 0;
  search.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(runSearch, 120); });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      clearTimeout(searchTimer);
      runSearch();
      const first = side.querySelector('[data-func], [data-mark]');
      if (first) open(first);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      search.value = '';
      runSearch();
      search.blur();
      sourceView.focus();
    }
  });

  // The detail panel.
  function select(markId, funcIndex) {
    state.selectedMark = markId;
    state.selectedFunc = funcIndex;
    refreshSource();
    for (const el of side.querySelectorAll('.sel')) el.classList.remove('sel');
    if (funcRows && funcIndex !== null) {
      funcRows.ensure(funcIndex);
      const scroller = $('side');
      const top = funcRows.top(funcIndex);
      if (top < scroller.scrollTop + 2 * LINE_HEIGHT || top > scroller.scrollTop + scroller.clientHeight - 2 * LINE_HEIGHT) {
        scroller.scrollTop = top - scroller.clientHeight / 2;
      }
    }
    const row = funcIndex === null ? null : side.querySelector(`[data-func="${funcIndex}"]`);
    if (row) row.classList.add('sel');
  }

  function showFunc(i) {
    const f = data.funcs[i];
    state.steps = [];
    highlightPath([]);
    select(null, i);
    goto(f.line);
    let html = `<h2>${esc(f.name)}</h2><p>lines ${posLink(f.line)}–${f.end}</p>`;
    if (f.verdict === 'can') {
      html += `<p class="k-can">can inline: cost <b id="cost" data-cost="${f.cost}">${f.cost}</b> of budget ${f.budget}</p>`;
    } else if (f.verdict === 'cannot') {
      html += `<p class="k-cannot">cannot inline: ${esc(f.reason)}</p>`;
      if (f.cost !== null) {
        html += `<p>cost <b id="cost" data-cost="${f.cost}">${f.cost}</b>, budget ${f.budget}, `
          + `<span class="over">over by ${f.cost - f.budget}</span></p>`;
      }
    } else {
      html += '<p class="hint">No inlining decision (inlining is off, or gc does not decide about this function).</p>';
    }
    html += `<p>Heap allocations: <b>${f.heap}</b> · calls inlined into it: <b>${f.inlined}</b> · bounds checks left: <b>${f.checks}</b></p>`;
    if (f.breakdown.length > 0) html += breakdownHtml(f);
    const own = data.marks.filter((m) => m.func === i);
    if (own.length > 0) {
      html += '<h3>Decisions in this function</h3><ol>';
      for (const m of own) html += `<li>${posLink(m.line, m.col)} <span class="k-${m.kind}" data-mark="${m.id}">${esc(m.text)}</span></li>`;
      html += '</ol>';
    }
    detail.innerHTML = html;
  }

  // The cost by source line, then by construct, then the calls that cost EXTRA_CALL_COST.
  function breakdownHtml(f) {
    const byLine = new Map();
    const byConstruct = new Map();
    for (const item of f.breakdown) {
      if (!byLine.has(item.line)) byLine.set(item.line, new Map());
      const parts = byLine.get(item.line);
      const part = parts.get(item.what) || { cost: 0, count: 0 };
      part.cost += item.cost; part.count += 1;
      parts.set(item.what, part);
      const total = byConstruct.get(item.what) || { cost: 0, count: 0 };
      total.cost += item.cost; total.count += 1;
      byConstruct.set(item.what, total);
    }
    const terms = (parts) => [...parts.entries()].sort((a, b) => b[1].cost - a[1].cost)
      .map(([what, p]) => `${esc(what)} ${p.cost}${p.count > 1 ? ` (${p.count}×)` : ''}`).join(' + ');
    const sum = f.breakdown.reduce((total, item) => total + item.cost, 0);
    let html = '<h3>Cost by line</h3><table class="breakdown"><tr><th>line</th><th>constructs</th><th class="num">cost</th></tr>';
    for (const [line, parts] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
      let lineCost = 0;
      for (const p of parts.values()) lineCost += p.cost;
      html += `<tr data-line="${line}" data-cost="${lineCost}"><td>${posLink(line)}</td><td>${terms(parts)}</td><td class="num">${lineCost}</td></tr>`;
    }
    html += `<tr class="total"><td></td><td>total</td><td class="num" id="cost-total" data-total="${sum}">${sum}</td></tr></table>`;
    html += '<h3>By construct</h3><table>';
    for (const [what, p] of [...byConstruct.entries()].sort((a, b) => b[1].cost - a[1].cost)) {
      html += `<tr><td>${esc(what)}</td><td class="num">${p.count}×</td><td class="num">${p.cost}</td></tr>`;
    }
    html += '</table>';
    const calls = f.breakdown.filter((item) => item.extra_call);
    if (calls.length > 0) {
      html += `<h3>Calls that cost 57 each (${calls.length}: ${calls.length * 57} of ${sum})</h3><ol class="calls">`;
      for (const item of calls) html += `<li>${posLink(item.line, item.col)} ${esc(item.what)}</li>`;
      html += '</ol>';
    }
    return html;
  }

  function showMark(id) {
    const m = data.marks[id];
    if ((m.kind === 'can' || m.kind === 'cannot') && m.func !== null && data.funcs[m.func].line === m.line) {
      showFunc(m.func);
      select(id, m.func);
      return;
    }
    select(id, state.selectedFunc);
    goto(m.line);
    let html = `<h2 class="k-${m.kind}">${esc(KIND_NAMES.get(m.kind))}</h2><p>${esc(m.text)}</p><p>at ${m.line > 0 ? posLink(m.line, m.col) : '&lt;autogenerated&gt;'}`;
    if (m.func !== null) html += ` in <a class="pos" data-func="${m.func}">${esc(data.funcs[m.func].name)}</a>`;
    html += '</p>';
    if (added.has(id)) html += '<p class="k-changed">Not in the base report.</p>';
    if (m.inlined.length > 0) {
      html += '<p>In inlined code, from ' + m.inlined.map(([line, col]) => posLink(line, col)).join(', then ') + '</p>';
    }
    const steps = [];
    for (const path of m.paths) {
      html += `<h3>${esc(path.header)}</h3><ol class="path">`;
      for (const s of path.steps) {
        html += `<li data-step="${steps.length}">${posLink(s.line, s.col)} ${esc(s.text)}</li>`;
        steps.push(s);
      }
      html += '</ol>';
    }
    if (steps.length > 0) html += '<p class="hint">n / p: follow the path step by step.</p>';
    const line = marksByLine.get(m.line);
    if (line.length > 1) {
      html += '<h3>On this line</h3><ol class="online">';
      for (const other of line) html += `<li><span class="k-${other.kind}" data-mark="${other.id}">${esc(other.text)}</span></li>`;
      html += '</ol>';
    }
    detail.innerHTML = html;
    state.steps = steps;
    state.step = -1;
    highlightPath([m.line, ...steps.map((s) => s.line).filter((n) => n > 0)]);
  }

  function showChanges() {
    let html = `<h2>Changes against the base report</h2><p>${esc(base.file)} ${esc(base.flags)} → ${esc(data.file)} ${esc(data.flags)}</p>`;
    html += `<h3>Added (${added.size})</h3><ol id="added">`;
    for (const m of data.marks) {
      if (added.has(m.id)) html += `<li>${posLink(m.line, m.col)} <span class="k-${m.kind}" data-mark="${m.id}">${esc(m.text)}</span></li>`;
    }
    html += `</ol><h3>Removed (${removed.length})</h3><ol id="removed">`;
    for (const m of removed) html += `<li><span class="removed">${m.line}:${m.col} ${esc(m.text)}</span></li>`;
    detail.innerHTML = html + '</ol>';
  }

  function followStep(delta) {
    if (state.steps.length === 0) return;
    state.step = Math.max(0, Math.min(state.steps.length - 1, state.step + delta));
    for (const el of detail.querySelectorAll('li.sel')) el.classList.remove('sel');
    const li = detail.querySelector(`li[data-step="${state.step}"]`);
    if (li) li.classList.add('sel');
    const s = state.steps[state.step];
    if (s.line > 0) goto(s.line);
  }

  function open(el) {
    if (el.dataset.mark !== undefined) showMark(Number(el.dataset.mark));
    else if (el.dataset.func !== undefined) showFunc(Number(el.dataset.func));
  }

  document.addEventListener('click', (event) => {
    const target = event.target.closest('[data-mark], [data-func], a.pos, #changes, li[data-step], .line');
    if (!target) return;
    const step = target.closest('li[data-step]');
    if (target.id === 'changes') showChanges();
    else if (target.dataset.mark !== undefined || target.dataset.func !== undefined) open(target);
    else if (step) followStep(Number(step.dataset.step) - state.step);
    else if (target.matches('a.pos')) goto(Number(target.dataset.line));
    else if (target.matches('.line')) setCurrent(Number(target.dataset.line));
  });

  // Keyboard navigation, outside the search box.
  function nextLine(delta) {
    const lines = state.visibleLines;
    if (lines.length === 0) return;
    let i;
    if (delta > 0) { i = lines.findIndex((n) => n > state.current); if (i < 0) i = lines.length - 1; } else {
      i = -1;
      for (let j = lines.length - 1; j >= 0; j--) if (lines[j] < state.current) { i = j; break; }
      if (i < 0) i = 0;
    }
    goto(lines[i]);
  }
  function nextFunc(delta) {
    if (data.funcs.length === 0) return;
    let i = state.selectedFunc === null ? (delta > 0 ? 0 : data.funcs.length - 1) : state.selectedFunc + delta;
    i = Math.max(0, Math.min(data.funcs.length - 1, i));
    showFunc(i);
  }
  document.addEventListener('keydown', (event) => {
    // The search box keeps its keys, and a focused control its Enter.
    if (event.target === search || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter' && event.target.closest('input, button, a')) return;
    switch (event.key) {
      case 'j': nextLine(1); break;
      case 'k': nextLine(-1); break;
      case 'n': followStep(1); break;
      case 'p': followStep(-1); break;
      case ']': nextFunc(1); break;
      case '[': nextFunc(-1); break;
      case 'Enter': {
        const first = (marksByLine.get(state.current) || []).find(visible);
        if (first) showMark(first.id);
        break;
      }
      case '/': search.focus(); break;
      case 'Escape':
        select(null, null);
        highlightPath([]);
        state.steps = [];
        detail.innerHTML = '<p class="hint">Click a function or a mark in the margin.</p>';
        break;
      default: return;
    }
    event.preventDefault();
  });
  sourceView.focus();
})();
