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

/* A run-time type descriptor, emitted by the compiler as read-only data for
 * every type that is boxed into an interface{}. */
typedef struct minigo_type {
    uint64_t size;
    uint32_t kind;        /* MINIGO_KIND_* */
    uint32_t has_pointers;
    const uint8_t *name;  /* gc's name, e.g. "main.T", "int", "*main.T", "[]int" */
    int64_t name_len;
} minigo_type;

enum {
    MINIGO_KIND_BOOL = 1, MINIGO_KIND_INT, MINIGO_KIND_INT8, MINIGO_KIND_INT16,
    MINIGO_KIND_INT32, MINIGO_KIND_INT64, MINIGO_KIND_UINT, MINIGO_KIND_UINT8,
    MINIGO_KIND_UINT16, MINIGO_KIND_UINT32, MINIGO_KIND_UINT64, MINIGO_KIND_UINTPTR,
    MINIGO_KIND_FLOAT32, MINIGO_KIND_FLOAT64, MINIGO_KIND_STRING = 24,
    MINIGO_KIND_OTHER = 99, /* pointers, structs, slices, ...: printed as (T) addr */
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
void minigo_printbool(int32_t v);
void minigo_printstring(const uint8_t *p, int64_t len);
void minigo_printpointer(const void *p);   /* 0xc000012345 style: 0x + lower-case hex */
void minigo_printslice(const void *p, int64_t len, int64_t cap); /* [len/cap]0xptr */
void minigo_printeface(const minigo_type *t, const void *data);  /* (0xtype,0xdata) */
void minigo_printsp(void);
void minigo_printnl(void);

/* ---- panics (never return) ---- */
void minigo_panicindex(int64_t index, int64_t len);          /* index out of range [i] with length n */
/* Slice bounds failures, Go's panicSlice* family; `which` selects the text:
 * 0 "[:%x] with capacity %y", 1 "[:%x] with length %y", 2 "[%x:%y]",
 * 3 "[::%x] with capacity %y", 4 "[:%x:%y]", 5 "[%x:%y:]" (x,y as in Go's boundsError). */
void minigo_panicslice(int32_t which, int64_t x, int64_t y);
void minigo_panicdivide(void);                                 /* integer divide by zero */
void minigo_panicshift(void);                                  /* negative shift amount */
void minigo_panicnil(void);  /* invalid memory address or nil pointer dereference + [signal SIGSEGV...] line */
/* A failed x.(T): "interface conversion: interface {} is string, not int" (or "is nil"). */
void minigo_panicdottype(const minigo_type *have, const minigo_type *want);
/* panic(v) with v an interface{}: Go 1.19's printpanicval. */
void minigo_gopanic(const minigo_type *t, const void *data);

#endif
