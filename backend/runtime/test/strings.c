/* strings.c: the C side of strings.go, through the runtime's string helpers. */
#include "../minigo.h"
#include <string.h>

typedef struct { const uint8_t *p; int64_t n; } str;

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }
static void PS(str s) { minigo_printstring(s.p, s.n); }
static void I(int64_t v) { minigo_printint(v); }
static void B(int v) { minigo_printbool(v); }
static void SP(void) { minigo_printsp(); }
static void NL(void) { minigo_printnl(); }

static str lit(const char *s, int64_t n) { str r = {(const uint8_t *)s, n}; return r; }
#define L(s) lit(s, (int64_t)sizeof(s) - 1)
static str from(const int64_t *o) { str r = {(const uint8_t *)(uintptr_t)o[0], o[1]}; return r; }

static str cat(int n, const str *parts)
{
    int64_t pairs[20], out[2];
    for (int i = 0; i < n; i++) {
        pairs[2 * i] = (int64_t)(uintptr_t)parts[i].p;
        pairs[2 * i + 1] = parts[i].n;
    }
    minigo_concatstrings(pairs, n, out);
    return from(out);
}

static void bytes(str s)
{
    I(s.n); S(":");
    for (int64_t i = 0; i < s.n; i++) {
        S(" ");
        minigo_printuint(s.p[i]);
    }
    NL();
}

void minigo_main_init(void) {}

