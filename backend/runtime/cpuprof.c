/* cpuprof.c: MINIGO_CPUPROFILE=FILE, a sampling CPU profiler written as Go's
 * runtime/pprof writes one: SIGPROF at 100 Hz of each thread's CPU time,
 * from a timer per thread (timer_create on CLOCK_THREAD_CPUTIME_ID, as Go's
 * runtime does on Linux; setitimer(ITIMER_PROF) for the whole process
 * where that is not available), each sample the
 * interrupted code and the return addresses of the frame-pointer chain
 * above it; at exit (minigo_exit, or a panic's exit status 2) a gzipped
 * pprof protobuf (profile.proto) with sample types samples/count and
 * cpu/nanoseconds, one location per code address with a line for each
 * inlined call it is in (innermost first, as Go's), and functions named as
 * Go names them (main.f, main.(*T).M, main.f.func1) with their file and
 * first line, which Go's PGO measures call sites from. Code outside Go
 * functions (the C runtime, libc, the collector) is runtime._ExternalCode;
 * samples beyond the buffer's room are counted as Go counts its lost ones
 * (runtime/pprof.lostProfileEvent). A panic raised from a signal handler
 * (a fault, a stack overflow) ends the process without a profile.
 *
 * The handler only copies addresses into a buffer mapped at start; names
 * and lines are looked up when the profile is written.
 */
#include "internal.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <stdatomic.h>
#include <sys/time.h>
#include <time.h>

#define PROF_HZ 100
#define PROF_DEPTH 64
#define PROF_MAX_SAMPLES (1 << 18) /* 43 CPU-minutes at 100 Hz; the buffer is committed as it fills */
/* The address of the location samples lost to a full buffer are counted at
 * (no code is there), as Go's runtime/pprof counts its lost samples. */
#define LOST_ADDRESS 1

typedef struct prof_sample {
    _Atomic uint32_t depth; /* 0 until the handler has written pcs */
    uint32_t reserved;
    uintptr_t pcs[PROF_DEPTH]; /* pcs[0]: the interrupted instruction; then return addresses */
} prof_sample;

static prof_sample *samples;
static _Atomic uint32_t nsamples;
static _Atomic int profiling;
static int per_thread; /* each thread has its timer; else one for the process */
static const char *profile_path;
static struct timespec start_time;

extern const char __executable_start[], etext[];
extern const minigo_func_table minigo_functab __attribute__((weak));

static int in_executable(uintptr_t pc)
{
    return pc >= (uintptr_t)__executable_start && pc < (uintptr_t)etext;
}

/* Records the interrupted code and its callers. The chain is followed
 * within the goroutine's stack when its bounds are known, so a frame
 * pointer some library reused as a register cannot be followed elsewhere;
 * on a stack of unknown bounds only when the interrupted code is the
 * executable's own, which keeps frame pointers throughout. */
static void prof_handler(int sig, siginfo_t *si, void *uc)
{
    int saved_errno = errno;
    (void)sig;
    (void)si;
    if (!profiling) {
        errno = saved_errno;
        return;
    }
    uint32_t i = atomic_fetch_add(&nsamples, 1);
    if (i >= PROF_MAX_SAMPLES) {
        errno = saved_errno;
        return;
    }
    prof_sample *s = &samples[i];
    uintptr_t pc = (uintptr_t)ucontext_pc(uc), fp = (uintptr_t)ucontext_fp(uc);
    uint32_t n = 0;
    s->pcs[n++] = pc;
    const mg_goroutine *g = getg();
    uintptr_t lo = 0, hi = 0;
    if (g != NULL && g->stack_hi != 0) {
        lo = g->stack_lo;
        hi = g->stack_hi;
    } else if (in_executable(pc)) {
        lo = fp;
        hi = fp + ((uintptr_t)64 << 20);
    }
    while (n < PROF_DEPTH && fp % sizeof(uintptr_t) == 0 && fp >= lo && fp + 2 * sizeof(uintptr_t) <= hi) {
        const uintptr_t *frame = (const uintptr_t *)fp;
        uintptr_t next = frame[0], ret = frame[1];
        if (ret == 0)
            break;
        s->pcs[n++] = ret;
        if (next <= fp)
            break;
        fp = next;
    }
    atomic_store_explicit(&s->depth, n, memory_order_release);
    errno = saved_errno;
}

