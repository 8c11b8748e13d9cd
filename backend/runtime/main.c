/* main.c: the process entry point: Boehm GC initialisation, argc/argv,
 * running the Go program (package initializer, then main.main) on a thread
 * with a Go-sized stack, flushing output, MINIGO_MEMSTATS at exit.
 */
#include "internal.h"

int minigo_argc;
char **minigo_argv;

static MG_NORETURN void run_go_main(void)
{
    install_altstack();
    minigo_main_init();
    main_main();
    minigo_exit(0);
    exit(0); /* not reached */
}

int thread_stack(uintptr_t *lo, uintptr_t *hi, size_t *guard)
{
    pthread_attr_t attr;
    void *addr;
    size_t size;
    int ok;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return 0;
    ok = pthread_attr_getstack(&attr, &addr, &size) == 0;
    if (ok) {
        *lo = (uintptr_t)addr;
        *hi = (uintptr_t)addr + size;
        *guard = 0;
        pthread_attr_getguardsize(&attr, guard);
    }
    pthread_attr_destroy(&attr);
    return ok;
}

static void *go_thread(void *arg)
{
    uintptr_t lo, hi;
    size_t guard;
    (void)arg;
    mg_cpuprof_thread();
    if (thread_stack(&lo, &hi, &guard))
        set_main_stack(lo, hi, guard);
    run_go_main();
}

/* The Go stack size: Go's limit is 1e9 bytes; we reserve 1 GiB of address
 * space (pages are committed as touched). MINIGO_STACKSIZE=<bytes>
 * overrides it (tests use a small one). */
static size_t go_stack_size(void)
{
    const char *s = getenv("MINIGO_STACKSIZE");
    size_t n = (size_t)1 << 30;
    if (s != NULL && *s) {
        char *end;
        unsigned long long v = strtoull(s, &end, 10);
        if (*end == 0 && v >= 65536)
            n = (size_t)v;
    } else {
        /* under an address-space limit (ulimit -v) leave most of it to the heap */
        struct rlimit rl;
        if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
            rl.rlim_cur / 4 < n)
            n = (size_t)(rl.rlim_cur / 4);
    }
    return n;
}

/* Collection pacing after Go's default, GOGC=100 (mgcpacer.go): a heap may
 * grow by about its live size before the next collection, and no collection
 * comes before 4 MiB have been allocated (Go's heapminimum). Boehm allocates
 * (2 * traced + untraced / 4 + roots) / divisor bytes between collections,
 * so divisor 2 gives Go's growth for pointerful heaps; its default, 3, with
 * no minimum, collected a small heap every few hundred KiB. GC_MARKERS and
 * GC_FREE_SPACE_DIVISOR in the environment still override these. */
static void set_gc_pacing(void)
{
    GC_set_free_space_divisor(2);
    GC_set_min_bytes_allocd((size_t)4 << 20);
}

int main(int argc, char **argv)
{
    pthread_t th;
    pthread_attr_t attr;
    size_t size;

    minigo_argc = argc;
    minigo_argv = argv;

    set_gc_pacing();
    GC_INIT();
    init_allocation_kinds();
    GC_set_warn_proc(mg_silent_warn);
    atexit(pflush);
    install_signals();
    mg_cpuprof_start();

    size = go_stack_size();
    if (pthread_attr_init(&attr) == 0) {
        pthread_attr_setguardsize(&attr, 64 * 1024);
        while (size >= ((size_t)8 << 20)) {
            if (pthread_attr_setstacksize(&attr, size) == 0 &&
                GC_pthread_create(&th, &attr, go_thread, NULL) == 0) {
                pthread_attr_destroy(&attr);
                GC_pthread_join(th, NULL); /* go_thread exits the process */
                minigo_exit(0);
            }
            size /= 2;
        }
        pthread_attr_destroy(&attr);
    }

    /* fallback: run on the main thread's stack */
    {
        struct rlimit rl;
        struct GC_stack_base sb;
        if (GC_get_stack_base(&sb) == GC_SUCCESS) {
            uintptr_t hi = (uintptr_t)sb.mem_base;
            uintptr_t lim = (uintptr_t)8 << 20;
            if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
                lim = (uintptr_t)rl.rlim_cur;
            if (lim < hi)
                set_main_stack(hi - lim, hi, (size_t)1 << 20);
        }
    }
    run_go_main();
}
