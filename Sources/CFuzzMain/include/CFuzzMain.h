// The fuzzer's entry point; see fuzz_main.c.
#ifndef DOSSIER_CFUZZMAIN_H
#define DOSSIER_CFUZZMAIN_H
#endif
