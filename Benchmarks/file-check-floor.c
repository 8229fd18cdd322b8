// The floor a search of an unchanged folder is measured against: what listing a folder, and examining
// every file in it, cost in C with nothing else done. Dossier's check of every file should cost little
// more than `check`; `list` is what listing alone costs.
//
// Usage: file-check-floor list DIR | file-check-floor check DIR [THREADS]
//   list    readdir of DIR, and of the folders in it
//   check   the same, then fstatat of every entry relative to its folder, on THREADS threads (default 2)
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct entry { int folder; char *name; };
static struct entry *entries;
static size_t count, capacity;

static void list(int folder) {
    DIR *directory = fdopendir(dup(folder));
    if (!directory) { perror("fdopendir"); exit(1); }
    struct dirent *found;
    while ((found = readdir(directory))) {
        if (found->d_name[0] == '.') continue;
        if (found->d_type == DT_DIR) {
            int inner = openat(folder, found->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (inner >= 0) list(inner);
            continue;
        }
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 4096;
            entries = realloc(entries, capacity * sizeof *entries);
        }
        entries[count++] = (struct entry){ folder, strdup(found->d_name) };
    }
    closedir(directory);
}

struct part { size_t start, end, unchanged; };

static void *check(void *argument) {
    struct part *part = argument;
    struct stat info;
    for (size_t i = part->start; i < part->end; i++) {
        if (fstatat(entries[i].folder, entries[i].name, &info, 0) == 0 && info.st_size > 0) part->unchanged++;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s list|check DIR [THREADS]\n", argv[0]); return 2; }
    int root = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) { perror(argv[2]); return 1; }
    list(root);
    if (strcmp(argv[1], "list") == 0) { printf("%zu entries\n", count); return 0; }
    int threads = argc > 3 ? atoi(argv[3]) : 2;
    if (threads < 1) threads = 1;
    pthread_t ids[threads];
    struct part parts[threads];
    for (int t = 0; t < threads; t++) {
        parts[t] = (struct part){ count * t / threads, count * (t + 1) / threads, 0 };
        pthread_create(&ids[t], NULL, check, &parts[t]);
    }
    size_t unchanged = 0;
    for (int t = 0; t < threads; t++) { pthread_join(ids[t], NULL); unchanged += parts[t].unchanged; }
    printf("%zu entries, %zu examined\n", count, unchanged);
    return 0;
}
