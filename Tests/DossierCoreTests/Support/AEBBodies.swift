@testable import DossierCore
import DossierText
import Foundation

/// The hand-checked bodies of some of the Article Extraction Benchmark's articles, read as one
/// corpus of plain texts named by id: what the annotated sets are scored on.
struct AEBBodies {
    let corpus: Corpus
    /// The bodies by article id.
    let bodies: [String: String]

    init(ids: [String], aeb: URL) throws {
        let all = try AEBLinkingQualityTests.articleBodies(in: aeb)
        var chosen: [String: String] = [:]
        for id in ids {
            guard let body = all[id] else { throw DossierError.unknownArticle(id) }
            chosen[id] = body
        }
        bodies = chosen
        corpus = try CorpusLoader.load(texts: chosen.sorted { $0.key < $1.key }.map { (name: "\($0.key).txt", text: $0.value) })
    }

    /// The corpus's place of an article.
    func index(of id: String) throws -> Int {
        guard let index = corpus.articles.firstIndex(where: { $0.path.hasSuffix("\(id).txt") }) else { throw DossierError.unknownArticle(id) }
        return index
    }

    /// A span of an annotation, counted in Unicode scalars, as the UTF-8 byte range Dossier counts in.
    func byteRange(offset: Int, length: Int, in id: String) -> Range<Int> {
        let body = bodies[id] ?? ""
        return AEBLinkingQualityTests.utf8Offset(ofScalar: offset, in: body)..<AEBLinkingQualityTests.utf8Offset(ofScalar: offset + length, in: body)
    }
}
