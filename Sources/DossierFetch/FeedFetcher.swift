import CCurl
import DossierFormats
import DossierPlatform
import Foundation

/// Downloads feeds and keeps their new items in the library.
///
/// libcurl (Debian's `libcurl4-gnutls-dev`) does the HTTP: the most used HTTP client there
/// is, with every limit a feed reader needs as an option of its own: conditional requests
/// (ETag, Last-Modified), at most five redirects, only http and https, a timeout for the
/// connection and one for the whole request, a stall limit, gzip, and a cap on a response's
/// size. (Foundation's URLSession, which wraps libcurl on Linux, follows 20 redirects, and
/// traps when a redirect it asked its delegate about times out meanwhile.)
public final class FeedFetcher: Sendable {
    public struct Settings: Sendable {
        /// Seconds without a byte before a request is given up (connecting included).
        public var idleTimeout: Double = 15
        /// Seconds a whole request may take.
        public var requestTimeout: Double = 60
        /// Bytes a response may have, unpacked.
        public var largestResponse = 20_000_000
        public var largestRedirects = 5
        /// Feeds fetched at once.
        public var concurrentFeeds = 8

        public init() {}
    }

    /// What became of one feed.
    public enum Outcome: Sendable, Equatable {
        case newItems(Library.Stored)
        /// Every item was read, but some of their text was left out (`Feed.notes`): said, and the feed's
        /// validators saved, since reading it again would leave out the same.
        case newItemsWithNotes(Library.Stored, notes: [String])
        /// Some items could not be read (each named in `problems`); the others were stored, and the
        /// feed's validators were not saved, so that the next fetch reads it whole again.
        case partlyRead(newItems: Library.Stored, problems: [String])
        case notModified
        case failed(String)

        /// A feed that failed, or was read only in part, is one to look at: `dossier fetch` then exits 1.
        public var isFailure: Bool {
            switch self {
            case .failed, .partlyRead: true
            case .newItems, .newItemsWithNotes, .notModified: false
            }
        }

        /// What the fetch stored: new items, and items replaced with a changed version.
        public var stored: Library.Stored {
            switch self {
            case .newItems(let count), .newItemsWithNotes(let count, _), .partlyRead(let count, _): count
            case .notModified, .failed: Library.Stored()
            }
        }

        public var description: String {
            switch self {
            case .newItems(let count): Self.phrase(count)
            case .newItemsWithNotes(let count, let notes): Self.phrase(count) + "; " + notes.joined(separator: "; ")
            case .partlyRead(let count, let problems):
                Self.phrase(count) + "; some of the feed could not be read: " + problems.joined(separator: "; ")
            case .notModified: "not modified"
            case .failed(let reason): "error: \(reason)"
            }
        }

        private static func phrase(_ count: Library.Stored) -> String {
            let new = count.new == 1 ? "1 new item" : "\(count.new) new items"
            return count.updated == 0 ? new : new + ", \(count.updated) updated"
        }
    }

    let library: Library
    let settings: Settings

    public init(library: Library, settings: Settings = Settings()) {
        self.library = library
        self.settings = settings
    }

    /// Fetches every feed, `settings.concurrentFeeds` at a time, and stores their new items;
    /// `done` hears of each feed as it finishes, from any thread.
    public func fetch(_ feeds: [FeedList.Feed], done: @escaping @Sendable (Int, Outcome) -> Void) -> [Outcome] {
        library.removeAbandonedTemporaries()
        let validators = library.validators()
        let changes = Locked([String: Library.Validators?]())
        let outcomes = Locked([Outcome](repeating: .failed("not fetched"), count: feeds.count))
        let slots = DispatchSemaphore(value: settings.concurrentFeeds)
        let group = DispatchGroup()
        for (index, feed) in feeds.enumerated() {
            slots.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { slots.signal(); group.leave() }
                let (outcome, fresh) = self.fetchOne(feed, validators: validators[feed.url])
                if let fresh { changes.change { $0[feed.url] = fresh } }
                outcomes.change { $0[index] = outcome }
                done(index, outcome)
            }
        }
        group.wait()
        // Only after every item is stored: a fetch killed before this re-downloads, and stores nothing twice.
        try? library.saveValidators(changes.read { $0 })
        let finished = outcomes.read { $0 }
        let stamp = LibraryStamp.of(Date())
        try? library.saveStatuses(Dictionary(zip(feeds, finished).map { feed, outcome in
            (feed.url, Library.FeedStatus(fetched: stamp, outcome: outcome.description, failed: outcome.isFailure))
        }, uniquingKeysWith: { first, _ in first }))
        return finished
    }

    private func fetchOne(_ listed: FeedList.Feed, validators: Library.Validators?) -> (Outcome, Library.Validators?) {
        let url = listed.url
        guard let address = URL(string: url) else { return (.failed("not a URL"), nil) }
        let response = Download(settings: settings).get(address, validators: validators)
        switch response {
        case .failure(let reason):
            return (.failed(reason), nil)
        case .success(let status, let body, let fresh):
            if status == 304 {
                // "Not modified" answers a conditional request only; to a request for the whole feed it says nothing.
                guard validators?.etag != nil || validators?.lastModified != nil else {
                    return (.failed("the server answered 304 (not modified) to a request for the whole feed"), nil)
                }
                return (.notModified, validators)
            }
            guard (200..<300).contains(status) else { return (.failed("HTTP \(status)"), nil) }
            let feed: Feed
            do {
                feed = try FeedParser.parse(Gzip.isCompressed(body) ? Gzip.decompress(body, limit: settings.largestResponse) : body)
            } catch let failure as FeedParser.Failure {
                return (.failed("not a feed: \(failure.reason)"), nil)
            } catch let failure as Gzip.Failure {
                // Gzipped without saying so in its headers: too large unpacked, cut short or damaged.
                return (.failed(failure.reason), nil)
            } catch {
                return (.failed("not a feed: \(error)"), nil)
            }
            do {
                // The name the list gives the feed (newsboat's "~Title") is its items' source, before the feed's own.
                let stored = try library.storeNew(feed.items, feedTitle: listed.title ?? feed.title, from: url)
                if !feed.problems.isEmpty { return (.partlyRead(newItems: stored, problems: feed.problems), nil) }
                return (feed.notes.isEmpty ? .newItems(stored) : .newItemsWithNotes(stored, notes: feed.notes), fresh)
            } catch {
                return (.failed("\(error)"), nil)
            }
        }
    }
}

