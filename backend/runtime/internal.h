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
 *   - The print buffer (64 KiB) is flushed when full, at exit, before every
 *     panic/fatal message, on fatal signals and by atexit().
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
extern unsigned char pbuf[MG_PBUF_SIZE];
extern size_t pbuf_len;
void pflush(void);
void pbytes(const void *p, size_t n);
void pstr(const char *s);
void puint(uint64_t v);
void pint(int64_t v);
void phex(uint64_t v);
void pfloat(double v);

/* panic.c: panics, fatal errors, tracebacks, defer and recover. */
extern volatile sig_atomic_t in_signal_handler;
void print_traceback(int force);
MG_NORETURN void die2(void);
MG_NORETURN void panic_finish(void);
MG_NORETURN void throw_msg(const char *msg);
MG_NORETURN void panic_runtime_error(const char *msg);
MG_NORETURN void panic_plain(const char *msg);
MG_NORETURN void panicmem_sig(int sig, int code, uint64_t addr, uint64_t pc);
void pname(const minigo_type *t);

/* iface.c: == on two values of type t, as the type's equality steps say. */
int32_t mg_values_equal(const minigo_type *t, const void *a, const void *b);

/* alloc.c: the collector, allocation, memstats. */
extern const uint64_t staticuint64s[256];
extern uint64_t stat_mallocs;
extern uint64_t stat_bytes;
void mg_silent_warn(char *msg, GC_word arg);
void init_allocation_kinds(void);
void *rawalloc(uint64_t size, int has_pointers);

/* signals.c: the SIGSEGV/SIGBUS/SIGFPE backstop. */
void install_signals(void);
void install_altstack(void);

/* main.c: the thread running Go code. Its stack bounds (for
 * stringDataOnStack and for recognising stack overflow in the SIGSEGV
 * handler), 0 when unknown. */
extern uintptr_t gstack_lo, gstack_hi;
extern size_t gstack_guard;

#endif