void mg_cpuprof_start(void)
{
    const char *path = getenv("MINIGO_CPUPROFILE");
    if (path == NULL || path[0] == 0)
        return;
    void *p = mmap(NULL, sizeof(prof_sample) * PROF_MAX_SAMPLES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return;
    samples = p;
    profile_path = path;
    clock_gettime(CLOCK_REALTIME, &start_time);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
    sa.sa_sigaction = prof_handler;
    sigaction(SIGPROF, &sa, NULL);
    profiling = 1;
    per_thread = 1;
    if (mg_cpuprof_thread() != 0) {
        per_thread = 0;
        struct itimerval it;
        it.it_interval.tv_sec = 0;
        it.it_interval.tv_usec = 1000000 / PROF_HZ;
        it.it_value = it.it_interval;
        setitimer(ITIMER_PROF, &it, NULL);
    }
}

/* Starts the calling thread's profiling timer (when each thread has one):
 * SIGPROF to this thread every 10ms of its CPU time. Nonzero when the
 * system has no such timers. */
int mg_cpuprof_thread(void)
{
    if (!profiling || !per_thread)
        return 0;
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = SIGPROF;
    sev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    timer_t timer;
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &sev, &timer) != 0)
        return -1;
    struct itimerspec its;
    its.it_interval.tv_sec = 0;
    its.it_interval.tv_nsec = 1000000000 / PROF_HZ;
    its.it_value = its.it_interval;
    if (timer_settime(timer, 0, &its, NULL) != 0) {
        timer_delete(timer);
        return -1;
    }
    return 0;
}

/* p reallocated to hold n elements of `size` bytes; the profile is not
 * written without the memory. */
static void *resized(void *p, size_t n, size_t size)
{
    p = realloc(p, n * size);
    if (p == NULL)
        abort();
    return p;
}

/* A growing byte buffer, and protobuf's wire format into it. */
typedef struct buf {
    uint8_t *p;
    size_t len, cap;
} buf;

static void put(buf *b, const void *data, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        b->p = resized(b->p, cap, 1);
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
}

static void put_varint(buf *b, uint64_t v)
{
    uint8_t bytes[10];
    size_t n = 0;
    while (v >= 0x80) {
        bytes[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    bytes[n++] = (uint8_t)v;
    put(b, bytes, n);
}

/* field `field` as a varint (wire type 0) */
static void pb_int(buf *b, uint32_t field, uint64_t v)
{
    put_varint(b, (uint64_t)field << 3);
    put_varint(b, v);
}

/* field `field` as bytes (wire type 2): a string, a packed list or a message */
static void pb_bytes(buf *b, uint32_t field, const void *data, size_t n)
{
    put_varint(b, (uint64_t)field << 3 | 2);
    put_varint(b, n);
    put(b, data, n);
}

static void pb_message(buf *b, uint32_t field, buf *m)
{
    pb_bytes(b, field, m->p, m->len);
    m->len = 0;
}

/* The profile's string table: index of s (added when new). */
typedef struct strings {
    const char **s;
    size_t *len;
    size_t n, cap;
} strings;

static uint64_t intern(strings *t, const char *s, size_t len)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->len[i] == len && memcmp(t->s[i], s, len) == 0)
            return i;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->s = resized(t->s, t->cap, sizeof *t->s);
        t->len = resized(t->len, t->cap, sizeof *t->len);
    }
    t->s[t->n] = s;
    t->len[t->n] = len;
    return t->n++;
}

/* The profile's functions: one per name. */
typedef struct funcs {
    uint64_t *name; /* string index of each function's name; id = index + 1 */
    size_t n, cap;
    buf out;
} funcs;

static uint64_t function_id(funcs *fs, strings *st, const char *name, size_t len, uint64_t file, uint64_t line)
{
    uint64_t index = intern(st, name, len);
    for (size_t i = 0; i < fs->n; i++)
        if (fs->name[i] == index)
            return i + 1;
    if (fs->n == fs->cap) {
        fs->cap = fs->cap ? 2 * fs->cap : 64;
        fs->name = resized(fs->name, fs->cap, sizeof *fs->name);
    }
    fs->name[fs->n++] = index;
    buf m = {0};
    pb_int(&m, 1, fs->n);   /* id */
    pb_int(&m, 2, index);   /* name */
    pb_int(&m, 3, index);   /* system_name */
    pb_int(&m, 4, file);    /* filename */
    pb_int(&m, 5, line);    /* start_line */
    pb_message(&fs->out, 5, &m);
    free(m.p);
    return fs->n;
}

