import DossierTestSupport
import Foundation

/// Writes the hostile test corpus and prints its folder, for the end-to-end scripts.
@main
enum WriteHostileCorpus {
    static func main() throws {
        print(try HostileCorpus.make(withLongLine: CommandLine.arguments.contains("--long-line")).path)
    }
}