void main_main(void)
{
    str a = L("foo"), b = L("barbaz"), e = {NULL, 0};
    { str p[] = {a, b}; bytes(cat(2, p)); }
    { str p[] = {a, e}; str r = cat(2, p); bytes(r); if (r.p != a.p) S("BUG: single operand copied\n"); }
    { str p[] = {e, a}; bytes(cat(2, p)); }
    { str p[] = {e, e}; str r = cat(2, p); bytes(r); if (r.p != NULL) S("BUG: empty not nil\n"); }
    { str p[] = {a, e, b, e, a}; bytes(cat(5, p)); }
    { str p[] = {a, b, a, b, a, b, a, b, a, b}; bytes(cat(10, p)); }

    str strs[] = {L(""), L("a"), L("b"), L("ab"), L("abc"), L("abd"), L("b\0"), L("\xff"),
                  L("\x7f"), L("foo"), L("foobar")};
    int ns = (int)(sizeof strs / sizeof strs[0]);
    for (int i = 0; i < ns; i++) {
        for (int j = 0; j < ns; j++) {
            str x = strs[i], y = strs[j];
            int eq = minigo_eqstring(x.p, x.n, y.p, y.n);
            int64_t c = minigo_cmpstring(x.p, x.n, y.p, y.n);
            B(eq); B(!eq); B(c < 0); B(c <= 0); B(c > 0); B(c >= 0); S(" ");
        }
        NL();
    }

    int64_t runes[] = {0, 65, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0xffff, 0xfffd, 0x10000, 0x1d11e,
                       0x10ffff, 0x110000, -1, 0xd800, 0xdbff, 0xdc00, 0xdfff,
                       ((int64_t)1 << 32) + 65, INT64_MIN, ((int64_t)1 << 31) - 1};
    for (size_t i = 0; i < sizeof runes / sizeof runes[0]; i++) {
        int64_t o[2];
        minigo_intstring(runes[i], o);
        bytes(from(o));
        minigo_intstring((int32_t)runes[i], o);
        bytes(from(o));
    }

    str tests[] = {L(""), L("x"), L("hello, world"), L("h\xc3\xa9llo"), L("\xe2\x82\xac"),
                   L("\xf0\x9d\x84\x9e"), L("\xff"), L("\xc0\x80"), L("\xc1\xbf"), L("\xc2\x80"),
                   L("\xdf\xbf"), L("\xe0\x9f\xbf"), L("\xe0\xa0\x80"), L("\xed\x9f\xbf"),
                   L("\xed\xa0\x80"), L("\xed\xbf\xbf"), L("\xee\x80\x80"), L("\xef\xbf\xbf"),
                   L("\xf0\x8f\xbf\xbf"), L("\xf0\x90\x80\x80"), L("\xf4\x8f\xbf\xbf"),
                   L("\xf4\x90\x80\x80"), L("\xf5\x80\x80\x80"), L("\xf8\x88\x80\x80\x80"),
                   L("\xe2\x82"), L("\xe2"), L("\xf0\x9d\x84"), L("a\x80" "b"), L("\xc3"),
                   L("\xc3("), L("\xe2(\xa1"), L("\xe2\x82("), L("\xf0(\x8c\xbc"),
                   L("\xf0\x90(\xbc"), L("\xf0\x28\x8c\x28"), L("\x80\x80\x80"),
                   L("ab\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")};
    for (size_t t = 0; t < sizeof tests / sizeof tests[0]; t++) {
        str s = tests[t];
        int64_t o[3], o2[2];
        if (s.n == 0)
            s.p = NULL; /* Go's "" */
        S("range");
        for (int64_t i = 0; i < s.n;) {
            minigo_decoderune(s.p, s.n, i, o);
            S(" "); I(i); S("="); I(o[0]);
            i = o[1];
        }
        NL();
        minigo_stringtoslicerune(s.p, s.n, o);
        const int32_t *rs = (const int32_t *)(uintptr_t)o[0];
        S("runes"); SP(); I(o[1]); SP(); I(o[2]); NL();
        for (int64_t i = 0; i < o[1]; i++) {
            I(rs[i]); S(" ");
        }
        NL();
        minigo_slicerunetostring(rs, o[1], o2);
        bytes(from(o2));
        minigo_stringtoslicebyte(s.p, s.n, o);
        S("bytes"); SP(); I(o[1]); SP(); I(o[2]); NL();
        minigo_slicebytetostring((const uint8_t *)(uintptr_t)o[0], o[1], o2);
        bytes(from(o2));
    }
    {
        int32_t rs[] = {65, -1, 0xd800, 0x110000, 0x10ffff, 0x7ff, 0x800, 0, 0xdfff, INT32_MIN};
        int64_t o[2];
        minigo_slicerunetostring(rs, 10, o);
        bytes(from(o));
        minigo_slicerunetostring(rs, 0, o);
        bytes(from(o));
    }
    {
        /* non-escaping conversions: gc passes a 32-byte stack buffer */
        str sh = L("short"), lg = L("0123456789012345678901234567890123456789");
        uint8_t buf1[32], buf2[32], sb1[32], sb2[32], sb3[32], sb4[32], sb5[32], sb6[32];
        int32_t rbuf1[32], rbuf2[32];
        int64_t b1[3], b2[3], r1[3], r2[3], o[2];
        minigo_stringtoslicebyte_buf(buf1, sh.p, sh.n, b1);
        minigo_stringtoslicebyte_buf(buf2, lg.p, lg.n, b2);
        I(b1[1]); SP(); I(b1[2]); SP(); I(b2[1]); SP(); I(b2[2]); NL();
        minigo_stringtoslicerune_buf(rbuf1, sh.p, sh.n, r1);
        minigo_stringtoslicerune_buf(rbuf2, lg.p, lg.n, r2);
        I(r1[1]); SP(); I(r1[2]); SP(); I(r2[1]); SP(); I(r2[2]); NL();
        minigo_slicebytetostring_buf(sb1, (const uint8_t *)(uintptr_t)b1[0], b1[1], o);
        PS(from(o)); SP();
        minigo_slicebytetostring_buf(sb2, (const uint8_t *)(uintptr_t)b2[0], b2[1], o);
        PS(from(o)); SP();
        minigo_slicerunetostring_buf(sb3, (const int32_t *)(uintptr_t)r1[0], r1[1], o);
        PS(from(o)); SP();
        minigo_slicerunetostring_buf(sb4, (const int32_t *)(uintptr_t)r2[0], r2[1], o);
        PS(from(o)); SP();
        int64_t pairs[4] = {(int64_t)(uintptr_t)sh.p, sh.n, (int64_t)(uintptr_t)lg.p, lg.n};
        minigo_concatstrings_buf(sb5, pairs, 2, o);
        PS(from(o)); SP();
        int64_t pairs2[4] = {(int64_t)(uintptr_t)sh.p, sh.n, (int64_t)(uintptr_t)sh.p, sh.n};
        minigo_concatstrings_buf(sb6, pairs2, 2, o);
        PS(from(o)); NL();
        if ((const uint8_t *)(uintptr_t)o[0] != sb6)
            S("BUG: short concat not in buf\n");
    }
}
