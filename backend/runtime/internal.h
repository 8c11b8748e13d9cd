/* internal.h: what the runtime's files share with each other (not part of
 * the compiler's contract, which is minigo.h): the system headers, Go's
 * size limits, and the helpers one concern offers the others. Each .c file
 * says at its top what it owns. The conventions they all keep:
 *   - An empty string produced here is (NULL, 0), as Go's "" is; generated
 *     code must not dereference the pointer of a zero-length string.
 *   - A zero-size allocation returns &zerobase (a static, non-NULL object),
 *     as Go's mallocgc does; it is not counted in the memstats.
 *   - memstats count every allocation of > 0 bytes made through the runtime
 *     (minigo_alloc, growslice, makeslice, string conversions, concat,
 *     convT*) and the bytes requested (after the size-class rounding Go
 *     itself asks for, e.g. growslice's capmem; no further rounding).
 *   - Each thread has its own print buffer (64 KiB), flushed when full, at
 *     exit, before every panic/fatal message, on fatal signals, by atexit()
 *     and, once goroutines run on several threads, at the end of every
 *     print statement (so lines from different threads do not mix).
 *   - Goroutines move between threads (sched.c): a function that may park
 *     the running goroutine (a channel operation, or a call that runs Go
 *     code) must not read a thread-local variable after that point, because
 *     the compiler may reuse the address it computed on the old thread.
 *     Such code reads them through getg()/getm(), which are not inlined.
 *     Leaf code (printing, allocation counters) uses them directly.
 * Which Go 1.19 runtime sources each part follows (read for behaviour, not
 * copied) is in each file.
 */
#ifndef MINIGO_INTERNAL_H
#define MINIGO_INTERNAL_H

#define _GNU_SOURCE 1
#define GC_THREADS 1
#define GC_NO_THREAD_REDIRECTS 1
#include <gc.h>
#include <gc/gc_mark.h>

#include "minigo.h"

#include <errno.h>
#include <setjmp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

#define MG_NORETURN _Noreturn

#define MG_MAXALLOC ((uint64_t)1 << 48) /* Go's maxAlloc on 64-bit linux */
#define MG_PAGESIZE 8192u               /* Go's _PageSize */
#define MG_MAXSMALLSIZE 32768u          /* Go's _MaxSmallSize */
#define MG_TMPBUF 32                    /* Go's tmpStringBufSize */

/* print.c: the output buffer on fd 2 and Go's print formats. */
#define MG_PBUF_SIZE 65536
extern __thread unsigned char pbuf[MG_PBUF_SIZE];
extern __thread size_t pbuf_len;
void pflush(void);
void pbytes(const void *p, size_t n);
void pstr(const char *s);
void puint(uint64_t v);
void pint(int64_t v);
void phex(uint64_t v);
void pfloat(double v);

/* panic.c: panics, fatal errors, tracebacks, defer and recover. */
extern volatile sig_atomic_t in_signal_handler;
struct mg_trace;
void print_traceback(int force, const struct mg_trace *trace);
MG_NORETURN void die2(void);
MG_NORETURN void panic_finish(void);
/* Go's throw: "fatal error: msg" and a traceback even with GOTRACEBACK=none. */
MG_NORETURN void throw_msg(const char *msg);
/* Go's fatal (a user error, e.g. a deadlock): as throw_msg, but the
 * traceback follows GOTRACEBACK. */
MG_NORETURN void fatal_msg(const char *msg);
MG_NORETURN void panic_runtime_error(const char *msg);
MG_NORETURN void panic_plain(const char *msg);
MG_NORETURN void panicmem_sig(int sig, int code, uint64_t addr, uint64_t pc);
void pname(const minigo_type *t);

/* map.c: Go's fastrand, one generator per thread, each seeded from
 * /dev/urandom. */
uint64_t fastrand64(void);

/* iface.c: == on two values of type t, as the type's equality steps say. */
int32_t mg_values_equal(const minigo_type *t, const void *a, const void *b);

/* alloc.c: the collector, allocation, memstats. */
extern const uint64_t staticuint64s[256];
/* this thread's counts; MINIGO_MEMSTATS prints the sum (memstats_total) */
extern __thread uint64_t stat_mallocs;
extern __thread uint64_t stat_bytes;
void mg_silent_warn(char *msg, GC_word arg);
void init_allocation_kinds(void);
void *rawalloc(uint64_t size, int has_pointers);

/* main.c: the calling thread's stack (its lowest and highest address and
 * the size of its guard); 0 if the system does not say. */
int thread_stack(uintptr_t *lo, uintptr_t *hi, size_t *guard);

/* signals.c: the SIGSEGV/SIGBUS/SIGFPE backstop. */
void install_signals(void);
/* A signal context's interrupted instruction and frame pointer (signals.c). */
uint64_t ucontext_pc(void *uc);
uint64_t ucontext_fp(void *uc);
void install_altstack(void);

/* The panic and defer state of one goroutine (the part of Go's g that
 * panic.go uses; the records it points to are panic.c's). */
struct mg_frame;
struct mg_panic;
typedef struct mg_g {
    struct mg_frame *frame_top; /* the innermost frame with deferred calls */
    struct mg_panic *panic_top; /* the newest panic in flight */
    /* the value of the panic being raised, until unwind_panic makes its record */
    const minigo_type *raised_type;
    const void *raised_data;
    /* The closure context of the deferred call being made: recover() stops
     * a panic only when the deferred call itself calls it (gc compares the
     * caller's argument pointer; minigo compares the caller's closure
     * context, which generated code passes to minigo_recover). */
    void *deferred_context;
} mg_g;

