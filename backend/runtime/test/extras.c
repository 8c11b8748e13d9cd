/* extras.c: runtime behaviour with no Go program to compare against
 * (expected output in extras.golden, written by hand in Go's formats):
 *   segv0/segv8  a real nil dereference caught by the SIGSEGV backstop
 *   fault        a wild (non-nil) fault: Go's "unexpected fault address"
 *   overflow     unbounded recursion: Go's "fatal error: stack overflow"
 *   overflowg    the same in a goroutine (its own stack and guard)
 *   segvg        a nil dereference in a goroutine
 *   memstats     MINIGO_MEMSTATS=1 allocation counting
 *   exit3        minigo_exit flushes output and passes the code through
 *   gc           objects reachable only from a global, from the stack, from a
 *                grown slice survive heavy allocation (collector roots/threads)
 *   bigzero      1 GiB allocations, pointer-free or not, leave their pages
 *                untouched (mincore), and big blocks that reuse dirty memory,
 *                from minigo_alloc and minigo_growslice, still read as zero
 */
#include "../minigo.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void S(const char *s) { minigo_printstring((const uint8_t *)s, (int64_t)strlen(s)); }

void minigo_main_init(void) {}

static volatile int64_t *volatile nilp;

static volatile int64_t depth_limit = INT64_MAX;

static int64_t recurse(int64_t n)
{
    volatile char pad[256];
    pad[n & 255] = (char)n;
    if (n >= depth_limit)
        return 0;
    return recurse(n + 1) + pad[3];
}

/* a goroutine's closure record: the code, then what it captured */
typedef struct { void (*code)(void *); } closure;

static void overflow_goroutine(void *self)
{
    (void)self;
    minigo_printint(recurse(0));
}

static void segv_goroutine(void *self)
{
    (void)self;
    S("x = ");
    minigo_printint(nilp[1]);
}

static void in_goroutine(void (*code)(void *))
{
    static const minigo_type t_int = {8, MINIGO_KIND_INT, 0, (const uint8_t *)"int", 3, NULL, NULL, 0};
    closure *c = minigo_alloc(sizeof(closure), 1);
    c->code = code;
    minigo_go(c);
    minigo_chanrecv(minigo_makechan(&t_int, 0), NULL);
}

typedef struct node { struct node *next; int64_t val; char pad[48]; } node;
static node *global_list;

static int64_t sum_list(const node *n)
{
    int64_t s = 0;
    for (; n != NULL; n = n->next)
        s += n->val;
    return s;
}

static void gc_stress(void)
{
    node *stack_list = NULL;
    node **arr = NULL;
    int64_t len = 0, cap = 0;
    for (int64_t i = 1; i <= 100000; i++) {
        node *a = minigo_alloc(sizeof(node), 1), *b = minigo_alloc(sizeof(node), 1);
        node *c = minigo_alloc(sizeof(node), 1);
        a->val = i; a->next = global_list; global_list = a;
        b->val = 2 * i; b->next = stack_list; stack_list = b;
        c->val = 3 * i;
        if (len + 1 > cap)
            arr = minigo_growslice(arr, len, cap, len + 1, sizeof(node *), 1, &cap);
        arr[len++] = c;
        for (int g = 0; g < 20; g++) { /* garbage, some of it large */
            char *junk = minigo_alloc(g == 0 && i % 100 == 0 ? 300000 : 64, g & 1);
            junk[0] = 1;
        }
    }
    int64_t s3 = 0;
    for (int64_t i = 0; i < len; i++)
        s3 += arr[i]->val;
    S("gc ");
    minigo_printint(sum_list(global_list)); minigo_printsp();
    minigo_printint(sum_list(stack_list)); minigo_printsp();
    minigo_printint(s3); minigo_printnl();
}

