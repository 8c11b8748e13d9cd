/* goroutines.c: the C side of goroutines.go (goroutines, channels, select;
 * Go 1.19 with GOMAXPROCS=1 is the oracle). Closures are what generated
 * code makes: a record whose first word is the code, called with the record.
 * With MG_CASE unset every behaviour test runs; MG_CASE names a failure case. */
#define GC_THREADS 1
#define GC_NO_THREAD_REDIRECTS 1
#include <gc.h>

#include "../minigo.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef void (*code_fn)(void *);

#define NEW(T) ((T *)minigo_alloc(sizeof(T), 1))
#define TY(var, sz, k, hp, nm) \
    static const minigo_type var = {sz, k, hp, (const uint8_t *)nm, (int64_t)sizeof(nm) - 1, NULL, NULL, 0}
TY(t_int, 8, MINIGO_KIND_INT, 0, "int");
TY(t_bool, 1, MINIGO_KIND_BOOL, 0, "bool");
TY(t_string, 16, MINIGO_KIND_STRING, 1, "string");
TY(t_empty, 0, MINIGO_KIND_STRUCT, 0, "struct {}");

typedef struct { const char *p; int64_t n; } gostr;

void minigo_main_init(void) {}

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }
static void I(int64_t v) { minigo_printint(v); }
static void B(int v) { minigo_printbool(v); }
static void SP(void) { minigo_printsp(); }
static void NL(void) { minigo_printnl(); }

static void *chan_int(int64_t n) { return minigo_makechan(&t_int, n); }
static void *chan_bool(int64_t n) { return minigo_makechan(&t_bool, n); }
static void send_int(void *c, int64_t v) { minigo_chansend(c, &v); }
static void send_bool(void *c, int v) { uint8_t b = (uint8_t)v; minigo_chansend(c, &b); }
static int64_t recv_int(void *c) { int64_t v = -99; minigo_chanrecv(c, &v); return v; }
static int recv_bool(void *c) { uint8_t b = 9; minigo_chanrecv(c, &b); return b; }

/* go fn(arg...) for closures of one, two or three words of captured data */
typedef struct { code_fn code; void *a, *b, *c; int64_t i; } clo;

static void go(code_fn code, void *a, void *b, void *c, int64_t i)
{
    clo *k = NEW(clo);
    k->code = code;
    k->a = a;
    k->b = b;
    k->c = c;
    k->i = i;
    minigo_go(k);
}

/* ---- runqOrder ---- */

#define RUNQ_N 600
static int64_t order[RUNQ_N];
static int64_t order_len;

static void runq_worker(void *self)
{
    clo *k = self;
    order[order_len++] = k->i;
    if (order_len == RUNQ_N)
        send_bool(k->a, 1);
}

static void runq_order(void)
{
    void *done = chan_bool(0);
    int64_t h = 0;
    for (int64_t i = 0; i < RUNQ_N; i++)
        go(runq_worker, done, NULL, NULL, i);
    recv_bool(done);
    for (int64_t k = 0; k < order_len; k++) {
        h = h * 31 + order[k] * (k + 1);
        h %= 1000000007;
    }
    S("runq"); SP(); I(order_len); SP(); I(order[0]); SP(); I(order[1]); SP(); I(order[2]); SP();
    I(order[3]); SP(); I(order[255]); SP(); I(order[256]); SP(); I(order[257]); SP();
    I(order[RUNQ_N - 1]); SP(); I(h); NL();
}

/* ---- spawnOrder ---- */

static void spawn_worker(void *self)
{
    clo *k = self;
    S("spawned"); SP(); I(k->i); NL();
    send_int(k->a, k->i);
}

static void spawn_order(void)
{
    void *done = chan_int(3);
    int64_t a, b, c;
    for (int64_t i = 1; i <= 3; i++)
        go(spawn_worker, done, NULL, NULL, i);
    S("main continues\n");
    a = recv_int(done);
    b = recv_int(done);
    c = recv_int(done);
    S("got"); SP(); I(a); SP(); I(b); SP(); I(c); NL();
}

/* ---- pingpong ---- */

static void pong_trace(void *self)
{
    clo *k = self;
    for (int i = 0; i < 3; i++) {
        int64_t v = recv_int(k->a);
        S("  pong got"); SP(); I(v); NL();
        send_int(k->b, v * 10);
        S("  pong sent"); SP(); I(v * 10); NL();
    }
    send_bool(k->c, 1);
}

