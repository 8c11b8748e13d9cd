/* minigo runtime (C11, linked into every executable minigo builds).
 *
 * What this file owns:
 *   - the process entry point main(): Boehm GC initialisation, argc/argv,
 *     running the Go program (package initializer, then main.main) on a
 *     thread with a Go-sized stack, flushing output, MINIGO_MEMSTATS;
 *   - heap allocation (minigo_alloc & co.) through the Boehm collector;
 *   - Go's allocation size classes and append growth (roundupsize,
 *     growslice, makeslice);
 *   - the string helpers (concatenation, comparison, conversions between
 *     string, []byte, []rune and rune, for-range rune decoding);
 *   - the builtin print/println formatting, buffered on fd 2;
 *   - run-time panics and fatal errors: Go's exact texts, GOTRACEBACK,
 *     exit status 2, and a signal backstop (SIGSEGV/SIGBUS/SIGFPE) that turns
 *     hardware faults into Go's panic / fatal error texts.
 *
 * Which Go 1.19 runtime sources it follows (read for behaviour, not copied):
 *   print.go        printfloat/printint/printuint/printhex/printslice/printeface
 *   panic.go        printpanics, fatalpanic/dopanic_m (signal line, traceback)
 *   error.go        boundsError formats, TypeAssertionError, printany and
 *                   printanycustomtype (printpanicval of Go 1.19)
 *   runtime1.go     GOTRACEBACK parsing (setTraceback / gotraceback)
 *   signal_unix.go  sigpanic: which faults become which panic
 *   slice.go        growslice, makeslice
 *   msize.go, sizeclasses.go   roundupsize and the 68 size classes
 *   string.go       concatstrings, slicebytetostring, stringtoslicebyte,
 *                   stringtoslicerune, slicerunetostring, intstring, cmpstring
 *   utf8.go         decoderune / encoderune
 *   iface.go        convT16/convT32/convT64/convTstring/convTslice, staticuint64s
 *   malloc.go       zerobase, maxAlloc
 *
 * Conventions:
 *   - An empty string produced here is (NULL, 0), as Go's "" is; generated
 *     code must not dereference the pointer of a zero-length string.
 *   - A zero-size allocation returns &zerobase (a static, non-NULL object),
 *     as Go's mallocgc does; it is not counted in the memstats.
 *   - memstats count every allocation of > 0 bytes made through this file
 *     (minigo_alloc, growslice, makeslice, string conversions, concat, convT*)
 *     and the bytes requested (after the size-class rounding Go itself asks
 *     for, e.g. growslice's capmem; no further rounding).
 *   - The print buffer (64 KiB) is flushed when full, at exit, before every
 *     panic/fatal message, on fatal signals and by atexit().
 */
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

/* ------------------------------------------------------------------ */
/* globals                                                             */
/* ------------------------------------------------------------------ */

int minigo_argc;
char **minigo_argv;

/* Go's zerobase: the address of every zero-size allocation. */
static uint64_t zerobase;

/* Go's staticuint64s: boxed small integers and 1-byte strings point here. */
static const uint64_t staticuint64s[256] = {
#define MG_R4(n) (n), (n) + 1, (n) + 2, (n) + 3
#define MG_R16(n) MG_R4(n), MG_R4((n) + 4), MG_R4((n) + 8), MG_R4((n) + 12)
#define MG_R64(n) MG_R16(n), MG_R16((n) + 16), MG_R16((n) + 32), MG_R16((n) + 48)
    MG_R64(0), MG_R64(64), MG_R64(128), MG_R64(192)
#undef MG_R64
#undef MG_R16
#undef MG_R4
};

/* A zeroed read-only area, as Go's zeroVal (convTstring/convTslice of zero values). */
static const uint64_t zeroval[4];

#define MG_MAXALLOC ((uint64_t)1 << 48) /* Go's maxAlloc on 64-bit linux */
#define MG_PAGESIZE 8192u               /* Go's _PageSize */
#define MG_MAXSMALLSIZE 32768u          /* Go's _MaxSmallSize */
#define MG_TMPBUF 32                    /* Go's tmpStringBufSize */

static uint64_t stat_mallocs;
static uint64_t stat_bytes;

/* Stack bounds of the thread running Go code (for stringDataOnStack and
 * for recognising stack overflow in the SIGSEGV handler). 0 when unknown. */
static uintptr_t gstack_lo, gstack_hi;
static size_t gstack_guard;

/* ------------------------------------------------------------------ */
/* output buffer (fd 2)                                                */
/* ------------------------------------------------------------------ */

#define MG_PBUF_SIZE 65536
static unsigned char pbuf[MG_PBUF_SIZE];
static size_t pbuf_len;

static void write_all(const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(2, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return; /* nowhere to report it */
        }
        p += (size_t)w;
        n -= (size_t)w;
    }
}

static void pflush(void)
{
    size_t n = pbuf_len;
    pbuf_len = 0;
    if (n > 0)
        write_all(pbuf, n);
}

static void pbytes(const void *p, size_t n)
{
    if (n == 0)
        return;
    if (n > MG_PBUF_SIZE - pbuf_len) {
        pflush();
        if (n >= MG_PBUF_SIZE) {
            write_all((const unsigned char *)p, n);
            return;
        }
    }
    memcpy(pbuf + pbuf_len, p, n);
    pbuf_len += n;
}

static void pstr(const char *s) { pbytes(s, strlen(s)); }

static void puint(uint64_t v)
{
    char buf[24];
    int i = (int)sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    pbytes(buf + i, sizeof buf - (size_t)i);
}

static void pint(int64_t v)
{
    if (v < 0) {
        pbytes("-", 1);
        puint((uint64_t)0 - (uint64_t)v);
    } else {
        puint((uint64_t)v);
    }
}

