/* map.c: Go's maps. A map keeps its entries in an array, in insertion
 * order (each entry: the key's hash with the top bit set while the entry is
 * live, 0 once deleted; the key; the value), and finds them through an
 * open-addressing index (linear probing, at most half full) whose slots
 * hold an entry's number and the high half of its hash, so that a probe
 * touches an entry only when the hashes agree. Deleting leaves a tombstone; when the array is full it is rebuilt,
 * without the tombstones, at twice the size unless half of it was dead.
 * Keys hash with a per-map random seed (Go's hash0): 8- and 4-byte keys
 * and strings by fast paths, other keys step by step as their type's
 * equality compares them (floats with +0 == -0 and NaN != NaN, interfaces
 * by their dynamic value: an unhashable one panics as Go's does).
 * Iteration starts at a random entry and wraps around (Go randomizes the
 * order too); an iterator whose array was replaced by a rebuild reads each
 * key's current value through a lookup, and skips the keys deleted since.
 * Follows Go 1.19's runtime/map.go and alg.go for what is observable.
 */
#include "internal.h"

#include <fcntl.h>
#include <time.h>

enum { KEY_GENERIC, KEY_WORD8, KEY_WORD4, KEY_STRING };

#define LIVE ((uint64_t)1 << 63)
#define DELETED_SLOT UINT32_MAX
#define SLOT_ENTRY(s) ((uint32_t)(s))
#define SLOT(entry, hash) ((uint64_t)(uint32_t)((entry) + 1) | ((hash) & 0xffffffff00000000ULL))
#define SLOT_TAG_MATCHES(s, hash) ((((s) ^ (hash)) & 0xffffffff00000000ULL) == 0)

typedef struct mg_map {
    int64_t count; /* len(m): first, generated code reads it */
    const minigo_type *key;
    uint32_t key_kind; /* KEY_* */
    uint32_t key_size, val_offset, val_size, entry_size;
    uint64_t seed;
    uint8_t *entries;
    int64_t used; /* entries taken, tombstones included */
    int64_t cap;
    uint64_t *index; /* entry number + 1 (0: empty, DELETED_SLOT: deleted) | hash's high half */
    uint64_t mask;
} mg_map;

typedef struct mg_mapiter {
    void *key; /* the current entry's key and value, NULL once done */
    void *value;
    mg_map *m;
    uint8_t *entries; /* the array the iteration walks */
    int64_t used;     /* its entries when the iteration started */
    int64_t start, steps;
} mg_mapiter;

_Static_assert(sizeof(mg_mapiter) <= MINIGO_MAPITER_SIZE, "minigo_mapiter too small");
_Static_assert(sizeof(mg_map) <= MINIGO_MAP_SIZE, "minigo_map too small");

/* ---- random numbers (Go's fastrand) ---- */

static __thread uint64_t rand_state;

/* shared with select's poll order (internal.h) */
uint64_t fastrand64(void)
{
    if (rand_state == 0) {
        uint64_t s = (uint64_t)(uintptr_t)&rand_state ^ (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
        int fd = open("/dev/urandom", O_RDONLY);
        if (fd >= 0) {
            uint64_t r;
            if (read(fd, &r, sizeof r) == (ssize_t)sizeof r)
                s ^= r;
            close(fd);
        }
        rand_state = s | 1;
    }
    /* xorshift64* */
    rand_state ^= rand_state >> 12;
    rand_state ^= rand_state << 25;
    rand_state ^= rand_state >> 27;
    return rand_state * 0x2545F4914F6CDD1DULL;
}

/* ---- hashing ---- */

static inline uint64_t mix(uint64_t a, uint64_t b)
{
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)(r >> 64) ^ (uint64_t)r;
}

#define C0 0xa0761d6478bd642fULL
#define C1 0xe7037ed1a0b428dbULL
#define C2 0x8ebc6af09c88c6e3ULL

static inline uint64_t hash_word(uint64_t w, uint64_t seed)
{
    return mix(w ^ seed ^ C0, C1 ^ w >> 32);
}

static uint64_t hash_bytes(const uint8_t *p, uint64_t n, uint64_t seed)
{
    uint64_t h = seed ^ mix(n ^ C0, C1);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = mix(h ^ w ^ C2, C1);
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        h = mix(h ^ w ^ C0, C2);
    }
    return h;
}