static void pingpong_trace(void)
{
    void *ping = chan_int(0), *pong = chan_int(0), *fin = chan_bool(0);
    go(pong_trace, ping, pong, fin, 0);
    for (int64_t i = 1; i <= 3; i++) {
        S("  ping send"); SP(); I(i); NL();
        send_int(ping, i);
        S("  ping sent"); SP(); I(i); NL();
        S("  ping got"); SP(); I(recv_int(pong)); NL();
    }
    recv_bool(fin);
}

static void pong(void *self)
{
    clo *k = self;
    for (;;) {
        int64_t v = recv_int(k->a);
        if (v < 0) {
            send_int(k->b, -1);
            return;
        }
        send_int(k->b, v + 1);
    }
}

static void pingpong(void)
{
    void *ping = chan_int(0), *pongc = chan_int(0);
    int64_t v = 0;
    go(pong, ping, pongc, NULL, 0);
    for (int i = 0; i < 100000; i++) {
        send_int(ping, v);
        v = recv_int(pongc);
    }
    send_int(ping, -1);
    recv_int(pongc);
    S("pingpong"); SP(); I(v); NL();
}

/* ---- buffered ---- */

static void full_sender(void *self)
{
    clo *k = self;
    send_bool(k->b, 1);
    S("sender blocks\n");
    send_int(k->a, 36);
    S("sender done\n");
    send_bool(k->c, 1);
}

static void buffered(void)
{
    void *c = chan_int(5), *ready = chan_bool(0), *done = chan_bool(0);
    S("buffered len/cap"); SP(); I(minigo_chanlen(c)); SP(); I(minigo_chancap(c)); NL();
    for (int64_t i = 1; i <= 5; i++)
        send_int(c, i * i);
    S("full len/cap"); SP(); I(minigo_chanlen(c)); SP(); I(minigo_chancap(c)); NL();
    go(full_sender, c, ready, done, 0);
    recv_bool(ready);
    S("recv"); SP(); I(recv_int(c)); NL();
    S("recv"); SP(); I(recv_int(c)); NL();
    S("len"); SP(); I(minigo_chanlen(c)); NL();
    while (minigo_chanlen(c) > 0) {
        I(recv_int(c));
        S(" ");
    }
    NL();
    recv_bool(done);
    S("nil len/cap"); SP(); I(minigo_chanlen(NULL)); SP(); I(minigo_chancap(NULL)); NL();
}

/* ---- closeRecv ---- */

static void woken(void *self)
{
    clo *k = self;
    int64_t v = -1;
    uint8_t ok;
    send_int(k->c, k->i);
    ok = minigo_chanrecv(k->a, &v);
    S("woken"); SP(); I(k->i); SP(); I(v); SP(); B(ok); NL();
    send_int(k->b, k->i);
}

static void close_recv(void)
{
    void *c = chan_int(3), *u, *w, *res, *waiting;
    int64_t v = -1, a, b, d, e;
    uint8_t ok;
    gostr s = {"junk", 4};
    send_int(c, 7);
    send_int(c, 8);
    minigo_closechan(c);
    ok = minigo_chanrecv(c, &v);
    S("closed buffered"); SP(); I(v); SP(); B(ok); SP(); I(minigo_chanlen(c)); NL();
    ok = minigo_chanrecv(c, &v);
    S("closed buffered"); SP(); I(v); SP(); B(ok); NL();
    v = -1;
    ok = minigo_chanrecv(c, &v);
    S("closed drained"); SP(); I(v); SP(); B(ok); NL();
    v = -1;
    ok = minigo_chanrecv(c, &v);
    S("closed drained"); SP(); I(v); SP(); B(ok); NL();

    u = minigo_makechan(&t_string, 0);
    minigo_closechan(u);
    ok = minigo_chanrecv(u, &s);
    S("closed unbuffered"); SP(); I(s.n); SP(); B(ok); NL();

    w = chan_int(0);
    res = chan_int(4);
    waiting = chan_int(4);
    for (int64_t i = 1; i <= 4; i++)
        go(woken, w, res, waiting, i);
    a = recv_int(waiting);
    b = recv_int(waiting);
    d = recv_int(waiting);
    e = recv_int(waiting);
    S("waiting"); SP(); I(a); SP(); I(b); SP(); I(d); SP(); I(e); NL();
    minigo_closechan(w);
    S("closed w\n");
    a = recv_int(res);
    b = recv_int(res);
    d = recv_int(res);
    e = recv_int(res);
    S("done"); SP(); I(a); SP(); I(b); SP(); I(d); SP(); I(e); NL();
}

