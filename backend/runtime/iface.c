/* iface.c: interface comparison: == on interface values by their dynamic
 * types' equality (each minigo_type descriptor carries the steps of its
 * type's ==; uncomparable types panic with Go's message).
 */
#include "internal.h"

static int32_t values_equal(const minigo_type *t, const void *a, const void *b);

/* A struct's or array's equality, step by step (gc's generated eq functions). */
static int32_t fields_equal(const minigo_type *t, const uint8_t *a, const uint8_t *b)
{
    const minigo_eqfield *f;
    for (f = t->eq; f->kind != MINIGO_EQ_END; f++) {
        const uint8_t *x = a + f->offset, *y = b + f->offset;
        switch (f->kind) {
        case MINIGO_EQ_MEM:
            if (memcmp(x, y, f->size) != 0)
                return 0;
            break;
        case MINIGO_EQ_F32:
            if (*(const float *)x != *(const float *)y)
                return 0;
            break;
        case MINIGO_EQ_F64:
            if (*(const double *)x != *(const double *)y)
                return 0;
            break;
        case MINIGO_EQ_STRING: {
            const int64_t *s = (const int64_t *)x, *u = (const int64_t *)y;
            if (!minigo_eqstring((const uint8_t *)(uintptr_t)s[0], s[1], (const uint8_t *)(uintptr_t)u[0], u[1]))
                return 0;
            break;
        }
        case MINIGO_EQ_EFACE: {
            const int64_t *s = (const int64_t *)x, *u = (const int64_t *)y;
            if (!minigo_efaceeq((const minigo_type *)(uintptr_t)s[0], (const void *)(uintptr_t)s[1],
                                (const minigo_type *)(uintptr_t)u[0], (const void *)(uintptr_t)u[1]))
                return 0;
            break;
        }
        case MINIGO_EQ_ARRAY: {
            uint64_t i;
            for (i = 0; i < f->size; i++)
                if (!values_equal(f->elem, x + i * f->elem->size, y + i * f->elem->size))
                    return 0;
            break;
        }
        default: /* MINIGO_EQ_UNCOMPARABLE */
            pflush();
            pstr("panic: runtime error: comparing uncomparable type ");
            pname(t);
            panic_finish();
        }
    }
    return 1;
}

static int32_t values_equal(const minigo_type *t, const void *a, const void *b)
{
    if (t->eq)
        return fields_equal(t, a, b);
    return memcmp(a, b, t->size) == 0;
}

int32_t minigo_efaceeq(const minigo_type *t1, const void *d1, const minigo_type *t2, const void *d2)
{
    if (t1 != t2)
        return 0;
    if (t1 == NULL)
        return 1;
    if (t1->eq && !(t1->kind & MINIGO_KIND_DIRECT))
        return fields_equal(t1, d1, d2);
    switch (t1->kind & ~(uint32_t)MINIGO_KIND_DIRECT) {
    case MINIGO_KIND_FLOAT32:
        return *(const float *)d1 == *(const float *)d2;
    case MINIGO_KIND_FLOAT64:
        return *(const double *)d1 == *(const double *)d2;
    case MINIGO_KIND_STRING: {
        const int64_t *a = d1, *b = d2;
        return minigo_eqstring((const uint8_t *)(uintptr_t)a[0], a[1], (const uint8_t *)(uintptr_t)b[0], b[1]);
    }
    case MINIGO_KIND_SLICE:
    case MINIGO_KIND_MAP:
    case MINIGO_KIND_FUNC:
        pflush();
        pstr("panic: runtime error: comparing uncomparable type ");
        pname(t1);
        panic_finish();
    default:
        if (t1->kind & MINIGO_KIND_DIRECT)
            return d1 == d2;
        if (t1->size == 0)
            return 1;
        return memcmp(d1, d2, t1->size) == 0;
    }
}
