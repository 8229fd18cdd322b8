// SwiftPM links every Linux executable with `--defsym main=<module>_main`, a
// symbol a Swift fuzz target built as a library never emits, so the link fails
// (swift-package-manager issue #4522). In a fuzzing build (-DFUZZING) this file
// defines that symbol and hands control to libFuzzer's driver; otherwise it is empty.
#include "CFuzzMain.h"

#ifdef FUZZING
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int dossier_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
#endif