/* ---- rangeLoop ---- */

static void producer(void *self)
{
    clo *k = self;
    for (int64_t i = 1; i <= 10; i++)
        send_int(k->a, i);
    minigo_closechan(k->a);
}

static void empty_producer(void *self)
{
    clo *k = self;
    for (int i = 0; i < 5; i++)
        minigo_chansend(k->a, NULL);
    minigo_closechan(k->a);
}

static void range_loop(void)
{
    void *c = chan_int(0), *e = minigo_makechan(&t_empty, 2);
    int64_t sum = 0, v, n = 0;
    go(producer, c, NULL, NULL, 0);
    while (minigo_chanrecv(c, &v))
        sum += v;
    S("range sum"); SP(); I(sum); NL();
    go(empty_producer, e, NULL, NULL, 0);
    while (minigo_chanrecv(e, NULL))
        n++;
    S("range empty structs"); SP(); I(n); NL();
}

/* ---- chain ---- */

static void chain_f(void *self)
{
    clo *k = self;
    send_int(k->a, 1 + recv_int(k->b));
}

static void chain_first(void *self)
{
    clo *k = self;
    send_int(k->a, 1);
}

static void chain(int64_t n)
{
    void *leftmost = chan_int(0), *right = leftmost, *left = leftmost;
    for (int64_t i = 0; i < n; i++) {
        right = chan_int(0);
        go(chain_f, left, right, NULL, 0);
        left = right;
    }
    go(chain_first, right, NULL, NULL, 0);
    S("chain"); SP(); I(n); SP(); I(recv_int(leftmost)); NL();
}

/* ---- select ---- */

enum { SEND = 1, RECV = 2 };

static void select_default(void)
{
    void *c = chan_int(1);
    int64_t v = -1, five = 5, six = 6;
    uint8_t ok;
    minigo_scase recv1[1] = {{c, &v, RECV}};
    minigo_scase send5[1] = {{c, &five, SEND}};
    minigo_scase send6[1] = {{c, &six, SEND}};
    if (minigo_select(recv1, 1, 0, &ok) == 0) { S("select got"); SP(); I(v); NL(); } else S("select default\n");
    send_int(c, 4);
    if (minigo_select(recv1, 1, 0, &ok) == 0) { S("select got"); SP(); I(v); NL(); } else S("select default\n");
    if (minigo_select(send5, 1, 0, &ok) == 0) S("select sent\n"); else S("select default\n");
    if (minigo_select(send6, 1, 0, &ok) == 0) S("select sent\n"); else S("select default\n");
    if (minigo_select(NULL, 0, 0, &ok) == -1)
        S("select only default\n");
}

static int within(int64_t n, int64_t lo, int64_t hi) { return lo <= n && n <= hi; }

static void select_uniform(void)
{
    void *a = chan_int(1), *b = chan_int(1), *c = chan_int(1), *s, *r;
    int64_t n[3] = {0, 0, 0}, ns = 0, nr = 0, one = 1;
    uint8_t ok;
    minigo_scase three[3] = {{a, NULL, RECV}, {b, NULL, RECV}, {c, NULL, RECV}};
    minigo_scase sr[2];
    for (int i = 0; i < 3000; i++) {
        send_int(a, 1);
        send_int(b, 2);
        send_int(c, 3);
        n[minigo_select(three, 3, 1, &ok)]++;
        while (minigo_chanlen(a) + minigo_chanlen(b) + minigo_chanlen(c) > 0)
            minigo_select(three, 3, 1, &ok);
    }
    S("uniform recv"); SP(); I(n[0] + n[1] + n[2]); SP();
    B(within(n[0], 850, 1150) && within(n[1], 850, 1150) && within(n[2], 850, 1150)); NL();

    s = chan_int(1);
    r = chan_int(1);
    sr[0] = (minigo_scase){s, &one, SEND};
    sr[1] = (minigo_scase){r, NULL, RECV};
    for (int i = 0; i < 2000; i++) {
        send_int(r, 1);
        if (minigo_select(sr, 2, 1, &ok) == 0) {
            ns++;
            recv_int(s);
        } else {
            nr++;
        }
        while (minigo_chanlen(r) > 0)
            recv_int(r);
    }
    S("uniform send/recv"); SP(); I(ns + nr); SP(); B(within(ns, 850, 1150) && within(nr, 850, 1150)); NL();
}

