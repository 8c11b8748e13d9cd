/* panic.c: run-time panics and fatal errors with Go's exact texts,
 * GOTRACEBACK, exit status 2, tracebacks; and defer and recover: the panic
 * chain, deferred calls run last-in first-out, recover() stopping a panic.
 * Follows Go 1.19's panic.go (printpanics, fatalpanic/dopanic_m), error.go
 * (boundsError formats, TypeAssertionError, printany, printanycustomtype,
 * printpanicval) and runtime1.go (GOTRACEBACK: setTraceback/gotraceback).
 */
#include "internal.h"

static void print_memstats(void)
{
    const char *m = getenv("MINIGO_MEMSTATS");
    if (m != NULL && strcmp(m, "1") == 0) {
        uint64_t mallocs, bytes;
        memstats_total(&mallocs, &bytes);
        pstr("memstats: mallocs=");
        puint(mallocs);
        pstr(" bytes=");
        puint(bytes);
        pstr("\n");
        pflush();
    }
}

void minigo_exit(int32_t code)
{
    pflush();
    print_memstats();
    mg_cpuprof_write();
    if (mg_threaded)
        _exit(code); /* the other threads run on: end the process at once, as Go does */
    exit(code);
}

/* GOTRACEBACK as runtime1.go's setTraceback reads it: the level, whether
 * every goroutine is printed, whether to crash. */
static int traceback_level(int *crash, int *all)
{
    const char *s = getenv("GOTRACEBACK");
    *crash = 0;
    *all = 1;
    if (s == NULL || s[0] == 0 || strcmp(s, "single") == 0) {
        *all = 0;
        return 1;
    }
    if (strcmp(s, "all") == 0)
        return 1;
    if (strcmp(s, "none") == 0) {
        *all = 0;
        return 0;
    }
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
        return n > 0 ? 1 : 0; /* levels above 1 add runtime frames, which minigo leaves out */
    }
}

/* The part after the panic lines: Go's "\ngoroutine N [running]:" and
 * frames (sched.c prints them), those of `trace` for the running goroutine
 * (NULL: its stack now). `force`: even with GOTRACEBACK=none (runtime
 * throws). */