/* Pages of [p, p+n) resident in memory. */
static uint64_t resident_pages(const uint8_t *p, uint64_t n)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)p & ~(page - 1);
    uint64_t count = ((uintptr_t)p + n - start + page - 1) / page, resident = 0;
    unsigned char *vec = malloc(count);
    if (vec == NULL || mincore((void *)start, count * page, vec) != 0)
        return UINT64_MAX;
    for (uint64_t i = 0; i < count; i++)
        resident += vec[i] & 1;
    free(vec);
    return resident;
}

static void big_zero(void)
{
    const uint64_t big = (uint64_t)1 << 30, block = ((uint64_t)8 << 20) + 123;
    enum { BLOCKS = 128 };
    uintptr_t hidden[BLOCKS]; /* complemented, so the collector frees them */
    int reused = 0, zeroed = 1;
    for (int i = 0; i < BLOCKS; i++) {
        uint32_t has_pointers = i & 1;
        uint8_t *q;
        if (i & 2) {
            q = minigo_alloc(block, has_pointers);
        } else {
            int64_t cap;
            q = minigo_growslice(NULL, 0, 0, (int64_t)block, 1, has_pointers, &cap);
        }
        for (uint64_t j = 0; j < block; j++)
            zeroed &= q[j] == 0;
        for (int k = 0; k < i; k++)
            reused |= (uintptr_t)q < ~hidden[k] + block && ~hidden[k] < (uintptr_t)q + block;
        hidden[i] = ~(uintptr_t)q;
        memset(q, 0xff, block);
    }
    uint8_t *atomic = minigo_alloc(big, 0), *scanned = minigo_alloc(big, 1);
    int untouched = resident_pages(atomic, big) < big / 4096 / 100 &&
                    resident_pages(scanned, big) < big / 4096 / 100;
    S(untouched ? "bigzero untouched" : "bigzero touched");
    S(reused ? " reused" : " fresh");
    S(zeroed ? " zeroed\n" : " dirty\n");
}

void main_main(void)
{
    const char *c = minigo_argc > 1 ? minigo_argv[1] : "";
    S("start\n");
    if (strcmp(c, "segv0") == 0) {
        S("x = ");
        S((const char *)(uintptr_t)(*nilp != 0 ? "a" : "b"));
    } else if (strcmp(c, "segv8") == 0) {
        S("x = ");
        minigo_printint(nilp[1]);
    } else if (strcmp(c, "fault") == 0) {
        volatile int64_t *p = (volatile int64_t *)(uintptr_t)0x12345678;
        minigo_printint(*p);
    } else if (strcmp(c, "overflow") == 0) {
        minigo_printint(recurse(0));
    } else if (strcmp(c, "overflowg") == 0) {
        in_goroutine(overflow_goroutine);
    } else if (strcmp(c, "segvg") == 0) {
        in_goroutine(segv_goroutine);
    } else if (strcmp(c, "memstats") == 0) {
        int64_t o[3], nc;
        int64_t pairs[4] = {(int64_t)(uintptr_t)"ab", 2, (int64_t)(uintptr_t)"cd", 2};
        minigo_alloc(16, 1);                            /* 1: 16 bytes */
        minigo_alloc(0, 0);                             /* zerobase: not counted */
        minigo_growslice(NULL, 0, 0, 1, 8, 0, &nc);     /* 2: 8 */
        minigo_concatstrings(pairs, 2, o);              /* 3: 4 */
        minigo_intstring(0x20ac, o);                    /* 4: 4 (rawstring(4)) */
        minigo_convT64(1000);                           /* 5: 8 */
        minigo_convT64(5);                              /* static: not counted */
        minigo_stringtoslicebyte((const uint8_t *)"hello", 5, o); /* 6: 8 (size class) */
        minigo_slicebytetostring((const uint8_t *)"h", 1, o);     /* static: not counted */
        minigo_slicerunetostring(NULL, 0, o);           /* 7: 3 (size1+3) */
        S("done\n");
    } else if (strcmp(c, "gc") == 0) {
        gc_stress();
    } else if (strcmp(c, "bigzero") == 0) {
        big_zero();
    } else if (strcmp(c, "exit3") == 0) {
        S("exiting");
        minigo_exit(3);
    }
}
