#include "CMallocTuning.h"
#include <malloc.h>

// glibc serves blocks from a megabyte up with their own mappings, unmapped when freed, but by
// default it raises that threshold, up to 32 MB, after the first such block is freed. A huge
// file's arrays of tens of megabytes are then freed into the heap and kept by the process for as
// long as it runs. A fixed threshold keeps them going back.
void dossier_return_large_blocks_promptly(void) {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
}