void print_traceback(int force, const struct mg_trace *trace)
{
    int crash, all;
    int level = traceback_level(&crash, &all);
    if (level > 0 || force) {
        mg_trace here;
        if (trace == NULL) {
            mg_trace_now(&here);
            trace = &here;
        }
        print_goroutines(trace, all);
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
volatile sig_atomic_t in_signal_handler;

MG_NORETURN void die2(void)
{
    pflush();
    if (!in_signal_handler)
        mg_cpuprof_write();
    if (in_signal_handler || mg_threaded)
        _exit(2);
    exit(2);
}

static MG_NORETURN void unwind_panic(void);

/* Ends a panic whose "panic: ..." text is in the buffer (without newline).
 * With deferred calls pending, the text is kept and the stack unwinds to
 * the innermost function that has them (see "defer and recover" below). */
MG_NORETURN void panic_finish(void)
{
    unwind_panic();
}

/* "fatal error: msg" (runtime throw): Go prints a traceback regardless of
 * GOTRACEBACK=none for runtime throws. */
MG_NORETURN void throw_msg(const char *msg)
{
    pstr("fatal error: ");
    pstr(msg);
    pstr("\n");
    print_traceback(1, NULL);
    die2();
}

MG_NORETURN void fatal_msg(const char *msg)
{
    pstr("fatal error: ");
    pstr(msg);
    pstr("\n");
    print_traceback(0, NULL);
    die2();
}

MG_NORETURN void panic_runtime_error(const char *msg)
{
    pflush();
    pstr("panic: runtime error: ");
    pstr(msg);
    panic_finish();
}

/* A run-time error whose message has no "runtime error: " (Go's plainError). */
MG_NORETURN void panic_plain(const char *msg)
{
    pflush();
    pstr("panic: ");
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

MG_NORETURN void panicmem_sig(int sig, int code, uint64_t addr, uint64_t pc)
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

void minigo_panicwrap(const uint8_t *msg, int64_t len)
{
    pflush();
    pstr("panic: ");
    pbytes(msg, (size_t)len);
    panic_finish();
}

void pname(const minigo_type *t)
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
    case MINIGO_KIND_COMPLEX64: return "complex64";
    case MINIGO_KIND_COMPLEX128: return "complex128";
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
    case MINIGO_KIND_COMPLEX64: { float v[2]; memcpy(v, data, 8); minigo_printcomplex(v[0], v[1]); break; }
    case MINIGO_KIND_COMPLEX128: { double v[2]; memcpy(v, data, 16); minigo_printcomplex(v[0], v[1]); break; }
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
        } else if (t->kind == MINIGO_KIND_COMPLEX64 || t->kind == MINIGO_KIND_COMPLEX128) {
            /* a complex number prints its own parentheses */
            print_basic(t->kind, data);
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

/* Go's preprintpanics: a panic value whose type has an Error() or, failing
 * that, a String() method of type func() string is printed as what the
 * method returns. The itab code takes a closure context (none) and the
 * data word, and returns the string's two words in registers. */
typedef struct {
    const uint8_t *p;
    int64_t n;
} text_result;

static int panic_text(const minigo_type *t, const void *data, text_result *out)
{
    static const char *const names[] = {"Error", "String"};
    if (t == NULL)
        return 0;
    for (int k = 0; k < 2; k++)
        for (int64_t i = 0; i < t->nmethods; i++) {
            const minigo_method *m = &t->methods[i];
            if ((size_t)m->name_len == strlen(names[k]) && memcmp(m->name, names[k], (size_t)m->name_len) == 0 &&
                m->sig_len == 13 && memcmp(m->sig, "func() string", 13) == 0) {
                text_result (*code)(void *, const void *) = (text_result(*)(void *, const void *))m->fn;
                *out = code(NULL, data);
                return 1;
            }
        }
    return 0;
}

void minigo_gopanic(const minigo_type *t, const void *data)
{
    text_result text;
    int has_text = panic_text(t, data, &text);
    set_panic_value(t, data);
    pflush();
    pstr("panic: ");
    if (has_text)
        minigo_printstring(text.p, text.n);
    else
        print_any(t, data);
    panic_finish();
}

void minigo_throw(const uint8_t *p, int64_t len)
{
    pflush();
    pstr("fatal error: ");
    minigo_printstring(p, len);
    pstr("\n");
    print_traceback(1, NULL);
    die2();
}

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
    mg_trace *trace; /* the goroutine's frames where it was raised */
    mg_frame *frame; /* the frame whose deferred calls it is running */
    struct mg_panic *link; /* the older panic it interrupted */
} mg_panic;

/* The running goroutine's panic and defer state is *panic_state() (mg_g, in
 * internal.h): each goroutine has its own, so a recover() stops only a
 * panic of its own goroutine. The pointer stays right when the goroutine
 * moves to another thread: it is the goroutine's, not the thread's. */

/* A run-time error's value: its message, whose Error() method returns it. */
typedef struct {
    const uint8_t *p;
    int64_t n;
} runtime_error;

static runtime_error runtime_error_Error(void *context, const runtime_error *e)
{
    (void)context;
    return *e;
}

static const minigo_method runtime_error_methods[] = {
    {(const uint8_t *)"Error", 5, (const uint8_t *)"func() string", 13, (void *)runtime_error_Error},
};

static const minigo_type runtime_error_type = {
    16, MINIGO_KIND_OTHER, 1, (const uint8_t *)"runtime.Error", 13, NULL, runtime_error_methods, 1,
};

static void set_panic_value(const minigo_type *t, const void *data)
{
    mg_g *g = panic_state();
    g->raised_type = t;
    g->raised_data = data;
}

void *minigo_defer_frame(void)
{
    mg_g *g = panic_state();
    mg_frame *f = GC_MALLOC(sizeof(mg_frame));
    f->link = g->frame_top;
    g->frame_top = f;
    return f;
}

void minigo_defer_push(void *frame, void *closure)
{
    mg_defer *d = GC_MALLOC(sizeof(mg_defer));
    d->closure = closure;
    d->next = ((mg_frame *)frame)->defers;
    ((mg_frame *)frame)->defers = d;
}


/* A recovered panic is done: it leaves the chain, with the panics it aborted. */
static void finish_recovery(void)
{
    mg_g *g = panic_state();
    g->panic_top = g->panic_top->link;
    while (g->panic_top && g->panic_top->aborted)
        g->panic_top = g->panic_top->link;
}

/* Runs the frame's deferred calls. While `unwinding` (the newest panic
 * runs them), a call that recovers it ends the panic as it returns. Only
 * those calls can recover: the deferred calls of a function that returns
 * normally run with no context, so a recover() in them returns nil, as
 * Go's does (its argp is not the panic's), also when that function is
 * itself a deferred call of a panic. */
static void run_defers(mg_frame *f, int unwinding)
{
    mg_g *g = panic_state();
    while (f->defers) {
        mg_defer *d = f->defers;
        f->defers = d->next;
        void (*code)(void *) = *(void (**)(void *))d->closure;
        void *saved = g->deferred_context;
        g->deferred_context = unwinding ? d->closure : NULL;
        code(d->closure);
        g->deferred_context = saved;
        if (unwinding && g->panic_top->recovered) {
            finish_recovery();
            unwinding = 0;
        }
    }
}

/* A deferred call's thunk calls its callee with the callee's own context
 * (when the call may recover at all). */
void minigo_defer_thunk_enter(void *callee)
{
    mg_g *g = panic_state();
    if (g->deferred_context != NULL)
        g->deferred_context = callee;
}

void minigo_defer_return(void *frame)
{
    mg_frame *f = frame;
    run_defers(f, 0);
    panic_state()->frame_top = f->link;
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
    mg_g *g = panic_state();
    /* the message is all that the buffer holds: keep it, and the signal
     * line of a fault apart (Go prints it after all the panic lines) */
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
    if (!g->raised_type) {
        static const char prefix[] = "panic: ";
        runtime_error *e = GC_MALLOC(sizeof(runtime_error));
        size_t skip = line >= sizeof prefix - 1 && memcmp(p->text, prefix, sizeof prefix - 1) == 0 ? sizeof prefix - 1 : 0;
        e->p = p->text + skip;
        e->n = (int64_t)(line - skip);
        set_panic_value(&runtime_error_type, e);
    }
    p->type = g->raised_type;
    p->data = g->raised_data;
    g->raised_type = NULL;
    g->raised_data = NULL;
    p->link = g->panic_top;
    p->trace = GC_MALLOC_ATOMIC(sizeof(mg_trace));
    mg_trace_now(p->trace);
    g->panic_top = p;
    continue_unwinding();
}

/* The newest panic goes on to the next frame with deferred calls; past
 * the last one, the chain is printed and the program exits. */
static MG_NORETURN void continue_unwinding(void)
{
    mg_g *g = panic_state();
    const mg_panic *p;
    if (g->frame_top)
        longjmp(g->frame_top->jb, 1);
    print_panics(g->panic_top);
    /* after the chain, the signal line of the newest fault in it (Go's
     * dopanic_m prints the goroutine's latest signal, once) */
    for (p = g->panic_top; p; p = p->link)
        if (p->signal) {
            pbytes(p->signal, p->signal_len);
            pstr("\n");
            break;
        }
    /* The frames where the newest panic was raised: Go prints the stack
     * as it is then (its deferred calls run above that frame, and have
     * returned); minigo's has been unwound by its deferred calls since. */
    print_traceback(0, g->panic_top->trace);
    die2();
}

void minigo_defer_unwind(void *frame)
{
    mg_g *g = panic_state();
    mg_frame *f = frame;
    mg_panic *p = g->panic_top, *older;
    /* Older panics running this frame's deferred calls are unwound past. */
    for (older = p->link; older; older = older->link)
        if (older->frame == f)
            older->aborted = 1;
    p->frame = f;
    /* The frame stays on top while its deferred calls run: a panic in one
     * of them comes back here for the others. */
    run_defers(f, 1);
    g->frame_top = f->link;
    if (g->panic_top != p)
        return; /* recovered: the function returns normally */
    continue_unwinding();
}

void minigo_recover(int64_t *out, void *context)
{
    mg_g *g = panic_state();
    mg_panic *p = g->panic_top;
    if (p && !p->recovered && context != NULL && context == g->deferred_context) {
        p->recovered = 1;
        out[0] = (int64_t)(uintptr_t)p->type;
        out[1] = (int64_t)(uintptr_t)p->data;
        return;
    }
    out[0] = out[1] = 0;
}
