/* slices.c: the C side of slices.go, through growslice/makeslice/stringtoslicebyte. */
#include "../minigo.h"
#include <string.h>

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }
static void I(int64_t v) { minigo_printint(v); }
static void SP(void) { minigo_printsp(); }
static void NL(void) { minigo_printnl(); }

typedef struct { void *p; int64_t len, cap; } slice;

/* append(s, src[0..n]...) for elements of es bytes, as the compiler expands it */
static void append_n(slice *s, const void *src, int64_t n, uint64_t es, uint32_t hp)
{
    int64_t newlen = s->len + n;
    if (newlen > s->cap) {
        int64_t nc;
        s->p = minigo_growslice(s->p, s->len, s->cap, newlen, es, hp, &nc);
        s->cap = nc;
    }
    if (n > 0 && es > 0)
        memmove((char *)s->p + s->len * (int64_t)es, src, (size_t)(n * (int64_t)es));
    s->len = newlen;
}

static slice make(uint64_t es, int64_t len, int64_t cap, uint32_t hp)
{
    slice s = {minigo_makeslice(es, len, cap, hp), len, cap};
    return s;
}

/* the growth loop: append one zero-ish element at a time, print each new cap */
static slice grow(int64_t count, uint64_t es, uint32_t hp, void (*fill)(void *, int64_t))
{
    slice a = {NULL, 0, 0};
    int64_t last = -1;
    unsigned char elem[1000];
    for (int64_t i = 0; i < count; i++) {
        memset(elem, 0, sizeof elem);
        if (fill)
            fill(elem, i);
        append_n(&a, elem, 1, es, hp);
        if (a.cap != last) {
            I(a.cap);
            S(" ");
            last = a.cap;
        }
    }
    NL();
    return a;
}

static void fill_int(void *e, int64_t i) { memcpy(e, &i, 8); }
static void fill_byte(void *e, int64_t i) { *(unsigned char *)e = (unsigned char)i; }
static void fill_s24(void *e, int64_t i) { int64_t v[3] = {i, 0, -i}; memcpy(e, v, 24); }
static void fill_i32(void *e, int64_t i) { int32_t v = (int32_t)i; memcpy(e, &v, 4); }
static void fill_i16(void *e, int64_t i) { int16_t v = (int16_t)i; memcpy(e, &v, 2); }

void minigo_main_init(void) {}

void main_main(void)
{
    {
        slice a = grow(20000, 8, 0, fill_int);
        int64_t sum = 0;
        for (int64_t i = 0; i < a.len; i++)
            sum += ((int64_t *)a.p)[i];
        S("int"); SP(); I(a.len); SP(); I(sum); NL();
    }
    {
        slice a = grow(100000, 1, 0, fill_byte);
        S("byte"); SP(); I(a.len); SP(); minigo_printuint(((uint8_t *)a.p)[99999]); SP();
        minigo_printuint(((uint8_t *)a.p)[256]); NL();
    }
    {
        slice a = grow(5000, 24, 0, fill_s24);
        int64_t *last = (int64_t *)a.p + 3 * 4999;
        S("s24"); SP(); I(a.len); SP(); I(last[0]); SP(); I(last[2]); NL();
    }
    grow(5000, 12, 0, fill_i32);
    grow(5000, 5, 0, NULL);
    grow(5000, 4, 0, fill_i32);
    grow(5000, 2, 0, fill_i16);
    grow(300, 1000, 0, NULL);
    grow(3000, 8, 1, NULL);
    grow(100, 0, 0, NULL);
    {
        slice seven = make(8, 7, 7, 0);
        slice many = make(8, 1000, 1000, 0);
        slice a = {NULL, 0, 0};
        append_n(&a, seven.p, seven.len, 8, 0);
        I(a.len); SP(); I(a.cap); NL();
        slice b = make(8, 0, 300, 0);
        append_n(&b, many.p, many.len, 8, 0);
        I(b.len); SP(); I(b.cap); NL();
        slice c = make(8, 300, 300, 0);
        append_n(&c, seven.p, seven.len, 8, 0);
        I(c.len); SP(); I(c.cap); NL();
        int64_t one = 1;
        slice d = make(8, 5, 5, 0);
        append_n(&d, &one, 1, 8, 0);
        I(d.len); SP(); I(d.cap); NL();
        uint8_t b1 = 1;
        slice e = make(1, 3, 3, 0);
        append_n(&e, &b1, 1, 1, 0);
        I(e.len); SP(); I(e.cap); NL();
        slice f = make(8, 255, 255, 0);
        append_n(&f, &one, 1, 8, 0);
        I(f.len); SP(); I(f.cap); NL();
        slice g = make(8, 256, 256, 0);
        append_n(&g, &one, 1, 8, 0);
        I(g.len); SP(); I(g.cap); NL();
        slice h = make(1, 1000, 1000, 0);
        slice h2 = make(1, 40000, 40000, 0);
        append_n(&h, h2.p, h2.len, 1, 0);
        I(h.len); SP(); I(h.cap); NL();
        slice k = make(24, 10, 10, 0);
        slice k2 = make(24, 11, 11, 0);
        append_n(&k, k2.p, k2.len, 24, 0);
        I(k.len); SP(); I(k.cap); NL();
    }
    {
        slice buf = make(1, 40000, 40000, 0);
        int64_t last = -1;
        for (int64_t n = 0; n <= 40000; n++) {
            int64_t s[2], b[3];
            minigo_slicebytetostring(buf.p, n, s);
            minigo_stringtoslicebyte((const uint8_t *)(uintptr_t)s[0], s[1], b);
            if (b[2] != last) {
                I(n); S(":"); I(b[2]); S(" ");
                last = b[2];
            }
        }
        NL();
    }
}
