/* sched.c: goroutines: the scheduler and its threads, goroutine stacks,
 * the context switch, and how the collector finds every goroutine's
 * stack. Follows Go 1.19's proc.go (newproc, goexit0, gopark/goready,
 * runqput/runqputslow/runqget, globrunqget, findRunnable's order,
 * schedtick, wakep, checkdead) and traceback.go (goroutineheader,
 * tracebackothers).
 *
 * Scheduling. Goroutines run on up to GOMAXPROCS threads (Go's M and P in
 * one; GOMAXPROCS from the environment, else the CPUs this process may
 * use; threads are started as work appears). There is no preemption: a
 * goroutine runs until it blocks (gopark) or returns. The main goroutine
 * starts on the thread main.c made. A new goroutine (minigo_go) and one
 * made ready by a channel operation (goready) become the "runnext" of the
 * thread that made them, its previous runnext moving to the tail of that
 * thread's 256-entry run queue; a full run queue moves half of itself to
 * the global queue (runqputslow), which every 61st scheduling tick is
 * looked at first (findRunnable's fairness check). The creator keeps
 * running after minigo_go. With GOMAXPROCS=1 this is exactly Go's order
 * on one P, so the same programs print the same interleavings as Go's.
 * With more, work put in a run queue wakes an idle thread or starts a new
 * one (Go's wakep); a thread with nothing to run looks at the other
 * threads' run queues for a while (Go's spinning M), takes half of one
 * (runqsteal), and otherwise waits on its own stack (its g0), looking
 * again every STEAL_WAIT_NS; a goroutine that has sat that long in the
 * runnext of a thread busy with another is taken too (Go steals a
 * runnext after 3 microseconds; minigo waits longer, so that a goroutine
 * handing work to another keeps it on one thread, as ping-pong needs).
 * When every thread waits and no queue holds a goroutine, all goroutines
 * are asleep: Go's deadlock fatal error. When main.main returns the
 * program exits, whatever the other goroutines do.
 * Goroutine ids follow Go 1.19 for a program that imports nothing, as
 * minigo's programs: main is 1, the runtime's own goroutines (forcegc,
 * bgsweep, bgscavenge) take 2-4, the first `go` statement gets 5.
 * (Importing os adds the finalizer goroutine, 5, which also sits in
 * runnext when main.main starts.)
 *
 * Locking (only once a second thread can exist: mg_threaded). Each
 * channel has a spin lock, each thread one for its run queue (qlock), and
 * sched_spin guards the global lists. A goroutine that blocks parks
 * holding its channels' locks; they are released by whatever runs next
 * on its thread, once its registers are saved (switched_in), so no other
 * thread can resume it before. Dead goroutine records and stacks go to a
 * per-thread free list the same way, 64 at most, the rest to a global one
 * (Go's gfput/gfget).
 *
 * Stacks. Each goroutine has a stack of stack_reserve bytes (64 MiB, or
 * MINIGO_STACKSIZE; under an address-space limit 1/32768 of that limit,
 * at least 128 KiB), mmap'd with MAP_NORESERVE, so only the pages a
 * goroutine touches are committed, with a guard of 64 KiB at its low end:
 * running into it is reported as Go's stack overflow (signals.c reads the
 * running goroutine's bounds). Generated code probes frames larger than a
 * page, so no frame jumps the guard. The guard is a guard region where
 * the kernel has them (Linux 6.13): then a stack and its guard are one
 * mapping, neighbouring stacks merge, and 100,000 blocked goroutines
 * take about 8 KiB of stack and 8 KiB of page tables each. Otherwise it
 * is a PROT_NONE mapping, and vm.max_map_count (65530 by default) limits
 * a program to about 32,000 goroutines started and not yet returned at
 * once; beyond that the stack cannot be made and the program ends with
 * "fatal error: out of memory". A goroutine gets its stack when it first
 * runs (made but not started, it is a record of a few hundred bytes); one
 * that returns is dead: its record is reused by a later minigo_go (Go's
 * gFree list) and its stack by the next goroutine to start, never
 * unmapped.
 *
 * Context switch. mg_switch, hand-written for x86-64 and aarch64, pushes
 * the callee-saved registers (x86-64: rbx rbp r12-r15 and the return
 * address; aarch64: x19-x30, d8-d15) on the current stack, saves the stack
 * pointer and loads the other goroutine's: an ordinary call for the C
 * compiler, no system call (swapcontext would make a sigprocmask call per
 * switch). A new goroutine's stack is laid out as if it had switched out
 * at mg_gostart, which calls mg_goroutine_main with the stack 16-byte
 * aligned. Not switched: x86-64's MXCSR and x87 control word (no code here
 * changes them); a switch returns where the other goroutine called, so
 * it is not compatible with CET shadow stacks.
 *
 * Collector. Boehm stops every thread and scans each one's stack from its
 * stack pointer to the "stack bottom" registered for it. On every switch
 * we register the top of the stack about to run (GC_set_stackbottom) and
 * switch holding the thread's switch_lock, which a collection takes for
 * every thread before it stops the world (a collection event callback),
 * so no collection sees a thread between the two; with one thread,
 * collections start only from it, never in between. A
 * GC_push_other_roots callback (chained before the previous
 * one, which pushes the thread stacks) pushes each switched-out
 * goroutine's live range [saved sp, stack top), the saved registers
 * included, with GC_push_all_eager -- the main goroutine's pthread stack
 * too, and each thread's g0 stack while it runs a goroutine. Goroutine
 * records, channels and their buffers are collector memory reachable from
 * static roots (allgs) or from those stacks; a waiter's record (sudog)
 * lives in its blocked goroutine's frame.
 *
 * Threads. Generated code keeps no thread-local state; the runtime's is
 * the running goroutine (getg), its thread (getm), each thread's print
 * buffer, memstats counts and random numbers. A goroutine may resume on
 * another thread after it parks, so code that may park reads the
 * thread-locals through getg()/getm() (internal.h).
 */