/* The profile's locations: one per code address. */
typedef struct locations {
    uintptr_t *addr; /* the address of each; id = index + 1 */
    size_t n, cap;
    uint32_t *slots; /* open addressing by address: id, or 0 when free */
    size_t nslots;   /* a power of two, over twice n */
    buf out;
} locations;

static size_t slot_of(const locations *ls, uintptr_t addr)
{
    size_t i = (size_t)((addr * 0x9e3779b97f4a7c15ull) >> 20) & (ls->nslots - 1);
    while (ls->slots[i] != 0 && ls->addr[ls->slots[i] - 1] != addr)
        i = (i + 1) & (ls->nslots - 1);
    return i;
}

static uint64_t location_id(locations *ls, funcs *fs, strings *st, uintptr_t addr, uint64_t file)
{
    if (ls->nslots != 0) {
        uint32_t id = ls->slots[slot_of(ls, addr)];
        if (id != 0)
            return id;
    }
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? 2 * ls->cap : 256;
        ls->addr = resized(ls->addr, ls->cap, sizeof *ls->addr);
    }
    ls->addr[ls->n++] = addr;
    if (2 * ls->n > ls->nslots) {
        free(ls->slots);
        ls->nslots = ls->nslots ? 2 * ls->nslots : 1024;
        ls->slots = calloc(ls->nslots, sizeof *ls->slots);
        if (ls->slots == NULL)
            abort();
        for (size_t i = 0; i < ls->n; i++)
            ls->slots[slot_of(ls, ls->addr[i])] = (uint32_t)(i + 1);
    } else {
        ls->slots[slot_of(ls, addr)] = (uint32_t)ls->n;
    }
    buf m = {0}, line = {0};
    pb_int(&m, 1, ls->n);  /* id */
    pb_int(&m, 2, 1);      /* mapping_id: the executable */
    pb_int(&m, 3, addr);   /* address */
    const minigo_func *f = mg_find_func(addr);
    if (f == NULL) {
        const char *name = addr == LOST_ADDRESS ? "runtime/pprof.lostProfileEvent" : "runtime._ExternalCode";
        pb_int(&line, 1, function_id(fs, st, name, strlen(name), intern(st, "", 0), 0));
        pb_message(&m, 4, &line);
    } else {
        uint32_t call;
        uint32_t at = mg_line_at(f, addr - (uintptr_t)f->entry, &call);
        /* the inlined calls it is in, innermost first, then f itself */
        while (call != 0 && call <= f->ninlined) {
            const minigo_inlined *in = &f->inlined[call - 1];
            uint64_t id = function_id(fs, st, (const char *)in->name, in->name_len, file, in->start_line);
            pb_int(&line, 1, id);
            pb_int(&line, 2, at);
            pb_message(&m, 4, &line);
            at = in->line;
            call = in->parent;
        }
        uint64_t id = function_id(fs, st, (const char *)f->name, (size_t)f->name_len, file, f->start_line);
        pb_int(&line, 1, id);
        pb_int(&line, 2, at);
        pb_message(&m, 4, &line);
    }
    pb_message(&ls->out, 4, &m);
    free(m.p);
    free(line.p);
    return ls->n;
}