static void phex(uint64_t v)
{
    static const char dig[] = "0123456789abcdef";
    char buf[24];
    int i = (int)sizeof buf;
    do {
        buf[--i] = dig[v & 15];
        v >>= 4;
    } while (v != 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    pbytes(buf + i, sizeof buf - (size_t)i);
}

/* Go's printfloat: 7 significant digits, "+d.dddddde+ddd". It must round
 * exactly like Go, so no fused multiply-add contraction here. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC push_options
#pragma GCC optimize("fp-contract=off")
#endif
static void pfloat(double v)
{
    enum { N = 7 };
    char buf[N + 7];
    int e = 0;

    if (v != v) {
        pstr("NaN");
        return;
    }
    if (v + v == v && v > 0) {
        pstr("+Inf");
        return;
    }
    if (v + v == v && v < 0) {
        pstr("-Inf");
        return;
    }

    buf[0] = '+';
    if (v == 0) {
        if (1 / v < 0)
            buf[0] = '-';
    } else {
        double h;
        int i;
        if (v < 0) {
            v = -v;
            buf[0] = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        h = 5.0;
        for (i = 0; i < N; i++)
            h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < N; i++) {
        int s = (int)v;
        buf[i + 2] = (char)(s + '0');
        v -= (double)s;
        v *= 10;
    }
    buf[1] = buf[2];
    buf[2] = '.';
    buf[N + 2] = 'e';
    buf[N + 3] = '+';
    if (e < 0) {
        e = -e;
        buf[N + 3] = '-';
    }
    buf[N + 4] = (char)(e / 100 + '0');
    buf[N + 5] = (char)((e / 10) % 10 + '0');
    buf[N + 6] = (char)(e % 10 + '0');
    pbytes(buf, sizeof buf);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC pop_options
#endif

/* ---- print / println ---- */

void minigo_printint(int64_t v) { pint(v); }
void minigo_printuint(uint64_t v) { puint(v); }
void minigo_printhex(uint64_t v) { phex(v); }
void minigo_printfloat(double v) { pfloat(v); }
void minigo_printbool(int32_t v) { pstr(v ? "true" : "false"); }
void minigo_printstring(const uint8_t *p, int64_t len)
{
    if (len > 0)
        pbytes(p, (size_t)len);
}
void minigo_printpointer(const void *p) { phex((uint64_t)(uintptr_t)p); }
void minigo_printslice(const void *p, int64_t len, int64_t cap)
{
    pbytes("[", 1);
    pint(len);
    pbytes("/", 1);
    pint(cap);
    pbytes("]", 1);
    phex((uint64_t)(uintptr_t)p);
}
void minigo_printeface(const minigo_type *t, const void *data)
{
    pbytes("(", 1);
    phex((uint64_t)(uintptr_t)t);
    pbytes(",", 1);
    phex((uint64_t)(uintptr_t)data);
    pbytes(")", 1);
}
void minigo_printsp(void) { pbytes(" ", 1); }
void minigo_printnl(void) { pbytes("\n", 1); }
void minigo_printflush(void) { pflush(); }

/* ------------------------------------------------------------------ */
/* exit, tracebacks, panics                                            */
/* ------------------------------------------------------------------ */

static void print_memstats(void)
{
    const char *m = getenv("MINIGO_MEMSTATS");
    if (m != NULL && strcmp(m, "1") == 0) {
        pstr("memstats: mallocs=");
        puint(stat_mallocs);
        pstr(" bytes=");
        puint(stat_bytes);
        pstr("\n");
        pflush();
    }
}

void minigo_exit(int32_t code)
{
    pflush();
    print_memstats();
    exit(code);
}

/* GOTRACEBACK as runtime1.go's setTraceback reads it. */
static int traceback_level(int *crash)
{
    const char *s = getenv("GOTRACEBACK");
    *crash = 0;
    if (s == NULL || s[0] == 0 || strcmp(s, "single") == 0 || strcmp(s, "all") == 0)
        return 1;
    if (strcmp(s, "none") == 0)
        return 0;
    if (strcmp(s, "system") == 0)
        return 2;
    if (strcmp(s, "crash") == 0) {
        *crash = 1;
        return 2;
    }
    /* a number: level n when 0 <= n <= 2^32-1, otherwise 0 */
    {
        const char *q = s;
        int neg = 0;
        uint64_t n = 0;
        if (*q == '-') {
            neg = 1;
            q++;
        }
        if (*q == 0)
            return 0;
        for (; *q; q++) {
            if (*q < '0' || *q > '9')
                return 0;
            n = n * 10 + (uint64_t)(*q - '0');
            if (n > 0xffffffffu)
                return 0;
        }
        if (neg && n != 0)
            return 0;
        return n > 0 ? 1 : 0; /* any level >= 1 prints our one-frame trace */
    }
}

/* The part after the panic lines: Go's "\ngoroutine 1 [running]:" and
 * frames. We cannot name real frames; we print one stub frame. */
static void print_traceback(int force)
{
    int crash;
    int level = traceback_level(&crash);
    if (level > 0 || force) {
        pstr("\ngoroutine 1 [running]:\nmain.main()\n\t?:0 +0x0\n");
    }
    pflush();
    if (crash) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_DFL;
        sigaction(SIGABRT, &sa, NULL);
        abort();
    }
}

/* set while a fatal signal is being reported: exit without atexit work */
static volatile sig_atomic_t in_signal_handler;

static MG_NORETURN void die2(void)
{
    pflush();
    if (in_signal_handler)
        _exit(2);
    exit(2);
}

static MG_NORETURN void unwind_panic(void);

/* Ends a panic whose "panic: ..." text is in the buffer (without newline).
 * With deferred calls pending, the text is kept and the stack unwinds to
 * the innermost function that has them (see "defer and recover" below). */
static MG_NORETURN void panic_finish(void)
{
    unwind_panic();
}

/* "fatal error: msg" (runtime throw): Go prints a traceback regardless of
 * GOTRACEBACK=none for runtime throws. */
static MG_NORETURN void throw_msg(const char *msg)
{
    pstr("fatal error: ");
    pstr(msg);
    pstr("\n");
    print_traceback(1);
    die2();
}

static MG_NORETURN void panic_runtime_error(const char *msg)
{
    pflush();
    pstr("panic: runtime error: ");
    pstr(msg);
    panic_finish();
}

/* boundsError codes, in runtime/error.go's order */
enum {
    B_INDEX, B_SLICE_ALEN, B_SLICE_ACAP, B_SLICE_B, B_SLICE3_ALEN, B_SLICE3_ACAP,
    B_SLICE3_B, B_SLICE3_C, B_CONVERT
};

static const char *const bounds_fmts[] = {
    "index out of range [%x] with length %y",
    "slice bounds out of range [:%x] with length %y",
    "slice bounds out of range [:%x] with capacity %y",
    "slice bounds out of range [%x:%y]",
    "slice bounds out of range [::%x] with length %y",
    "slice bounds out of range [::%x] with capacity %y",
    "slice bounds out of range [:%x:%y]",
    "slice bounds out of range [%x:%y:]",
    "cannot convert slice with length %y to pointer to array with length %x",
};

static const char *const bounds_neg_fmts[] = {
    "index out of range [%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [:%x]",
    "slice bounds out of range [%x:]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [::%x]",
    "slice bounds out of range [:%x:]",
    "slice bounds out of range [%x::]",
    "cannot convert slice with length %y to pointer to array with length %x",
};