#include "internal.h"

#include <time.h>

#if defined(__clang__)
#define MG_NOT_INLINED __attribute__((noinline))
#else
#define MG_NOT_INLINED __attribute__((noinline, noipa))
#endif

#define RUNQ_SIZE 256
#define MAX_PROCS 256 /* Go's _MaxGomaxprocs */
/* How long a goroutine may wait in the runnext of a thread that runs
 * something else before an idle thread takes it; also how often an idle
 * thread looks for work while others run. */
#define STEAL_WAIT_NS 500000
/* How long an idle thread looks for work before it waits (Go's spinning
 * M): work made meanwhile is taken without a wake-up. */
#define SPIN_NS 10000

/* A thread running goroutines (Go's M with its P). */
typedef struct mg_m {
    mg_goroutine g0;         /* the thread's own context, where it waits for work */
    mg_spinlock qlock;       /* guards runnext, runnext_seq and the run queue */
    mg_goroutine *runnext;   /* Go's P.runnext */
    uint64_t runnext_seq;    /* counts goroutines put in runnext */
    uint32_t runq_head, runq_tail;
    mg_goroutine *runq[RUNQ_SIZE];
    uint32_t schedtick;      /* goroutines started other than from runnext */
    uint8_t spin_next;       /* when idle next, look for work before waiting */
    /* what the goroutine that parked or died here leaves to do once it is
     * off its stack: release its channels (gopark), free its record and
     * stack */
    void (*park_unlock)(void *);
    void *park_arg;
    mg_goroutine *dying;
    /* held from registering a stack with the collector until running on
     * it; a collection takes every thread's before stopping the world */
    mg_spinlock switch_lock;
    /* dead goroutine records and free stacks kept by this thread (Go's
     * p.gFree), with the global lists below behind them */
    mg_goroutine *gfree;
    uintptr_t free_stacks;
    int32_t ngfree, nfree_stacks;
    void *gc_thread;         /* the collector's handle for the thread */
    uint64_t *stat_mallocs, *stat_bytes; /* the thread's memstats (alloc.c) */
} mg_m;

/* Go's schedtick: by the time main.main runs Go 1.19 has scheduled the
 * runtime's own goroutines during its start-up; MAIN_SCHEDTICK is that
 * count (measured: it sets the phase of the every-61-ticks look at the
 * global queue, so the order in which hundreds of goroutines made at once
 * run). */
#define MAIN_SCHEDTICK 4

static mg_goroutine main_g = {.id = 1, .status = MG_G_RUNNING, .on_cpu = 1};
static mg_m m0 = {.g0 = {.is_g0 = 1, .status = MG_G_RUNNING}, .schedtick = MAIN_SCHEDTICK};
static mg_m *allm[MAX_PROCS] = {&m0};
static int nm = 1; /* threads started */
static int nidle;  /* threads waiting for work */
static int wake_pending; /* wakep signalled and no waiting thread has woken since */
static int nspinning;    /* idle threads looking for work before they wait */
static int gomaxprocs = 1;
int mg_threaded;

/* sched_spin guards the global run queue, the goroutine records (allgs,
 * gfree), the free stacks and the threads (allm, nm). Lock order: a
 * channel's lock, then a thread's qlock, then sched_spin. Idle threads
 * wait on idle_cv under idle_mu, which guards nidle. */
static mg_spinlock sched_spin;
static pthread_mutex_t idle_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t idle_cv;

static __thread mg_goroutine *curg = &main_g;
static __thread mg_m *curm = &m0;

MG_NOT_INLINED mg_goroutine *getg(void) { return curg; }
static MG_NOT_INLINED mg_m *getm(void) { return curm; }
mg_g *panic_state(void) { return &getg()->panic; }

static void sched_lock(void)
{
    spin_lock(&sched_spin);
}

static void sched_unlock(void)
{
    spin_unlock(&sched_spin);
}

/* Every goroutine record ever made, in the order made (Go's allgs: the
 * order of a deadlock's traceback); dead ones are reused in place. */
static mg_goroutine *allgs_first[1] = {&main_g};
static mg_goroutine **allgs = allgs_first;
static size_t n_allgs = 1, cap_allgs = 1;

/* The global run queue. */
static mg_goroutine *globq_head, *globq_tail;
static int64_t globq_size;

/* Go's sched.gFree: dead goroutine records, and the stacks of dead
 * goroutines (each keeps the link to the next in its lowest usable word),
 * beyond what the threads keep. */
static mg_goroutine *gfree;
static uintptr_t free_stacks;
static int64_t next_goid = 5;
static int deadlocked;      /* print_goroutines: print all with their wait reasons */

static size_t stack_reserve; /* bytes mapped per goroutine stack, guard included */
static size_t stack_guard;

static GC_push_other_roots_proc next_push_other_roots;

/* ---- context switch ---- */

/* Saves the callee-saved registers on the current stack and the stack
 * pointer in *save_sp, then continues where new_sp was saved. */
void mg_switch(void **save_sp, void *new_sp) __attribute__((visibility("hidden")));
/* A new goroutine's first return address: calls mg_goroutine_main(gp), gp in
 * the first callee-saved register's slot (rbx / x19). */
void mg_gostart(void) __attribute__((visibility("hidden")));
MG_NORETURN void mg_goroutine_main(mg_goroutine *gp) __attribute__((visibility("hidden"), used));

