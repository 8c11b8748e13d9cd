/* traceback.c: Go's goroutine tracebacks (traceback.go's format):
 *
 *     main.f(...)
 *     	/path/prog.go:9 +0x1d
 *     main.main()
 *     	/path/prog.go:18 +0x85
 *
 * one frame per Go function on the stack, innermost first, up to main.main
 * or the goroutine's own function (then "created by" and where). The
 * compiler emits minigo_functab (codegen/functab.rs): each function's code
 * range, Go name, whether it has parameters (Go prints their words; minigo
 * prints "(...)", as Go does for an inlined call, or "()" when there are
 * none), its line table and its inlining tree. Frames are found by walking
 * frame pointers:
 * Cranelift keeps them in every function (preserve_frame_pointers) and the
 * runtime is built with -fno-omit-frame-pointer, so the chain passes
 * through the runtime's own frames, which are not printed (as Go leaves
 * out runtime frames by default). Code of an inlined call adds a frame
 * for each call it is inlined through, as Go's tracebacks do.
 */
#include "internal.h"

/* Absent (NULL) when the runtime is linked without generated code (its C tests). */
extern const minigo_func_table minigo_functab __attribute__((weak));

/* Set by signals.c before it reports a fault: where the faulting code was. */
__thread uintptr_t mg_fault_pc, mg_fault_fp;

const minigo_func *mg_find_func(uintptr_t pc)
{
    const minigo_func_table *tab = &minigo_functab;
    if (tab == NULL)
        return NULL;
    for (int64_t i = 0; i < tab->nfuncs; i++) {
        uintptr_t entry = (uintptr_t)tab->funcs[i].entry;
        if (pc >= entry && pc < entry + tab->funcs[i].size)
            return &tab->funcs[i];
    }
    return NULL;
}

/* The line of code offset `off` in f (in the innermost inlined callee's
 * source) and the inlined call it is in (index + 1, or 0): the last triple
 * starting at or before it. */
uint32_t mg_line_at(const minigo_func *f, uintptr_t off, uint32_t *inlined)
{
    uint32_t line = 0, call = 0;
    for (uint32_t i = 0; i < f->nlines; i++) {
        if (f->lines[3 * i] > off)
            break;
        line = f->lines[3 * i + 1];
        call = f->lines[3 * i + 2];
    }
    if (inlined != NULL)
        *inlined = call;
    return line;
}

static int is_main_main(const minigo_func *f)
{
    return f->name_len == 9 && memcmp(f->name, "main.main", 9) == 0;
}

/* Follows the frame-pointer chain from fp, within [lo, hi): each frame
 * holds the caller's frame pointer and the return address. A nonzero pc
 * is the faulting instruction itself, recorded first. */
void mg_trace_from(mg_trace *t, uintptr_t pc, uintptr_t fp, uintptr_t lo, uintptr_t hi)
{
    t->n = 0;
    t->exact_first = 0;
    if (pc != 0 && mg_find_func(pc) != NULL) {
        t->pcs[t->n++] = pc;
        t->exact_first = 1;
        if (is_main_main(mg_find_func(pc)))
            return;
    }
    while (t->n < MG_TRACE_MAX && fp % sizeof(uintptr_t) == 0 && fp >= lo && fp + 2 * sizeof(uintptr_t) <= hi) {
        const uintptr_t *frame = (const uintptr_t *)fp;
        uintptr_t ret = frame[1], next = frame[0];
        const minigo_func *f = mg_find_func(ret - 1);
        if (f != NULL) {
            t->pcs[t->n++] = ret;
            if (is_main_main(f))
                return;
        }
        if (next <= fp)
            return;
        fp = next;
    }
}

/* The running goroutine's frames: from a fault signals.c is reporting, or
 * from the caller of this function. */
void mg_trace_now(mg_trace *t)
{
    const mg_goroutine *g = getg();
    uintptr_t lo = g->stack_lo != 0 ? g->stack_lo - g->stack_guard : 0;
    uintptr_t hi = g->stack_hi != 0 ? g->stack_hi : UINTPTR_MAX;
    if (mg_fault_pc != 0) {
        mg_trace_from(t, mg_fault_pc, mg_fault_fp, lo, hi);
        mg_fault_pc = mg_fault_fp = 0;
        return;
    }
    mg_trace_from(t, 0, (uintptr_t)__builtin_frame_address(0), lo, hi);
}

/* "\t/path/prog.go:LINE", and " +0xOFF" for a frame's own code (offset
 * off), not for an inlined call's (off < 0). */
static void print_line(uint32_t line, intptr_t off)
{
    const minigo_func_table *tab = &minigo_functab;
    pstr("\t");
    pbytes(tab->file, (size_t)tab->file_len);
    pstr(":");
    puint(line);
    if (off >= 0) {
        pstr(" +");
        phex((uint64_t)off);
    }
    pstr("\n");
}

/* "\t/path/prog.go:LINE +0xOFF" for code address pc of f (exact: pc is
 * the instruction itself, not a return address), the line where it is. */
static void print_position(const minigo_func *f, uintptr_t pc, int exact)
{
    uintptr_t off = pc - (uintptr_t)f->entry;
    print_line(mg_line_at(f, exact ? off : off - 1, NULL), (intptr_t)off);
}

/* The frames of code address pc of f: one per inlined call it is in,
 * innermost first, printed as Go prints them ("main.g(...)" and the line,
 * no offset), then f's own, at the line of the outermost call. */
static void print_frames(const minigo_func *f, uintptr_t pc, int exact)
{
    uintptr_t off = pc - (uintptr_t)f->entry;
    uint32_t call;
    uint32_t line = mg_line_at(f, exact ? off : off - 1, &call);
    while (call != 0 && call <= f->ninlined) {
        const minigo_inlined *in = &f->inlined[call - 1];
        pbytes(in->name, in->name_len);
        pstr("(...)\n");
        print_line(line, -1);
        line = in->line;
        call = in->parent;
    }
    pbytes(f->name, (size_t)f->name_len);
    pstr(f->flags & MINIGO_FUNC_HAS_PARAMS ? "(...)\n" : "()\n");
    print_line(line, (intptr_t)off);
}

void mg_print_trace(const mg_trace *t)
{
    for (int i = 0; i < t->n; i++) {
        int exact = i == 0 && t->exact_first;
        print_frames(mg_find_func(exact ? t->pcs[i] : t->pcs[i] - 1), t->pcs[i], exact);
    }
}

/* A function not started yet (a new goroutine's): its name and first
 * line, as Go prints it. Nothing for code that is not a Go function. */
void mg_print_entry(const void *code)
{
    const minigo_func *f = mg_find_func((uintptr_t)code);
    if (f == NULL)
        return;
    pbytes(f->name, (size_t)f->name_len);
    pstr(f->flags & MINIGO_FUNC_HAS_PARAMS ? "(...)\n\t" : "()\n\t");
    pbytes(minigo_functab.file, (size_t)minigo_functab.file_len);
    pstr(":");
    /* the first line of its table: its declaration's (the prologue itself has none) */
    puint(f->nlines > 0 ? f->lines[1] : 0);
    pstr("\n");
}

/* Go's "created by main.f" and where the go statement is (pc: the return
 * address of its call to minigo_go). */
void mg_print_created_by(uintptr_t pc)
{
    const minigo_func *f = mg_find_func(pc - 1);
    if (f == NULL)
        return;
    pstr("created by ");
    pbytes(f->name, (size_t)f->name_len);
    pstr("\n");
    print_position(f, pc, 0);
}
