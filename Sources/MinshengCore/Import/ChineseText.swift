/// Character classes and small scanners for Chinese official documents.
enum ChineseText {
    /// Punctuation that ends a sentence or clause list; text ending without it was cut by a page break.
    static let terminalPunctuation: Set<Character> = ["。", "；", ";", "！", "!", "？", "?", "：", ":", "”", "」", "》"]

    /// Punctuation of any kind, full-width or ASCII.
    static let punctuation: Set<Character> = [
        "。", "，", "、", "；", "：", "！", "？", "（", "）", "《", "》", "“", "”", "‘", "’", "—", "…", "·", "〔", "〕", "【", "】",
        ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "'", "-",
    ]

    static let openingBrackets: Set<Character> = ["(", "（", "[", "［", "【", "〔", "《", "“"]
    static let closingBrackets: Set<Character> = [")", "）", "]", "］", "】", "〕", "》", "”"]

    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isChineseNumeral(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        switch scalar {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百": return c.unicodeScalars.count == 1
        default: return false
        }
    }

    static func isHan(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    static func isASCIIDigit(_ c: Character) -> Bool {
        c.isASCII && c.isNumber
    }

    /// Value of a Chinese numeral below 1000 written the common way (三, 十二, 二十, 一百零五) or digit by digit (二〇一九).
    static func numeralValue<S: StringProtocol>(_ text: S) -> Int? {
        let chars = Array(text)
        guard !chars.isEmpty, chars.allSatisfy(isChineseNumeral) else { return nil }
        if !chars.contains("十") && !chars.contains("百") {
            var value = 0
            for c in chars { value = value * 10 + digits[c]! }
            return value
        }
        var total = 0
        var current = 0
        for c in chars {
            if let d = digits[c] {
                current = d
            } else if c == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if c == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            }
        }
        return total + current
    }

    /// Removes bracketed asides longer than `minimumLength` characters (full-width or ASCII brackets),
    /// keeping short ones that belong to a name such as 县(市).
    static func removingBracketed(_ text: String, minimumLength: Int = 5) -> String {
        var result = ""
        var aside = ""
        var depth = 0
        for c in text {
            if c == "(" || c == "（" {
                depth += 1
                aside.append(c)
            } else if (c == ")" || c == "）") && depth > 0 {
                depth -= 1
                aside.append(c)
                if depth == 0 {
                    if aside.count - 2 < minimumLength { result += aside }
                    aside = ""
                }
            } else if depth > 0 {
                aside.append(c)
            } else {
                result.append(c)
            }
        }
        return result + aside
    }

    /// A long name shortened to whole phrases (split at 、，；) that fit in `limit` characters, kept from its end or from
    /// its start; the whole name when not even one phrase fits. A name is never cut inside a phrase or with an ellipsis.
    static func wholePhrases(of text: String, limit: Int, fromEnd: Bool) -> String {
        guard text.count > limit else { return text }
        let separators: Set<Character> = ["、", "，", ",", "；", ";"]
        var phrases: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if separators.contains(c) {
                phrases.append(current)
                current = ""
            }
        }
        if !current.isEmpty { phrases.append(current) }
        var kept = ""
        for phrase in fromEnd ? phrases.reversed() : phrases {
            let candidate = fromEnd ? phrase + kept : kept + phrase
            guard candidate.trimming(in: " 、，,；;").count <= limit else { break }
            kept = candidate
        }
        let result = kept.trimming(in: " 、，,；;")
        return result.isEmpty ? text : result
    }

    /// Reads a date written `2019年2月18日` or `二〇一九年二月十八日` that fills the whole text.
    static func wholeDate(_ text: String) -> CalendarDate? {
        let chars = Array(text.filter { !$0.isWhitespace })
        guard let yearEnd = chars.firstIndex(of: "年"), let monthEnd = chars.firstIndex(of: "月"),
            let dayEnd = chars.firstIndex(of: "日"), yearEnd < monthEnd, monthEnd < dayEnd, dayEnd == chars.count - 1
        else { return nil }
        func number(_ slice: ArraySlice<Character>) -> Int? {
            if slice.allSatisfy(isASCIIDigit) { return Int(String(slice)) }
            return numeralValue(String(slice))
        }
        guard let year = number(chars[..<yearEnd]), let month = number(chars[(yearEnd + 1)..<monthEnd]),
            let day = number(chars[(monthEnd + 1)..<dayEnd]), year > 1900
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
