/* minigo runtime: the contract between generated code and the C runtime.
 *
 * Generated code calls only the functions declared here. Values cross the
 * boundary in the System V / AAPCS64 C calling convention, Go values
 * flattened: a string is (const uint8_t *ptr, int64_t len); a slice is
 * (ptr, len, cap); an interface{} is (const minigo_type *type, void *data).
 * Every function that panics prints Go 1.19's text to stderr, flushes
 * print output, honours GOTRACEBACK and exits with status 2.
 */
#ifndef MINIGO_H
#define MINIGO_H

#include <stdint.h>

/* A method of a type's method set, or of an interface type. */
typedef struct minigo_method {
    const uint8_t *name;
    int64_t name_len;
    /* the runtime name of its type without the receiver, "func(int) string":
     * two methods of the same name match when these are equal */
    const uint8_t *sig;
    int64_t sig_len;
    /* concrete types: the code an itab calls, with the interface's data
     * word as the receiver; interface types: NULL */
    void *fn;
} minigo_method;

/* A run-time type descriptor, emitted by the compiler as read-only data for
 * every type that is boxed into an interface. */
typedef struct minigo_type {
    uint64_t size;
    uint32_t kind;        /* MINIGO_KIND_* */
    uint32_t has_pointers;
    const uint8_t *name;  /* gc's name, e.g. "main.T", "int", "*main.T", "[]int" */
    int64_t name_len;
    /* How to compare two values of a struct or array type (gc's type
     * equality): a list ended by MINIGO_EQ_END; NULL compares the bytes. */
    const struct minigo_eqfield *eq;
    /* The method set (concrete types) or the methods (interface types),
     * sorted by name. */
    const minigo_method *methods;
    int64_t nmethods;
} minigo_type;

/* gc's itab: a non-empty interface value is (itab, data word). fun[i] is
 * the concrete type's code for the interface's i-th method. The compiler
 * emits the itabs of the conversions it sees; minigo_getitab makes the
 * others (assertions, interface-to-interface conversions), once per pair. */
typedef struct minigo_itab {
    const minigo_type *inter;
    const minigo_type *type;
    /* where gc's itab has the type's hash; unused, so that fun is where
     * gc has it and a call through a nil interface faults at gc's address
     * (0x18 + 8*i) */
    uint64_t reserved;
    void *fun[];
} minigo_itab;

/* A call inlined in a function (its inlining tree): the callee's name as
 * Go prints it, the line of the call, and the inlined call that call is
 * in (index + 1; 0: the function's own code). */
typedef struct minigo_inlined {
    const uint8_t *name;
    uint32_t name_len;
    uint32_t line;
    uint32_t parent;
    uint32_t start_line; /* the callee's declaration */
} minigo_inlined;

/* The function table the compiler emits for tracebacks (minigo_functab,
 * codegen/functab.rs): each Go function's code, its name as Go prints it,
 * its line table, `nlines` triples (code offset, line, inlined call + 1
 * or 0) by offset (the line in the innermost inlined callee's source), and
 * its inlined calls. */
typedef struct minigo_func {
    const void *entry;
    uint64_t size;
    const uint8_t *name;
    int64_t name_len;
    const uint32_t *lines;
    uint32_t nlines;
    uint32_t flags; /* MINIGO_FUNC_* */
    const minigo_inlined *inlined;
    uint32_t ninlined;
    uint32_t start_line; /* its declaration's line (CPU profiles measure call sites from it) */
} minigo_func;

enum { MINIGO_FUNC_HAS_PARAMS = 1 };

typedef struct minigo_func_table {
    int64_t nfuncs;
    const uint8_t *file; /* the source file's absolute path */
    int64_t file_len;
    minigo_func funcs[];
} minigo_func_table;

/* One step of a struct's or array's equality, at `offset` in the value. */
typedef struct minigo_eqfield {
    uint32_t kind;   /* MINIGO_EQ_* */
    uint32_t offset;
    uint64_t size;   /* MEM: bytes; ARRAY: element count */
    const minigo_type *elem; /* ARRAY: the element type */
} minigo_eqfield;