static uint64_t hash_f64(double f, uint64_t seed)
{
    if (f == 0)
        return hash_word(0, seed); /* +0 and -0 */
    if (f != f)
        return hash_word(fastrand64(), seed); /* every NaN is another key */
    uint64_t w;
    memcpy(&w, &f, 8);
    return hash_word(w, seed);
}

static uint64_t hash_value(const minigo_type *t, const uint8_t *p, uint64_t seed);

static MG_NORETURN void unhashable(const minigo_type *t)
{
    pflush();
    pstr("panic: runtime error: hash of unhashable type ");
    pname(t);
    panic_finish();
}

/* An interface's dynamic value (Go's nilinterhash). */
static uint64_t hash_eface(const minigo_type *t, const void *data, uint64_t seed)
{
    if (t == NULL)
        return seed;
    uint32_t kind = t->kind & ~(uint32_t)MINIGO_KIND_DIRECT;
    if ((t->eq && t->eq->kind == MINIGO_EQ_UNCOMPARABLE) || kind == MINIGO_KIND_SLICE || kind == MINIGO_KIND_MAP ||
        kind == MINIGO_KIND_FUNC)
        unhashable(t);
    if (t->kind & MINIGO_KIND_DIRECT)
        return hash_word((uint64_t)(uintptr_t)data, seed ^ (uint64_t)(uintptr_t)t);
    return hash_value(t, data, seed ^ (uint64_t)(uintptr_t)t);
}

/* A value of type t, step by step as its equality compares it. */
static uint64_t hash_value(const minigo_type *t, const uint8_t *p, uint64_t seed)
{
    uint32_t kind = t->kind & ~(uint32_t)MINIGO_KIND_DIRECT;
    if (t->eq == NULL) {
        if (kind == MINIGO_KIND_STRING) {
            const int64_t *s = (const int64_t *)p;
            return hash_bytes((const uint8_t *)(uintptr_t)s[0], (uint64_t)s[1], seed);
        }
        return hash_bytes(p, t->size, seed);
    }
    uint64_t h = seed;
    for (const minigo_eqfield *f = t->eq; f->kind != MINIGO_EQ_END; f++) {
        const uint8_t *x = p + f->offset;
        switch (f->kind) {
        case MINIGO_EQ_MEM:
            h = hash_bytes(x, f->size, h);
            break;
        case MINIGO_EQ_F32:
            h = hash_f64(*(const float *)x, h);
            break;
        case MINIGO_EQ_F64:
            h = hash_f64(*(const double *)x, h);
            break;
        case MINIGO_EQ_STRING: {
            const int64_t *s = (const int64_t *)x;
            h = hash_bytes((const uint8_t *)(uintptr_t)s[0], (uint64_t)s[1], h);
            break;
        }
        case MINIGO_EQ_EFACE: {
            const void *const *e = (const void *const *)x;
            h = hash_eface(e[0], e[1], h);
            break;
        }
        case MINIGO_EQ_IFACE: {
            const minigo_itab *tab = *(const minigo_itab *const *)x;
            h = hash_eface(tab ? tab->type : NULL, *(const void *const *)(x + 8), h);
            break;
        }
        case MINIGO_EQ_ARRAY:
            for (uint64_t i = 0; i < f->size; i++)
                h = hash_value(f->elem, x + i * f->elem->size, h);
            break;
        default: /* MINIGO_EQ_UNCOMPARABLE */
            unhashable(t);
        }
    }
    return h;
}

static inline uint64_t hash_key(const mg_map *m, const void *key)
{
    switch (m->key_kind) {
    case KEY_WORD8: {
        uint64_t w;
        memcpy(&w, key, 8);
        return hash_word(w, m->seed);
    }
    case KEY_WORD4:
        return hash_word(*(const uint32_t *)key, m->seed);
    case KEY_STRING: {
        const int64_t *s = key;
        return hash_bytes((const uint8_t *)(uintptr_t)s[0], (uint64_t)s[1], m->seed);
    }
    default:
        return hash_value(m->key, key, m->seed);
    }
}