/* traceback.c: the Go frames of a stack, from the compiler's function table. */
#define MG_TRACE_MAX 100
typedef struct mg_trace {
    uintptr_t pcs[MG_TRACE_MAX]; /* return addresses (the first: see exact_first) */
    int n;
    int exact_first; /* pcs[0] is a faulting instruction, not a return address */
} mg_trace;
extern __thread uintptr_t mg_fault_pc, mg_fault_fp; /* set by signals.c for the fault it reports */
void mg_trace_from(mg_trace *t, uintptr_t pc, uintptr_t fp, uintptr_t lo, uintptr_t hi);
void mg_trace_now(mg_trace *t);
void mg_print_trace(const mg_trace *t);
void mg_print_created_by(uintptr_t pc);
void mg_print_entry(const void *code);
/* The Go function whose code holds pc (NULL outside Go code), and the line
 * of code offset `off` in it (in the innermost inlined callee's source),
 * with the inlined call it is in (index + 1, or 0). */
const minigo_func *mg_find_func(uintptr_t pc);
uint32_t mg_line_at(const minigo_func *f, uintptr_t off, uint32_t *inlined);

/* cpuprof.c: MINIGO_CPUPROFILE=FILE, a CPU profile in pprof's format. */
void mg_cpuprof_start(void);
int mg_cpuprof_thread(void);
void mg_cpuprof_write(void);

/* sched.c: goroutines (Go's g) run by GOMAXPROCS threads (Go's M and P in
 * one). */
struct mg_sudog;
typedef struct mg_goroutine {
    void *sp; /* the saved stack pointer while switched out */
    uintptr_t stack_lo, stack_hi; /* the usable stack, above its guard */
    size_t stack_guard;
    void *gc_top; /* the stack's top as the collector is told it */
    int64_t id;
    int32_t status; /* MG_G_* */
    /* Go's selectDone: set by whoever dequeues one of this goroutine's
     * select waiters first; the others are then skipped. */
    uint32_t select_done;
    uint8_t on_cpu; /* a thread runs on its stack (changed under its switch_lock) */
    uint8_t is_g0;  /* a thread's scheduling context, not a goroutine */
    const char *wait_reason; /* while MG_G_WAITING: Go's waitReason text */
    void *closure;           /* the function to run, until it starts */
    struct mg_sudog *param;  /* Go's param: the waiter whose operation woke us */
    struct mg_goroutine *schedlink; /* next in the global run queue or the free list */
    uintptr_t creator_pc; /* the return address of the go statement's minigo_go call */
    mg_g panic;
} mg_goroutine;
enum { MG_G_IDLE, MG_G_RUNNABLE, MG_G_RUNNING, MG_G_WAITING, MG_G_DEAD };
/* The goroutine running on this thread, and this thread's panic state
 * (&getg()->panic). Not inlined: see the thread-local rule above. */
mg_goroutine *getg(void);
mg_g *panic_state(void);
/* The main goroutine's stack bounds (main.c finds them). */
void set_main_stack(uintptr_t lo, uintptr_t hi, size_t guard);
/* Set when goroutines run on several threads (GOMAXPROCS > 1 and a `go`
 * statement has run); locks are taken only then. */
extern int mg_threaded;
/* A spin lock (0: free), for short critical sections: a channel, a
 * thread's run queue. Spins, then yields the CPU. */
typedef uint32_t mg_spinlock;
/* A busy-wait iteration's pause (x86-64 pause, aarch64 yield). */
static inline void cpu_relax(void)
{
#if defined(__x86_64__)
    __builtin_ia32_pause();
#else
    __asm__ __volatile__("yield");
#endif
}
static inline void spin_lock(mg_spinlock *l)
{
    if (!mg_threaded)
        return;
    for (unsigned spins = 0; __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE);) {
        while (__atomic_load_n(l, __ATOMIC_RELAXED)) {
            if (++spins > 64) {
                sched_yield();
                spins = 0;
            } else {
                cpu_relax();
            }
        }
    }
}
static inline void spin_unlock(mg_spinlock *l)
{
    if (mg_threaded)
        __atomic_store_n(l, 0, __ATOMIC_RELEASE);
}
/* Parks the running goroutine (reason: Go's waitReason text, shown by a
 * deadlock's traceback) until goready; another goroutine runs meanwhile.
 * unlock(arg) releases the locks the caller holds (those of the channels
 * the goroutine waits on), once the goroutine is off its stack, so that
 * no thread can ready and run it before then (Go's park_m and unlockf).
 * No goroutine can ever run again: the deadlock fatal error. */
void gopark(const char *wait_reason, void (*unlock)(void *), void *arg);
MG_NORETURN void gopark_forever(const char *wait_reason);
/* Makes a parked goroutine runnable, next to run on this thread (Go's
 * goready). Called with no channel lock held. */
void goready(mg_goroutine *gp);
/* The goroutine part of a traceback (print_traceback): the running one's
 * (frames: `trace`), and with `all` (GOTRACEBACK=all, or after a
 * deadlock) every other live one's with its wait reason. */
void print_goroutines(const mg_trace *trace, int all);
/* MINIGO_MEMSTATS: the counts of every thread. */
void memstats_total(uint64_t *mallocs, uint64_t *bytes);

#endif