enum {
    MINIGO_EQ_END, MINIGO_EQ_MEM, MINIGO_EQ_F32, MINIGO_EQ_F64, MINIGO_EQ_STRING,
    MINIGO_EQ_EFACE, MINIGO_EQ_ARRAY,
    MINIGO_EQ_UNCOMPARABLE, /* first and only: the type has no == */
    MINIGO_EQ_IFACE, /* an interface with methods: (itab, data) */
};

enum {
    MINIGO_KIND_BOOL = 1, MINIGO_KIND_INT, MINIGO_KIND_INT8, MINIGO_KIND_INT16,
    MINIGO_KIND_INT32, MINIGO_KIND_INT64, MINIGO_KIND_UINT, MINIGO_KIND_UINT8,
    MINIGO_KIND_UINT16, MINIGO_KIND_UINT32, MINIGO_KIND_UINT64, MINIGO_KIND_UINTPTR,
    MINIGO_KIND_FLOAT32, MINIGO_KIND_FLOAT64, MINIGO_KIND_COMPLEX64, MINIGO_KIND_COMPLEX128,
    MINIGO_KIND_ARRAY = 17,
    MINIGO_KIND_FUNC = 19, MINIGO_KIND_MAP = 21, MINIGO_KIND_POINTER = 22,
    MINIGO_KIND_SLICE = 23, MINIGO_KIND_STRING = 24, MINIGO_KIND_STRUCT = 25,
    MINIGO_KIND_OTHER = 99, /* non-basic kinds are printed as (T) addr */
    /* or-ed into the kind (Go's kindDirectIface): the data word is the value */
    MINIGO_KIND_DIRECT = 32,
};

/* Program entry: main() in the runtime initializes the collector, calls
 * minigo_main_init (the package initializer) then main_main, flushes and exits 0. */
void minigo_main_init(void);
void main_main(void);

/* ---- memory (Boehm GC) ---- */
/* Zeroed memory of `size` bytes; GC_malloc_atomic when has_pointers is 0.
 * Counts one allocation for MINIGO_MEMSTATS=1 ("memstats: mallocs=N bytes=B"
 * on stderr at exit). */
void *minigo_alloc(uint64_t size, uint32_t has_pointers);
/* Go 1.19's roundupsize: the allocation size class for a request. */
uint64_t minigo_roundupsize(uint64_t size);
/* append's growth: returns the new backing array pointer, and stores the new
 * capacity in *newcap. old_ptr/old_len/old_cap describe the slice; needed_len
 * is the length after appending. Follows Go 1.19's growslice exactly
 * (doubling below 256 elements, then (newcap + 3*256)/4 growth, then size-class rounding),
 * copies old_len elements. */
void *minigo_growslice(void *old_ptr, int64_t old_len, int64_t old_cap, int64_t needed_len,
                       uint64_t elem_size, uint32_t elem_has_pointers, int64_t *newcap);

/* ---- strings ---- */
/* Concatenation of n strings given as an array of (ptr,len) pairs; result in *out (ptr,len). */
void minigo_concatstrings(const int64_t *pairs, int64_t n, int64_t *out);
/* 1 if equal. */
int32_t minigo_eqstring(const uint8_t *a, int64_t alen, const uint8_t *b, int64_t blen);
/* <0, 0, >0 like memcmp then length. */
int64_t minigo_cmpstring(const uint8_t *a, int64_t alen, const uint8_t *b, int64_t blen);
/* string(rune): UTF-8 encoding, invalid runes become U+FFFD; result in out[0..2]. */
void minigo_intstring(int64_t r, int64_t *out);
/* []byte(s): new backing array (cap rounded to the size class), result (ptr,len,cap) in out. */
void minigo_stringtoslicebyte(const uint8_t *p, int64_t len, int64_t *out);
/* string(b): copies; result (ptr,len) in out. */
void minigo_slicebytetostring(const uint8_t *p, int64_t len, int64_t *out);
/* []rune(s) and string(runes). */
void minigo_stringtoslicerune(const uint8_t *p, int64_t len, int64_t *out);
void minigo_slicerunetostring(const int32_t *p, int64_t len, int64_t *out);
/* Decodes the rune at s[i] (i < len): out[0] = rune (U+FFFD when invalid), out[1] = next index. */
void minigo_decoderune(const uint8_t *p, int64_t len, int64_t i, int64_t *out);

