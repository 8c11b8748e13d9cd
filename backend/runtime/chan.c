/* chan.c: channels and select. Follows Go 1.19's chan.go (makechan,
 * chansend, chanrecv, closechan, send/recv, waitq) and select.go
 * (selectgo: a random poll order, then waiting on every case) for what is
 * observable. Each channel has a lock; select takes those of all its
 * channels in address order. A goroutine that blocks parks with a waiter
 * record (Go's sudog) in its own frame, which stays live until whoever
 * completes its operation dequeues it; its channels are unlocked once it
 * is off its stack (gopark). A goroutine is readied after the channel is
 * unlocked, and panics unlock first.
 */
#include "internal.h"

/* A goroutine waiting on a channel (Go's sudog). */
typedef struct mg_sudog {
    mg_goroutine *g;
    struct mg_sudog *next, *prev; /* in the channel's waitq */
    void *elem;                   /* the value to send, or where a received one goes (may be NULL) */
    int64_t case_index;           /* select: which case this waiter is */
    uint8_t is_select;
    uint8_t success; /* the operation happened (0: woken by close) */
} mg_sudog;

typedef struct {
    mg_sudog *first, *last;
} mg_waitq;

/* Go's hchan. */
typedef struct mg_chan {
    uint64_t qcount;   /* values in the buffer */
    uint64_t dataqsiz; /* its capacity */
    uint8_t *buf;
    const minigo_type *elemtype;
    uint64_t elemsize;
    uint64_t sendx, recvx;
    uint32_t closed;
    mg_spinlock lock; /* guards everything above and the wait queues */
    mg_waitq recvq, sendq;
} mg_chan;

#define MG_HCHAN_SIZE 96 /* Go's hchanSize, for the memstats */

/* ---- wait queues ---- */

static void enqueue(mg_waitq *q, mg_sudog *sg)
{
    sg->next = NULL;
    sg->prev = q->last;
    if (q->last == NULL)
        q->first = sg;
    else
        q->last->next = sg;
    q->last = sg;
}

/* The first waiter, skipping (and dropping) select waiters whose select
 * another operation has already completed. */
static mg_sudog *dequeue(mg_waitq *q)
{
    for (;;) {
        mg_sudog *sg = q->first, *y;
        if (sg == NULL)
            return NULL;
        y = sg->next;
        if (y == NULL) {
            q->first = q->last = NULL;
        } else {
            y->prev = NULL;
            q->first = y;
            sg->next = NULL;
        }
        if (sg->is_select) {
            /* the select's other channels have other locks */
            uint32_t expected = 0;
            if (!__atomic_compare_exchange_n(&sg->g->select_done, &expected, 1, 0, __ATOMIC_ACQ_REL,
                                             __ATOMIC_ACQUIRE))
                continue;
        }
        return sg;
    }
}

/* Removes sg if it is still queued (Go's dequeueSudoG). */
static void dequeue_sudog(mg_waitq *q, mg_sudog *sg)
{
    mg_sudog *x = sg->prev, *y = sg->next;
    if (x != NULL) {
        x->next = y;
        if (y != NULL)
            y->prev = x;
        else
            q->last = x;
    } else if (y != NULL) {
        y->prev = NULL;
        q->first = y;
    } else if (q->first == sg) {
        q->first = q->last = NULL;
    }
    sg->next = sg->prev = NULL;
}

/* ---- the buffer ---- */

static inline uint8_t *chanbuf(const mg_chan *c, uint64_t i)
{
    return c->buf + i * c->elemsize;
}

static inline void copy_elem(const mg_chan *c, void *dst, const void *src)
{
    if (c->elemsize != 0)
        memcpy(dst, src, (size_t)c->elemsize);
}

static inline void clear_elem(const mg_chan *c, void *p)
{
    if (c->elemsize != 0)
        memset(p, 0, (size_t)c->elemsize);
}

/* Takes the value at the buffer's head into elem (NULL: dropped). */
static void buf_recv(mg_chan *c, void *elem)
{
    uint8_t *qp = chanbuf(c, c->recvx);
    if (elem != NULL)
        copy_elem(c, elem, qp);
    if (c->elemtype->has_pointers)
        clear_elem(c, qp);
    if (++c->recvx == c->dataqsiz)
        c->recvx = 0;
    c->qcount--;
}