static MG_NORETURN void panic_bounds(int code, int64_t x, int is_signed, int64_t y)
{
    const char *f = (is_signed && x < 0) ? bounds_neg_fmts[code] : bounds_fmts[code];
    pflush();
    pstr("panic: runtime error: ");
    for (; *f; f++) {
        if (*f != '%') {
            pbytes(f, 1);
            continue;
        }
        f++;
        if (*f == 'x') {
            if (is_signed)
                pint(x);
            else
                puint((uint64_t)x);
        } else {
            pint(y);
        }
    }
    panic_finish();
}

/* header `which` -> boundsError code */
static int slice_code(int32_t which)
{
    switch (which) {
    case 0: return B_SLICE_ACAP;
    case 1: return B_SLICE_ALEN;
    case 2: return B_SLICE_B;
    case 3: return B_SLICE3_ACAP;
    case 4: return B_SLICE3_B;
    case 5: return B_SLICE3_C;
    case 6: return B_SLICE3_ALEN;
    case 7: return B_CONVERT;
    default: return B_SLICE_B;
    }
}

void minigo_panicindex(int64_t index, int64_t len) { panic_bounds(B_INDEX, index, 1, len); }
void minigo_panicindexu(uint64_t index, int64_t len) { panic_bounds(B_INDEX, (int64_t)index, 0, len); }
void minigo_panicslice(int32_t which, int64_t x, int64_t y) { panic_bounds(slice_code(which), x, 1, y); }
void minigo_panicsliceu(int32_t which, uint64_t x, int64_t y)
{
    panic_bounds(slice_code(which), (int64_t)x, 0, y);
}
void minigo_panicdivide(void) { panic_runtime_error("integer divide by zero"); }
void minigo_panicshift(void) { panic_runtime_error("negative shift amount"); }
void minigo_panicoverflow(void) { panic_runtime_error("integer overflow"); }

static MG_NORETURN void panicmem_sig(int sig, int code, uint64_t addr, uint64_t pc)
{
    pflush();
    pstr("panic: runtime error: invalid memory address or nil pointer dereference\n");
    pstr(sig == SIGBUS ? "[signal SIGBUS: bus error" : "[signal SIGSEGV: segmentation violation");
    pstr(" code=");
    phex((uint64_t)(int64_t)code);
    pstr(" addr=");
    phex(addr);
    pstr(" pc=");
    phex(pc);
    pstr("]");
    if (in_signal_handler) {
        /* Leaving the handler by longjmp for a deferred recover: let the
         * next fault be delivered again. */
        sigset_t faults;
        sigemptyset(&faults);
        sigaddset(&faults, SIGSEGV);
        sigaddset(&faults, SIGBUS);
        sigprocmask(SIG_UNBLOCK, &faults, NULL);
        in_signal_handler = 0;
    }
    panic_finish();
}

void minigo_panicnil(void)
{
    panicmem_sig(SIGSEGV, 1 /* SEGV_MAPERR */, 0,
                 (uint64_t)(uintptr_t)__builtin_return_address(0));
}

static void pname(const minigo_type *t)
{
    if (t->name != NULL && t->name_len > 0)
        pbytes(t->name, (size_t)t->name_len);
}

static int same_name(const minigo_type *a, const minigo_type *b)
{
    return a->name_len == b->name_len &&
           (a->name_len == 0 || memcmp(a->name, b->name, (size_t)a->name_len) == 0);
}

static MG_NORETURN void panic_dottype(const minigo_type *inter, const minigo_type *have,
                                      const minigo_type *want)
{
    pflush();
    pstr("panic: interface conversion: ");
    if (inter != NULL)
        pname(inter);
    else
        pstr("interface {}");
    if (have == NULL) {
        pstr(" is nil, not ");
        pname(want);
    } else {
        pstr(" is ");
        pname(have);
        pstr(", not ");
        pname(want);
        if (same_name(have, want))
            pstr(" (types from different scopes)");
    }
    panic_finish();
}

void minigo_panicdottype(const minigo_type *have, const minigo_type *want)
{
    panic_dottype(NULL, have, want);
}

void minigo_panicdottype2(const minigo_type *inter, const minigo_type *have,
                          const minigo_type *want)
{
    panic_dottype(inter, have, want);
}

void minigo_panicmissingmethod(const minigo_type *have, const minigo_type *want,
                               const uint8_t *method, int64_t method_len)
{
    pflush();
    pstr("panic: interface conversion: ");
    pname(have);
    pstr(" is not ");
    pname(want);
    pstr(": missing method ");
    minigo_printstring(method, method_len);
    panic_finish();
}

/* The spelling of an unnamed basic type, per kind (NULL: not basic). */
static const char *basic_name(uint32_t kind)
{
    switch (kind) {
    case MINIGO_KIND_BOOL: return "bool";
    case MINIGO_KIND_INT: return "int";
    case MINIGO_KIND_INT8: return "int8";
    case MINIGO_KIND_INT16: return "int16";
    case MINIGO_KIND_INT32: return "int32";
    case MINIGO_KIND_INT64: return "int64";
    case MINIGO_KIND_UINT: return "uint";
    case MINIGO_KIND_UINT8: return "uint8";
    case MINIGO_KIND_UINT16: return "uint16";
    case MINIGO_KIND_UINT32: return "uint32";
    case MINIGO_KIND_UINT64: return "uint64";
    case MINIGO_KIND_UINTPTR: return "uintptr";
    case MINIGO_KIND_FLOAT32: return "float32";
    case MINIGO_KIND_FLOAT64: return "float64";
    case MINIGO_KIND_STRING: return "string";
    default: return NULL;
    }
}

/* print() of the boxed basic value at data, by kind */
static void print_basic(uint32_t kind, const void *data)
{
    switch (kind) {
    case MINIGO_KIND_BOOL: minigo_printbool(*(const uint8_t *)data != 0); break;
    case MINIGO_KIND_INT:
    case MINIGO_KIND_INT64: { int64_t v; memcpy(&v, data, 8); pint(v); break; }
    case MINIGO_KIND_INT8: pint(*(const int8_t *)data); break;
    case MINIGO_KIND_INT16: { int16_t v; memcpy(&v, data, 2); pint(v); break; }
    case MINIGO_KIND_INT32: { int32_t v; memcpy(&v, data, 4); pint(v); break; }
    case MINIGO_KIND_UINT:
    case MINIGO_KIND_UINT64:
    case MINIGO_KIND_UINTPTR: { uint64_t v; memcpy(&v, data, 8); puint(v); break; }
    case MINIGO_KIND_UINT8: puint(*(const uint8_t *)data); break;
    case MINIGO_KIND_UINT16: { uint16_t v; memcpy(&v, data, 2); puint(v); break; }
    case MINIGO_KIND_UINT32: { uint32_t v; memcpy(&v, data, 4); puint(v); break; }
    case MINIGO_KIND_FLOAT32: { float v; memcpy(&v, data, 4); pfloat((double)v); break; }
    case MINIGO_KIND_FLOAT64: { double v; memcpy(&v, data, 8); pfloat(v); break; }
    case MINIGO_KIND_STRING: {
        const uint8_t *p;
        int64_t n;
        memcpy(&p, data, sizeof p);
        memcpy(&n, (const char *)data + 8, 8);
        minigo_printstring(p, n);
        break;
    }
    default: break;
    }
}