/* ---- print / println (Go 1.19 runtime/print.go formats, to stderr) ---- */
void minigo_printint(int64_t v);
void minigo_printuint(uint64_t v);
void minigo_printfloat(double v);          /* +1.500000e+000, NaN, +Inf, -Inf */
void minigo_printcomplex(double re, double im); /* (+1.000000e+000-2.000000e+000i) */
/* (a+bi) / (c+di) into out[0], out[1], as Go's complex128div. */
void minigo_complex128div(double a, double b, double c, double d, double *out);
void minigo_printbool(int32_t v);
void minigo_printstring(const uint8_t *p, int64_t len);
void minigo_printpointer(const void *p);   /* 0xc000012345 style: 0x + lower-case hex */
void minigo_printslice(const void *p, int64_t len, int64_t cap); /* [len/cap]0xptr */
void minigo_printeface(const minigo_type *t, const void *data);  /* (0xtype,0xdata) */
void minigo_printsp(void);
void minigo_printnl(void);
/* The end of a print/println statement: once goroutines run on several
 * threads, its line is written out now, in one write. */
void minigo_printend(void);

/* ---- panics (never return) ---- */
void minigo_panicindex(int64_t index, int64_t len);          /* index out of range [i] with length n */
/* Slice bounds failures, Go's panicSlice* family; `which` selects the text:
 * 0 "[:%x] with capacity %y", 1 "[:%x] with length %y", 2 "[%x:%y]",
 * 3 "[::%x] with capacity %y", 4 "[:%x:%y]", 5 "[%x:%y:]" (x,y as in Go's boundsError). */
void minigo_panicslice(int32_t which, int64_t x, int64_t y);
void minigo_panicdivide(void);                                 /* integer divide by zero */
void minigo_panicshift(void);                                  /* negative shift amount */
void minigo_panicnil(void);  /* invalid memory address or nil pointer dereference + [signal SIGSEGV...] line */
/* runtime's panicwrap, for gc's (*T).M wrapper of a value method called
 * through a nil pointer: msg is "value method main.T.M called using nil *T pointer". */
void minigo_panicwrap(const uint8_t *msg, int64_t len);
/* A failed x.(T): "interface conversion: interface {} is string, not int" (or "is nil"). */
void minigo_panicdottype(const minigo_type *have, const minigo_type *want);
/* panic(v) with v an interface{}: Go 1.19's printpanicval, or the text of
 * v's Error() or String() method (preprintpanics). */
void minigo_gopanic(const minigo_type *t, const void *data);

/* ==== Additions (the runtime provides these too; existing signatures above are unchanged) ==== */

/* argc/argv as main() received them. */
extern int minigo_argc;
extern char **minigo_argv;

/* Flush print output, print MINIGO_MEMSTATS if asked, exit with `code` (for os.Exit-like uses). */
void minigo_exit(int32_t code);
/* Write out buffered print output now. */
void minigo_printflush(void);
/* print of a value of the runtime's `hex` type: 0x + lower-case hex. */
void minigo_printhex(uint64_t v);

/* minigo_panicslice `which` values beyond 0..5 (runtime/error.go boundsErrorCode):
 * 6 "[::%x] with length %y" (3-index slice of an array or *array, bad max; Go
 *   uses the "length" forms 1 and 6 for arrays and strings, the "capacity"
 *   forms 0 and 3 for slices),
 * 7 "cannot convert slice with length %y to pointer to array with length %x".
 * In every form a negative x selects Go's short form ("[:-1]", "[-1:]", "[::-1]",
 * "[:-1:]", "[-1::]", "index out of range [-1]"). */
/* Unsigned index variants (Go's panicIndexU / panicSlice*U): x is printed unsigned. */
void minigo_panicindexu(uint64_t index, int64_t len);
void minigo_panicsliceu(int32_t which, uint64_t x, int64_t y);
/* "integer overflow" (Go's panicoverflow; SIGFPE FPE_INTOVF). */
void minigo_panicoverflow(void);
/* ---- maps (map.c) ---- */
/* A map value is a pointer to a header of MINIGO_MAP_SIZE bytes whose first
 * word is len(m); `header` is such a block in the caller's frame for a map
 * that does not escape, or NULL. A negative hint counts as 0. */