/// One GET, with the limits of `FeedFetcher.Settings`, run to its end on the calling thread.
private final class Download {
    enum Response {
        case success(status: Int, body: [UInt8], validators: Library.Validators)
        case failure(String)
    }

    private let settings: FeedFetcher.Settings
    private var body: [UInt8] = []
    private var tooLarge = false
    /// True once a response in the chain was a redirect: a later refusal of its address is the redirect's fault.
    private var sawRedirect = false
    private var validators = Library.Validators()

    private static let setUp: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    init(settings: FeedFetcher.Settings) {
        self.settings = settings
    }

    func get(_ url: URL, validators known: Library.Validators?) -> Response {
        _ = Download.setUp
        guard let handle = curl_easy_init() else { return .failure("the HTTP client cannot start") }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        headers = curl_slist_append(headers, "Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
        if let etag = known?.etag { headers = curl_slist_append(headers, "If-None-Match: \(etag)") }
        if let modified = known?.lastModified { headers = curl_slist_append(headers, "If-Modified-Since: \(modified)") }
        let seconds = { (value: Double) in max(1, Int(value.rounded(.up))) }
        dossier_curl_set_string(handle, CURLOPT_URL, url.absoluteString)
        dossier_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        dossier_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        dossier_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        dossier_curl_set_long(handle, CURLOPT_MAXREDIRS, settings.largestRedirects)
        dossier_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, seconds(settings.idleTimeout))
        dossier_curl_set_long(handle, CURLOPT_TIMEOUT, seconds(settings.requestTimeout))
        // Stalled: less than a byte a second for the idle time.
        dossier_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        dossier_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, seconds(settings.idleTimeout))
        dossier_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        dossier_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
        dossier_curl_set_string(handle, CURLOPT_USERAGENT, "Dossier/\(DossierVersion.current)")
        dossier_curl_set_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(settings.largestResponse))
        dossier_curl_set_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headers))
        let context = Unmanaged.passUnretained(self).toOpaque()
        dossier_curl_set_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            Unmanaged<Download>.fromOpaque(context!).takeUnretainedValue().take(data, size * count)
        }
        dossier_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        dossier_curl_set_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            Unmanaged<Download>.fromOpaque(context!).takeUnretainedValue().header(data, size * count)
        }
        dossier_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { return .failure(reason(for: code)) }
        return .success(status: dossier_curl_response_code(handle), body: body, validators: validators)
    }

    /// Keeps a piece of the body, or ends the transfer (by taking none of it) past the cap.
    private func take(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return 0 }
        if body.count + count > settings.largestResponse {
            tooLarge = true
            return 0
        }
        data.withMemoryRebound(to: UInt8.self, capacity: count) { body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count)) }
        return count
    }

    /// Keeps the final response's validators: a new status line (after a redirect) starts afresh.
    private func header(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return 0 }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }.trimmed
        if line.hasPrefix("HTTP/") {
            validators = Library.Validators()
            body.removeAll()
            if line.split(separator: " ").dropFirst().first?.hasPrefix("3") == true { sawRedirect = true }
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = String(line[line.index(after: colon)...]).trimmed
            if name == "etag" { validators.etag = value }
            if name == "last-modified" { validators.lastModified = value }
        }
        return count
    }

    private func reason(for code: CURLcode) -> String {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST: "DNS: the host name cannot be resolved"
        case CURLE_OPERATION_TIMEDOUT:
            "timed out (no data for \(Int(settings.idleTimeout)) s, or the whole request over \(Int(settings.requestTimeout)) s)"
        case CURLE_TOO_MANY_REDIRECTS: "more than \(settings.largestRedirects) redirects"
        case CURLE_COULDNT_CONNECT: "the connection was refused"
        case CURLE_FILESIZE_EXCEEDED: "the response is larger than \(settings.largestResponse / 1_000_000) MB"
        case CURLE_WRITE_ERROR where tooLarge: "the response is larger than \(settings.largestResponse / 1_000_000) MB"
        case CURLE_BAD_CONTENT_ENCODING: "its gzip data is damaged"
        case CURLE_UNSUPPORTED_PROTOCOL where sawRedirect: "a redirect led to an address that is not http or https"
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_WEIRD_SERVER_REPLY: "the server's answer is not HTTP (it has no status line Dossier can read)"
        case CURLE_OUT_OF_MEMORY: "the response's headers are too large, or the HTTP client ran out of memory"
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE: "TLS: the secure connection failed"
        default: String(cString: curl_easy_strerror(code))
        }
    }
}
