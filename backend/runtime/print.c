/* print.c: the builtin print/println, buffered on fd 2 per thread
 * (flushed when full, at exit, before every panic or fatal message, on
 * fatal signals, by atexit(), and after every print statement once
 * goroutines run on several threads), in Go 1.19's formats (print.go:
 * printfloat, printint, printuint, printhex, printslice, printeface).
 */
#include "internal.h"

__thread unsigned char pbuf[MG_PBUF_SIZE];
__thread size_t pbuf_len;

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

void pflush(void)
{
    size_t n = pbuf_len;
    pbuf_len = 0;
    if (n > 0)
        write_all(pbuf, n);
}

void pbytes(const void *p, size_t n)
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

void pstr(const char *s) { pbytes(s, strlen(s)); }

void puint(uint64_t v)
{
    char buf[24];
    int i = (int)sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    pbytes(buf + i, sizeof buf - (size_t)i);
}

void pint(int64_t v)
{
    if (v < 0) {
        pbytes("-", 1);
        puint((uint64_t)0 - (uint64_t)v);
    } else {
        puint((uint64_t)v);
    }
}

void phex(uint64_t v)
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
void pfloat(double v)
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
void minigo_printcomplex(double re, double im)
{
    pbytes("(", 1);
    pfloat(re);
    pfloat(im);
    pbytes("i)", 2);
}
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

void minigo_printend(void)
{
    if (mg_threaded)
        pflush();
}
void minigo_printflush(void) { pflush(); }