#define MINIGO_MAP_SIZE 96
void *minigo_makemap(const minigo_type *key, uint64_t val_size, int64_t hint, void *header);
/* m[k] (k at `key`): the value's address; for a missing key a zero value's
 * (mapaccess1), or NULL (mapaccess2). A nil map has no entries. */
void *minigo_mapaccess1(void *m, const void *key);
void *minigo_mapaccess2(void *m, const void *key);
/* The address to store m[k] at, the entry made if missing; a nil map panics
 * "assignment to entry in nil map". */
void *minigo_mapassign(void *m, const void *key);
void minigo_mapdelete(void *m, const void *key);
/* range m: an iterator of MINIGO_MAPITER_SIZE bytes, its first two words
 * the current key's and value's addresses, NULL when done. */
#define MINIGO_MAPITER_SIZE 64
void minigo_mapiterinit(void *m, void *iter);
void minigo_mapiternext(void *iter);

/* x.(I) and I(x) for an interface type I, from x's dynamic type (NULL: x is
 * nil): the itab. minigo_assertitab panics as Go's assertE2I does ("interface
 * conversion: interface is nil, not main.I", "interface conversion: main.T
 * is not main.I: missing method M"); minigo_assertitab2 returns NULL instead. */
const minigo_itab *minigo_assertitab(const minigo_type *inter, const minigo_type *type);
const minigo_itab *minigo_assertitab2(const minigo_type *inter, const minigo_type *type);
/* x.(T) on a non-empty interface type `inter` ("interface conversion: main.I is ..."); inter NULL = interface {}. */
void minigo_panicdottype2(const minigo_type *inter, const minigo_type *have, const minigo_type *want);
/* "interface conversion: main.T is not main.I: missing method M" */
void minigo_panicmissingmethod(const minigo_type *have, const minigo_type *want,
                               const uint8_t *method, int64_t method_len);
/* "fatal error: <msg>" + traceback, exit 2 (runtime throw, e.g. "all goroutines are asleep - deadlock!"). */
void minigo_throw(const uint8_t *p, int64_t len);
/* Note on minigo_gopanic / minigo_printeface `data`: Go's eface data word, i.e. the
 * pointer itself for pointer-shaped types, otherwise a pointer to the boxed value
 * (for a string: to its {ptr,len} pair). For a named basic type Go 1.19 prints
 * main.MyInt(5) / main.S("x"); a type is "named" when name differs from the kind's
 * basic spelling ("int", "uint8", "int32", ...). */

/* make([]T, len, cap): Go's makeslice checks ("makeslice: len out of range",
 * "makeslice: cap out of range") then a zeroed allocation of elem_size*cap bytes
 * (no size-class rounding; cap stays as given). */
void *minigo_makeslice(uint64_t elem_size, int64_t len, int64_t cap, uint32_t elem_has_pointers);
/* The address Go gives every zero-size object (zerobase). */
void *minigo_zerobase(void);

/* Boxing into interface{} exactly as Go 1.19's convT* (iface.go): values < 256
 * point into a static table (no allocation); "" and nil slices point to a static
 * zero block; otherwise a fresh heap copy. convT8 never allocates (bool, uint8, int8). */
const void *minigo_convT8(uint8_t v);
const void *minigo_convT16(uint16_t v);
const void *minigo_convT32(uint32_t v);
const void *minigo_convT64(uint64_t v);
const void *minigo_convTstring(const uint8_t *ptr, int64_t len);
const void *minigo_convTslice(const void *ptr, int64_t len, int64_t cap);
const void *minigo_convT(const minigo_type *t, const void *v); /* generic: heap copy of t->size bytes */

/* Variants taking gc's on-stack temporary buffer: when escape analysis proves the
 * result does not escape, gc passes a 32-byte stack buffer (tmpBuf; [32]rune for
 * stringtoslicerune, [4]byte for intstring) and small results live there. This is
 * observable: cap([]byte(s)) is 32 for a non-escaping conversion of a short
 * string. buf may be NULL (= the plain functions above). */