/* Go 1.19 printany / printanycustomtype */
static void print_any(const minigo_type *t, const void *data)
{
    const char *bn;
    if (t == NULL) {
        pstr("nil");
        return;
    }
    bn = basic_name(t->kind);
    if (bn != NULL && data != NULL) {
        if ((size_t)t->name_len == strlen(bn) && memcmp(t->name, bn, strlen(bn)) == 0) {
            print_basic(t->kind, data);
            return;
        }
        pname(t);
        if (t->kind == MINIGO_KIND_STRING) {
            pstr("(\"");
            print_basic(t->kind, data);
            pstr("\")");
        } else {
            pstr("(");
            print_basic(t->kind, data);
            pstr(")");
        }
        return;
    }
    pstr("(");
    pname(t);
    pstr(") ");
    phex((uint64_t)(uintptr_t)data);
}

static void set_panic_value(const minigo_type *t, const void *data);

void minigo_gopanic(const minigo_type *t, const void *data)
{
    set_panic_value(t, data);
    pflush();
    pstr("panic: ");
    print_any(t, data);
    panic_finish();
}

/* A panic whose value is an error or Stringer: Go prints the text of its
 * Error()/String() method (preprintpanics), as is. */
void minigo_gopanicstring(const uint8_t *p, int64_t len)
{
    pflush();
    pstr("panic: ");
    minigo_printstring(p, len);
    panic_finish();
}

void minigo_throw(const uint8_t *p, int64_t len)
{
    pflush();
    pstr("fatal error: ");
    minigo_printstring(p, len);
    pstr("\n");
    print_traceback(1);
    die2();
}

/* ------------------------------------------------------------------ */
/* memory                                                              */
/* ------------------------------------------------------------------ */

static void mg_silent_warn(char *msg, GC_word arg)
{
    (void)msg;
    (void)arg;
}

static MG_NORETURN void out_of_memory(uint64_t size)
{
    pflush();
    pstr("runtime: out of memory: cannot allocate ");
    puint(size);
    pstr("-byte block\n");
    throw_msg("out of memory");
}

/* Below this size clearing by memset is cheaper than a system call and the
 * page faults that follow it. */
#define MG_DISCARD_MIN ((uint64_t)1 << 20)

/* Zeroes n bytes of heap memory. Large ranges hand their whole pages back to
 * the kernel instead of writing them (the collector's heap is private
 * anonymous memory, which reads as zero pages after MADV_DONTNEED), so a big
 * make that is only partly used costs only the pages it touches, as in Go,
 * whose fresh spans come zeroed from the OS. */
static void clear_memory(uint8_t *p, uint64_t n)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + (uintptr_t)n) & ~(page - 1);
    if (n < MG_DISCARD_MIN || end <= start ||
        madvise((void *)start, end - start, MADV_DONTNEED) != 0) {
        memset(p, 0, (size_t)n);
        return;
    }
    memset(p, 0, start - (uintptr_t)p);
    memset((void *)end, 0, (uintptr_t)p + (uintptr_t)n - end);
}

/* The collector's kind for large pointerful objects: scanned like GC_MALLOC's
 * but not cleared by the collector, which would write every page; rawalloc
 * clears them with clear_memory before anything can look at them. */
static int big_pointerful_kind;

static void init_allocation_kinds(void)
{
    big_pointerful_kind = (int)GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 0);
}

/* Allocation without the zeroing of pointer-free memory (callers fill or
 * clear it). Pointerful memory always comes back zeroed. */
