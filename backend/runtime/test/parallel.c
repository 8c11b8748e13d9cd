/* parallel.c: goroutines on several threads (run with GOMAXPROCS=2; the
 * golden, parallel.golden, is hand-written in Go's formats: Go has no
 * program that could only pass in parallel without sync/atomic). MG_CASE
 * names the case:
 *   together   two goroutines each wait, spinning, for the other to have
 *              started: both finish only if they run at the same time
 *   stolen     main never blocks; the goroutine it started panics (divides
 *              by zero), so it must have been taken by the other thread
 *   deadlock   every goroutine blocked, on two threads
 *   memstats   allocations made on every thread, counted (compared with
 *              GOMAXPROCS=1 by check.sh)
 * Closures are what generated code makes: a record whose first word is the
 * code, called with the record. */
#define _GNU_SOURCE 1
#define GC_THREADS 1
#define GC_NO_THREAD_REDIRECTS 1
#include <gc.h>

#include "../minigo.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*code_fn)(void *);

static const minigo_type t_int = {8, MINIGO_KIND_INT, 0, (const uint8_t *)"int", 3, NULL, NULL, 0};

void minigo_main_init(void) {}

static void S(const char *s)
{
    minigo_printstring((const uint8_t *)s, (int64_t)strlen(s));
    minigo_printend();
}

typedef struct {
    code_fn code;
    void *c;
    int64_t i;
} clo;

static void go(code_fn code, void *c, int64_t i)
{
    clo *k = minigo_alloc(sizeof *k, 1);
    k->code = code;
    k->c = c;
    k->i = i;
    minigo_go(k);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- together ---- */

static int started[2];

static void meet(void *self)
{
    clo *k = self;
    int64_t me = k->i, met;
    double give_up = seconds() + 10;
    __atomic_store_n(&started[me], 1, __ATOMIC_SEQ_CST);
    while (!(met = __atomic_load_n(&started[1 - me], __ATOMIC_SEQ_CST)) && seconds() < give_up) {
    }
    minigo_chansend(k->c, &met);
}

static void together(void)
{
    void *c = minigo_makechan(&t_int, 0);
    int64_t a = 0, b = 0;
    go(meet, c, 0);
    go(meet, c, 1);
    minigo_chanrecv(c, &a);
    minigo_chanrecv(c, &b);
    S(a && b ? "ran at the same time\n" : "did not run at the same time\n");
}

/* ---- stolen ---- */

static void panicker(void *self)
{
    (void)self;
    S("on another thread\n");
    minigo_panicdivide();
}

static void stolen(void)
{
    double give_up = seconds() + 10;
    go(panicker, NULL, 0);
    while (seconds() < give_up) {
    }
    S("not taken by another thread\n");
}

/* ---- deadlock ---- */

static void block(void *self)
{
    int64_t v;
    minigo_chanrecv(((clo *)self)->c, &v);
}

static void deadlock(void)
{
    void *c = minigo_makechan(&t_int, 0);
    int64_t v;
    for (int i = 0; i < 4; i++)
        go(block, c, i);
    minigo_chanrecv(minigo_makechan(&t_int, 0), &v);
}

/* ---- memstats ---- */

static void allocate(void *self)
{
    clo *k = self;
    int64_t n = 0;
    for (int i = 0; i < 10000; i++)
        n += minigo_alloc(24, 1) != NULL;
    minigo_chansend(k->c, &n);
}

static void memstats(void)
{
    void *c = minigo_makechan(&t_int, 0);
    int64_t total = 0, n;
    for (int i = 0; i < 8; i++)
        go(allocate, c, i);
    for (int i = 0; i < 8; i++) {
        minigo_chanrecv(c, &n);
        total += n;
    }
    minigo_printint(total);
    S(" allocations made\n");
}

void main_main(void)
{
    const char *name = getenv("MG_CASE");
    if (name == NULL)
        return;
    if (strcmp(name, "together") == 0)
        together();
    else if (strcmp(name, "stolen") == 0)
        stolen();
    else if (strcmp(name, "deadlock") == 0)
        deadlock();
    else if (strcmp(name, "memstats") == 0)
        memstats();
}
