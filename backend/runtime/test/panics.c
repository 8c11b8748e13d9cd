/* panics.c: the C side of panics.go; argv[1] selects the case. */
#include "../minigo.h"
#include <stdlib.h>
#include <string.h>

#define TY(var, sz, k, hp, nm) \
    static const minigo_type var = {sz, k, hp, (const uint8_t *)nm, (int64_t)sizeof(nm) - 1, NULL}
TY(t_int, 8, MINIGO_KIND_INT, 0, "int");
TY(t_int8, 1, MINIGO_KIND_INT8, 0, "int8");
TY(t_int16, 2, MINIGO_KIND_INT16, 0, "int16");
TY(t_int32, 4, MINIGO_KIND_INT32, 0, "int32");
TY(t_int64, 8, MINIGO_KIND_INT64, 0, "int64");
TY(t_uint, 8, MINIGO_KIND_UINT, 0, "uint");
TY(t_uint8, 1, MINIGO_KIND_UINT8, 0, "uint8");
TY(t_uint16, 2, MINIGO_KIND_UINT16, 0, "uint16");
TY(t_uint32, 4, MINIGO_KIND_UINT32, 0, "uint32");
TY(t_uint64, 8, MINIGO_KIND_UINT64, 0, "uint64");
TY(t_uintptr, 8, MINIGO_KIND_UINTPTR, 0, "uintptr");
TY(t_float32, 4, MINIGO_KIND_FLOAT32, 0, "float32");
TY(t_float64, 8, MINIGO_KIND_FLOAT64, 0, "float64");
TY(t_bool, 1, MINIGO_KIND_BOOL, 0, "bool");
TY(t_string, 16, MINIGO_KIND_STRING, 1, "string");
TY(t_myint, 8, MINIGO_KIND_INT, 0, "main.MyInt");
TY(t_myi8, 1, MINIGO_KIND_INT8, 0, "main.MyI8");
TY(t_myu8, 1, MINIGO_KIND_UINT8, 0, "main.MyU8");
TY(t_myuptr, 8, MINIGO_KIND_UINTPTR, 0, "main.MyUptr");
TY(t_mystr, 16, MINIGO_KIND_STRING, 1, "main.MyStr");
TY(t_myf, 8, MINIGO_KIND_FLOAT64, 0, "main.MyF");
TY(t_myf32, 4, MINIGO_KIND_FLOAT32, 0, "main.MyF32");
TY(t_myb, 1, MINIGO_KIND_BOOL, 0, "main.MyB");
TY(t_T, 16, MINIGO_KIND_OTHER, 0, "main.T");
TY(t_pT, 8, MINIGO_KIND_OTHER, 1, "*main.T");
TY(t_sint, 24, MINIGO_KIND_OTHER, 1, "[]int");
TY(t_a2int, 16, MINIGO_KIND_OTHER, 0, "[2]int");

void minigo_main_init(void) {}

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }

/* the boxed string header {ptr,len} */
typedef struct { const char *p; int64_t n; } gostr;

