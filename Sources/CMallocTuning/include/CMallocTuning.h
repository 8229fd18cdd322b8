// How the process's allocator hands memory back; see malloc_tuning.c.
#ifndef DOSSIER_CMALLOCTUNING_H
#define DOSSIER_CMALLOCTUNING_H

/// Makes glibc return every freed block of a megabyte or more to the system at once.
void dossier_return_large_blocks_promptly(void);

#endif