static void *rawalloc(uint64_t size, int has_pointers)
{
    void *p;
    if (size == 0)
        return &zerobase;
    if (size > MG_MAXALLOC)
        out_of_memory(size);
    stat_mallocs++;
    stat_bytes += size;
    if (!has_pointers)
        p = GC_MALLOC_ATOMIC((size_t)size);
    else if (size < MG_DISCARD_MIN)
        p = GC_MALLOC((size_t)size);
    else if ((p = GC_generic_malloc((size_t)size, big_pointerful_kind)) != NULL)
        clear_memory(p, size);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

void *minigo_alloc(uint64_t size, uint32_t has_pointers)
{
    void *p = rawalloc(size, has_pointers != 0);
    if (!has_pointers && size != 0)
        clear_memory(p, size);
    return p;
}

void *minigo_zerobase(void) { return &zerobase; }

/* Go 1.19 class_to_size (sizeclasses.go), without class 0. */
static const uint16_t size_classes[] = {
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
    288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
    1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
    6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

uint64_t minigo_roundupsize(uint64_t size)
{
    if (size < MG_MAXSMALLSIZE) {
        /* smallest size class >= size */
        size_t lo = 0, hi = sizeof size_classes / sizeof size_classes[0];
        if (size == 0)
            return 0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (size_classes[mid] < size)
                lo = mid + 1;
            else
                hi = mid;
        }
        return size_classes[lo];
    }
    if (size + MG_PAGESIZE < size)
        return size;
    return (size + (MG_PAGESIZE - 1)) & ~(uint64_t)(MG_PAGESIZE - 1);
}

void *minigo_growslice(void *old_ptr, int64_t old_len, int64_t old_cap, int64_t needed_len,
                       uint64_t elem_size, uint32_t elem_has_pointers, int64_t *newcap_out)
{
    int64_t cap = needed_len;
    int64_t newcap, doublecap;
    uint64_t lenmem, capmem;
    unsigned char *p;

    if (cap < old_cap)
        panic_runtime_error("growslice: cap out of range");
    if (elem_size == 0) {
        *newcap_out = cap;
        return &zerobase;
    }

    newcap = old_cap;
    doublecap = (int64_t)((uint64_t)newcap + (uint64_t)newcap);
    if (cap > doublecap) {
        newcap = cap;
    } else {
        const int64_t threshold = 256;
        if (old_cap < threshold) {
            newcap = doublecap;
        } else {
            /* 0 < newcap detects overflow (Go's int arithmetic wraps) */
            while (0 < newcap && newcap < cap)
                newcap = (int64_t)((uint64_t)newcap +
                                   (uint64_t)((newcap + 3 * threshold) / 4));
            if (newcap <= 0)
                newcap = cap;
        }
    }

    if ((uint64_t)newcap > MG_MAXALLOC / elem_size)
        panic_runtime_error("growslice: cap out of range");
    capmem = minigo_roundupsize((uint64_t)newcap * elem_size);
    if (capmem > MG_MAXALLOC)
        panic_runtime_error("growslice: cap out of range");

    lenmem = (uint64_t)old_len * elem_size;
    p = rawalloc(capmem, elem_has_pointers != 0);
    if (lenmem > 0)
        memmove(p, old_ptr, (size_t)lenmem);
    if (!elem_has_pointers)
        clear_memory(p + lenmem, capmem - lenmem);
    *newcap_out = (int64_t)(capmem / elem_size);
    return p;
}

void *minigo_makeslice(uint64_t elem_size, int64_t len, int64_t cap, uint32_t elem_has_pointers)
{
    int over = elem_size != 0 && (uint64_t)cap > MG_MAXALLOC / elem_size;
    if (over || len < 0 || cap < 0 || len > cap) {
        /* 'len out of range' when the length alone is already bad */
        if ((elem_size != 0 && (uint64_t)len > MG_MAXALLOC / elem_size) || len < 0)
            panic_runtime_error("makeslice: len out of range");
        panic_runtime_error("makeslice: cap out of range");
    }
    return minigo_alloc(elem_size * (uint64_t)cap, elem_has_pointers);
}

/* ---- boxing into interface{} (iface.go convT*) ---- */

const void *minigo_convT8(uint8_t v) { return &staticuint64s[v]; }

const void *minigo_convT16(uint16_t v)
{
    uint16_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(2, 0);
    *p = v;
    return p;
}

const void *minigo_convT32(uint32_t v)
{
    uint32_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(4, 0);
    *p = v;
    return p;
}

const void *minigo_convT64(uint64_t v)
{
    uint64_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(8, 0);
    *p = v;
    return p;
}

const void *minigo_convTstring(const uint8_t *ptr, int64_t len)
{
    int64_t *p;
    if (len == 0)
        return zeroval;
    p = rawalloc(16, 1);
    memcpy(p, &ptr, sizeof ptr);
    p[1] = len;
    return p;
}

const void *minigo_convTslice(const void *ptr, int64_t len, int64_t cap)
{
    int64_t *p;
    if (ptr == NULL)
        return zeroval;
    p = rawalloc(24, 1);
    memcpy(p, &ptr, sizeof ptr);
    p[1] = len;
    p[2] = cap;
    return p;
}

const void *minigo_convT(const minigo_type *t, const void *v)
{
    void *p = rawalloc(t->size, t->has_pointers != 0);
    if (t->size != 0)
        memmove(p, v, (size_t)t->size);
    return p;
}

/* ------------------------------------------------------------------ */
/* strings                                                             */
/* ------------------------------------------------------------------ */

enum { RUNE_ERROR = 0xFFFD, MAX_RUNE = 0x10FFFF, SURR_MIN = 0xD800, SURR_MAX = 0xDFFF };

static int string_on_stack(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    return gstack_hi != 0 && gstack_lo <= a && a < gstack_hi;
}

static void set_str(int64_t *out, const void *p, int64_t len)
{
    out[0] = (int64_t)(uintptr_t)p;
    out[1] = len;
}

static void set_slice(int64_t *out, const void *p, int64_t len, int64_t cap)
{
    out[0] = (int64_t)(uintptr_t)p;
    out[1] = len;
    out[2] = cap;
}

/* UTF-8 length of r as encoderune writes it */
static int rune_len(int32_t r)
{
    uint32_t i = (uint32_t)r;
    if (i <= 0x7F)
        return 1;
    if (i <= 0x7FF)
        return 2;
    if (i > MAX_RUNE || (SURR_MIN <= i && i <= SURR_MAX))
        return 3;
    if (i <= 0xFFFF)
        return 3;
    return 4;
}

static int encode_rune(uint8_t *p, int32_t r)
{
    uint32_t i = (uint32_t)r;
    if (i <= 0x7F) {
        p[0] = (uint8_t)i;
        return 1;
    }
    if (i <= 0x7FF) {
        p[0] = (uint8_t)(0xC0 | (i >> 6));
        p[1] = (uint8_t)(0x80 | (i & 0x3F));
        return 2;
    }
    if (i > MAX_RUNE || (SURR_MIN <= i && i <= SURR_MAX))
        i = RUNE_ERROR;
    if (i <= 0xFFFF) {
        p[0] = (uint8_t)(0xE0 | (i >> 12));
        p[1] = (uint8_t)(0x80 | ((i >> 6) & 0x3F));
        p[2] = (uint8_t)(0x80 | (i & 0x3F));
        return 3;
    }
    p[0] = (uint8_t)(0xF0 | (i >> 18));
    p[1] = (uint8_t)(0x80 | ((i >> 12) & 0x3F));
    p[2] = (uint8_t)(0x80 | ((i >> 6) & 0x3F));
    p[3] = (uint8_t)(0x80 | (i & 0x3F));
    return 4;
}

static int is_cont(uint8_t b) { return b >= 0x80 && b <= 0xBF; }

/* Go's decoderune, plus the ASCII case the compiler inlines. Returns the
 * rune; *next receives the index after it. */
static int32_t decode_rune(const uint8_t *s, int64_t len, int64_t k, int64_t *next)
{
    uint8_t c;
    int64_t n;
    if (k >= len) {
        *next = k + 1;
        return RUNE_ERROR;
    }
    c = s[k];
    n = len - k;
    if (c < 0x80) {
        *next = k + 1;
        return c;
    }
    if (c >= 0xC0 && c < 0xE0) {
        if (n > 1 && is_cont(s[k + 1])) {
            int32_t r = (int32_t)(c & 0x1F) << 6 | (int32_t)(s[k + 1] & 0x3F);
            if (r > 0x7F) {
                *next = k + 2;
                return r;
            }
        }
    } else if (c >= 0xE0 && c < 0xF0) {
        if (n > 2 && is_cont(s[k + 1]) && is_cont(s[k + 2])) {
            int32_t r = (int32_t)(c & 0x0F) << 12 | (int32_t)(s[k + 1] & 0x3F) << 6 |
                        (int32_t)(s[k + 2] & 0x3F);
            if (r > 0x7FF && !(r >= SURR_MIN && r <= SURR_MAX)) {
                *next = k + 3;
                return r;
            }
        }
    } else if (c >= 0xF0 && c < 0xF8) {
        if (n > 3 && is_cont(s[k + 1]) && is_cont(s[k + 2]) && is_cont(s[k + 3])) {
            int32_t r = (int32_t)(c & 0x07) << 18 | (int32_t)(s[k + 1] & 0x3F) << 12 |
                        (int32_t)(s[k + 2] & 0x3F) << 6 | (int32_t)(s[k + 3] & 0x3F);
            if (r > 0xFFFF && r <= MAX_RUNE) {
                *next = k + 4;
                return r;
            }
        }
    }
    *next = k + 1;
    return RUNE_ERROR;
}

void minigo_decoderune(const uint8_t *p, int64_t len, int64_t i, int64_t *out)
{
    int64_t next;
    out[0] = decode_rune(p, len, i, &next);
    out[1] = next;
}

int64_t minigo_countrunes(const uint8_t *p, int64_t len)
{
    int64_t n = 0, i = 0;
    while (i < len) {
        decode_rune(p, len, i, &i);
        n++;
    }
    return n;
}

int32_t minigo_eqstring(const uint8_t *a, int64_t alen, const uint8_t *b, int64_t blen)
{
    if (alen != blen)
        return 0;
    if (alen == 0 || a == b)
        return 1;
    return memcmp(a, b, (size_t)alen) == 0;
}

int64_t minigo_cmpstring(const uint8_t *a, int64_t alen, const uint8_t *b, int64_t blen)
{
    int64_t l = alen < blen ? alen : blen;
    if (l > 0 && a != b) {
        int c = memcmp(a, b, (size_t)l);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    if (alen < blen)
        return -1;
    if (alen > blen)
        return 1;
    return 0;
}

/* rawstringtmp: the tmp buffer when given and big enough, else the heap */
static uint8_t *rawstringtmp(uint8_t *buf, int64_t l)
{
    if (buf != NULL && l <= MG_TMPBUF)
        return buf;
    return rawalloc((uint64_t)l, 0);
}

void minigo_concatstrings_buf(uint8_t *buf, const int64_t *pairs, int64_t n, int64_t *out)
{
    int64_t l = 0, count = 0, idx = 0, i;
    uint8_t *p, *q;
    for (i = 0; i < n; i++) {
        int64_t m = pairs[2 * i + 1];
        if (m == 0)
            continue;
        if (l + m < l)
            throw_msg("string concatenation too long");
        l += m;
        count++;
        idx = i;
    }
    if (count == 0) {
        set_str(out, NULL, 0);
        return;
    }
    if (count == 1 &&
        (buf != NULL || !string_on_stack((const void *)(uintptr_t)pairs[2 * idx]))) {
        out[0] = pairs[2 * idx];
        out[1] = pairs[2 * idx + 1];
        return;
    }
    p = q = rawstringtmp(buf, l);
    for (i = 0; i < n; i++) {
        int64_t m = pairs[2 * i + 1];
        if (m > 0) {
            memcpy(q, (const void *)(uintptr_t)pairs[2 * i], (size_t)m);
            q += m;
        }
    }
    set_str(out, p, l);
}

void minigo_concatstrings(const int64_t *pairs, int64_t n, int64_t *out)
{
    minigo_concatstrings_buf(NULL, pairs, n, out);
}

void minigo_intstring_buf(uint8_t *buf, int64_t v, int64_t *out)
{
    uint8_t *p = buf != NULL ? buf : rawalloc(4, 0);
    int n;
    if ((int64_t)(int32_t)v != v)
        v = RUNE_ERROR;
    n = encode_rune(p, (int32_t)v);
    set_str(out, p, n);
}

void minigo_intstring(int64_t r, int64_t *out) { minigo_intstring_buf(NULL, r, out); }

void minigo_slicebytetostring_buf(uint8_t *buf, const uint8_t *p, int64_t len, int64_t *out)
{
    uint8_t *q;
    if (len == 0) {
        set_str(out, NULL, 0);
        return;
    }
    if (len == 1) {
        /* little-endian: the low byte of staticuint64s[b] is b */
        const uint8_t *s = (const uint8_t *)&staticuint64s[p[0]];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        s += 7;
#endif
        set_str(out, s, 1);
        return;
    }
    q = rawstringtmp(buf, len);
    memmove(q, p, (size_t)len);
    set_str(out, q, len);
}

void minigo_slicebytetostring(const uint8_t *p, int64_t len, int64_t *out)
{
    minigo_slicebytetostring_buf(NULL, p, len, out);
}

void minigo_stringtoslicebyte_buf(uint8_t *buf, const uint8_t *p, int64_t len, int64_t *out)
{
    uint8_t *b;
    int64_t cap;
    if (buf != NULL && len <= MG_TMPBUF) {
        memset(buf, 0, MG_TMPBUF);
        b = buf;
        cap = MG_TMPBUF;
    } else {
        /* rawbyteslice: cap is the size class of len */
        uint64_t c = minigo_roundupsize((uint64_t)len);
        b = rawalloc(c, 0);
        if (c != (uint64_t)len)
            memset(b + len, 0, (size_t)(c - (uint64_t)len));
        cap = (int64_t)c;
    }
    if (len > 0)
        memmove(b, p, (size_t)len);
    set_slice(out, b, len, cap);
}

void minigo_stringtoslicebyte(const uint8_t *p, int64_t len, int64_t *out)
{
    minigo_stringtoslicebyte_buf(NULL, p, len, out);
}

void minigo_stringtoslicerune_buf(int32_t *buf, const uint8_t *p, int64_t len, int64_t *out)
{
    int64_t n = minigo_countrunes(p, len), i = 0, k = 0, cap;
    int32_t *a;
    if (buf != NULL && n <= MG_TMPBUF) {
        memset(buf, 0, MG_TMPBUF * sizeof(int32_t));
        a = buf;
        cap = MG_TMPBUF;
    } else {
        /* rawruneslice */
        uint64_t mem;
        if ((uint64_t)n > MG_MAXALLOC / 4)
            throw_msg("out of memory");
        mem = minigo_roundupsize((uint64_t)n * 4);
        a = rawalloc(mem, 0);
        if (mem != (uint64_t)n * 4)
            memset((uint8_t *)a + n * 4, 0, (size_t)(mem - (uint64_t)n * 4));
        cap = (int64_t)(mem / 4);
    }
    while (i < len)
        a[k++] = decode_rune(p, len, i, &i);
    set_slice(out, a, n, cap);
}

void minigo_stringtoslicerune(const uint8_t *p, int64_t len, int64_t *out)
{
    minigo_stringtoslicerune_buf(NULL, p, len, out);
}

void minigo_slicerunetostring_buf(uint8_t *buf, const int32_t *p, int64_t len, int64_t *out)
{
    int64_t size1 = 0, size2 = 0, i;
    uint8_t *b;
    for (i = 0; i < len; i++)
        size1 += rune_len(p[i]);
    b = rawstringtmp(buf, size1 + 3);
    for (i = 0; i < len && size2 < size1; i++)
        size2 += encode_rune(b + size2, p[i]);
    set_str(out, b, size2);
}

void minigo_slicerunetostring(const int32_t *p, int64_t len, int64_t *out)
{
    minigo_slicerunetostring_buf(NULL, p, len, out);
}

/* ------------------------------------------------------------------ */
/* signals                                                             */
/* ------------------------------------------------------------------ */

static uint64_t ucontext_pc(void *uc_)
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

    in_signal_handler = 1;

    /* stack overflow: a fault in the Go stack (a main-thread stack that could
     * not grow) or in/just below its guard */
    if (sig == SIGSEGV && gstack_lo != 0 && addr < gstack_hi &&
        addr + gstack_guard + ((uint64_t)64 << 20) >= gstack_lo) {
        pflush();
        pstr("runtime: goroutine stack exceeds 1000000000-byte limit\n");
        pstr("runtime: sp=");
        phex(addr);
        pstr(" stack=[");
        phex(gstack_lo);
        pstr(", ");
        phex(gstack_hi);
        pstr("]\n");
        pstr("fatal error: stack overflow\n");
        print_traceback(1);
        pflush();
        _exit(2);
    }
    /* sigpanic: a fault below 0x1000 is a nil dereference */
    if (sig == SIGSEGV && addr < 0x1000)
        panicmem_sig(sig, si->si_code, addr, pc);
    /* not ours: give it to a previously installed handler */
    in_signal_handler = 0;
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
    print_traceback(1);
    pflush();
    _exit(2);
}

static void fpe_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    in_signal_handler = 1;
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

static void install_signals(void)
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
static void install_altstack(void)
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

/* ------------------------------------------------------------------ */
/* entry                                                               */
/* ------------------------------------------------------------------ */

static MG_NORETURN void run_go_main(void)
{
    install_altstack();
    minigo_main_init();
    main_main();
    minigo_exit(0);
    exit(0); /* not reached */
}

static void record_thread_stack(void)
{
    pthread_attr_t attr;
    void *addr;
    size_t size, guard = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
        pthread_attr_getguardsize(&attr, &guard);
        gstack_lo = (uintptr_t)addr;
        gstack_hi = (uintptr_t)addr + size;
        gstack_guard = guard;
    }
    pthread_attr_destroy(&attr);
}

