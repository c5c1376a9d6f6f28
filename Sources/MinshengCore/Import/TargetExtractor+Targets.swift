import Foundation

/// Which numbers are targets: not ordinals, the first number of a range, multi-year totals or the scope words of a
/// chain.
extension TargetExtractor {
    func isTarget(_ quantity: Quantity, in chars: [Character], clause: Clause) -> Bool {
        let start = quantity.numberStart
        if start > 0, chars[start - 1] == "第" { return false }
        // The first number of a range (3—5个) is not a target on its own.
        if start > 0, "—–-~～".contains(chars[start - 1]) { return false }
        if start > 1, chars[start - 1] == "至", QuantityScanner.asciiDigit(chars[start - 2]) != nil { return false }
        let clauseText = String(chars[clause.range])
        if Self.namesMultiYearSpan(clauseText) { return false }
        return true
    }

    /// `三年整治228座`, `两年内`: a span of several years, whose totals are not the year's targets.
    static func namesMultiYearSpan(_ text: String) -> Bool {
        let chars = Array(text)
        for (index, c) in chars.enumerated() where c == "年" && index > 0 {
            let previous = chars[index - 1]
            if let value = ChineseText.numeralValue(String(previous)), value >= 2, value < 10 {
                if index + 1 < chars.count, chars[index + 1] == "级" { continue }
                if index > 1, chars[index - 2] == "第" || ChineseText.isChineseNumeral(chars[index - 2]) { continue }
                return true
            }
            if previous.isASCII, let value = Int(String(previous)), value >= 2,
                index < 2 || QuantityScanner.asciiDigit(chars[index - 2]) == nil
            {
                return true
            }
        }
        return false
    }

    /// In `5个县14个行政村15个4G基站` the first two numbers describe where the third is built.
    static func droppingScopeChains(_ found: [(quantity: Quantity, clause: Clause)], in chars: [Character]) -> [(quantity: Quantity, clause: Clause)]
    {
        var kept: [(quantity: Quantity, clause: Clause)] = []
        for (index, entry) in found.enumerated() {
            if index + 1 < found.count {
                let next = found[index + 1].quantity
                let gap = chars[entry.quantity.range.upperBound..<next.numberStart]
                if gap.count <= 6, gap.allSatisfy(ChineseText.isHan), !gap.contains(where: { "和及与或".contains($0) }) { continue }
            }
            kept.append(entry)
        }
        return kept
    }

    static func mentionsHigherLevel(_ text: String) -> Bool {
        ["以省下达任务为准", "以省下达", "省定", "待省", "以上级下达", "以国家下达"].contains { text.has($0) }
    }

    /// Where `其中` starts in the sentence, if it does.
    static func breakdownMarker(in chars: [Character]) -> Int? {
        for index in 0..<max(0, chars.count - 1) where chars[index] == "其" && chars[index + 1] == "中" {
            return index
        }
        return nil
    }
}
