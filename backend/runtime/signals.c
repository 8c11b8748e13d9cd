/* signals.c: the signal backstop: SIGSEGV, SIGBUS and SIGFPE on an
 * alternate stack become Go's panic or fatal error texts (signal_unix.go's
 * sigpanic: which faults become which panic), and a fault near the Go
 * stack's end is Go's "stack overflow".
 */
#include "internal.h"

/* The interrupted code's frame pointer. */
uint64_t ucontext_fp(void *uc_)
{
#if defined(__x86_64__) && defined(REG_RBP)
    ucontext_t *uc = uc_;
    return (uint64_t)uc->uc_mcontext.gregs[REG_RBP];
#elif defined(__aarch64__)
    ucontext_t *uc = uc_;
    return (uint64_t)uc->uc_mcontext.regs[29];
#else
    (void)uc_;
    return 0;
#endif
}

/* The interrupted instruction's address. */
uint64_t ucontext_pc(void *uc_)
{
#if defined(__x86_64__) && defined(REG_RIP)
    ucontext_t *uc = uc_;
    return (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    ucontext_t *uc = uc_;
    return (uint64_t)uc->uc_mcontext.pc;
#else
    (void)uc_;
    return 0;
#endif
}

static void reset_and_raise(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    raise(sig);
}

/* previous SIGSEGV/SIGBUS handlers (e.g. the collector's, in incremental mode) */
static struct sigaction old_segv, old_bus;

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
    uint64_t addr = (uint64_t)(uintptr_t)si->si_addr;
    uint64_t pc = ucontext_pc(uc);
    struct sigaction *old = sig == SIGBUS ? &old_bus : &old_segv;
    const mg_goroutine *g = getg();

    in_signal_handler = 1;
    /* the traceback starts at the faulting code */
    mg_fault_pc = (uintptr_t)pc;
    mg_fault_fp = (uintptr_t)ucontext_fp(uc);

    /* stack overflow: a fault in the running goroutine's stack (a
     * main-thread stack that could not grow) or in/just below its guard
     * (a goroutine's is 64 KiB: sched.c) */
    if (sig == SIGSEGV && g->stack_lo != 0 && addr < g->stack_hi &&
        addr + g->stack_guard + ((uint64_t)64 << 20) >= g->stack_lo) {
        pflush();
        pstr("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        pstr("runtime: sp=");
        phex(addr);
        pstr(" stack=[");
        phex(g->stack_lo);
        pstr(", ");
        phex(g->stack_hi);
        pstr("]\n");
        pstr("fatal error: stack overflow\n");
        print_traceback(1, NULL);
        pflush();
        _exit(2);
    }
    /* sigpanic: a fault below 0x1000 is a nil dereference */
    if (sig == SIGSEGV && addr < 0x1000)
        panicmem_sig(sig, si->si_code, addr, pc);
    /* not ours: give it to a previously installed handler */
    in_signal_handler = 0;
    mg_fault_pc = mg_fault_fp = 0;
    if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction != NULL) {
        old->sa_sigaction(sig, si, uc);
        return;
    }
    if (!(old->sa_flags & SA_SIGINFO) && old->sa_handler != SIG_DFL &&
        old->sa_handler != SIG_IGN && old->sa_handler != NULL) {
        old->sa_handler(sig);
        return;
    }
    in_signal_handler = 1;
    pflush();
    pstr("unexpected fault address ");
    phex(addr);
    pstr("\nfatal error: fault\n");
    pstr(sig == SIGBUS ? "[signal SIGBUS: bus error" : "[signal SIGSEGV: segmentation violation");
    pstr(" code=");
    phex((uint64_t)(int64_t)si->si_code);
    pstr(" addr=");
    phex(addr);
    pstr(" pc=");
    phex(pc);
    pstr("]\n");
    print_traceback(1, NULL);
    pflush();
    _exit(2);
}

static void fpe_handler(int sig, siginfo_t *si, void *uc)
{
    in_signal_handler = 1;
    mg_fault_pc = (uintptr_t)ucontext_pc(uc);
    mg_fault_fp = (uintptr_t)ucontext_fp(uc);
    /* Go checks divisors explicitly, so its output has no signal line. */
    if (si->si_code == FPE_INTDIV)
        minigo_panicdivide();
    if (si->si_code == FPE_INTOVF)
        minigo_panicoverflow();
    pflush();
    reset_and_raise(sig);
}

/* Other deadly signals: keep the printed output, then die as before. */
static void flush_handler(int sig)
{
    pflush();
    reset_and_raise(sig);
}

void install_signals(void)
{
    struct sigaction sa;
    static const int flush_sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT};
    size_t i;

    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sa.sa_sigaction = fault_handler;
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
    sa.sa_sigaction = fpe_handler;
    sigaction(SIGFPE, &sa, NULL);

    for (i = 0; i < sizeof flush_sigs / sizeof flush_sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(flush_sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* keep ignored signals ignored (nohup) */
        memset(&sa, 0, sizeof sa);
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        sa.sa_handler = flush_handler;
        sigaction(flush_sigs[i], &sa, NULL);
    }
}

/* An alternate signal stack for the calling thread, so that a stack
 * overflow can still be reported. */
void install_altstack(void)
{
    stack_t ss;
    size_t size = 256 * 1024;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return;
    ss.ss_sp = p;
    ss.ss_size = size;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
}