static void *go_thread(void *arg)
{
    (void)arg;
    record_thread_stack();
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
            if (lim < hi) {
                gstack_lo = hi - lim;
                gstack_hi = hi;
                gstack_guard = (size_t)1 << 20;
            }
        }
    }
    run_go_main();
}

/* ------------------------------------------------------------------ */
/* defer and recover                                                   */
/* ------------------------------------------------------------------ */
/* A function with defer statements registers a frame at entry and calls
 * setjmp on it itself (so the frame's stack stays live). Deferred calls are
 * closure records with no arguments, run last-in first-out when the function
 * returns (minigo_defer_return) or while a panic unwinds through it
 * (minigo_defer_unwind, reached by longjmp). A deferred call that calls
 * recover() stops the panic: the function then returns normally, after its
 * other deferred calls. Follows Go 1.19's runtime/panic.go for what is
 * observable: panics in flight form a chain (a deferred call may panic
 * again); the chain is printed, oldest first, only once no deferred call
 * has recovered the newest one; recovering it also drops the older panics
 * it unwound past (Go's aborted panics). */

typedef struct mg_defer {
    void *closure;
    struct mg_defer *next;
} mg_defer;

typedef struct mg_frame {
    jmp_buf jb; /* first: generated code passes the frame to setjmp */
    struct mg_frame *link;
    mg_defer *defers;
} mg_frame;