static inline int keys_equal(const mg_map *m, const void *a, const void *b)
{
    switch (m->key_kind) {
    case KEY_WORD8:
        return *(const uint64_t *)a == *(const uint64_t *)b;
    case KEY_WORD4:
        return *(const uint32_t *)a == *(const uint32_t *)b;
    case KEY_STRING: {
        const int64_t *s = a, *u = b;
        return s[1] == u[1] && minigo_eqstring((const uint8_t *)(uintptr_t)s[0], s[1], (const uint8_t *)(uintptr_t)u[0], u[1]);
    }
    default:
        return mg_values_equal(m->key, a, b);
    }
}

/* ---- the table ---- */

static inline uint8_t *entry_at(const mg_map *m, uint8_t *entries, int64_t i)
{
    return entries + (uint64_t)i * m->entry_size;
}

static void allocate(mg_map *m, int64_t cap)
{
    m->cap = cap;
    m->entries = minigo_alloc((uint64_t)cap * m->entry_size, 1);
    uint64_t slots = (uint64_t)cap * 2;
    m->index = minigo_alloc(slots * sizeof(uint64_t), 0);
    m->mask = slots - 1;
    m->used = 0;
}

static void insert_index(mg_map *m, uint64_t hash, int64_t entry)
{
    uint64_t i = hash & m->mask;
    while (m->index[i] != 0)
        i = (i + 1) & m->mask;
    m->index[i] = SLOT(entry, hash);
}

/* Rebuilds the table without tombstones, with room for more entries. */
static void rebuild(mg_map *m)
{
    uint8_t *old = m->entries;
    int64_t old_used = m->used;
    int64_t cap = m->count * 2 >= m->cap ? m->cap * 2 : m->cap;
    if (cap > (int64_t)(UINT32_MAX / 4))
        throw_msg("runtime: map too large");
    allocate(m, cap);
    for (int64_t i = 0; i < old_used; i++) {
        uint8_t *e = old + (uint64_t)i * m->entry_size;
        uint64_t h = *(uint64_t *)e;
        if (!(h & LIVE))
            continue;
        uint8_t *d = entry_at(m, m->entries, m->used);
        memcpy(d, e, m->entry_size);
        insert_index(m, h, m->used);
        m->used++;
    }
}

void *minigo_makemap(const minigo_type *key, uint64_t val_size, int64_t hint, void *header)
{
    mg_map *m = header ? header : minigo_alloc(sizeof(mg_map), 1);
    m->count = 0;
    m->key = key;
    m->key_size = (uint32_t)key->size;
    uint32_t kind = key->kind & ~(uint32_t)MINIGO_KIND_DIRECT;
    if (kind == MINIGO_KIND_STRING)
        m->key_kind = KEY_STRING;
    else if (key->eq == NULL && key->size == 8)
        m->key_kind = KEY_WORD8;
    else if (key->eq == NULL && key->size == 4)
        m->key_kind = KEY_WORD4;
    else
        m->key_kind = KEY_GENERIC;
    uint32_t key_room = (m->key_size + 7u) & ~7u;
    m->val_offset = 8 + key_room;
    m->val_size = (uint32_t)val_size;
    m->entry_size = m->val_offset + (((uint32_t)val_size + 7u) & ~7u);
    m->seed = fastrand64();
    m->entries = NULL;
    m->index = NULL;
    m->used = m->cap = 0;
    m->mask = 0;
    if (hint > 0) { /* a negative hint is 0, as in Go */
        int64_t cap = 8;
        while (cap < hint && cap < (int64_t)1 << 30)
            cap *= 2;
        allocate(m, cap);
    }
    return m;
}

/* The entry holding `key`, or NULL; *hashp gets the key's hash. */
static uint8_t *find(mg_map *m, const void *key, uint64_t *hashp)
{
    uint64_t h = hash_key(m, key) | LIVE;
    if (hashp)
        *hashp = h;
    if (m->count == 0)
        return NULL;
    uint64_t i = h & m->mask;
    for (;;) {
        uint64_t s = m->index[i];
        if (s == 0)
            return NULL;
        if (SLOT_TAG_MATCHES(s, h) && SLOT_ENTRY(s) != DELETED_SLOT) {
            uint8_t *e = entry_at(m, m->entries, (int64_t)SLOT_ENTRY(s) - 1);
            if (*(uint64_t *)e == h && keys_equal(m, e + 8, key))
                return e;
        }
        i = (i + 1) & m->mask;
    }
}

