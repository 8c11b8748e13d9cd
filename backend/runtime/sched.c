/* sched.c: goroutines: a single-threaded cooperative scheduler, goroutine
 * stacks, the context switch, and how the collector finds every
 * goroutine's stack. Follows Go 1.19's proc.go (newproc, goexit0,
 * gopark/goready, runqput/runqputslow/runqget, globrunqget,
 * findRunnable's order, schedtick, checkdead) and traceback.go
 * (goroutineheader, tracebackothers), as Go behaves with GOMAXPROCS=1.
 *
 * Scheduling. All goroutines run on the one thread that main.c starts, as
 * Go's goroutines do on a single P: there is no preemption, a goroutine
 * runs until it blocks (gopark) or returns. The main goroutine is that
 * thread's own stack. A new goroutine (minigo_go) and one made ready by a
 * channel operation (goready) become "runnext", the previous runnext moving
 * to the tail of the 256-entry local run queue; a full local queue moves
 * half of itself to the global queue (runqputslow), which every 61st
 * scheduling tick is looked at first (findRunnable's fairness check). The
 * creator keeps running after minigo_go. When the running goroutine blocks
 * and none is runnable, all are asleep: Go's deadlock fatal error. When
 * main.main returns the program exits, whatever the other goroutines do.
 * Goroutine ids follow Go 1.19 at GOMAXPROCS=1 for a program that imports
 * nothing, as minigo's programs: main is 1, the runtime's own goroutines
 * (forcegc, bgsweep, bgscavenge) take 2-4, the first `go` statement gets 5.
 * (Importing os adds the finalizer goroutine, 5, which also sits in
 * runnext when main.main starts.)
 *
 * Stacks. Each goroutine has a stack of stack_reserve bytes (64 MiB, or
 * MINIGO_STACKSIZE; under an address-space limit 1/32768 of that limit,
 * at least 128 KiB), mmap'd with MAP_NORESERVE, so only the pages a
 * goroutine touches are committed (a blocked goroutine costs a page or
 * two, plus its page-table page: 10,000 of them about 45 MB), with a
 * PROT_NONE guard of 64 KiB at its low end: running into it is reported
 * as Go's stack overflow (signals.c reads gstack_lo/hi/guard, which follow
 * the running goroutine). Generated code probes frames larger than a page,
 * so no frame jumps the guard. A stack and its guard are two memory
 * mappings, so vm.max_map_count (65530 by default) limits a program to
 * about 32,000 goroutines started and not yet returned at once; beyond
 * that the stack cannot be made and the program ends with "fatal error:
 * out of memory". A goroutine gets its stack when it first runs (made but
 * not started, it is a record of a few hundred bytes); one that returns
 * is dead: its record is reused by a later minigo_go (Go's gFree list) and
 * its stack by the next goroutine to start, never unmapped.
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
 * Collector. Boehm scans the stack of the running thread from its stack
 * pointer to the "stack bottom" registered for it. On every switch we
 * register the top of the goroutine about to run (GC_set_stackbottom,
 * under the collector's lock: GC_call_with_alloc_lock), so a collection
 * scans the running goroutine's live stack exactly; and a
 * GC_push_other_roots callback (chained before the previous one, which
 * pushes the thread stacks) pushes each switched-out goroutine's live range
 * [saved sp, stack top), the saved registers included, with
 * GC_push_all_eager -- the main goroutine's pthread stack too while
 * another goroutine runs. Goroutine records, channels and their buffers
 * are collector memory reachable from static roots (allgs) or from those
 * stacks; a waiter's record (sudog) lives in its blocked goroutine's frame.
 * Collections start only from this thread's allocations, never between
 * registering a stack and switching to it.
 */
#include "internal.h"

static mg_goroutine main_g = {.id = 1, .status = MG_G_RUNNING};
mg_goroutine *curg = &main_g;
mg_g *curg_panic = &main_g.panic;

/* Every goroutine record ever made, in the order made (Go's allgs: the
 * order of a deadlock's traceback); dead ones are reused in place. */
static mg_goroutine *allgs_first[1] = {&main_g};
static mg_goroutine **allgs = allgs_first;
static size_t n_allgs = 1, cap_allgs = 1;

/* The one P's run queues. */
#define RUNQ_SIZE 256
static mg_goroutine *runnext;
static mg_goroutine *runq[RUNQ_SIZE];
static uint32_t runq_head, runq_tail;
static mg_goroutine *globq_head, *globq_tail;
static int64_t globq_size;
/* Go's schedtick: counts goroutines started other than from runnext. By
 * the time main.main runs Go 1.19 has scheduled the runtime's own
 * goroutines during its start-up; MAIN_SCHEDTICK is that count (measured:
 * it sets the phase of the every-61-ticks look at the global queue, so
 * the order in which hundreds of goroutines made at once run). */
