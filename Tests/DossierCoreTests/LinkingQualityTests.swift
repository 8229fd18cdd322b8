@testable import DossierCore
@testable import DossierFormats
@testable import DossierText
import DossierLinking
import Foundation
import Testing

/// Precision and recall of person linking on 15 BBC articles annotated by hand
/// (Fixtures/bbc-person-mentions.json says how). A predicted mention counts as
/// right only when its span matches an annotated one and it names the same person.
struct LinkingQualityTests {
    struct Annotations: Decodable {
        struct Article: Decodable {
            let path: String
            let mentions: [Annotated]
        }

        struct Annotated: Decodable, Hashable {
            let line: Int
            let column: Int
            let text: String
            let person: String
        }

        let articles: [Article]
    }

    /// Names compared without case, full stops or extra spaces ("George W. Bush" is "George W Bush").
    static func folded(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: ".", with: "").split(separator: " ").joined(separator: " ")
    }

    /// The folded name a predicted mention is scored under: the annotated person's when the entity goes
    /// by that name too (a merged "Lord Goldsmith" is Peter Goldsmith's alias), else the entity's own.
    static func scoredName(of entity: Entity, annotated: String?) -> String {
        if let annotated, ([entity.name] + entity.aliases).contains(where: { folded($0) == annotated }) { return annotated }
        return folded(entity.name)
    }

    struct Score {
        let annotated: Int
        let predicted: Int
        let right: Int
        var precision: Double { Double(right) / Double(max(predicted, 1)) }
        var recall: Double { Double(right) / Double(max(annotated, 1)) }
    }

    @Test(.enabled(if: TestCorpus.hasBBC, TestCorpus.noBBC))
    /// Floors under today's figures (docs/BENCHMARKS.md has them), which catch a collapse; the second round of
    /// articles, of kinds the first lacked, brought recall down from 0.966.
    func personLinking_onHandAnnotatedBBCArticles_reachesPrecisionOf95AndRecallOf90() throws {
        let bbc = try #require(TestCorpus.bbcFolder)
        let score = try Self.score(fixture: "bbc-person-mentions", bbc: bbc)
        #expect(score.precision >= 0.95)
        #expect(score.recall >= 0.90)
    }

    /// The held-out articles were annotated after the rules were written; their figures are reported, and
    /// held to a floor that catches a collapse, not tuned to.
    @Test(.enabled(if: TestCorpus.hasBBC, TestCorpus.noBBC))
    func personLinking_onHeldOutBBCArticles_staysAccurate() throws {
        let bbc = try #require(TestCorpus.bbcFolder)
        let score = try Self.score(fixture: "bbc-person-mentions-heldout", bbc: bbc)
        #expect(score.precision >= 0.80)
        #expect(score.recall >= 0.72)
    }

    static func score(fixture name: String, bbc: URL) throws -> Score {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name).json")
        let annotations = try JSONDecoder().decode(Annotations.self, from: Data(contentsOf: fixture))
        let corpus = try CorpusLoader.load(paths: annotations.articles.map { bbc.appendingPathComponent($0.path).path })

        var truePositives = 0
        var predictedCount = 0
        var annotatedCount = 0
        var errors: [String] = []
        for annotated in annotations.articles {
            guard let index = corpus.articles.firstIndex(where: { $0.path.hasSuffix(annotated.path) }) else {
                throw DossierError.unknownArticle(annotated.path)
            }
            let article = corpus.articles[index]
            let expected = annotated.mentions.map { Annotations.Annotated(line: $0.line, column: $0.column, text: $0.text, person: Self.folded($0.person)) }
            let expectedBySpan = Dictionary(expected.map { ("\($0.line):\($0.column):\($0.text)", $0.person) }, uniquingKeysWith: { first, _ in first })
            let predicted = corpus.mentions[index].compactMap { mention -> Annotations.Annotated? in
                guard let entity = mention.entity, corpus.entities[entity].kind == .person else { return nil }
                let location = article.text.location(of: mention.range.lowerBound)
                let text = article.text.string(mention.range)
                return .init(line: location.line, column: location.column, text: text,
                             person: Self.scoredName(of: corpus.entities[entity], annotated: expectedBySpan["\(location.line):\(location.column):\(text)"]))
            }
            let hits = Set(predicted).intersection(expected)
            truePositives += hits.count
            predictedCount += predicted.count
            annotatedCount += expected.count
            for wrong in Set(predicted).subtracting(hits) { errors.append("  extra  \(annotated.path):\(wrong.line):\(wrong.column) \(wrong.text) → \(wrong.person)") }
            for missed in Set(expected).subtracting(hits) { errors.append("  missed \(annotated.path):\(missed.line):\(missed.column) \(missed.text) → \(missed.person)") }
        }
        let precision = Double(truePositives) / Double(max(predictedCount, 1))
        let recall = Double(truePositives) / Double(max(annotatedCount, 1))
        print(String(format: "person linking, %@ (%d articles): %d annotated, %d predicted, %d right; precision %.3f, recall %.3f",
                     name, annotations.articles.count, annotatedCount, predictedCount, truePositives, precision, recall))
        // Line by line and flushed: one long write is cut short when the test fails meanwhile.
        for error in errors.sorted() { print(error) }
        fflush(nil)
        return Score(annotated: annotatedCount, predicted: predictedCount, right: truePositives)
    }
}
