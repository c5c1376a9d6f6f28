/// Reads lists of units as plans write them (市财政局、各县(市、区)政府) into separate names.
///
/// Splits on 、，, and 和 but never inside brackets, expands a shared suffix
/// (栾川县、嵩县、汝阳县政府 → three governments) and otherwise keeps each name as written.
package enum UnitListParser {
    /// Word endings that make a name a complete organisation name.
    static let organisationSuffixes: [String] = [
        "局", "委", "办", "府", "会", "司", "团", "部", "院", "所", "室", "站", "中心", "联", "社", "厅", "处", "科",
        "行", "队", "馆", "校", "台", "组", "署", "庭", "军", "区", "县", "市", "省", "镇", "乡", "街道",
    ]

    /// Endings of place names, which take a shared suffix such as 政府.
    static let placeEndings: Set<Character> = ["省", "市", "县", "区", "旗", "镇", "乡"]

    /// The units of a list, in order.
    package static func parse(_ text: String) -> [String] {
        let parts = split(text)
        return expandSharedSuffix(parts)
    }

    /// Whether a list written so far looks cut off (it ends with a separator or a partial name such as 市城).
    package static func looksIncomplete(_ text: String) -> Bool {
        let trimmed = text.trimmedSpaces
        guard let last = trimmed.last else { return false }
        if last == "、" || last == "，" || last == "," || last == "和" { return true }
        guard let lastName = split(trimmed).last else { return false }
        return !isCompleteName(lastName)
    }

    /// Classifies a unit by its name: 各…/相关… are groups, …政府 governments, …公司 enterprises.
    package static func kind(of name: String) -> Unit.Kind {
        if name.hasPrefix("各") || name.hasPrefix("相关") { return .group }
        if name.hasSuffix("政府") || name.hasSuffix("管委会") { return .government }
        if name.hasSuffix("公司") || name.hasSuffix("集团") || name.hasSuffix("银行") { return .enterprise }
        if name.hasSuffix("联") || name.hasSuffix("工会") || name.hasSuffix("协会") || name.hasSuffix("红十字会") || name.hasSuffix("团委") {
            return .organisation
        }
        return .department
    }

    static func isCompleteName(_ name: String) -> Bool {
        organisationSuffixes.contains { name.hasSuffix($0) }
    }

    /// Splits at top-level separators.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if ChineseText.openingBrackets.contains(c) { depth += 1 }
            if ChineseText.closingBrackets.contains(c) { depth = max(0, depth - 1) }
            if depth == 0 && (c == "、" || c == "，" || c == "," || c == "；" || c == ";") {
                appendPart(&parts, current)
                current = ""
            } else if depth == 0 && c == "和" && isCompleteName(current.trimmedSpaces) {
                appendPart(&parts, current)
                current = ""
            } else {
                current.append(c)
            }
        }
        appendPart(&parts, current)
        return parts
    }

    private static func appendPart(_ parts: inout [String], _ raw: String) {
        var name = raw.trimmedSpaces
        while let last = name.last, last == "。" || last == "." || last == "等" {
            name.removeLast()
        }
        if !name.isEmpty { parts.append(name) }
    }

    /// `栾川县、嵩县、汝阳县政府` names three governments: bare place names before a last name of
    /// the form place + suffix take that suffix.
    static func expandSharedSuffix(_ parts: [String]) -> [String] {
        guard parts.count > 1, let last = parts.last else { return parts }
        let leading = parts.dropLast()
        guard leading.allSatisfy({ isBarePlace($0) }) else { return parts }
        let chars = Array(last)
        guard let placeEnd = chars.indices.last(where: { placeEndings.contains(chars[$0]) }),
            placeEnd < chars.count - 1
        else { return parts }
        let suffix = String(chars[(placeEnd + 1)...])
        guard suffix == "政府" || suffix == "人民政府" || suffix == "管委会" || suffix == "党委" else { return parts }
        return leading.map { $0 + suffix } + [last]
    }

    private static func isBarePlace(_ name: String) -> Bool {
        guard let last = name.last, placeEndings.contains(last), !name.hasPrefix("各"), !name.hasPrefix("相关") else {
            return false
        }
        return name.count <= 8 && !name.contains("(") && !name.contains("（")
    }
}