static void put_le32(buf *b, uint32_t v)
{
    uint8_t bytes[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(b, bytes, 4);
}

/* data as a gzip member (RFC 1952) of stored deflate blocks (RFC 1951). */
static void gzip_stored(buf *out, const uint8_t *data, size_t n)
{
    static const uint8_t header[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
    uint32_t table[256];
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    put(out, header, sizeof header);
    size_t off = 0;
    do {
        size_t len = n - off > 65535 ? 65535 : n - off;
        uint8_t block[5] = {off + len == n, (uint8_t)len, (uint8_t)(len >> 8), (uint8_t)~len, (uint8_t)(~len >> 8)};
        put(out, block, sizeof block);
        put(out, data + off, len);
        off += len;
    } while (off < n);
    put_le32(out, crc ^ 0xffffffffu);
    put_le32(out, (uint32_t)n);
}

static void put_value_type(buf *b, uint32_t field, strings *st, const char *type, const char *unit)
{
    buf m = {0};
    pb_int(&m, 1, intern(st, type, strlen(type)));
    pb_int(&m, 2, intern(st, unit, strlen(unit)));
    pb_message(b, field, &m);
    free(m.p);
}

/* Stops sampling and writes the profile; a profile that cannot be written
 * is reported as Go's pprof tools report a failed create. */
void mg_cpuprof_write(void)
{
    if (!atomic_exchange(&profiling, 0))
        return;
    if (!per_thread) {
        struct itimerval off;
        memset(&off, 0, sizeof off);
        setitimer(ITIMER_PROF, &off, NULL);
    } /* the threads' timers fire on, into a handler that returns at once */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);

    const int64_t period = 1000000000 / PROF_HZ;
    strings st = {0};
    intern(&st, "", 0);
    buf profile = {0}, sample = {0}, packed = {0};
    funcs fs = {0};
    locations ls = {0};
    put_value_type(&profile, 1, &st, "samples", "count");
    put_value_type(&profile, 1, &st, "cpu", "nanoseconds");
    const minigo_func_table *tab = &minigo_functab;
    uint64_t file = tab != NULL ? intern(&st, (const char *)tab->file, (size_t)tab->file_len) : 0;
    uint32_t taken = atomic_load(&nsamples);
    uint32_t n = taken > PROF_MAX_SAMPLES ? PROF_MAX_SAMPLES : taken;
    for (uint32_t i = 0; i < n; i++) {
        const prof_sample *s = &samples[i];
        uint32_t depth = atomic_load_explicit(&s->depth, memory_order_acquire);
        if (depth == 0)
            continue;
        /* Go frames only, plus the interrupted code when it is not Go's */
        for (uint32_t k = 0; k < depth; k++) {
            uintptr_t addr = k == 0 ? s->pcs[0] : s->pcs[k] - 1;
            if (tab == NULL || (k > 0 && mg_find_func(addr) == NULL))
                continue;
            put_varint(&packed, location_id(&ls, &fs, &st, addr, file));
        }
        pb_message(&sample, 1, &packed);
        put_varint(&packed, 1);
        put_varint(&packed, (uint64_t)period);
        pb_message(&sample, 2, &packed);
        pb_message(&profile, 2, &sample);
    }
    if (taken > n) {
        put_varint(&packed, location_id(&ls, &fs, &st, LOST_ADDRESS, file));
        pb_message(&sample, 1, &packed);
        put_varint(&packed, taken - n);
        put_varint(&packed, (uint64_t)(taken - n) * (uint64_t)period);
        pb_message(&sample, 2, &packed);
        pb_message(&profile, 2, &sample);
    }
    {
        /* the executable's mapping: functions, files, lines and inlined frames resolved */
        buf m = {0};
        pb_int(&m, 1, 1);
        pb_int(&m, 2, (uintptr_t)__executable_start);
        pb_int(&m, 3, (uintptr_t)etext);
        pb_int(&m, 5, minigo_argv != NULL && minigo_argv[0] != NULL ? intern(&st, minigo_argv[0], strlen(minigo_argv[0])) : 0);
        pb_int(&m, 7, 1);
        pb_int(&m, 8, 1);
        pb_int(&m, 9, 1);
        pb_int(&m, 10, 1);
        pb_message(&profile, 3, &m);
        free(m.p);
    }
    put(&profile, ls.out.p, ls.out.len);
    put(&profile, fs.out.p, fs.out.len);
    for (size_t i = 0; i < st.n; i++)
        pb_bytes(&profile, 6, st.s[i], st.len[i]);
    pb_int(&profile, 9, (uint64_t)start_time.tv_sec * 1000000000u + (uint64_t)start_time.tv_nsec);
    int64_t duration = (int64_t)(now.tv_sec - start_time.tv_sec) * 1000000000 + (now.tv_nsec - start_time.tv_nsec);
    pb_int(&profile, 10, (uint64_t)duration);
    put_value_type(&profile, 11, &st, "cpu", "nanoseconds");
    pb_int(&profile, 12, (uint64_t)period);

    buf gz = {0};
    gzip_stored(&gz, profile.p, profile.len);
    int fd = open(profile_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    size_t done = 0;
    while (fd >= 0 && done < gz.len) {
        ssize_t w = write(fd, gz.p + done, gz.len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    if (fd < 0 || done < gz.len) {
        pstr("could not write CPU profile ");
        pstr(profile_path);
        pstr(": ");
        pstr(strerror(errno));
        pstr("\n");
        pflush();
    }
    if (fd >= 0)
        close(fd);
}
