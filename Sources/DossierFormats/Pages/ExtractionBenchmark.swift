import DossierText
import Foundation

/// Times body extraction alone, on one thread, on pages already in memory and unpacked: the
/// work that other extractors (trafilatura, Readability) are compared with.
public enum ExtractionBenchmark {
    public struct Result: Sendable {
        /// Each page's body, its paragraphs joined by line breaks, by the page's file name up to its first dot.
        public let bodies: [String: String]
        /// Each page's title, by the same names; absent where the page gave none.
        public let titles: [String: String]
        public let seconds: Double
        /// The same pages on every core, as loading a folder of pages reads them.
        public let allCoresSeconds: Double
        public let cores: Int
    }

    /// Extracts every web page (`.html`, `.htm`, `.html.gz`) in the folders or files `paths`.
    public static func run(paths: [String]) throws -> Result {
        var pages: [(id: String, bytes: [UInt8])] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw DossierError.pathNotFound(path) }
            let files = isFolder.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { path + "/" + $0 }
                : [path]
            for file in files where DocumentFormat(path: file) == .html {
                let name = PathName.lastComponent(of: file)
                pages.append((String(name.prefix { $0 != "." }), try DocumentFormat.unpackedBytes(of: file)))
            }
        }
        var bodies: [String: String] = [:]
        var titles: [String: String] = [:]
        let start = DispatchTime.now()
        for page in pages {
            let read = WebPage.read(page.bytes)
            bodies[page.id] = read.paragraphs.joined(separator: "\n")
            titles[page.id] = read.title
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let parallelStart = DispatchTime.now()
        _ = pages.parallelMap { WebPage.read($0.bytes).paragraphs.count }
        let allCoresSeconds = Double(DispatchTime.now().uptimeNanoseconds - parallelStart.uptimeNanoseconds) / 1e9
        return Result(bodies: bodies, titles: titles, seconds: seconds, allCoresSeconds: allCoresSeconds, cores: ProcessInfo.processInfo.activeProcessorCount)
    }
}
