// zlib: gzipped pages and datasets, and gzip bodies of fetched feeds.
#include <zlib.h>