static void hello_sender(void *self)
{
    clo *k = self;
    gostr hello = {"hello", 5};
    S("sender runs\n");
    minigo_chansend(k->a, &hello);
    S("sender done\n");
}

static void d_receiver(void *self)
{
    clo *k = self;
    S("receiver runs\n");
    S("receiver got"); SP(); I(recv_int(k->a)); NL();
}

static void send9(void *self) { send_int(((clo *)self)->a, 9); }
static void closer(void *self) { minigo_closechan(((clo *)self)->a); }

static void select_blocking(void)
{
    void *c1 = chan_int(0), *c2 = minigo_makechan(&t_string, 0), *d, *e, *cl;
    int64_t v = -1, fortytwo = 42;
    gostr s = {NULL, 0};
    uint8_t ok = 9;
    minigo_scase two[2] = {{c1, &v, RECV}, {c2, &s, RECV}};
    go(hello_sender, c2, NULL, NULL, 0);
    S("select blocks\n");
    if (minigo_select(two, 2, 1, &ok) == 0) {
        S("got c1"); SP(); I(v); NL();
    } else {
        S("got c2 ");
        minigo_printstring((const uint8_t *)s.p, s.n);
        NL();
    }

    d = chan_int(0);
    go(d_receiver, d, NULL, NULL, 0);
    {
        minigo_scase cs[2] = {{d, &fortytwo, SEND}, {c1, &v, RECV}};
        if (minigo_select(cs, 2, 1, &ok) == 0)
            S("sent 42\n");
        else {
            S("got c1"); SP(); I(v); NL();
        }
    }

    e = chan_int(0);
    go(send9, e, NULL, NULL, 0);
    {
        int64_t x = -1, y = -1;
        minigo_scase cs[2] = {{e, &x, RECV}, {e, &y, RECV}};
        int64_t k = minigo_select(cs, 2, 1, &ok);
        S("twice got"); SP(); I(k == 0 ? x : y); NL();
    }

    cl = chan_int(0);
    go(closer, cl, NULL, NULL, 0);
    {
        int64_t x = -1;
        minigo_scase cs[2] = {{cl, &x, RECV}, {c1, &v, RECV}};
        if (minigo_select(cs, 2, 1, &ok) == 0) {
            S("closed select"); SP(); I(x); SP(); B(ok); NL();
        } else {
            S("got c1"); SP(); I(v); NL();
        }
    }
}

static void nil_select_sender(void *self)
{
    clo *k = self;
    uint8_t t = 1, ok;
    int64_t v;
    minigo_scase cs[2] = {{NULL, &v, RECV}, {k->a, &t, SEND}};
    if (minigo_select(cs, 2, 1, &ok) == 0)
        S("nil recv?\n");
    else
        S("sent with nil cases\n");
}

static void select_nil(void)
{
    void *c = chan_int(1), *done;
    int64_t hits = 0, v = 0, one = 1, two = 2;
    uint8_t ok;
    send_int(c, 3);
    for (int i = 0; i < 100; i++) {
        minigo_scase cs[3] = {{NULL, &v, RECV}, {NULL, &one, SEND}, {c, &v, RECV}};
        switch (minigo_select(cs, 3, 1, &ok)) {
        case 0: S("nil recv?\n"); break;
        case 1: S("nil send?\n"); break;
        case 2: hits += v; send_int(c, v); break;
        }
    }
    S("nil cases never chosen"); SP(); I(hits); NL();
    {
        minigo_scase cs[2] = {{NULL, NULL, RECV}, {NULL, &two, SEND}};
        switch (minigo_select(cs, 2, 0, &ok)) {
        case 0: S("nil recv?\n"); break;
        case 1: S("nil send?\n"); break;
        default: S("nil select default\n");
        }
    }
    done = chan_bool(0);
    go(nil_select_sender, done, NULL, NULL, 0);
    ok = (uint8_t)recv_bool(done);
    S("received"); SP(); B(ok); NL();
}