static uint8_t zero_value[1024];

/* m[k]: the value's address, or a zero value's. */
void *minigo_mapaccess1(void *map, const void *key)
{
    mg_map *m = map;
    if (m == NULL || m->count == 0) {
        if (m != NULL && m->key_kind == KEY_GENERIC)
            hash_key(m, key); /* an unhashable key panics even so */
        return zero_value;
    }
    uint8_t *e = find(m, key, NULL);
    if (e)
        return e + m->val_offset;
    return m->val_size <= sizeof zero_value ? zero_value : minigo_alloc(m->val_size, 0);
}

/* v, ok := m[k]: the value's address, or NULL. */
void *minigo_mapaccess2(void *map, const void *key)
{
    mg_map *m = map;
    if (m == NULL || m->count == 0) {
        if (m != NULL && m->key_kind == KEY_GENERIC)
            hash_key(m, key);
        return NULL;
    }
    uint8_t *e = find(m, key, NULL);
    return e ? e + m->val_offset : NULL;
}

/* m[k] = ...: the address to store the value at, the entry made if new. */
void *minigo_mapassign(void *map, const void *key)
{
    mg_map *m = map;
    if (m == NULL)
        panic_plain("assignment to entry in nil map");
    uint64_t h;
    uint8_t *e = find(m, key, &h);
    if (e)
        return e + m->val_offset;
    if (m->cap == 0)
        allocate(m, 8);
    else if (m->used == m->cap)
        rebuild(m);
    e = entry_at(m, m->entries, m->used);
    *(uint64_t *)e = h;
    memcpy(e + 8, key, m->key_size);
    uint64_t i = h & m->mask;
    while (m->index[i] != 0 && SLOT_ENTRY(m->index[i]) != DELETED_SLOT)
        i = (i + 1) & m->mask;
    m->index[i] = SLOT(m->used, h);
    m->used++;
    m->count++;
    return e + m->val_offset;
}

void minigo_mapdelete(void *map, const void *key)
{
    mg_map *m = map;
    if (m == NULL || m->count == 0) {
        if (m != NULL && m->key_kind == KEY_GENERIC)
            hash_key(m, key);
        return;
    }
    uint64_t h = hash_key(m, key) | LIVE;
    uint64_t i = h & m->mask;
    for (;;) {
        uint64_t s = m->index[i];
        if (s == 0)
            return;
        if (SLOT_TAG_MATCHES(s, h) && SLOT_ENTRY(s) != DELETED_SLOT) {
            uint8_t *e = entry_at(m, m->entries, (int64_t)SLOT_ENTRY(s) - 1);
            if (*(uint64_t *)e == h && keys_equal(m, e + 8, key)) {
                m->index[i] = DELETED_SLOT;
                memset(e, 0, m->entry_size);
                m->count--;
                return;
            }
        }
        i = (i + 1) & m->mask;
    }
}

/* ---- iteration ---- */

void minigo_mapiternext(void *iter)
{
    mg_mapiter *it = iter;
    mg_map *m = it->m;
    while (it->steps < it->used) {
        int64_t i = (it->start + it->steps) % it->used;
        it->steps++;
        uint8_t *e = entry_at(m, it->entries, i);
        if (!(*(uint64_t *)e & LIVE))
            continue;
        if (it->entries != m->entries) {
            /* The table was rebuilt: what the key holds now, if still there. */
            uint8_t *now = find(m, e + 8, NULL);
            if (now == NULL) {
                if (keys_equal(m, e + 8, e + 8))
                    continue;
                now = e; /* a NaN key cannot be found again */
            }
            e = now;
        }
        it->key = e + 8;
        it->value = e + m->val_offset;
        return;
    }
    it->key = NULL;
    it->value = NULL;
}

void minigo_mapiterinit(void *map, void *iter)
{
    mg_mapiter *it = iter;
    mg_map *m = map;
    memset(it, 0, sizeof *it);
    if (m == NULL || m->count == 0)
        return;
    it->m = m;
    it->entries = m->entries;
    it->used = m->used;
    it->start = (int64_t)(fastrand64() % (uint64_t)m->used);
    minigo_mapiternext(it);
}
