// libxml2: its HTML parser reads web pages, its XML reader reads feeds.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, whose headers clash with the copy Foundation carries. Nothing
// here uses libxml2's ICU converters (iconv reads the character sets), nor the size of a structure
// that holds one, so they are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// Swift cannot make a C variadic function, which is the type of libxml2's error callbacks:
// these give the parser ones that say nothing, so that a malformed page never writes to the
// terminal. Dossier reports what matters itself.
static void dossier_xml_ignore(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void dossier_xml_ignore_structured(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

static inline void dossier_xml_silence(xmlSAXHandler *handler) {
    handler->warning = dossier_xml_ignore;
    handler->error = dossier_xml_ignore;
    handler->fatalError = dossier_xml_ignore;
    xmlSetGenericErrorFunc(NULL, dossier_xml_ignore);
    xmlSetStructuredErrorFunc(NULL, dossier_xml_ignore_structured);
}

static inline void dossier_xml_silence_thread(void) {
    xmlSetGenericErrorFunc(NULL, dossier_xml_ignore);
    xmlSetStructuredErrorFunc(NULL, dossier_xml_ignore_structured);
}

// xmlFree is a global function pointer, which Swift cannot read safely from several threads.
static inline void dossier_xml_free(void *memory) {
    xmlFree(memory);
}
