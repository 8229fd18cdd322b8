// libcurl, the HTTP client `dossier fetch` downloads feeds with.
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these take each kind of value.
static inline CURLcode dossier_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dossier_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dossier_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dossier_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*dossier_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode dossier_curl_set_write_callback(CURL *handle, CURLoption option, dossier_curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline long dossier_curl_response_code(CURL *handle) {
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    return code;
}