#if defined(__x86_64__)
/* Frame (from the saved sp): r15 r14 r13 r12 rbx rbp, return address. */
#define FRAME_WORDS 7
#define FRAME_GP 4
#define FRAME_RET 6
__asm__(".text\n"
        ".globl mg_switch\n"
        ".hidden mg_switch\n"
        ".type mg_switch, @function\n"
        "mg_switch:\n"
        "\tpushq %rbp\n"
        "\tpushq %rbx\n"
        "\tpushq %r12\n"
        "\tpushq %r13\n"
        "\tpushq %r14\n"
        "\tpushq %r15\n"
        "\tmovq %rsp, (%rdi)\n"
        "\tmovq %rsi, %rsp\n"
        "\tpopq %r15\n"
        "\tpopq %r14\n"
        "\tpopq %r13\n"
        "\tpopq %r12\n"
        "\tpopq %rbx\n"
        "\tpopq %rbp\n"
        "\tret\n"
        ".size mg_switch, .-mg_switch\n"
        ".globl mg_gostart\n"
        ".hidden mg_gostart\n"
        ".type mg_gostart, @function\n"
        "mg_gostart:\n"
        "\tmovq %rbx, %rdi\n"
        "\tcall mg_goroutine_main\n"
        "\tud2\n"
        ".size mg_gostart, .-mg_gostart\n");
#elif defined(__aarch64__)
/* Frame (from the saved sp): x19..x30, then d8..d15. */
#define FRAME_WORDS 20
#define FRAME_GP 0
#define FRAME_RET 11
__asm__(".text\n"
        ".globl mg_switch\n"
        ".hidden mg_switch\n"
        ".type mg_switch, %function\n"
        "mg_switch:\n"
        "\tsub sp, sp, #160\n"
        "\tstp x19, x20, [sp, #0]\n"
        "\tstp x21, x22, [sp, #16]\n"
        "\tstp x23, x24, [sp, #32]\n"
        "\tstp x25, x26, [sp, #48]\n"
        "\tstp x27, x28, [sp, #64]\n"
        "\tstp x29, x30, [sp, #80]\n"
        "\tstp d8, d9, [sp, #96]\n"
        "\tstp d10, d11, [sp, #112]\n"
        "\tstp d12, d13, [sp, #128]\n"
        "\tstp d14, d15, [sp, #144]\n"
        "\tmov x9, sp\n"
        "\tstr x9, [x0]\n"
        "\tmov sp, x1\n"
        "\tldp x19, x20, [sp, #0]\n"
        "\tldp x21, x22, [sp, #16]\n"
        "\tldp x23, x24, [sp, #32]\n"
        "\tldp x25, x26, [sp, #48]\n"
        "\tldp x27, x28, [sp, #64]\n"
        "\tldp x29, x30, [sp, #80]\n"
        "\tldp d8, d9, [sp, #96]\n"
        "\tldp d10, d11, [sp, #112]\n"
        "\tldp d12, d13, [sp, #128]\n"
        "\tldp d14, d15, [sp, #144]\n"
        "\tadd sp, sp, #160\n"
        "\tret\n"
        ".size mg_switch, .-mg_switch\n"
        ".globl mg_gostart\n"
        ".hidden mg_gostart\n"
        ".type mg_gostart, %function\n"
        "mg_gostart:\n"
        "\tmov x0, x19\n"
        "\tbl mg_goroutine_main\n"
        "\tbrk #1\n"
        ".size mg_gostart, .-mg_gostart\n");
#else
#error "sched.c: no context switch for this architecture"
#endif

/* Lays out a new goroutine's stack as if it had switched out in
 * mg_switch, about to return to mg_gostart: zero registers (a zero frame
 * pointer ends unwinding), gp in its slot, and the stack pointer after
 * the frame is popped 16-byte aligned, as both ABIs require at a call. */
static void init_frame(mg_goroutine *gp)
{
    size_t frame = FRAME_WORDS * sizeof(uintptr_t);
    uintptr_t top = (gp->stack_hi - 16) & ~(uintptr_t)15;
    uintptr_t *sp = (uintptr_t *)(top - frame);
    memset(sp, 0, frame);
    sp[FRAME_GP] = (uintptr_t)gp;
    sp[FRAME_RET] = (uintptr_t)mg_gostart;
    gp->sp = sp;
}

/* ---- the collector ---- */

/* Switched-out goroutines' stacks, from the saved stack pointer up, and
 * the g0 stacks of threads running a goroutine. Runs with every thread
 * stopped; a goroutine or g0 that is on_cpu is scanned as its thread's
 * stack. */
static void GC_CALLBACK push_goroutine_stacks(void)
{
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    size_t n = __atomic_load_n(&n_allgs, __ATOMIC_ACQUIRE);
    mg_goroutine **gs = __atomic_load_n(&allgs, __ATOMIC_ACQUIRE);
    for (size_t i = 0; i < n; i++) {
        mg_goroutine *gp = gs[i];
        if (gp->on_cpu || gp->status == MG_G_DEAD || gp->sp == NULL) /* running, dead, or not started */
            continue;
        GC_push_all_eager(gp->sp, gp->gc_top);
    }
    for (int i = 0; i < threads; i++) {
        mg_goroutine *g0 = &allm[i]->g0;
        if (!g0->on_cpu && g0->sp != NULL)
            GC_push_all_eager(g0->sp, g0->gc_top);
    }
    if (next_push_other_roots != NULL)
        next_push_other_roots();
}

/* The collector stops every thread with a signal and scans each from
 * where it stopped to its registered stack top: no thread may stop
 * between registering a new top and switching to that stack. Before it
 * stops the world, the collector takes every thread's switch_lock (and
 * lets go once all have stopped). */
static int gc_holds_switch_locks;

