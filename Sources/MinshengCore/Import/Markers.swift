/// Recognises the structural markers of plan documents: category headings, item numbers and unit labels.
enum Markers {
    /// How items are numbered.
    enum ItemStyle: Hashable {
        /// `1.` `1．` `1、`
        case arabic
        /// `(1)` `（1）`
        case parenthesisedArabic
        /// `（一）` `(一)`
        case parenthesisedChinese
    }

    /// A category heading such as `一、脱贫攻坚`: its number and name.
    static func categoryHeading(_ text: String) -> (number: Int, name: String)? {
        let numeral = text.prefix(while: ChineseText.isChineseNumeral)
        guard !numeral.isEmpty, numeral.count <= 3 else { return nil }
        let rest = text.dropFirst(numeral.count)
        guard let separator = rest.first, separator == "、" || separator == "." || separator == "．" else { return nil }
        let name = String(rest.dropFirst()).trimmedSpaces
        guard !name.isEmpty, name.count <= 40, let number = ChineseText.numeralValue(numeral) else { return nil }
        return (number, name)
    }

    /// An item number at the start of a line: its style, value and the text after it.
    static func itemMarker(_ text: String) -> (style: ItemStyle, number: Int, rest: String)? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }
        if ChineseText.isASCIIDigit(first) {
            var end = 0
            while end < chars.count, ChineseText.isASCIIDigit(chars[end]) { end += 1 }
            guard end <= 5, end < chars.count else { return nil }
            let separator = chars[end]
            guard separator == "." || separator == "．" || separator == "、" else { return nil }
            if end + 1 < chars.count, ChineseText.isASCIIDigit(chars[end + 1]) { return nil }
            let rest = String(chars[(end + 1)...]).trimmedSpaces
            guard !rest.isEmpty, let number = Int(String(chars[..<end])) else { return nil }
            return (.arabic, number, rest)
        }
        guard first == "(" || first == "（" else { return nil }
        guard let close = chars.firstIndex(where: { $0 == ")" || $0 == "）" }), close > 1, close <= 4 else { return nil }
        let inner = String(chars[1..<close])
        let rest = String(chars[(close + 1)...]).trimmedSpaces
        guard !rest.isEmpty else { return nil }
        if inner.allSatisfy(ChineseText.isASCIIDigit), let number = Int(inner) {
            return (.parenthesisedArabic, number, rest)
        }
        if let number = ChineseText.numeralValue(inner) {
            return (.parenthesisedChinese, number, rest)
        }
        return nil
    }

    /// The labels that introduce unit lists, and the role each gives.
    static let unitLabels: [(label: String, role: Assignment.Role)] = [
        ("牵头单位", .lead), ("主办单位", .lead), ("牵头部门", .lead), ("责任单位", .responsible),
        ("协办单位", .responsible), ("配合单位", .responsible), ("责任部门", .responsible), ("参与单位", .responsible),
    ]

    /// A label occurrence inside a text.
    struct LabelMatch {
        var role: Assignment.Role
        /// Offset of the label's first character.
        var start: Int
        /// Offset just after the label's colon.
        var contentStart: Int
    }

    private static let labelCharacters: [(label: [Character], role: Assignment.Role)] = unitLabels.map { (Array($0.label), $0.role) }
    private static let labelInitials: Set<Character> = Set(labelCharacters.map { $0.label[0] })

    /// Every unit label followed by a colon in the text, in order.
    static func unitLabels(in chars: [Character]) -> [LabelMatch] {
        var matches: [LabelMatch] = []
        var index = 0
        while index < chars.count {
            guard labelInitials.contains(chars[index]) else {
                index += 1
                continue
            }
            var matched = false
            for (labelChars, role) in labelCharacters {
                let end = index + labelChars.count
                guard end < chars.count, chars.hasWord(labelChars, at: index) else { continue }
                var colon = end
                while colon < chars.count, chars[colon] == " " { colon += 1 }
                guard colon < chars.count, chars[colon] == ":" || chars[colon] == "：" else { continue }
                matches.append(LabelMatch(role: role, start: index, contentStart: colon + 1))
                index = colon + 1
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return matches
    }

    /// Whether a line begins with a unit label.
    static func startsWithUnitLabel(_ text: String) -> Bool {
        let labels = unitLabels(in: Array(text.prefix(8)))
        return labels.first?.start == 0
    }
}
