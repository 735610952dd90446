/* fork() + child _exit(0) + waitpid() from a C parent of a given RSS: the floor that fork.py's Python parents
 * are drawn against in bench/results.png. Compiled with gcc by bench/run into a temporary directory.
 *
 *   fork_c SIZES_MB [batches=5 n=20 warmup=5 cap=5]
 *
 * For each size (ascending), the parent grows its heap until its VmRSS reaches the size (64 KiB blocks, every
 * page written with non-zero data, as fork.py grows its list of bytes objects), then measures the way
 * _common.measure does: warm up (up to `warmup` calls or cap/4 s, at least 2), then `batches` batches of n calls,
 * n <= the given n chosen so the batches take about `cap` s. After each size it prints the cumulative result as
 * one JSON line (the driver keeps the last).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK (64 * 1024)
#define MAX_SIZES 32
#define MAX_BATCHES 64

static long forks, nonzero;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* VmRSS of this process in MB (as _common.vm_status reads it), or -1. */
static double vm_rss_mb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double mb = -1;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) {
            mb = atol(line + 6) / 1024.0;
            break;
        }
    fclose(f);
    return mb;
}

static void fork_exit_waitpid(void) {
    int status;
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(1);
    }
    if (pid == 0)
        _exit(0);
    if (waitpid(pid, &status, 0) != pid) {
        perror("waitpid");
        exit(1);
    }
    forks++;
    if (status != 0)
        nonzero++;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(const double *values, int count) {
    double sorted[MAX_BATCHES];
    memcpy(sorted, values, count * sizeof(double));
    qsort(sorted, count, sizeof(double), compare_doubles);
    return count % 2 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
}

static double param(int argc, char **argv, const char *key, double fallback) {
    size_t len = strlen(key);
    for (int i = 2; i < argc; i++)
        if (strncmp(argv[i], key, len) == 0 && argv[i][len] == '=')
            return atof(argv[i] + len + 1);
    return fallback;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: fork_c SIZES_MB [batches=5 n=20 warmup=5 cap=5]\n");
        return 2;
    }
    int batches = (int) param(argc, argv, "batches", 5);
    long max_n = (long) param(argc, argv, "n", 20), max_warmup = (long) param(argc, argv, "warmup", 5);
    double cap = param(argc, argv, "cap", 5);
    if (batches < 1 || batches > MAX_BATCHES) {
        fprintf(stderr, "fork_c: batches must be 1..%d\n", MAX_BATCHES);
        return 2;
    }
    double sizes[MAX_SIZES];
    int count = 0;
    for (char *s = strtok(argv[1], ","); s && count < MAX_SIZES; s = strtok(NULL, ","))
        sizes[count++] = atof(s);
    qsort(sizes, count, sizeof(double), compare_doubles);

    char stages[MAX_SIZES][4096];
    for (int i = 0; i < count; i++) {
        double t0 = now();
        double rss;
        while ((rss = vm_rss_mb()) < sizes[i]) {
            for (long chunks = (long) ((sizes[i] - rss) * 1024 * 1024 / CHUNK) + 1; chunks > 0; chunks--) {
                char *block = malloc(CHUNK);
                if (!block) {
                    perror("malloc");
                    return 1;
                }
                memset(block, (int) (chunks & 0x7f) | 1, CHUNK); /* never freed: the parent keeps it, as fork.py */
            }
        }
        double grow = now() - t0;
        long calls = 0;
        t0 = now();
        while (calls < 2 || (calls < max_warmup && now() - t0 < cap / 4)) {
            fork_exit_waitpid();
            calls++;
        }
        long n = (long) (cap / (batches * ((now() - t0) / calls)));
        n = n < 1 ? 1 : n > max_n ? max_n : n;
        double per_call[MAX_BATCHES];
        for (int b = 0; b < batches; b++) {
            double start = now();
            for (long j = 0; j < n; j++)
                fork_exit_waitpid();
            per_call[b] = (now() - start) / n * 1e3;
        }
        int at = snprintf(stages[i], sizeof stages[i],
                          "{\"size_mb\": %.1f, \"rss_at_fork_mb\": %.1f, \"grow_s\": %.3f, \"fork_exit_waitpid\": "
                          "{\"median_ms\": %.4f, \"n\": %ld, \"batches\": %d, \"warmup\": %ld, \"batches_ms\": [",
                          sizes[i], rss, grow, median(per_call, batches), n, batches, calls);
        for (int b = 0; b < batches; b++)
            at += snprintf(stages[i] + at, sizeof stages[i] - at, "%s%.4f", b ? ", " : "", per_call[b]);
        snprintf(stages[i] + at, sizeof stages[i] - at, "]}}");
        printf("{\"impl\": \"C (gcc %s)\", \"forks\": %ld, \"children_nonzero\": %ld, \"sizes\": [", __VERSION__,
               forks, nonzero);
        for (int j = 0; j <= i; j++)
            printf("%s%s", j ? ", " : "", stages[j]);
        printf("]}\n");
        fflush(stdout);
    }
    return 0;
}