static void buf_send(mg_chan *c, const void *elem)
{
    copy_elem(c, chanbuf(c, c->sendx), elem);
    if (++c->sendx == c->dataqsiz)
        c->sendx = 0;
    c->qcount++;
}

/* ---- send and receive with a waiting partner (Go's send, recv) ---- */

/* sg's operation happened; returns its goroutine, to be readied once the
 * channel is unlocked. */
static mg_goroutine *completed(mg_sudog *sg)
{
    mg_goroutine *gp = sg->g;
    sg->success = 1;
    gp->param = sg;
    return gp;
}

/* Hands elem to the waiting receiver sg. */
static mg_goroutine *send_to(mg_chan *c, mg_sudog *sg, const void *elem)
{
    if (sg->elem != NULL)
        copy_elem(c, sg->elem, elem);
    sg->elem = NULL;
    return completed(sg);
}

/* Takes a value from the waiting sender sg: directly when unbuffered;
 * otherwise the buffer is full: its head is received and the sender's
 * value takes its slot at the tail. */
static mg_goroutine *recv_from(mg_chan *c, mg_sudog *sg, void *elem)
{
    if (c->dataqsiz == 0) {
        if (elem != NULL)
            copy_elem(c, elem, sg->elem);
    } else {
        uint8_t *qp = chanbuf(c, c->recvx);
        if (elem != NULL)
            copy_elem(c, elem, qp);
        copy_elem(c, qp, sg->elem);
        if (++c->recvx == c->dataqsiz)
            c->recvx = 0;
        c->sendx = c->recvx;
    }
    sg->elem = NULL;
    return completed(sg);
}

static void unlock_chan(void *c)
{
    spin_unlock(&((mg_chan *)c)->lock);
}

static MG_NORETURN void unlock_and_panic(mg_chan *c, const char *msg)
{
    spin_unlock(&c->lock);
    panic_plain(msg);
}

/* ---- the ABI ---- */

void *minigo_makechan(const minigo_type *elem, int64_t size)
{
    uint64_t esize = elem->size, mem;
    mg_chan *c;
    if (size < 0 || (esize != 0 && (uint64_t)size > (MG_MAXALLOC - MG_HCHAN_SIZE) / esize))
        panic_plain("makechan: size out of range");
    mem = esize * (uint64_t)size;
    c = GC_MALLOC(sizeof *c);
    if (c == NULL)
        throw_msg("out of memory");
    /* rawalloc counts the buffer; Go makes one object of hchan and a
     * pointer-free buffer, two when the elements have pointers */
    c->buf = rawalloc(mem, elem->has_pointers != 0);
    stat_bytes += MG_HCHAN_SIZE;
    if (mem == 0 || elem->has_pointers)
        stat_mallocs++;
    c->elemtype = elem;
    c->elemsize = esize;
    c->dataqsiz = (uint64_t)size;
    return c;
}

void minigo_chansend(void *c_, const void *elem)
{
    mg_chan *c = c_;
    mg_sudog *sg, me;
    if (c == NULL)
        gopark_forever("chan send (nil chan)");
    spin_lock(&c->lock);
    if (c->closed)
        unlock_and_panic(c, "send on closed channel");
    if ((sg = dequeue(&c->recvq)) != NULL) {
        mg_goroutine *gp = send_to(c, sg, elem);
        spin_unlock(&c->lock);
        goready(gp);
        return;
    }
    if (c->qcount < c->dataqsiz) {
        buf_send(c, elem);
        spin_unlock(&c->lock);
        return;
    }
    memset(&me, 0, sizeof me);
    me.g = getg();
    me.elem = (void *)(uintptr_t)elem;
    enqueue(&c->sendq, &me);
    gopark("chan send", unlock_chan, c);
    if (!me.success)
        panic_plain("send on closed channel");
}

