/// Numbers as every message writes them: grouped by thousands ("49,380"), with the noun's
/// singular for one ("1 article") and its plural otherwise.
public enum Counted {
    /// "49,380": digits grouped in threes with commas, the same in every locale.
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// "1 article", "2,096 articles", "3 matches": `plural` when the noun does not just take an "s".
    public static func phrase(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }
}
