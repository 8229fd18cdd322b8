import DossierFormats
import DossierText
import Foundation

/// Times entity tagging alone, on one thread: parsing, tokenizing, finding and linking names
/// in files already in memory. This is the work spaCy's named-entity recognizer is compared with.
public enum TaggingBenchmark {
    public struct Result: Sendable {
        /// Words as white space splits them, so that every tool counts alike.
        public let words: Int
        public let mentions: Int
        public let seconds: Double
    }

    /// Tags the article files under `paths`, found as loading finds them.
    public static func run(paths: [String]) throws -> Result {
        let files = try ArticleFile.find(in: paths).files.map(\.path)
        let catalog = try EntityCatalog.bundled()
        let linker = EntityLinker(entities: catalog.entities, gazetteer: try Gazetteer.bundled())
        let texts = try files.map { SourceText(decoding: try FileReader.bytes(of: $0)) }
        let words = texts.reduce(0) { total, text in
            total + String(decoding: text.bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).count
        }
        var mentions = 0
        let start = DispatchTime.now()
        for (index, text) in texts.enumerated() {
            mentions += linker.link(ArticleParser.parseWithWords(text, id: "\(index)", path: files[index]).words).mentions.count
        }
        return Result(words: words, mentions: mentions, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
}
