/* print.c: the C side of print.go, through the runtime's print functions. */
#include "../minigo.h"
#include <string.h>

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }
static void SP(void) { minigo_printsp(); }
static void NL(void) { minigo_printnl(); }

void minigo_main_init(void) {}

void main_main(void)
{
    volatile double zero = 0;
    minigo_printint(0); SP(); minigo_printint(1); SP(); minigo_printint(-1); SP();
    minigo_printint(123456789); SP(); minigo_printint(INT64_MIN); SP();
    minigo_printint(INT64_MAX); NL();
    minigo_printuint(UINT64_MAX); SP(); minigo_printuint(0); SP(); minigo_printuint(255); SP();
    minigo_printint(-128); SP(); minigo_printint(-5); NL();
    double floats[] = {
        0, -zero, 1, -1, 1.5, -1.5, 0.1, 0.5, 2.5, 10, 100, 123456789, 1e100, 1e-5,
        1e300, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        9.9999999, 9.99999949, 0.999999951, 1.0 / 3, 2.0 / 3, 3.14159265358979,
        -2.718281828459045, 6.02214076e23, 1.602176634e-19, 4503599627370497.0,
        (double)0.1f, (double)1.1f, zero / zero, 1 / zero, -1 / zero,
    };
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) {
        minigo_printfloat(floats[i]); NL();
    }
    minigo_printfloat((double)16777217.0f); SP(); minigo_printfloat((double)-3.25f); NL();
    minigo_printbool(1); SP(); minigo_printbool(0); NL();
    S("hello"); SP(); minigo_printstring(NULL, 0); SP(); S("w\xc3\xb6rld"); SP();
    minigo_printstring((const uint8_t *)"a\0b", 3); NL();
    S("a"); S("b"); minigo_printint(1); minigo_printint(2); minigo_printbool(1); S("\n");
    NL();
    minigo_printpointer(NULL); SP(); minigo_printpointer((void *)(uintptr_t)0xdeadbeef); SP();
    minigo_printpointer((void *)(uintptr_t)1); NL();
    minigo_printpointer(NULL); NL();
    minigo_printslice(NULL, 0, 0); NL();
    minigo_printslice((void *)(uintptr_t)0x1000, 3, 3); NL();
    minigo_printeface(NULL, NULL); NL();
    for (int i = 0; i < 4000; i++) {
        S("line"); SP(); minigo_printint(i); SP(); minigo_printfloat((double)i * 0.25); NL();
    }
    /* pseudo-random doubles (xorshift64, same sequence in print.go) */
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 3000; i++) {
        double f;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        memcpy(&f, &x, 8);
        minigo_printfloat(f); SP();
        minigo_printfloat((double)(x % 2000000) / 1024); SP();
        minigo_printfloat((double)(int64_t)(x >> 11) * 1e-9); SP();
        minigo_printint((int64_t)x); SP();
        minigo_printuint(x); NL();
    }
    S("tail without newline");
}