static void GC_CALLBACK on_collection_event(GC_EventType event)
{
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    if (event == GC_EVENT_PRE_STOP_WORLD && mg_threaded) {
        for (int i = 0; i < threads; i++)
            spin_lock(&allm[i]->switch_lock);
        gc_holds_switch_locks = 1;
    } else if (event == GC_EVENT_POST_STOP_WORLD && gc_holds_switch_locks) {
        for (int i = 0; i < threads; i++)
            spin_unlock(&allm[i]->switch_lock);
        gc_holds_switch_locks = 0;
    }
}

void set_main_stack(uintptr_t lo, uintptr_t hi, size_t guard)
{
    main_g.stack_lo = lo;
    main_g.stack_hi = hi;
    main_g.stack_guard = guard;
}

/* ---- stacks ---- */

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102 /* Linux 6.13 */
#endif

/* Linux 6.13's guard regions: guard pages that do not split a mapping, so
 * a stack and its guard are one memory mapping (and neighbouring stacks
 * merge into one). Whether they work is tried once: the kernel does not
 * read from a guard page (EFAULT); an emulator that accepts the madvise
 * without installing a guard (qemu-user 7) reads it. */
static int guard_regions;

static int guard_regions_work(size_t page)
{
    int fds[2], ok = 0;
    void *p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return 0;
    if (madvise(p, page, MADV_GUARD_INSTALL) == 0 && pipe(fds) == 0) {
        ok = write(fds[1], p, 1) < 0 && errno == EFAULT;
        close(fds[0]);
        close(fds[1]);
    }
    munmap(p, page);
    return ok;
}

static void init_stacks(void)
{
    const char *s = getenv("MINIGO_STACKSIZE");
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t n = (size_t)64 << 20;
    struct rlimit rl;
    if (s != NULL && *s) {
        char *end;
        unsigned long long v = strtoull(s, &end, 10);
        if (*end == 0 && v >= 65536)
            n = (size_t)v;
    } else if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
               rl.rlim_cur / 32768 < n) {
        /* under an address-space limit (ulimit -v) the reservations count:
         * 10,000 goroutines may take a third of it (with 128 KiB at least) */
        n = (size_t)(rl.rlim_cur / 32768);
        if (n < ((size_t)128 << 10))
            n = (size_t)128 << 10;
    }
    stack_guard = page > 65536 ? page : 65536;
    stack_reserve = (n + page - 1) / page * page + stack_guard;
    guard_regions = guard_regions_work(page);
}

/* Most likely an address-space limit, or vm.max_map_count (the stacks of
 * ~32,000 goroutines without guard regions). */
static MG_NORETURN void stack_failure(int err)
{
    pflush();
    pstr("runtime: cannot allocate the stack of goroutine ");
    pint(next_goid);
    pstr(": ");
    pstr(strerror(err));
    pstr(" (");
    puint(n_allgs);
    pstr(" goroutines exist; each stack is ");
    puint(stack_reserve);
    pstr(guard_regions ? " bytes of address space: see ulimit -v)\n"
                       : " bytes of address space in two memory mappings: see ulimit -v and sysctl vm.max_map_count)\n");
    throw_msg("out of memory");
}

/* The free lists: a thread keeps up to 64 entries; past that it gives
 * all but 31 to the global list, from which it takes 32 when it has none
 * (Go's gfput and gfget). */
#define LOCAL_FREE_MAX 64
#define LOCAL_FREE_KEEP 32

static void gfput(mg_m *m, mg_goroutine *gp)
{
    gp->schedlink = m->gfree;
    m->gfree = gp;
    if (++m->ngfree < LOCAL_FREE_MAX)
        return;
    sched_lock();
    while (m->ngfree >= LOCAL_FREE_KEEP) {
        mg_goroutine *g = m->gfree;
        m->gfree = g->schedlink;
        m->ngfree--;
        g->schedlink = gfree;
        gfree = g;
    }
    sched_unlock();
}

static mg_goroutine *gfget(mg_m *m)
{
    mg_goroutine *gp;
    if (m->gfree == NULL && __atomic_load_n(&gfree, __ATOMIC_RELAXED) != NULL) {
        sched_lock();
        while (m->ngfree < LOCAL_FREE_KEEP && gfree != NULL) {
            mg_goroutine *g = gfree;
            gfree = g->schedlink;
            g->schedlink = m->gfree;
            m->gfree = g;
            m->ngfree++;
        }
        sched_unlock();
    }
    if ((gp = m->gfree) != NULL) {
        m->gfree = gp->schedlink;
        m->ngfree--;
        gp->schedlink = NULL;
    }
    return gp;
}

static void stackput(mg_m *m, uintptr_t lo)
{
    *(uintptr_t *)lo = m->free_stacks;
    m->free_stacks = lo;
    if (++m->nfree_stacks < LOCAL_FREE_MAX)
        return;
    sched_lock();
    while (m->nfree_stacks >= LOCAL_FREE_KEEP) {
        uintptr_t s = m->free_stacks;
        m->free_stacks = *(uintptr_t *)s;
        m->nfree_stacks--;
        *(uintptr_t *)s = free_stacks;
        free_stacks = s;
    }
    sched_unlock();
}

static uintptr_t stackget(mg_m *m)
{
    uintptr_t lo;
    if (m->free_stacks == 0 && __atomic_load_n(&free_stacks, __ATOMIC_RELAXED) != 0) {
        sched_lock();
        while (m->nfree_stacks < LOCAL_FREE_KEEP && free_stacks != 0) {
            uintptr_t s = free_stacks;
            free_stacks = *(uintptr_t *)s;
            *(uintptr_t *)s = m->free_stacks;
            m->free_stacks = s;
            m->nfree_stacks++;
        }
        sched_unlock();
    }
    if ((lo = m->free_stacks) != 0) {
        m->free_stacks = *(uintptr_t *)lo;
        m->nfree_stacks--;
    }
    return lo;
}