uint8_t minigo_chanrecv(void *c_, void *elem)
{
    mg_chan *c = c_;
    mg_sudog *sg, me;
    if (c == NULL)
        gopark_forever("chan receive (nil chan)");
    spin_lock(&c->lock);
    if (c->closed && c->qcount == 0) {
        spin_unlock(&c->lock);
        if (elem != NULL)
            clear_elem(c, elem);
        return 0;
    }
    if (!c->closed && (sg = dequeue(&c->sendq)) != NULL) {
        mg_goroutine *gp = recv_from(c, sg, elem);
        spin_unlock(&c->lock);
        goready(gp);
        return 1;
    }
    if (c->qcount > 0) {
        buf_recv(c, elem);
        spin_unlock(&c->lock);
        return 1;
    }
    memset(&me, 0, sizeof me);
    me.g = getg();
    me.elem = elem;
    enqueue(&c->recvq, &me);
    gopark("chan receive", unlock_chan, c);
    return me.success;
}

void minigo_closechan(void *c_)
{
    mg_chan *c = c_;
    mg_sudog *sg;
    mg_goroutine *glist = NULL; /* Go's gList: a stack, readied last-in first */
    if (c == NULL)
        panic_plain("close of nil channel");
    spin_lock(&c->lock);
    if (c->closed)
        unlock_and_panic(c, "close of closed channel");
    c->closed = 1;
    /* receivers get zero values, senders will panic */
    while ((sg = dequeue(&c->recvq)) != NULL) {
        if (sg->elem != NULL)
            clear_elem(c, sg->elem);
        sg->elem = NULL;
        sg->success = 0;
        sg->g->param = sg;
        sg->g->schedlink = glist;
        glist = sg->g;
    }
    while ((sg = dequeue(&c->sendq)) != NULL) {
        sg->elem = NULL;
        sg->success = 0;
        sg->g->param = sg;
        sg->g->schedlink = glist;
        glist = sg->g;
    }
    spin_unlock(&c->lock);
    while (glist != NULL) {
        mg_goroutine *gp = glist;
        glist = gp->schedlink;
        gp->schedlink = NULL;
        goready(gp);
    }
}

int64_t minigo_chanlen(void *c)
{
    return c == NULL ? 0 : (int64_t)__atomic_load_n(&((mg_chan *)c)->qcount, __ATOMIC_RELAXED);
}

int64_t minigo_chancap(void *c)
{
    return c == NULL ? 0 : (int64_t)((mg_chan *)c)->dataqsiz;
}

/* ---- select (Go's selectgo) ---- */

enum { DIR_SEND = 1, DIR_RECV = 2 };

#define SELECT_SMALL 8

/* A select's channels in lock order (Go's lockorder: by address). */
typedef struct {
    mg_chan **chans;
    int64_t n;
} lock_order;

static void sellock(const lock_order *lo)
{
    for (int64_t i = 0; i < lo->n; i++)
        if (i == 0 || lo->chans[i] != lo->chans[i - 1])
            spin_lock(&lo->chans[i]->lock);
}

static void selunlock(void *lo_)
{
    const lock_order *lo = lo_;
    for (int64_t i = lo->n - 1; i >= 0; i--)
        if (i == 0 || lo->chans[i] != lo->chans[i - 1])
            spin_unlock(&lo->chans[i]->lock);
}

/* Sorts the channels of the cases with one (insertion sort: selects are
 * small). */
static void sort_channels(const minigo_scase *cases, int64_t ncases, lock_order *lo)
{
    lo->n = 0;
    for (int64_t i = 0; i < ncases; i++) {
        mg_chan *c = cases[i].c;
        int64_t j = lo->n++;
        if (c == NULL) {
            lo->n--;
            continue;
        }
        while (j > 0 && (uintptr_t)lo->chans[j - 1] > (uintptr_t)c) {
            lo->chans[j] = lo->chans[j - 1];
            j--;
        }
        lo->chans[j] = c;
    }
}