/* One panic in flight (Go's _panic). */
typedef struct mg_panic {
    unsigned char *text; /* "panic: value", without the newline */
    size_t text_len;
    unsigned char *signal; /* the "[signal ...]" line of a fault, if any */
    size_t signal_len;
    const minigo_type *type; /* its value, for recover() */
    const void *data;
    int recovered;
    int aborted;   /* a newer panic unwound past the deferred call it ran */
    mg_frame *frame; /* the frame whose deferred calls it is running */
    struct mg_panic *link; /* the older panic it interrupted */
} mg_panic;

static mg_frame *frame_top;
static mg_panic *panic_top;
/* the value of the panic being raised, until unwind_panic makes its record */
static const minigo_type *raised_type;
static const void *raised_data;

static const minigo_type runtime_error_type = {
    16, MINIGO_KIND_OTHER, 1, (const uint8_t *)"runtime.Error", 13, NULL,
};

static void set_panic_value(const minigo_type *t, const void *data)
{
    raised_type = t;
    raised_data = data;
}

void *minigo_defer_frame(void)
{
    mg_frame *f = GC_MALLOC(sizeof(mg_frame));
    f->link = frame_top;
    frame_top = f;
    return f;
}

void minigo_defer_push(void *frame, void *closure)
{
    mg_defer *d = GC_MALLOC(sizeof(mg_defer));
    d->closure = closure;
    d->next = ((mg_frame *)frame)->defers;
    ((mg_frame *)frame)->defers = d;
}

/* The closure context of the deferred call being made: recover() stops a
 * panic only when the deferred call itself calls it (gc compares the
 * caller's argument pointer; minigo compares the caller's closure context,
 * which generated code passes to minigo_recover). */
static void *deferred_context;

/* A recovered panic is done: it leaves the chain, with the panics it aborted. */
static void finish_recovery(void)
{
    panic_top = panic_top->link;
    while (panic_top && panic_top->aborted)
        panic_top = panic_top->link;
}

/* Runs the frame's deferred calls. While `unwinding` (the newest panic
 * runs them), a call that recovers it ends the panic as it returns. */
static void run_defers(mg_frame *f, int unwinding)
{
    while (f->defers) {
        mg_defer *d = f->defers;
        f->defers = d->next;
        void (*code)(void *) = *(void (**)(void *))d->closure;
        void *saved = deferred_context;
        deferred_context = d->closure;
        code(d->closure);
        deferred_context = saved;
        if (unwinding && panic_top->recovered) {
            finish_recovery();
            unwinding = 0;
        }
    }
}

