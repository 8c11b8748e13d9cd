/* alloc.c: heap allocation through the Boehm collector (minigo_alloc &
 * co.), zerobase and staticuint64s, memstats (MINIGO_MEMSTATS), Go's size
 * classes and append growth (roundupsize, growslice, makeslice), and boxing
 * into interface{} (convT*). Follows Go 1.19's malloc.go (zerobase,
 * maxAlloc), msize.go and sizeclasses.go, slice.go, iface.go (convT16/32/64,
 * convTstring, convTslice, staticuint64s).
 */
#include "internal.h"

static uint64_t zerobase;

/* Go's staticuint64s: boxed small integers and 1-byte strings point here. */
const uint64_t staticuint64s[256] = {
#define MG_R4(n) (n), (n) + 1, (n) + 2, (n) + 3
#define MG_R16(n) MG_R4(n), MG_R4((n) + 4), MG_R4((n) + 8), MG_R4((n) + 12)
#define MG_R64(n) MG_R16(n), MG_R16((n) + 16), MG_R16((n) + 32), MG_R16((n) + 48)
    MG_R64(0), MG_R64(64), MG_R64(128), MG_R64(192)
#undef MG_R64
#undef MG_R16
#undef MG_R4
};

/* A zeroed read-only area, as Go's zeroVal (convTstring/convTslice of zero values). */
static const uint64_t zeroval[4];

__thread uint64_t stat_mallocs;
__thread uint64_t stat_bytes;

void mg_silent_warn(char *msg, GC_word arg)
{
    (void)msg;
    (void)arg;
}

static MG_NORETURN void out_of_memory(uint64_t size)
{
    pflush();
    pstr("runtime: out of memory: cannot allocate ");
    puint(size);
    pstr("-byte block\n");
    throw_msg("out of memory");
}

/* Below this size clearing by memset is cheaper than a system call and the
 * page faults that follow it. */
#define MG_DISCARD_MIN ((uint64_t)1 << 20)

/* Zeroes n bytes of heap memory. Large ranges hand their whole pages back to
 * the kernel instead of writing them (the collector's heap is private
 * anonymous memory, which reads as zero pages after MADV_DONTNEED), so a big
 * make that is only partly used costs only the pages it touches, as in Go,
 * whose fresh spans come zeroed from the OS. */
static void clear_memory(uint8_t *p, uint64_t n)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + (uintptr_t)n) & ~(page - 1);
    if (n < MG_DISCARD_MIN || end <= start ||
        madvise((void *)start, end - start, MADV_DONTNEED) != 0) {
        memset(p, 0, (size_t)n);
        return;
    }
    memset(p, 0, start - (uintptr_t)p);
    memset((void *)end, 0, (uintptr_t)p + (uintptr_t)n - end);
}

/* The collector's kind for large pointerful objects: scanned like GC_MALLOC's
 * but not cleared by the collector, which would write every page; rawalloc
 * clears them with clear_memory before anything can look at them. */
static int big_pointerful_kind;

void init_allocation_kinds(void)
{
    big_pointerful_kind = (int)GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 0);
}

/* Allocation without the zeroing of pointer-free memory (callers fill or
 * clear it). Pointerful memory always comes back zeroed. */
