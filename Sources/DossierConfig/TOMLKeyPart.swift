/// One part of a key (`a`, `"b c"` and `d` in `a."b c".d`) and where it is written.
struct TOMLKeyPart {
    var name: String
    var position: TOMLPosition
    /// The byte the part starts at.
    var index: Int

    /// The part as it could be written, for a message: bare when it can be, else in double
    /// quotes; a long one is cut short.
    var spelled: String {
        let isBare = !name.isEmpty && name.utf8.allSatisfy(TOMLParser.isBareKeyByte)
        guard !isBare else { return name.count > 40 ? name.prefix(40) + "…" : name }
        var quoted = "\""
        for scalar in name.unicodeScalars.prefix(40) {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted += TOMLParser.isPrintable(scalar) ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return quoted + (name.unicodeScalars.count > 40 ? "…\"" : "\"")
    }
}

extension Array where Element == TOMLKeyPart {
    /// The dotted key as it could be written: `a."b c".d`.
    var spelled: String {
        let parts = count > 6 ? prefix(3).map(\.spelled) + ["…"] + suffix(2).map(\.spelled) : map(\.spelled)
        return parts.joined(separator: ".")
    }
}