#define MAIN_SCHEDTICK 4
static uint32_t schedtick = MAIN_SCHEDTICK;

static mg_goroutine *gfree; /* dead goroutines, last dead first */
static int64_t next_goid = 5;
static int deadlocked;      /* print_goroutines: print all with their wait reasons */

static size_t stack_reserve; /* bytes mapped per goroutine stack, guard included */
static size_t stack_guard;

static void *gc_thread;      /* the collector's handle for this thread */
static void *main_gc_top;    /* the main goroutine's stack bottom as the collector knows it */
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

static void *GC_CALLBACK set_stackbottom_locked(void *top)
{
    struct GC_stack_base sb;
    memset(&sb, 0, sizeof sb);
    sb.mem_base = top;
    GC_set_stackbottom(gc_thread, &sb);
    return NULL;
}

/* Switched-out goroutines' stacks, from the saved stack pointer up. */
static void GC_CALLBACK push_goroutine_stacks(void)
{
    for (size_t i = 0; i < n_allgs; i++) {
        mg_goroutine *gp = allgs[i];
        if (gp == curg || gp->status == MG_G_DEAD || gp->sp == NULL) /* running, dead, or not started */
            continue;
        GC_push_all_eager(gp->sp, gp == &main_g ? main_gc_top : (void *)gp->stack_hi);
    }
    if (next_push_other_roots != NULL)
        next_push_other_roots();
}

/* ---- stacks ---- */

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
}

/* Most likely vm.max_map_count (the stacks of ~32,000 goroutines) or an
 * address-space limit. */
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
    pstr(" bytes of address space in two memory mappings: see ulimit -v and sysctl vm.max_map_count)\n");
    throw_msg("out of memory");
}

/* Stacks of dead goroutines, for the next goroutine that starts; each
 * keeps the link to the next in its lowest usable word. */
static uintptr_t free_stacks;
/* The stack of the goroutine that just died: freed by the next goroutine
 * to run, once nothing runs on it (release_dying_stack). */
static uintptr_t dying_stack_lo;

/* A stack for gp, which is about to run for the first time. */
static void give_stack(mg_goroutine *gp)
{
    if (free_stacks != 0) {
        gp->stack_lo = free_stacks;
        free_stacks = *(uintptr_t *)free_stacks;
    } else {
        void *p = mmap(NULL, stack_reserve, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (p == MAP_FAILED)
            stack_failure(errno);
        if (mprotect(p, stack_guard, PROT_NONE) != 0) {
            int err = errno;
            munmap(p, stack_reserve);
            stack_failure(err);
        }
        gp->stack_lo = (uintptr_t)p + stack_guard;
    }
    gp->stack_hi = gp->stack_lo - stack_guard + stack_reserve;
    gp->stack_guard = stack_guard;
}

static void release_dying_stack(void)
{
    if (dying_stack_lo != 0) {
        *(uintptr_t *)dying_stack_lo = free_stacks;
        free_stacks = dying_stack_lo;
        dying_stack_lo = 0;
    }
}

/* A new goroutine record, listed in allgs; its stack comes when it first
 * runs (give_stack), so goroutines made but not started cost no stack. */
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
        allgs = grown;
        cap_allgs = cap;
    }
    allgs[n_allgs++] = gp;
    return gp;
}

static void sched_init(void)
{
    struct GC_stack_base sb;
    init_stacks();
    /* The main goroutine is the thread main.c started. */
    main_g.stack_lo = gstack_lo;
    main_g.stack_hi = gstack_hi;
    main_g.stack_guard = gstack_guard;
    gc_thread = GC_get_my_stackbottom(&sb);
    main_gc_top = sb.mem_base;
    next_push_other_roots = GC_get_push_other_roots();
    GC_set_push_other_roots(push_goroutine_stacks);
}

/* ---- run queues (Go's runqput, runqputslow, globrunqget, findRunnable) ---- */

static void globrunqput(mg_goroutine *gp)
{
    gp->schedlink = NULL;
    if (globq_tail != NULL)
        globq_tail->schedlink = gp;
    else
        globq_head = gp;
    globq_tail = gp;
    globq_size++;
}

static mg_goroutine *globrunqpop(void)
{
    mg_goroutine *gp = globq_head;
    globq_head = gp->schedlink;
    if (globq_head == NULL)
        globq_tail = NULL;
    gp->schedlink = NULL;
    return gp;
}

static void runqput(mg_goroutine *gp, int next)
{
    if (next) {
        mg_goroutine *old = runnext;
        runnext = gp;
        if (old == NULL)
            return;
        gp = old;
    }
    if (runq_tail - runq_head < RUNQ_SIZE) {
        runq[runq_tail % RUNQ_SIZE] = gp;
        runq_tail++;
        return;
    }
    /* full: the older half, then gp, to the global queue */
    for (uint32_t i = 0; i < RUNQ_SIZE / 2; i++)
        globrunqput(runq[(runq_head + i) % RUNQ_SIZE]);
    runq_head += RUNQ_SIZE / 2;
    globrunqput(gp);
}