/* A stack for gp, which is about to run for the first time on m. */
static void give_stack(mg_m *m, mg_goroutine *gp)
{
    gp->stack_lo = stackget(m);
    if (gp->stack_lo == 0) {
        void *p = mmap(NULL, stack_reserve, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (p == MAP_FAILED)
            stack_failure(errno);
        if ((guard_regions ? madvise(p, stack_guard, MADV_GUARD_INSTALL) : mprotect(p, stack_guard, PROT_NONE)) != 0) {
            int err = errno;
            munmap(p, stack_reserve);
            stack_failure(err);
        }
        gp->stack_lo = (uintptr_t)p + stack_guard;
    }
    gp->stack_hi = gp->stack_lo - stack_guard + stack_reserve;
    gp->stack_guard = stack_guard;
    gp->gc_top = (void *)gp->stack_hi;
}

/* A new goroutine record, listed in allgs (sched_spin); its stack comes
 * when it first runs (give_stack), so goroutines made but not started
 * cost no stack. */
static mg_goroutine *new_goroutine(void)
{
    mg_goroutine *gp = GC_MALLOC(sizeof *gp);
    if (gp == NULL)
        throw_msg("out of memory");
    gp->status = MG_G_IDLE;
    if (n_allgs == cap_allgs) {
        size_t cap = cap_allgs * 2 < 64 ? 64 : cap_allgs * 2;
        mg_goroutine **grown = GC_MALLOC(cap * sizeof *grown);
        if (grown == NULL)
            throw_msg("out of memory");
        memcpy(grown, allgs, n_allgs * sizeof *grown);
        __atomic_store_n(&allgs, grown, __ATOMIC_RELEASE);
        cap_allgs = cap;
    }
    allgs[n_allgs] = gp;
    __atomic_store_n(&n_allgs, n_allgs + 1, __ATOMIC_RELEASE);
    return gp;
}

/* Go's GOMAXPROCS: the environment's if a positive number, else the CPUs
 * this process may run on; at most 256. */
static int read_gomaxprocs(void)
{
    const char *s = getenv("GOMAXPROCS");
    int64_t n = 1;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    if (s != NULL && *s) {
        int64_t v = 0;
        const char *q = s;
        for (; *q >= '0' && *q <= '9' && v <= INT32_MAX; q++)
            v = v * 10 + (*q - '0');
        if (*q == 0 && v > 0 && v <= INT32_MAX)
            n = v;
    }
    if (n < 1)
        n = 1;
    return n > MAX_PROCS ? MAX_PROCS : (int)n;
}

/* At the first go statement, on the main goroutine's thread. */
static void sched_init(void)
{
    struct GC_stack_base sb;
    pthread_condattr_t attr;
    init_stacks();
    m0.gc_thread = GC_get_my_stackbottom(&sb);
    main_g.gc_top = sb.mem_base;
    m0.stat_mallocs = &stat_mallocs;
    m0.stat_bytes = &stat_bytes;
    next_push_other_roots = GC_get_push_other_roots();
    GC_set_push_other_roots(push_goroutine_stacks);
    GC_set_on_collection_event(on_collection_event);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&idle_cv, &attr);
    pthread_condattr_destroy(&attr);
    gomaxprocs = read_gomaxprocs();
    if (gomaxprocs > 1) {
        pflush(); /* from now on each print statement is written at its end */
        mg_threaded = 1;
    }
}

void memstats_total(uint64_t *mallocs, uint64_t *bytes)
{
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    *mallocs = *bytes = 0;
    if (m0.stat_mallocs == NULL) { /* one thread: the caller */
        *mallocs = stat_mallocs;
        *bytes = stat_bytes;
        return;
    }
    for (int i = 0; i < threads; i++) {
        const mg_m *m = allm[i];
        if (__atomic_load_n(&m->stat_bytes, __ATOMIC_ACQUIRE) == NULL)
            continue; /* started, not running yet: nothing allocated */
        *mallocs += *m->stat_mallocs;
        *bytes += *m->stat_bytes;
    }
}

/* ---- threads ---- */

static MG_NORETURN void mloop(void);

/* A new thread: its stack is its g0. */
static void *mstart(void *arg)
{
    mg_m *m = arg;
    struct GC_stack_base sb;
    curm = m;
    curg = &m->g0;
    install_altstack();
    mg_cpuprof_thread();
    m->stat_mallocs = &stat_mallocs;
    __atomic_store_n(&m->stat_bytes, &stat_bytes, __ATOMIC_RELEASE);
    m->gc_thread = GC_get_my_stackbottom(&sb);
    m->g0.gc_top = sb.mem_base;
    thread_stack(&m->g0.stack_lo, &m->g0.stack_hi, &m->g0.stack_guard);
    mloop();
}

/* Another thread, if GOMAXPROCS allows one (sched_spin held). A thread
 * that cannot be made is not an error: the ones there run everything. */
static void startm(void)
{
    pthread_t th;
    pthread_attr_t attr;
    mg_m *m;
    if (nm >= gomaxprocs)
        return;
    m = GC_MALLOC_UNCOLLECTABLE(sizeof *m);
    if (m == NULL || pthread_attr_init(&attr) != 0) {
        gomaxprocs = nm; /* no more tries */
        return;
    }
    m->g0.is_g0 = 1;
    m->g0.status = MG_G_RUNNING;
    m->g0.on_cpu = 1;
    pthread_attr_setstacksize(&attr, (size_t)256 << 10);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    allm[nm] = m;
    __atomic_store_n(&nm, nm + 1, __ATOMIC_RELEASE);
    if (GC_pthread_create(&th, &attr, mstart, m) != 0) {
        __atomic_store_n(&nm, nm - 1, __ATOMIC_RELEASE);
        gomaxprocs = nm;
    }
    pthread_attr_destroy(&attr);
}