/* A deferred call's thunk calls its callee with the callee's own context. */
void minigo_defer_thunk_enter(void *callee)
{
    deferred_context = callee;
}

void minigo_defer_return(void *frame)
{
    mg_frame *f = frame;
    run_defers(f, 0);
    frame_top = f->link;
}

/* Go's printpanics: the chain, oldest first, each later one indented. */
static void print_panics(const mg_panic *p)
{
    if (p->link) {
        print_panics(p->link);
        pstr("\t");
    }
    pbytes(p->text, p->text_len);
    if (p->recovered)
        pstr(" [recovered]");
    pstr("\n");
}

static MG_NORETURN void continue_unwinding(void);

static MG_NORETURN void unwind_panic(void)
{
    /* the message is all that the buffer holds: keep it, and the signal
     * line of a fault apart (Go prints it after every panic line) */
    mg_panic *p = GC_MALLOC(sizeof(mg_panic));
    size_t n = pbuf_len, line = 0;
    while (line < n && pbuf[line] != '\n')
        line++;
    p->text = GC_MALLOC_ATOMIC(n + 1);
    memcpy(p->text, pbuf, n);
    p->text_len = line;
    if (line + 1 < n) {
        p->signal = p->text + line + 1;
        p->signal_len = n - line - 1;
    }
    pbuf_len = 0;
    if (!raised_type)
        set_panic_value(&runtime_error_type, p->text);
    p->type = raised_type;
    p->data = raised_data;
    raised_type = NULL;
    raised_data = NULL;
    p->link = panic_top;
    panic_top = p;
    continue_unwinding();
}

/* The newest panic goes on to the next frame with deferred calls; past
 * the last one, the chain is printed and the program exits. */
static MG_NORETURN void continue_unwinding(void)
{
    const mg_panic *p;
    if (frame_top)
        longjmp(frame_top->jb, 1);
    print_panics(panic_top);
    for (p = panic_top; p; p = p->link)
        if (p->signal) {
            pbytes(p->signal, p->signal_len);
            pstr("\n");
        }
    print_traceback(0);
    die2();
}

void minigo_defer_unwind(void *frame)
{
    mg_frame *f = frame;
    mg_panic *p = panic_top, *older;
    /* Older panics running this frame's deferred calls are unwound past. */
    for (older = p->link; older; older = older->link)
        if (older->frame == f)
            older->aborted = 1;
    p->frame = f;
    /* The frame stays on top while its deferred calls run: a panic in one
     * of them comes back here for the others. */
    run_defers(f, 1);
    frame_top = f->link;
    if (panic_top != p)
        return; /* recovered: the function returns normally */
    continue_unwinding();
}

void minigo_recover(int64_t *out, void *context)
{
    mg_panic *p = panic_top;
    if (p && !p->recovered && context != NULL && context == deferred_context) {
        p->recovered = 1;
        out[0] = (int64_t)(uintptr_t)p->type;
        out[1] = (int64_t)(uintptr_t)p->data;
        return;
    }
    out[0] = out[1] = 0;
}

/* ------------------------------------------------------------------ */
/* interface comparison                                                */
/* ------------------------------------------------------------------ */

static int32_t values_equal(const minigo_type *t, const void *a, const void *b);

/* A struct's or array's equality, step by step (gc's generated eq functions). */
static int32_t fields_equal(const minigo_type *t, const uint8_t *a, const uint8_t *b)
{
    const minigo_eqfield *f;
    for (f = t->eq; f->kind != MINIGO_EQ_END; f++) {
        const uint8_t *x = a + f->offset, *y = b + f->offset;
        switch (f->kind) {
        case MINIGO_EQ_MEM:
            if (memcmp(x, y, f->size) != 0)
                return 0;
            break;
        case MINIGO_EQ_F32:
            if (*(const float *)x != *(const float *)y)
                return 0;
            break;
        case MINIGO_EQ_F64:
            if (*(const double *)x != *(const double *)y)
                return 0;
            break;
        case MINIGO_EQ_STRING: {
            const int64_t *s = (const int64_t *)x, *u = (const int64_t *)y;
            if (!minigo_eqstring((const uint8_t *)(uintptr_t)s[0], s[1], (const uint8_t *)(uintptr_t)u[0], u[1]))
                return 0;
            break;
        }
        case MINIGO_EQ_EFACE: {
            const int64_t *s = (const int64_t *)x, *u = (const int64_t *)y;
            if (!minigo_efaceeq((const minigo_type *)(uintptr_t)s[0], (const void *)(uintptr_t)s[1],
                                (const minigo_type *)(uintptr_t)u[0], (const void *)(uintptr_t)u[1]))
                return 0;
            break;
        }
        case MINIGO_EQ_ARRAY: {
            uint64_t i;
            for (i = 0; i < f->size; i++)
                if (!values_equal(f->elem, x + i * f->elem->size, y + i * f->elem->size))
                    return 0;
            break;
        }
        default: /* MINIGO_EQ_UNCOMPARABLE */
            pflush();
            pstr("panic: runtime error: comparing uncomparable type ");
            pname(t);
            panic_finish();
        }
    }
    return 1;
}

static int32_t values_equal(const minigo_type *t, const void *a, const void *b)
{
    if (t->eq)
        return fields_equal(t, a, b);
    return memcmp(a, b, t->size) == 0;
}

int32_t minigo_efaceeq(const minigo_type *t1, const void *d1, const minigo_type *t2, const void *d2)
{
    if (t1 != t2)
        return 0;
    if (t1 == NULL)
        return 1;
    if (t1->eq && !(t1->kind & MINIGO_KIND_DIRECT))
        return fields_equal(t1, d1, d2);
    switch (t1->kind & ~(uint32_t)MINIGO_KIND_DIRECT) {
    case MINIGO_KIND_FLOAT32:
        return *(const float *)d1 == *(const float *)d2;
    case MINIGO_KIND_FLOAT64:
        return *(const double *)d1 == *(const double *)d2;
    case MINIGO_KIND_STRING: {
        const int64_t *a = d1, *b = d2;
        return minigo_eqstring((const uint8_t *)(uintptr_t)a[0], a[1], (const uint8_t *)(uintptr_t)b[0], b[1]);
    }
    case MINIGO_KIND_SLICE:
    case MINIGO_KIND_MAP:
    case MINIGO_KIND_FUNC:
        pflush();
        pstr("panic: runtime error: comparing uncomparable type ");
        pname(t1);
        panic_finish();
    default:
        if (t1->kind & MINIGO_KIND_DIRECT)
            return d1 == d2;
        if (t1->size == 0)
            return 1;
        return memcmp(d1, d2, t1->size) == 0;
    }
}
