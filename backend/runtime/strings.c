/* strings.c: the string helpers: concatenation, comparison, conversions
 * between string, []byte, []rune and rune, for-range rune decoding.
 * Follows Go 1.19's string.go (concatstrings, slicebytetostring,
 * stringtoslicebyte, stringtoslicerune, slicerunetostring, intstring,
 * cmpstring) and utf8.go (decoderune, encoderune).
 */
#include "internal.h"

enum { RUNE_ERROR = 0xFFFD, MAX_RUNE = 0x10FFFF, SURR_MIN = 0xD800, SURR_MAX = 0xDFFF };

static int string_on_stack(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    const mg_goroutine *g = getg();
    return g->stack_hi != 0 && g->stack_lo <= a && a < g->stack_hi;
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