/* There is work another thread could take: wake one that waits, or
 * start one (Go's wakep). */
static void wakep(void)
{
    if (!mg_threaded || __atomic_load_n(&nspinning, __ATOMIC_SEQ_CST) > 0)
        return;
    if (__atomic_load_n(&nidle, __ATOMIC_RELAXED) > 0) {
        int expected = 0;
        /* one is enough: it looks at every queue */
        if (!__atomic_compare_exchange_n(&wake_pending, &expected, 1, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            return;
        pthread_mutex_lock(&idle_mu);
        pthread_cond_signal(&idle_cv);
        pthread_mutex_unlock(&idle_mu);
    } else if (__atomic_load_n(&nm, __ATOMIC_RELAXED) < gomaxprocs) {
        sched_lock();
        startm();
        sched_unlock();
    }
}

/* ---- run queues (Go's runqput, runqputslow, runqget, globrunqget,
 * runqsteal, findRunnable) ---- */

/* sched_spin held */
static void globrunqput(mg_goroutine *gp)
{
    gp->schedlink = NULL;
    if (globq_tail != NULL)
        globq_tail->schedlink = gp;
    else
        globq_head = gp;
    globq_tail = gp;
    __atomic_store_n(&globq_size, globq_size + 1, __ATOMIC_RELAXED);
}

/* sched_spin held */
static mg_goroutine *globrunqpop(void)
{
    mg_goroutine *gp = globq_head;
    globq_head = gp->schedlink;
    if (globq_head == NULL)
        globq_tail = NULL;
    gp->schedlink = NULL;
    return gp;
}

/* Puts gp on m's queues: as runnext (next), the previous runnext going to
 * the run queue, or at the run queue's tail. A full run queue moves its
 * older half and gp to the global queue. */
static void runqput(mg_m *m, mg_goroutine *gp, int next)
{
    mg_goroutine *batch[RUNQ_SIZE / 2];
    spin_lock(&m->qlock);
    if (next) {
        mg_goroutine *old = m->runnext;
        m->runnext = gp;
        m->runnext_seq++;
        if (old == NULL) {
            spin_unlock(&m->qlock);
            /* no wake-up for a runnext: this thread runs it next, unless
             * it stays busy long enough for an idle thread to take it
             * (idle), which needs an idle thread */
            if (mg_threaded && __atomic_load_n(&nm, __ATOMIC_RELAXED) < gomaxprocs) {
                sched_lock();
                startm();
                sched_unlock();
            }
            return;
        }
        gp = old;
    }
    if (m->runq_tail - m->runq_head < RUNQ_SIZE) {
        m->runq[m->runq_tail % RUNQ_SIZE] = gp;
        m->runq_tail++;
        spin_unlock(&m->qlock);
        wakep();
        return;
    }
    for (uint32_t i = 0; i < RUNQ_SIZE / 2; i++)
        batch[i] = m->runq[(m->runq_head + i) % RUNQ_SIZE];
    m->runq_head += RUNQ_SIZE / 2;
    spin_unlock(&m->qlock);
    sched_lock();
    for (uint32_t i = 0; i < RUNQ_SIZE / 2; i++)
        globrunqput(batch[i]);
    globrunqput(gp);
    sched_unlock();
    wakep();
}

/* One goroutine from the global queue, and (max == 0) a share of the
 * rest moved to m's run queue, which is empty then. */
static mg_goroutine *globrunqget(mg_m *m, int64_t max)
{
    mg_goroutine *batch[RUNQ_SIZE / 2], *gp = NULL;
    int64_t n = 0;
    sched_lock();
    if (globq_size > 0) {
        n = globq_size / gomaxprocs + 1;
        if (n > globq_size)
            n = globq_size;
        if (max > 0 && n > max)
            n = max;
        if (n > RUNQ_SIZE / 2)
            n = RUNQ_SIZE / 2;
        __atomic_store_n(&globq_size, globq_size - n, __ATOMIC_RELAXED);
        gp = globrunqpop();
        for (int64_t i = 1; i < n; i++)
            batch[i] = globrunqpop();
    }
    sched_unlock();
    if (n > 1) {
        spin_lock(&m->qlock);
        for (int64_t i = 1; i < n; i++) {
            m->runq[m->runq_tail % RUNQ_SIZE] = batch[i];
            m->runq_tail++;
        }
        spin_unlock(&m->qlock);
    }
    return gp;
}

/* Half of another thread's run queue (Go's runqsteal, without runnext):
 * the first to run, the rest to m's run queue, which is empty. */
static mg_goroutine *steal(mg_m *m)
{
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    int start = (int)(fastrand64() % (uint64_t)threads);
    for (int k = 0; k < threads; k++) {
        mg_m *victim = allm[(start + k) % threads];
        mg_goroutine *batch[RUNQ_SIZE / 2 + 1];
        uint32_t n;
        if (victim == m || __atomic_load_n(&victim->runq_tail, __ATOMIC_RELAXED) ==
                               __atomic_load_n(&victim->runq_head, __ATOMIC_RELAXED))
            continue;
        spin_lock(&victim->qlock);
        n = victim->runq_tail - victim->runq_head;
        n -= n / 2;
        for (uint32_t i = 0; i < n; i++)
            batch[i] = victim->runq[(victim->runq_head + i) % RUNQ_SIZE];
        victim->runq_head += n;
        spin_unlock(&victim->qlock);
        if (n == 0)
            continue;
        spin_lock(&m->qlock);
        for (uint32_t i = 1; i < n; i++) {
            m->runq[m->runq_tail % RUNQ_SIZE] = batch[i];
            m->runq_tail++;
        }
        spin_unlock(&m->qlock);
        return batch[0];
    }
    return NULL;
}

static mg_goroutine *find_runnable(mg_m *m, int *inherit_time)
{
    mg_goroutine *gp;
    *inherit_time = 0;
    if (m->schedtick % 61 == 0 && __atomic_load_n(&globq_size, __ATOMIC_RELAXED) > 0 &&
        (gp = globrunqget(m, 1)) != NULL)
        return gp;
    spin_lock(&m->qlock);
    if ((gp = m->runnext) != NULL) {
        m->runnext = NULL;
        spin_unlock(&m->qlock);
        *inherit_time = 1;
        return gp;
    }
    if (m->runq_tail != m->runq_head) {
        gp = m->runq[m->runq_head % RUNQ_SIZE];
        m->runq_head++;
        spin_unlock(&m->qlock);
        return gp;
    }
    spin_unlock(&m->qlock);
    if (__atomic_load_n(&globq_size, __ATOMIC_RELAXED) > 0 && (gp = globrunqget(m, 0)) != NULL)
        return gp;
    if (mg_threaded)
        return steal(m);
    return NULL;
}

/* ---- switching ---- */

/* Right after a switch, on the context switched to: what the goroutine
 * switched away from left to do (mg_m's park_unlock, dying). */
static MG_NOT_INLINED void switched_in(void)
{
    mg_m *m = getm();
    mg_goroutine *dead = m->dying;
    spin_unlock(&m->switch_lock);
    if (m->park_unlock != NULL) {
        void (*unlock)(void *) = m->park_unlock;
        m->park_unlock = NULL;
        unlock(m->park_arg);
    }
    if (dead != NULL) {
        m->dying = NULL;
        stackput(m, dead->stack_lo);
        dead->stack_lo = dead->stack_hi = 0;
        gfput(m, dead);
    }
}

/* Runs gp on this thread; returns when the calling goroutine is switched
 * back to, maybe on another thread. */
static void execute(mg_goroutine *gp)
{
    mg_goroutine *prev = curg;
    mg_m *m = curm;
    struct GC_stack_base sb;
    if (!gp->is_g0)
        gp->status = MG_G_RUNNING;
    if (gp == prev)
        return;
    if (gp->sp == NULL) {
        give_stack(m, gp);
        init_frame(gp);
    }
    memset(&sb, 0, sizeof sb);
    sb.mem_base = gp->gc_top;
    spin_lock(&m->switch_lock);
    GC_set_stackbottom(m->gc_thread, &sb);
    prev->on_cpu = 0;
    gp->on_cpu = 1;
    curg = gp;
    mg_switch(&prev->sp, gp->sp);
    /* no thread-local access past this point: this may be another thread */
    switched_in();
}

/* Go's checkdead: every goroutine waits for another. */
static MG_NORETURN void deadlock(void)
{
    deadlocked = 1;
    fatal_msg("all goroutines are asleep - deadlock!");
}

/* The running goroutine has stopped (parked or dead): run another, or
 * wait on this thread's g0 for one. */
static void schedule(void)
{
    mg_m *m = getm();
    int inherit_time;
    mg_goroutine *gp = find_runnable(m, &inherit_time);
    if (gp == NULL) {
        if (!mg_threaded)
            deadlock();
        gp = &m->g0;
    } else if (!inherit_time) {
        m->schedtick++;
    }
    execute(gp);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Whether some queue but m's holds a goroutine m could take. */
static int stealable_work(const mg_m *m)
{
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    if (__atomic_load_n(&globq_size, __ATOMIC_RELAXED) > 0)
        return 1;
    for (int i = 0; i < threads; i++) {
        const mg_m *o = allm[i];
        if (o != m && __atomic_load_n(&o->runq_tail, __ATOMIC_RELAXED) !=
                          __atomic_load_n(&o->runq_head, __ATOMIC_RELAXED))
            return 1;
    }
    return 0;
}

/* Looks for stealable work for up to SPIN_NS, counted in nspinning so
 * that wakep need not wake anyone meanwhile. */
static int spin_for_work(const mg_m *m)
{
    uint64_t deadline = now_ns() + SPIN_NS;
    int found = 0;
    __atomic_fetch_add(&nspinning, 1, __ATOMIC_SEQ_CST);
    for (unsigned i = 1; !found; i++) {
        found = stealable_work(m);
        if ((i & 63) == 0 && now_ns() > deadline)
            break;
        cpu_relax();
    }
    __atomic_fetch_sub(&nspinning, 1, __ATOMIC_SEQ_CST);
    /* work put while wakep saw us spinning */
    return found || stealable_work(m);
}

/* Nothing to run on m (on its g0): wait a while, or until work is put
 * where any thread may take it. Returns a goroutine that stayed in
 * another thread's runnext all that time, or NULL to look again. */
static mg_goroutine *idle(mg_m *m)
{
    mg_m *owner = NULL;
    mg_goroutine *waiting = NULL;
    uint64_t seq = 0;
    struct timespec ts;
    int threads = __atomic_load_n(&nm, __ATOMIC_ACQUIRE);
    /* spin after running something or being woken, not after a wait
     * that found nothing */
    if (m->spin_next && spin_for_work(m))
        return NULL;
    m->spin_next = 0;
    for (int i = 0; i < threads && owner == NULL; i++) {
        mg_m *o = allm[i];
        if (o == m)
            continue;
        spin_lock(&o->qlock);
        if (o->runnext != NULL) {
            owner = o;
            waiting = o->runnext;
            seq = o->runnext_seq;
        }
        spin_unlock(&o->qlock);
    }
    pthread_mutex_lock(&idle_mu);
    if (__atomic_load_n(&globq_size, __ATOMIC_RELAXED) > 0) {
        pthread_mutex_unlock(&idle_mu);
        return NULL;
    }
    if (nidle + 1 == __atomic_load_n(&nm, __ATOMIC_ACQUIRE) && owner == NULL)
        deadlock(); /* every other thread waits too, and no queue holds a goroutine */
    __atomic_store_n(&nidle, nidle + 1, __ATOMIC_RELAXED);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_nsec += STEAL_WAIT_NS;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    if (pthread_cond_timedwait(&idle_cv, &idle_mu, &ts) == 0)
        m->spin_next = 1;
    __atomic_store_n(&nidle, nidle - 1, __ATOMIC_RELAXED);
    __atomic_store_n(&wake_pending, 0, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&idle_mu);
    if (owner != NULL) {
        mg_goroutine *gp = NULL;
        spin_lock(&owner->qlock);
        if (owner->runnext == waiting && owner->runnext_seq == seq) {
            gp = waiting;
            owner->runnext = NULL;
        }
        spin_unlock(&owner->qlock);
        return gp;
    }
    return NULL;
}

/* A thread's g0: runs goroutines, waits when there are none. */
static MG_NORETURN void mloop(void)
{
    for (;;) {
        mg_m *m = getm();
        int inherit_time;
        mg_goroutine *gp = find_runnable(m, &inherit_time);
        if (gp == NULL) {
            gp = idle(m);
            inherit_time = 1;
        }
        if (gp == NULL)
            continue;
        if (!inherit_time)
            m->schedtick++;
        execute(gp);
        m->spin_next = 1;
    }
}

void gopark(const char *wait_reason, void (*unlock)(void *), void *arg)
{
    mg_goroutine *gp = getg();
    mg_m *m = getm();
    gp->status = MG_G_WAITING;
    gp->wait_reason = wait_reason;
    m->park_unlock = unlock;
    m->park_arg = arg;
    schedule();
}

MG_NORETURN void gopark_forever(const char *wait_reason)
{
    gopark(wait_reason, NULL, NULL);
    throw_msg("unreachable");
}

void goready(mg_goroutine *gp)
{
    gp->status = MG_G_RUNNABLE;
    runqput(getm(), gp, 1);
}

/* A goroutine's life: its function, then death (Go's goexit0: the record
 * and the stack go to their free lists once it is off the stack). A
 * thread's g0 (M0's starts as a goroutine does) runs mloop instead. */
MG_NORETURN void mg_goroutine_main(mg_goroutine *gp)
{
    void *closure = gp->closure;
    switched_in();
    if (gp->is_g0)
        mloop();
    gp->closure = NULL;
    (*(void (**)(void *))closure)(closure);
    gp->status = MG_G_DEAD;
    gp->wait_reason = NULL;
    memset(&gp->panic, 0, sizeof gp->panic);
    getm()->dying = gp;
    schedule();
    throw_msg("unreachable");
}

void minigo_go(void *closure)
{
    mg_goroutine *gp;
    if (closure == NULL)
        throw_msg("go of nil func value"); /* Go 1.19's newproc1 */
    if (stack_reserve == 0)
        sched_init();
    gp = gfget(getm());
    if (gp == NULL) {
        sched_lock();
        gp = new_goroutine();
        sched_unlock();
    }
    gp->id = __atomic_fetch_add(&next_goid, 1, __ATOMIC_RELAXED);
    gp->closure = closure;
    gp->creator_pc = (uintptr_t)__builtin_return_address(0);
    gp->select_done = 0;
    gp->param = NULL;
    gp->sp = NULL; /* a dead record's is where it last switched away */
    gp->status = MG_G_RUNNABLE;
    runqput(getm(), gp, 1);
}

/* ---- tracebacks ---- */

/* A switched-out goroutine's frame pointer, saved by mg_switch. */
static uintptr_t saved_fp(const mg_goroutine *gp)
{
    const uintptr_t *frame = gp->sp;
#if defined(__x86_64__)
    return frame[5];
#else
    return frame[10];
#endif
}

/* "goroutine N [status]:", its frames (the running one's are `trace`),
 * and for any but main where it was created. */
static void print_goroutine(const mg_goroutine *gp, const char *status, const mg_trace *trace)
{
    mg_trace saved;
    pstr("\ngoroutine ");
    pint(gp->id);
    pstr(" [");
    pstr(status);
    pstr("]:\n");
    if (gp->status == MG_G_RUNNING && trace == NULL) {
        pstr("\tgoroutine running on other thread; stack unavailable\n");
    } else if (gp->closure != NULL) {
        /* not started: its function, at its first line */
        mg_print_entry(*(void **)gp->closure);
    } else {
        if (trace == NULL) {
            mg_trace_from(&saved, 0, saved_fp(gp), gp->stack_lo - gp->stack_guard, gp->stack_hi);
            trace = &saved;
        }
        mg_print_trace(trace);
    }
    if (gp != &main_g)
        mg_print_created_by(gp->creator_pc);
}

void print_goroutines(const mg_trace *trace, int all)
{
    const mg_goroutine *me = getg();
    if (!deadlocked)
        print_goroutine(me, "running", trace);
    if (!all && !deadlocked)
        return;
    /* Go's tracebackothers (and checkdead's): every other live goroutine
     * (the others keep running meanwhile: Go stops them first) */
    for (size_t i = 0; i < n_allgs; i++) {
        const mg_goroutine *gp = allgs[i];
        if (gp->status == MG_G_WAITING && (gp != me || deadlocked))
            print_goroutine(gp, gp->wait_reason, gp == me ? trace : NULL);
        else if (gp->status == MG_G_RUNNABLE && gp != me)
            print_goroutine(gp, "runnable", NULL);
        else if (gp->status == MG_G_RUNNING && gp != me)
            print_goroutine(gp, "running", NULL);
    }
}