/* ---- deferRecover: defer/recover state is per goroutine ---- */

static void print_recovered(const char *who, void *self)
{
    int64_t out[2];
    minigo_recover(out, self);
    S(who);
    S(" recovered ");
    if (out[0] == (int64_t)(uintptr_t)&t_string) {
        const gostr *v = (const gostr *)(uintptr_t)out[1];
        minigo_printstring((const uint8_t *)v->p, v->n);
    } else {
        S("?");
    }
    NL();
}

static void goroutine_deferred(void *self)
{
    print_recovered("goroutine", self);
    send_bool(((clo *)self)->a, 1);
}

static void main_deferred(void *self) { print_recovered("main", self); }

static const gostr in_goroutine = {"in goroutine", 12};
static const gostr in_main = {"in main", 7};

static void recovering_goroutine(void *self)
{
    clo *k = self;
    void *frame = minigo_defer_frame();
    clo *d;
    if (setjmp(*(jmp_buf *)frame) != 0) {
        minigo_defer_unwind(frame);
        return;
    }
    d = NEW(clo);
    d->code = goroutine_deferred;
    d->a = k->b;
    minigo_defer_push(frame, d);
    recv_int(k->a);
    minigo_gopanic(&t_string, &in_goroutine);
    minigo_defer_return(frame);
}

static void recovering_main(void *c)
{
    void *frame = minigo_defer_frame();
    clo *d;
    if (setjmp(*(jmp_buf *)frame) != 0) {
        minigo_defer_unwind(frame);
        return;
    }
    d = NEW(clo);
    d->code = main_deferred;
    minigo_defer_push(frame, d);
    send_int(c, 1);
    minigo_gopanic(&t_string, &in_main);
    minigo_defer_return(frame);
}

static void defer_recover(void)
{
    void *c = chan_int(0), *done = chan_bool(0);
    go(recovering_goroutine, c, done, NULL, 0);
    recovering_main(c);
    recv_bool(done);
}

/* ---- gcStress ---- */

typedef struct node { struct node *next; int64_t val; char pad[48]; } node;
static node *volatile sink;

#define WORKERS 8
#define LENGTH 20000

static node *new_node(node *next, int64_t val)
{
    node *n = minigo_alloc(sizeof(node), 1);
    n->next = next;
    n->val = val;
    return n;
}

static void gc_worker(void *self)
{
    clo *k = self;
    void **start = k->a;
    int64_t w = k->i, sum = 0;
    node *list = NULL;
    recv_bool(start[w]);
    for (int64_t i = 1; i <= LENGTH; i++) {
        list = new_node(list, i * (w + 1));
        for (int g = 0; g < 4; g++)
            sink = new_node(NULL, -1);
    }
    GC_gcollect();
    send_bool(start[w + 1], 1);
    recv_bool(start[w]);
    for (int g = 0; g < 200000; g++)
        sink = new_node(NULL, -2);
    GC_gcollect();
    for (node *n = list; n != NULL; n = n->next)
        sum += n->val;
    send_int(k->b, sum);
}

static void gc_starter(void *self)
{
    clo *k = self;
    void **start = k->a;
    recv_bool(start[WORKERS]);
    for (int w = 0; w < WORKERS; w++)
        send_bool(start[w], 1);
}

static void gc_stress(void)
{
    void **start = minigo_alloc((WORKERS + 1) * sizeof(void *), 1);
    void *results = chan_int(0);
    node *mine = NULL;
    int64_t total = 0, sum = 0;
    for (int i = 0; i <= WORKERS; i++)
        start[i] = minigo_makechan(&t_bool, 0);
    for (int64_t i = 1; i <= LENGTH; i++)
        mine = new_node(mine, i);
    for (int64_t w = 0; w < WORKERS; w++)
        go(gc_worker, start, results, NULL, w);
    go(gc_starter, start, NULL, NULL, 0);
    send_bool(start[0], 1);
    for (int w = 0; w < WORKERS; w++)
        total += recv_int(results);
    GC_gcollect();
    for (node *n = mine; n != NULL; n = n->next)
        sum += n->val;
    S("gc"); SP(); I(total); SP(); I(sum); NL();
}

