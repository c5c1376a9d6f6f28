/// What a plan's title and notice say about it: year, jurisdiction, document number.
enum PlanHeading {
    static func bookTitle(in text: String) -> String? {
        guard let open = text.firstIndex(of: "《"), let close = text[open...].firstIndex(of: "》") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    static func year(in text: String) -> Int? {
        let chars = Array(text)
        guard let yearMark = chars.firstIndex(of: "年"), yearMark >= 4 else { return nil }
        let digits = chars[(yearMark - 4)..<yearMark]
        guard digits.allSatisfy(ChineseText.isASCIIDigit) else { return nil }
        return Int(String(digits))
    }

    /// The place named after the year in a title: 2019年洛阳市重点民生实事工作方案 → 洛阳市.
    static func jurisdiction(in title: String) -> String? {
        let chars = Array(title)
        guard let yearMark = chars.firstIndex(of: "年") else { return nil }
        var name = ""
        for c in chars[(yearMark + 1)...] {
            guard ChineseText.isHan(c), name.count < 10 else { return nil }
            name.append(c)
            if c == "省" || c == "市" || c == "县" || c == "区" || c == "旗" {
                if name.hasSuffix("自治") { continue }
                return name.count >= 2 ? name : nil
            }
        }
        return nil
    }

    /// A document number such as 洛办〔2019〕5号.
    static func documentNumber(in text: String) -> String? {
        let chars = Array(text)
        for (index, c) in chars.enumerated() where c == "〔" || c == "[" || c == "［" {
            let yearEnd = index + 5
            guard yearEnd + 1 < chars.count, chars[(index + 1)..<yearEnd].allSatisfy(ChineseText.isASCIIDigit),
                chars[yearEnd] == "〕" || chars[yearEnd] == "]" || chars[yearEnd] == "］"
            else { continue }
            var end = yearEnd + 1
            while end < chars.count, ChineseText.isASCIIDigit(chars[end]) { end += 1 }
            guard end > yearEnd + 1, end < chars.count, chars[end] == "号" else { continue }
            var start = index
            while start > 0, ChineseText.isHan(chars[start - 1]), index - start < 8 { start -= 1 }
            guard start < index else { continue }
            return String(chars[start...end])
        }
        return nil
    }
}