void main_main(void)
{
    const char *c = minigo_argc > 1 ? minigo_argv[1] : "";
    int64_t i = 5, j = 2, k = 1, neg = -1;
    uint64_t ui = (uint64_t)1 << 63;
#define CASE(name) else if (strcmp(c, name) == 0)
    if (0) {}
    CASE("index") minigo_panicindex(i, 3);
    CASE("indexneg") minigo_panicindex(neg, 3);
    CASE("indexu") minigo_panicindexu(ui, 3);
    CASE("indexstr") minigo_panicindex(i, 3);
    CASE("slicecap") minigo_panicslice(0, i, 3);
    CASE("slicelen") minigo_panicslice(1, i, 3);
    CASE("slicearr") minigo_panicslice(1, i, 3);
    CASE("sliceB") minigo_panicslice(2, 3, j);
    CASE("slice3cap") minigo_panicslice(3, i, 3);
    CASE("slice3len") minigo_panicslice(6, i, 3);
    CASE("slice3B") minigo_panicslice(4, 3, j);
    CASE("slice3C") minigo_panicslice(5, j, k);
    CASE("sliceneg") minigo_panicslice(0, neg, 3);
    CASE("sliceBneg") minigo_panicslice(2, neg, 3);
    CASE("slice3neg") minigo_panicslice(3, neg, 3);
    CASE("slice3Bneg") minigo_panicslice(4, neg, j);
    CASE("slice3Cneg") minigo_panicslice(5, neg, k);
    CASE("sliceu") minigo_panicsliceu(0, ui, 3);
    CASE("divide") minigo_panicdivide();
    CASE("modulo") minigo_panicdivide();
    CASE("shift") minigo_panicshift();
    CASE("nil") minigo_panicnil();
    CASE("nilfield") minigo_panicnil();
    CASE("dottype") minigo_panicdottype(&t_string, &t_int);
    CASE("dottypenil") minigo_panicdottype(NULL, &t_int);
    CASE("dottypenamed") minigo_panicdottype(&t_T, &t_myint);
    CASE("dottypeptr") minigo_panicdottype(&t_pT, &t_T);
    CASE("pstring") { static const gostr v = {"boom", 4}; minigo_gopanic(&t_string, &v); }
    CASE("pstringnl") { static const gostr v = {"line1\nline2", 11}; minigo_gopanic(&t_string, &v); }
    CASE("pempty") { static const gostr v = {NULL, 0}; minigo_gopanic(&t_string, &v); }
    CASE("pint") minigo_gopanic(&t_int, minigo_convT64(42));
    CASE("pnegint") minigo_gopanic(&t_int, minigo_convT64((uint64_t)-42));
    CASE("pint8") minigo_gopanic(&t_int8, minigo_convT8((uint8_t)-8));
    CASE("pint16") minigo_gopanic(&t_int16, minigo_convT16(16));
    CASE("pint32") minigo_gopanic(&t_int32, minigo_convT32('x'));
    CASE("pint64") minigo_gopanic(&t_int64, minigo_convT64((uint64_t)INT64_MIN));
    CASE("puint") minigo_gopanic(&t_uint, minigo_convT64(UINT64_MAX));
    CASE("puint8") minigo_gopanic(&t_uint8, minigo_convT8(255));
    CASE("puint16") minigo_gopanic(&t_uint16, minigo_convT16(65535));
    CASE("puint32") minigo_gopanic(&t_uint32, minigo_convT32((uint32_t)1 << 31));
    CASE("puint64") minigo_gopanic(&t_uint64, minigo_convT64((uint64_t)1 << 63));
    CASE("puintptr") minigo_gopanic(&t_uintptr, minigo_convT64(0xbeef));
    CASE("pfloat") { static const double v = 1.5; minigo_gopanic(&t_float64, &v); }
    CASE("pfloat32") { static const float v = 0.1f; minigo_gopanic(&t_float32, &v); }
    CASE("pbool") minigo_gopanic(&t_bool, minigo_convT8(1));
    CASE("pnil") minigo_gopanic(NULL, NULL);
    CASE("pmyint") minigo_gopanic(&t_myint, minigo_convT64(5));
    CASE("pmyi8") minigo_gopanic(&t_myi8, minigo_convT8((uint8_t)-5));
    CASE("pmyu8") minigo_gopanic(&t_myu8, minigo_convT8(200));
    CASE("pmyuptr") minigo_gopanic(&t_myuptr, minigo_convT64(77));
    CASE("pmystr") minigo_gopanic(&t_mystr, minigo_convTstring((const uint8_t *)"hi", 2));
    CASE("pmyf") { static const double v = 2.5; minigo_gopanic(&t_myf, &v); }
    CASE("pmyf32") { static const float v = 0.1f; minigo_gopanic(&t_myf32, &v); }
    CASE("pmyb") minigo_gopanic(&t_myb, minigo_convT8(0));
    CASE("pstruct") {
        int64_t v[2] = {1, 2};
        minigo_gopanic(&t_T, minigo_convT(&t_T, v));
    }
    CASE("pptr") {
        int64_t *p = minigo_alloc(16, 0);
        p[0] = 1; p[1] = 2;
        minigo_gopanic(&t_pT, p);
    }
    CASE("pslice") {
        int64_t *arr = minigo_alloc(8, 0);
        arr[0] = 1;
        minigo_gopanic(&t_sint, minigo_convTslice(arr, 1, 1));
    }
    CASE("parray") {
        int64_t v[2] = {1, 2};
        minigo_gopanic(&t_a2int, minigo_convT(&t_a2int, v));
    }
    CASE("printthenpanic") {
        for (int n = 0; n < 7000; n++) {
            S("before"); minigo_printsp(); minigo_printint(n); minigo_printnl();
        }
        S("partial line ");
        static const gostr v = {"after output", 12};
        minigo_gopanic(&t_string, &v);
    }
    CASE("growslice") {
        int64_t nc;
        void *a = minigo_makeslice(8, 0, 1, 0);
        minigo_growslice(a, 0, 1, (int64_t)1 << 46, 8, 0, &nc);
    }
    CASE("makeslicelen") minigo_makeslice(8, neg, neg, 0);
    CASE("makeslicecap") minigo_makeslice(8, 2, k, 0);
    CASE("makeslicelenbig") minigo_makeslice(8, (int64_t)1 << 60, (int64_t)1 << 60, 0);
    CASE("ok") { S("no panic"); minigo_printnl(); }
    else { S("unknown case\n"); minigo_exit(3); }
}