void minigo_concatstrings_buf(uint8_t *buf, const int64_t *pairs, int64_t n, int64_t *out);
void minigo_intstring_buf(uint8_t *buf4, int64_t r, int64_t *out);
void minigo_slicebytetostring_buf(uint8_t *buf, const uint8_t *p, int64_t len, int64_t *out);
void minigo_stringtoslicebyte_buf(uint8_t *buf, const uint8_t *p, int64_t len, int64_t *out);
void minigo_stringtoslicerune_buf(int32_t *buf, const uint8_t *p, int64_t len, int64_t *out);
void minigo_slicerunetostring_buf(uint8_t *buf, const int32_t *p, int64_t len, int64_t *out);
/* Number of runes for-range would visit in s (utf8.RuneCountInString). */
int64_t minigo_countrunes(const uint8_t *p, int64_t len);

/* ---- defer and recover ----
 * A function with defer statements calls minigo_defer_frame at entry, then
 * _setjmp on the returned frame (a jmp_buf comes first in it); a nonzero
 * return means a panic is unwinding through the function: it calls
 * minigo_defer_unwind, which returns only if a deferred call recovered, and
 * then returns its results as they are. Normal returns call
 * minigo_defer_return after storing the results. Deferred calls are closure
 * records called with no arguments. */
void *minigo_defer_frame(void);
void minigo_defer_push(void *frame, void *closure);
void minigo_defer_return(void *frame);
void minigo_defer_unwind(void *frame);
/* recover(): the panic value as an interface{} (type, data) in out[0..2], or nil. */
void minigo_recover(int64_t *out, void *context);
void minigo_defer_thunk_enter(void *callee);

/* a == b for two interface{} values (runtime.efaceeq): same dynamic type
 * and equal values; comparing uncomparable types (slices, maps, funcs)
 * panics as in Go. Structs and arrays are compared byte by byte. */
int32_t minigo_efaceeq(const minigo_type *t1, const void *d1, const minigo_type *t2, const void *d2);

/* ---- goroutines, channels, select (sched.c, chan.c) ----
 * One thread runs every goroutine, as Go does with GOMAXPROCS=1: no
 * preemption; a goroutine runs until it blocks on a channel or returns.
 * Blocked forever with nothing runnable: Go's "fatal error: all goroutines
 * are asleep - deadlock!". main.main returning ends the program. */
/* Goroutines. A goroutine runs a closure record: its first word is the code,
 * called as code(closure) (the same records deferred calls use). The new
 * goroutine runs next, once the caller blocks. */
void minigo_go(void *closure);
/* Channels: a chan value is a pointer to the runtime's channel (NULL: nil).
 * makechan panics "makechan: size out of range" for size < 0 or too big. */
void *minigo_makechan(const minigo_type *elem, int64_t size);
void minigo_chansend(void *c, const void *elem);          /* copies elem->size bytes from elem */
uint8_t minigo_chanrecv(void *c, void *elem);             /* elem may be NULL (value discarded); returns 1 when a value was received, 0 when c is closed and drained (then *elem is zeroed) */
void minigo_closechan(void *c);
int64_t minigo_chanlen(void *c);                          /* 0 for nil */
int64_t minigo_chancap(void *c);                          /* 0 for nil */
/* select: one case per comm clause, in source order. dir: 1 send (elem points at the value to send), 2 receive (elem: where the value goes, may be NULL). A case with a nil channel is never ready. Returns the index of the case chosen, or -1 when block == 0 and no case is ready (the default clause); *recv_ok is set for a receive case as minigo_chanrecv's result. ncases may be 0: `select {}` with block=1 blocks forever.
 * A ready case is chosen uniformly at random among the ready ones; one case
 * with block=1 behaves as the plain send or receive (as gc compiles it). */
typedef struct minigo_scase { void *c; void *elem; int64_t dir; } minigo_scase;
int64_t minigo_select(minigo_scase *cases, int64_t ncases, int32_t block, uint8_t *recv_ok);

#endif