void *rawalloc(uint64_t size, int has_pointers)
{
    void *p;
    if (size == 0)
        return &zerobase;
    if (size > MG_MAXALLOC)
        out_of_memory(size);
    stat_mallocs++;
    stat_bytes += size;
    if (!has_pointers)
        p = GC_MALLOC_ATOMIC((size_t)size);
    else if (size < MG_DISCARD_MIN)
        p = GC_MALLOC((size_t)size);
    else if ((p = GC_generic_malloc((size_t)size, big_pointerful_kind)) != NULL)
        clear_memory(p, size);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

void *minigo_alloc(uint64_t size, uint32_t has_pointers)
{
    void *p = rawalloc(size, has_pointers != 0);
    if (!has_pointers && size != 0)
        clear_memory(p, size);
    return p;
}

void *minigo_zerobase(void) { return &zerobase; }

/* Go 1.19 class_to_size (sizeclasses.go), without class 0. */
static const uint16_t size_classes[] = {
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
    288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
    1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
    6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

uint64_t minigo_roundupsize(uint64_t size)
{
    if (size < MG_MAXSMALLSIZE) {
        /* smallest size class >= size */
        size_t lo = 0, hi = sizeof size_classes / sizeof size_classes[0];
        if (size == 0)
            return 0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (size_classes[mid] < size)
                lo = mid + 1;
            else
                hi = mid;
        }
        return size_classes[lo];
    }
    if (size + MG_PAGESIZE < size)
        return size;
    return (size + (MG_PAGESIZE - 1)) & ~(uint64_t)(MG_PAGESIZE - 1);
}

void *minigo_growslice(void *old_ptr, int64_t old_len, int64_t old_cap, int64_t needed_len,
                       uint64_t elem_size, uint32_t elem_has_pointers, int64_t *newcap_out)
{
    int64_t cap = needed_len;
    int64_t newcap, doublecap;
    uint64_t lenmem, capmem;
    unsigned char *p;

    if (cap < old_cap)
        panic_runtime_error("growslice: cap out of range");
    if (elem_size == 0) {
        *newcap_out = cap;
        return &zerobase;
    }

    newcap = old_cap;
    doublecap = (int64_t)((uint64_t)newcap + (uint64_t)newcap);
    if (cap > doublecap) {
        newcap = cap;
    } else {
        const int64_t threshold = 256;
        if (old_cap < threshold) {
            newcap = doublecap;
        } else {
            /* 0 < newcap detects overflow (Go's int arithmetic wraps) */
            while (0 < newcap && newcap < cap)
                newcap = (int64_t)((uint64_t)newcap +
                                   (uint64_t)((newcap + 3 * threshold) / 4));
            if (newcap <= 0)
                newcap = cap;
        }
    }

    if ((uint64_t)newcap > MG_MAXALLOC / elem_size)
        panic_runtime_error("growslice: cap out of range");
    capmem = minigo_roundupsize((uint64_t)newcap * elem_size);
    if (capmem > MG_MAXALLOC)
        panic_runtime_error("growslice: cap out of range");

    lenmem = (uint64_t)old_len * elem_size;
    p = rawalloc(capmem, elem_has_pointers != 0);
    if (lenmem > 0)
        memmove(p, old_ptr, (size_t)lenmem);
    if (!elem_has_pointers)
        clear_memory(p + lenmem, capmem - lenmem);
    *newcap_out = (int64_t)(capmem / elem_size);
    return p;
}

void *minigo_makeslice(uint64_t elem_size, int64_t len, int64_t cap, uint32_t elem_has_pointers)
{
    int over = elem_size != 0 && (uint64_t)cap > MG_MAXALLOC / elem_size;
    if (over || len < 0 || cap < 0 || len > cap) {
        /* 'len out of range' when the length alone is already bad */
        if ((elem_size != 0 && (uint64_t)len > MG_MAXALLOC / elem_size) || len < 0)
            panic_runtime_error("makeslice: len out of range");
        panic_runtime_error("makeslice: cap out of range");
    }
    return minigo_alloc(elem_size * (uint64_t)cap, elem_has_pointers);
}

/* ---- boxing into interface{} (iface.go convT*) ---- */

const void *minigo_convT8(uint8_t v) { return &staticuint64s[v]; }

const void *minigo_convT16(uint16_t v)
{
    uint16_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(2, 0);
    *p = v;
    return p;
}

const void *minigo_convT32(uint32_t v)
{
    uint32_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(4, 0);
    *p = v;
    return p;
}

const void *minigo_convT64(uint64_t v)
{
    uint64_t *p;
    if (v < 256)
        return &staticuint64s[v];
    p = rawalloc(8, 0);
    *p = v;
    return p;
}

const void *minigo_convTstring(const uint8_t *ptr, int64_t len)
{
    int64_t *p;
    if (len == 0)
        return zeroval;
    p = rawalloc(16, 1);
    memcpy(p, &ptr, sizeof ptr);
    p[1] = len;
    return p;
}

const void *minigo_convTslice(const void *ptr, int64_t len, int64_t cap)
{
    int64_t *p;
    if (ptr == NULL)
        return zeroval;
    p = rawalloc(24, 1);
    memcpy(p, &ptr, sizeof ptr);
    p[1] = len;
    p[2] = cap;
    return p;
}

const void *minigo_convT(const minigo_type *t, const void *v)
{
    void *p = rawalloc(t->size, t->has_pointers != 0);
    if (t->size != 0)
        memmove(p, v, (size_t)t->size);
    return p;
}
