import Foundation

/// Names, labels and comparators: what a quantity is called, what a part is labelled, and which way its target points.
extension TargetExtractor {
    static let fillerPrefixes = ["确保", "全年", "力争", "同时", "并", "其中", "共", "累计", "年底前", "年内", "另外"]
    static let comparatorWords = ["不少于", "不低于", "不超过", "不高于", "至少", "达到", "超过", "控制在", "以上", "以下", "以内", "左右"]

    /// A name for a quantity: its clause without the number, comparator and filler words; the clause before it when
    /// that leaves too little (年底前达到60%以上 is named by 提高…入住率).
    static func name(for quantity: Quantity, clause: Clause, in sentence: Sentence) -> String {
        let chars = sentence.chars
        func clean(_ range: Range<Int>, removing: Range<Int>?) -> String {
            var text = ""
            for index in range where removing.map({ !$0.contains(index) }) ?? true && !sentence.isInsideBracket(index) {
                text.append(chars[index])
            }
            for word in comparatorWords { text = text.removing(word) }
            var trimmed = text.trimming(in: " ，,、：:")
            var changed = true
            while changed {
                changed = false
                for prefix in fillerPrefixes where trimmed.hasPrefix(prefix) {
                    trimmed = String(trimmed.dropFirst(prefix.count)).trimming(in: " ，,、")
                    changed = true
                }
                if let year = trimmed.firstIndex(of: "年"), trimmed.distance(from: trimmed.startIndex, to: year) == 4,
                    trimmed.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber })
                {
                    trimmed = String(trimmed[trimmed.index(after: year)...])
                    changed = true
                }
            }
            while trimmed.hasSuffix("的") { trimmed.removeLast() }
            while trimmed.hasPrefix("的") { trimmed.removeFirst() }
            return trimmed
        }
        var name = clean(clause.range, removing: quantity.range)
        if name.filter(ChineseText.isHan).count < 3, let previous = sentence.clause(before: clause) {
            name = clean(previous.range, removing: nil) + name
        }
        return ChineseText.wholePhrases(of: name, limit: 40, fromEnd: true)
    }

    /// The part of a clause that belongs to one of several quantities listed in it (诸葛段360亩、李楼段2500亩和唐韵段870亩).
    static func segment(of quantity: Quantity, in clause: Clause, sentence: Sentence) -> Clause {
        let chars = sentence.chars
        let quantities = QuantityScanner.scan(Array(chars[clause.range])).filter {
            !sentence.isInsideBracket($0.numberStart + clause.range.lowerBound)
        }
        guard quantities.count > 1 else { return clause }
        var start = clause.range.lowerBound
        var end = clause.range.upperBound
        var index = quantity.numberStart - 1
        while index >= clause.range.lowerBound {
            if !sentence.isInsideBracket(index), "、和及与".contains(chars[index]) {
                start = index + 1
                break
            }
            index -= 1
        }
        index = quantity.range.upperBound
        while index < clause.range.upperBound {
            if !sentence.isInsideBracket(index), "、和及与".contains(chars[index]) {
                end = index
                break
            }
            index += 1
        }
        return Clause(range: start..<end)
    }

    /// The words between the start of a part and its number: 栾川 in 栾川31座, 新增 in 新增6条.
    static func label(before quantity: Quantity, in chars: [Character], from start: Int) -> String {
        var labelStart = quantity.numberStart
        var depth = 0
        while labelStart > start {
            let c = chars[labelStart - 1]
            if c == ")" || c == "）" {
                depth += 1
            } else if (c == "(" || c == "（") && depth > 0 {
                depth -= 1
            } else if depth == 0 && "，,、；;：:（(".contains(c) {
                break
            }
            labelStart -= 1
        }
        return String(chars[labelStart..<quantity.numberStart]).trimmedSpaces
    }

    static func comparator(around quantity: Quantity, in chars: [Character], clause: Clause) -> Indicator.Comparator {
        let before = String(chars[max(clause.range.lowerBound, quantity.numberStart - 6)..<quantity.numberStart])
        let after = String(chars[quantity.range.upperBound..<min(clause.range.upperBound, quantity.range.upperBound + 4)])
        if ["不超过", "不高于", "控制在", "低于"].contains(where: before.has) || after.hasPrefix("以内") || after.hasPrefix("以下") {
            return .atMost
        }
        return .atLeast
    }

    /// Whether a part's label names a place (县, 区, 乡 …) or the start of one of the item's units (栾川 → 栾川县政府).
    static func isPlace(_ label: String, units: [String]) -> Bool {
        let bare = ChineseText.removingBracketed(label, minimumLength: 0)
        guard !bare.isEmpty, bare.count <= 8 else { return false }
        if ["县", "市", "区", "乡", "镇", "街道", "县乡", "村"].contains(where: { bare.hasSuffix($0) }) { return true }
        return units.contains { $0.hasPrefix(bare) && $0.count > bare.count }
    }
}