/* ---- failures ---- */

static void sending(void *self)
{
    S("sending\n");
    send_int(((clo *)self)->a, 1);
}

static const gostr boom = {"boom", 4};
static void boomer(void *self) { (void)self; minigo_gopanic(&t_string, &boom); }
static void return_now(void *self) { (void)self; }

static void select_twice_then_recv(void *self)
{
    clo *k = self;
    uint8_t ok;
    minigo_scase cs[2] = {{k->a, NULL, RECV}, {k->a, NULL, RECV}};
    minigo_select(cs, 2, 1, &ok);
    recv_int(k->a);
}

static void select_fresh(void *self)
{
    uint8_t ok;
    minigo_scase cs[2] = {{chan_int(0), NULL, RECV}, {chan_int(0), NULL, RECV}};
    (void)self;
    minigo_select(cs, 2, 1, &ok);
}

static void send_fresh(void *self) { (void)self; send_int(chan_int(0), 1); }
static void recv_one(void *self) { recv_int(((clo *)self)->a); }

static void send_two(void *self)
{
    clo *k = self;
    send_int(k->a, 1);
    send_int(k->a, 2);
}

static void failure(const char *name)
{
    int64_t n = -1, one = 1;
    uint8_t ok;
#define CASE(s) else if (strcmp(name, s) == 0)
    if (0) {
    }
    CASE("sendclosed") {
        void *c = chan_int(1);
        minigo_closechan(c);
        send_int(c, 1);
    }
    CASE("sendclosedwait") {
        void *c = chan_int(0);
        go(closer, c, NULL, NULL, 0);
        go(sending, c, NULL, NULL, 0);
        recv_int(chan_int(0));
    }
    CASE("selectsendclosed") {
        void *c = chan_int(0);
        minigo_closechan(c);
        minigo_scase cs[2] = {{c, &one, SEND}, {chan_int(0), NULL, RECV}};
        minigo_select(cs, 2, 1, &ok);
    }
    CASE("closeclosed") {
        void *c = chan_int(0);
        minigo_closechan(c);
        minigo_closechan(c);
    }
    CASE("closenil") minigo_closechan(NULL);
    CASE("makechanneg") minigo_makechan(&t_int, n);
    CASE("makechanbig") minigo_makechan(&t_int, ((int64_t)1 << 60) + n);
    CASE("gpanic") {
        go(boomer, NULL, NULL, NULL, 0);
        recv_int(chan_int(0));
    }
    CASE("deadrecv") recv_int(chan_int(0));
    CASE("deadsend") send_int(chan_int(0), 1);
    CASE("deadnilrecv") recv_int(NULL);
    CASE("deadnilsend") send_int(NULL, 1);
    CASE("deadselect") {
        minigo_scase cs[2] = {{chan_int(0), NULL, RECV}, {chan_int(0), &one, SEND}};
        minigo_select(cs, 2, 1, &ok);
    }
    CASE("deadselectnone") minigo_select(NULL, 0, 1, &ok);
    CASE("deadmany") {
        void *c = chan_int(0);
        go(sending, c, NULL, NULL, 0);
        go(select_twice_then_recv, c, NULL, NULL, 0);
        go(select_fresh, NULL, NULL, NULL, 0);
        go(send_fresh, NULL, NULL, NULL, 0);
        go(return_now, NULL, NULL, NULL, 0);
        S("main blocks\n");
        recv_int(NULL);
    }
    CASE("deadgoroutine") {
        void *c = chan_int(0);
        go(recv_one, c, NULL, NULL, 0);
        go(send_two, c, NULL, NULL, 0);
        recv_bool(chan_bool(0));
    }
    else {
        S("unknown case\n");
        minigo_exit(3);
    }
}

void main_main(void)
{
    const char *name = getenv("MG_CASE");
    if (name != NULL) {
        failure(name);
        return;
    }
    runq_order();
    spawn_order();
    pingpong_trace();
    pingpong();
    buffered();
    close_recv();
    range_loop();
    chain(10000);
    select_default();
    select_uniform();
    select_blocking();
    select_nil();
    defer_recover();
    gc_stress();
    S("end\n");
}
