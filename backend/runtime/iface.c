/* iface.c: interface comparison: == on interface values by their dynamic
 * types' equality (each minigo_type descriptor carries the steps of its
 * type's ==; uncomparable types panic with Go's message); itabs made at
 * run time, cached per (interface, type) pair (Go's runtime/iface.go).
 */
#include "internal.h"


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
        case MINIGO_EQ_IFACE: {
            const minigo_itab *tx = *(const minigo_itab *const *)x, *ty = *(const minigo_itab *const *)y;
            const void *dx = *(const void *const *)(x + 8), *dy = *(const void *const *)(y + 8);
            if (!minigo_efaceeq(tx ? tx->type : NULL, dx, ty ? ty->type : NULL, dy))
                return 0;
            break;
        }
        case MINIGO_EQ_ARRAY: {
            uint64_t i;
            for (i = 0; i < f->size; i++)
                if (!mg_values_equal(f->elem, x + i * f->elem->size, y + i * f->elem->size))
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

int32_t mg_values_equal(const minigo_type *t, const void *a, const void *b)
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

/* Names and signatures compare as byte strings, as the compiler sorts them. */
static int bytes_cmp(const uint8_t *a, int64_t alen, const uint8_t *b, int64_t blen)
{
    int64_t n = alen < blen ? alen : blen;
    int c = n > 0 ? memcmp(a, b, (size_t)n) : 0;
    if (c != 0)
        return c;
    return (alen > blen) - (alen < blen);
}

/* The itab of (inter, type), or NULL with the first missing method in
 * *missing: a merge of the two sorted method lists (Go's itab.init). */
static minigo_itab *make_itab(const minigo_type *inter, const minigo_type *type, const minigo_method **missing)
{
    minigo_itab *tab = malloc(sizeof(minigo_itab) + (size_t)inter->nmethods * sizeof(void *));
    if (tab == NULL)
        throw_msg("out of memory");
    tab->inter = inter;
    tab->type = type;
    tab->reserved = 0;
    int64_t j = 0;
    for (int64_t i = 0; i < inter->nmethods; i++) {
        const minigo_method *want = &inter->methods[i];
        while (j < type->nmethods && bytes_cmp(type->methods[j].name, type->methods[j].name_len, want->name, want->name_len) < 0)
            j++;
        const minigo_method *have = j < type->nmethods ? &type->methods[j] : NULL;
        if (have == NULL || bytes_cmp(have->name, have->name_len, want->name, want->name_len) != 0 ||
            bytes_cmp(have->sig, have->sig_len, want->sig, want->sig_len) != 0) {
            *missing = want;
            free(tab);
            return NULL;
        }
        tab->fun[i] = have->fn;
    }
    return tab;
}

/* The itab cache: a chained hash table of the pairs seen, failures
 * included. Entries are only added, under itab_mu, and published with
 * release stores, so lookups take no lock. */
typedef struct itab_entry {
    const minigo_type *inter, *type;
    minigo_itab *tab;                /* NULL: type does not implement inter */
    const minigo_method *missing;
    struct itab_entry *next;
} itab_entry;

#define ITAB_BUCKETS 1024
static itab_entry *itab_table[ITAB_BUCKETS];
static pthread_mutex_t itab_mu = PTHREAD_MUTEX_INITIALIZER;

static itab_entry *find_itab(itab_entry *const *bucket, const minigo_type *inter, const minigo_type *type)
{
    for (itab_entry *e = __atomic_load_n(bucket, __ATOMIC_ACQUIRE); e != NULL; e = e->next)
        if (e->inter == inter && e->type == type)
            return e;
    return NULL;
}

static itab_entry *getitab(const minigo_type *inter, const minigo_type *type)
{
    uintptr_t h = ((uintptr_t)inter >> 3) * 31 + ((uintptr_t)type >> 3);
    itab_entry **bucket = &itab_table[h % ITAB_BUCKETS];
    itab_entry *e = find_itab(bucket, inter, type);
    if (e != NULL)
        return e;
    pthread_mutex_lock(&itab_mu);
    e = find_itab(bucket, inter, type);
    if (e == NULL) {
        e = malloc(sizeof(itab_entry));
        if (e == NULL) {
            pthread_mutex_unlock(&itab_mu);
            throw_msg("out of memory");
        }
        e->inter = inter;
        e->type = type;
        e->missing = NULL;
        e->tab = make_itab(inter, type, &e->missing);
        e->next = *bucket;
        __atomic_store_n(bucket, e, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&itab_mu);
    return e;
}

const minigo_itab *minigo_assertitab2(const minigo_type *inter, const minigo_type *type)
{
    if (type == NULL)
        return NULL;
    return getitab(inter, type)->tab;
}

const minigo_itab *minigo_assertitab(const minigo_type *inter, const minigo_type *type)
{
    if (type == NULL) {
        pflush();
        pstr("panic: interface conversion: interface is nil, not ");
        pname(inter);
        panic_finish();
    }
    itab_entry *e = getitab(inter, type);
    if (e->tab == NULL)
        minigo_panicmissingmethod(type, inter, e->missing->name, e->missing->name_len);
    return e->tab;
}
