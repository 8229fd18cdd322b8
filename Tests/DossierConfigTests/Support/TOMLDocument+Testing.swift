@testable import DossierConfig

/// Short ways to read one value or one problem, so that each test shows only the TOML it is about.
extension TOMLDocument {
    /// The value of `v` in `v = <text>`, or nil when that line has a problem.
    static func kind(ofValue text: String) -> TOMLValue.Kind? {
        let document = TOMLDocument(text: "v = \(text)\n")
        return document.problems.isEmpty ? document.root["v"]?.kind : nil
    }

    /// The one problem of `v = <text>`, or nil when it has none.
    static func problem(ofValue text: String) -> TOMLProblem? {
        TOMLDocument(text: "v = \(text)\n").problems.first
    }

    /// Each problem as a user reads it: "line 3: … (the line is left out)".
    var descriptions: [String] { problems.map(\.description) }

    /// The value at a dotted path of plain keys (`"a.b.c"`), tables only.
    func value(at path: String) -> TOMLValue? {
        var table = root
        let parts = path.split(separator: ".").map(String.init)
        for part in parts.dropLast() {
            guard let inner = table[part]?.table else { return nil }
            table = inner
        }
        return parts.last.flatMap { table[$0] }
    }
}