/* One goroutine from the global queue, and (max == 0) a share of the
 * rest moved to the local queue. */
static mg_goroutine *globrunqget(int64_t max)
{
    int64_t n = globq_size; /* sched.runqsize/gomaxprocs + 1, at most runqsize */
    mg_goroutine *gp;
    if (max > 0 && n > max)
        n = max;
    if (n > RUNQ_SIZE / 2)
        n = RUNQ_SIZE / 2;
    globq_size -= n;
    gp = globrunqpop();
    while (--n > 0)
        runqput(globrunqpop(), 0);
    return gp;
}

static mg_goroutine *find_runnable(int *inherit_time)
{
    mg_goroutine *gp;
    *inherit_time = 0;
    if (schedtick % 61 == 0 && globq_size > 0)
        return globrunqget(1);
    if (runnext != NULL) {
        gp = runnext;
        runnext = NULL;
        *inherit_time = 1;
        return gp;
    }
    if (runq_tail != runq_head) {
        gp = runq[runq_head % RUNQ_SIZE];
        runq_head++;
        return gp;
    }
    if (globq_size > 0)
        return globrunqget(0);
    return NULL;
}

/* ---- switching ---- */

static void execute(mg_goroutine *gp)
{
    mg_goroutine *prev = curg;
    gp->status = MG_G_RUNNING;
    if (gp == prev)
        return;
    if (gp->sp == NULL) {
        give_stack(gp);
        init_frame(gp);
    }
    curg = gp;
    curg_panic = &gp->panic;
    gstack_lo = gp->stack_lo;
    gstack_hi = gp->stack_hi;
    gstack_guard = gp->stack_guard;
    GC_call_with_alloc_lock(set_stackbottom_locked, gp == &main_g ? main_gc_top : (void *)gp->stack_hi);
    mg_switch(&prev->sp, gp->sp);
    release_dying_stack();
}

/* The running goroutine has stopped (parked or dead): run another. */
static void schedule(void)
{
    int inherit_time;
    mg_goroutine *gp = find_runnable(&inherit_time);
    if (gp == NULL) {
        /* Go's checkdead: every goroutine waits for another */
        deadlocked = 1;
        fatal_msg("all goroutines are asleep - deadlock!");
    }
    if (!inherit_time)
        schedtick++;
    execute(gp);
}

void gopark(const char *wait_reason)
{
    curg->status = MG_G_WAITING;
    curg->wait_reason = wait_reason;
    schedule();
}

MG_NORETURN void gopark_forever(const char *wait_reason)
{
    gopark(wait_reason);
    throw_msg("unreachable");
}

void goready(mg_goroutine *gp)
{
    gp->status = MG_G_RUNNABLE;
    runqput(gp, 1);
}

/* A goroutine's life: its function, then death (Go's goexit0: the record
 * and the stack go to their free lists; the stack is left only by
 * switching, so the next goroutine to run frees it). */
MG_NORETURN void mg_goroutine_main(mg_goroutine *gp)
{
    void *closure = gp->closure;
    release_dying_stack();
    gp->closure = NULL;
    (*(void (**)(void *))closure)(closure);
    gp->status = MG_G_DEAD;
    gp->wait_reason = NULL;
    memset(&gp->panic, 0, sizeof gp->panic);
    gp->schedlink = gfree;
    gfree = gp;
    /* the stack is left only by switching: the next goroutine frees it */
    dying_stack_lo = gp->stack_lo;
    gp->stack_lo = gp->stack_hi = 0;
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
    if (gfree != NULL) {
        gp = gfree;
        gfree = gp->schedlink;
        gp->schedlink = NULL;
    } else {
        gp = new_goroutine();
    }
    gp->id = next_goid++;
    gp->closure = closure;
    gp->creator_pc = (uintptr_t)__builtin_return_address(0);
    gp->select_done = 0;
    gp->param = NULL;
    gp->sp = NULL; /* a dead record's is where it last switched away */
    gp->status = MG_G_RUNNABLE;
    runqput(gp, 1);
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
    if (gp->closure != NULL) {
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
    if (!deadlocked)
        print_goroutine(curg, "running", trace);
    if (!all && !deadlocked)
        return;
    /* Go's tracebackothers (and checkdead's): every other live goroutine */
    for (size_t i = 0; i < n_allgs; i++) {
        const mg_goroutine *gp = allgs[i];
        if (gp->status == MG_G_WAITING && (gp != curg || deadlocked))
            print_goroutine(gp, gp->wait_reason, gp == curg ? trace : NULL);
        else if (gp->status == MG_G_RUNNABLE && gp != curg)
            print_goroutine(gp, "runnable", NULL);
    }
}