int64_t minigo_select(minigo_scase *cases, int64_t ncases, int32_t block, uint8_t *recv_ok)
{
    int64_t small_order[SELECT_SMALL], *order = small_order, norder = 0;
    mg_chan *small_chans[SELECT_SMALL];
    mg_sudog small_waiters[SELECT_SMALL], *waiters = small_waiters, *sg;
    lock_order lo = {small_chans, 0};
    mg_goroutine *me, *ready = NULL;
    int64_t casi;

    if (ncases == 0) {
        if (!block)
            return -1;
        gopark_forever("select (no cases)");
    }
    if (ncases == 1 && block) {
        /* gc compiles a one-case select to the plain operation (its wait
         * reason is "chan receive" or "chan send") */
        if (cases[0].dir == DIR_SEND) {
            minigo_chansend(cases[0].c, cases[0].elem);
        } else {
            uint8_t ok = minigo_chanrecv(cases[0].c, cases[0].elem);
            if (recv_ok != NULL)
                *recv_ok = ok;
        }
        return 0;
    }
    if (ncases > SELECT_SMALL) {
        order = GC_MALLOC_ATOMIC((size_t)ncases * sizeof *order);
        lo.chans = GC_MALLOC((size_t)ncases * sizeof *lo.chans);
        if (order == NULL || lo.chans == NULL)
            throw_msg("out of memory");
    }

    /* the poll order: a uniformly random permutation of the cases with a
     * channel (nil channels are never ready) */
    for (int64_t i = 0; i < ncases; i++) {
        uint64_t j;
        if (cases[i].c == NULL)
            continue;
        j = ((fastrand64() >> 32) * (uint64_t)(norder + 1)) >> 32; /* fastrandn */
        order[norder] = order[j];
        order[j] = i;
        norder++;
    }
    sort_channels(cases, ncases, &lo);

    /* pass 1: the first ready case in poll order */
    sellock(&lo);
    for (int64_t k = 0; k < norder; k++) {
        minigo_scase *cas = &cases[order[k]];
        mg_chan *c = cas->c;
        casi = order[k];
        if (cas->dir == DIR_RECV) {
            if ((sg = dequeue(&c->sendq)) != NULL) {
                ready = recv_from(c, sg, cas->elem);
            } else if (c->qcount > 0) {
                buf_recv(c, cas->elem);
            } else if (c->closed) {
                selunlock(&lo);
                if (cas->elem != NULL)
                    clear_elem(c, cas->elem);
                if (recv_ok != NULL)
                    *recv_ok = 0;
                return casi;
            } else {
                continue;
            }
            if (recv_ok != NULL)
                *recv_ok = 1;
        } else if (c->closed) {
            selunlock(&lo);
            panic_plain("send on closed channel");
        } else if ((sg = dequeue(&c->recvq)) != NULL) {
            ready = send_to(c, sg, cas->elem);
        } else if (c->qcount < c->dataqsiz) {
            buf_send(c, cas->elem);
        } else {
            continue;
        }
        selunlock(&lo);
        if (ready != NULL)
            goready(ready);
        return casi;
    }
    if (!block) {
        selunlock(&lo);
        return -1;
    }

    /* pass 2: wait on every channel (in case order; Go uses the channels'
     * address order, which only orders two waits on one channel) */
    if (ncases > SELECT_SMALL) {
        waiters = GC_MALLOC((size_t)ncases * sizeof *waiters);
        if (waiters == NULL) {
            selunlock(&lo);
            throw_msg("out of memory");
        }
    }
    me = getg();
    for (int64_t i = 0; i < ncases; i++) {
        mg_sudog *w = &waiters[i];
        mg_chan *c = cases[i].c;
        memset(w, 0, sizeof *w);
        if (c == NULL)
            continue;
        w->g = me;
        w->is_select = 1;
        w->elem = cases[i].elem;
        w->case_index = i;
        enqueue(cases[i].dir == DIR_SEND ? &c->sendq : &c->recvq, w);
    }
    me->param = NULL;
    gopark("select", selunlock, &lo);

    /* pass 3: the waiter that was completed tells the case; leave the
     * other queues */
    sellock(&lo);
    me->select_done = 0;
    sg = me->param;
    me->param = NULL;
    for (int64_t i = 0; i < ncases; i++) {
        mg_chan *c = cases[i].c;
        if (c == NULL || &waiters[i] == sg)
            continue;
        dequeue_sudog(cases[i].dir == DIR_SEND ? &c->sendq : &c->recvq, &waiters[i]);
    }
    selunlock(&lo);
    if (sg == NULL)
        throw_msg("select: no waiter woke the goroutine");
    casi = sg->case_index;
    if (cases[casi].dir == DIR_SEND) {
        if (!sg->success)
            panic_plain("send on closed channel");
    } else if (recv_ok != NULL) {
        *recv_ok = sg->success;
    }
    return casi;
}
