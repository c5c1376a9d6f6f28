import Foundation

/// Reads an item's targets from its text: quantities with their comparators, breakdowns (其中…, bracketed parts),
/// allocations to places, targets set by a higher level (以省下达任务为准), dated milestones and other commitments.
///
/// Numbers that are not targets stay out: ordinals (第三批), ages (80岁以上), names (4G), durations (用1年的时间),
/// years, equivalences (相当于1100个), multi-year totals (三年整治228座) and the scope words of a chain such as
/// 5个县14个行政村15个基站, where only the last number is the target.
public struct TargetExtractor: Sendable {
    /// The plan's year, for deadlines such as 12月底前.
    public var year: Int?

    public init(year: Int?) {
        self.year = year
    }

    /// The indicators of an item, given its text and the names of its units (to tell places from parts).
    public func indicators(in text: String, units: [String] = []) -> [IndicatorDraft] {
        var result: [IndicatorDraft] = []
        for sentence in Sentence.split(text) {
            read(sentence, into: &result, units: units)
        }
        if result.isEmpty {
            result.append(IndicatorDraft(name: ItemTitle.make(from: text, limit: 40), target: nil, unit: "", kind: .qualitative, source: text))
        }
        return result
    }

    /// The item with its indicators and deadline read from its text.
    public func completing(_ item: ItemDraft) -> ItemDraft {
        var item = item
        item.indicators = indicators(in: item.text, units: item.leadUnits + item.responsibleUnits)
        item.deadline = deadline(in: item.text)
        return item
    }

    /// The item's own deadline: the latest deadline its text names.
    public func deadline(in text: String) -> CalendarDate? {
        year.flatMap { Deadlines.find(in: text, year: $0) }
    }

    // MARK: Sentences

    private func read(_ sentence: Sentence, into result: inout [IndicatorDraft], units: [String]) {
        let chars = sentence.chars
        let isProvisional = sentence.brackets.contains { $0.kind == .provisional } || Self.mentionsHigherLevel(String(chars))
        let sentenceDeadline = year.flatMap { Deadlines.find(in: String(chars), year: $0) }
        var found: [(quantity: Quantity, clause: Clause)] = []
        for quantity in QuantityScanner.scan(chars) where !sentence.isInsideBracket(quantity.numberStart) {
            guard let clause = sentence.clause(containing: quantity.numberStart), isTarget(quantity, in: chars, clause: clause) else { continue }
            found.append((quantity, clause))
        }
        found = Self.droppingScopeChains(found, in: chars)

        let breakdownStart = Self.breakdownMarker(in: chars)
        var sentenceIndicators: [IndicatorDraft] = []
        var parentIndex: Int?
        if breakdownStart == 0, let last = result.indices.last, result[last].target != nil {
            parentIndex = -1 - last
        }
        for (quantity, clause) in found {
            var indicator = makeIndicator(quantity, clause: clause, in: sentence, sentenceDeadline: sentenceDeadline)
            if isProvisional { indicator.provisional = true }
            let afterBreakdown = breakdownStart.map { quantity.numberStart > $0 } ?? false
            if afterBreakdown, let parent = parentIndex {
                let label = Self.label(before: quantity, in: chars, from: max(breakdownStart! + 2, clause.range.lowerBound))
                if parent < 0 {
                    attach(indicator, label: label, toParent: &result[-1 - parent], units: units)
                } else {
                    attach(indicator, label: label, toParent: &sentenceIndicators[parent], units: units)
                }
                continue
            }
            if let bracket = sentence.brackets.first(where: { bracket in
                bracket.kind == .breakdown && bracket.range.lowerBound >= quantity.range.upperBound
                    && clause.range.contains(bracket.range.lowerBound)
                    && !found.contains { $0.quantity.numberStart > quantity.numberStart && $0.quantity.numberStart < bracket.range.lowerBound }
            }) {
                for part in bracket.parts(in: chars) {
                    var child = makeIndicator(part.quantity, clause: Clause(range: part.range), in: sentence, sentenceDeadline: sentenceDeadline)
                    child.provisional = indicator.provisional
                    attach(child, label: part.label, toParent: &indicator, units: units)
                }
            }
            sentenceIndicators.append(indicator)
            if breakdownStart.map({ quantity.numberStart < $0 }) ?? false { parentIndex = sentenceIndicators.count - 1 }
        }

        if sentenceIndicators.isEmpty {
            if isProvisional, let provisional = provisionalIndicator(in: sentence) {
                let known = result.contains { $0.provisional && ($0.name.contains(provisional.name) || provisional.name.contains($0.name)) }
                if !known { sentenceIndicators.append(provisional) }
            } else {
                sentenceIndicators += milestones(in: sentence)
            }
        }
        result += sentenceIndicators
    }

    /// Adds a part to its parent: an allocation when its label names a place, otherwise a child indicator.
    private func attach(_ part: IndicatorDraft, label: String, toParent parent: inout IndicatorDraft, units: [String]) {
        guard part.unit == parent.unit else {
            parent.children.append(part)
            return
        }
        if Self.isPlace(label, units: units) {
            parent.allocations.append(AllocationDraft(to: label, target: part.target ?? 0))
        } else {
            var child = part
            if !label.isEmpty { child.name = label }
            parent.children.append(child)
        }
    }

    private func makeIndicator(_ quantity: Quantity, clause: Clause, in sentence: Sentence, sentenceDeadline: CalendarDate?) -> IndicatorDraft {
        let chars = sentence.chars
        let name = Self.name(for: quantity, clause: Self.segment(of: quantity, in: clause, sentence: sentence), in: sentence)
        let isRate =
            quantity.unit == "%" || quantity.unit == "％" || quantity.unit == "‰" || quantity.unit.hasSuffix("百分点")
            || name.hasSuffix("率") || name.hasSuffix("比例") || name.hasSuffix("覆盖面")
        let clauseText = String(chars[clause.range])
        return IndicatorDraft(
            name: name,
            target: quantity.value,
            unit: quantity.unit == "％" ? "%" : quantity.unit,
            comparator: Self.comparator(around: quantity, in: chars, clause: clause),
            kind: isRate ? .rate : .cumulative,
            deadline: year.flatMap { Deadlines.find(in: clauseText, year: $0) } ?? sentenceDeadline,
            source: clauseText.trimmedSpaces
        )
    }

    // MARK: Which numbers are targets

    private func isTarget(_ quantity: Quantity, in chars: [Character], clause: Clause) -> Bool {
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

    // MARK: Names, labels, comparators

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
        return name.count > 40 ? String(name.prefix(40)) + "…" : name
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

    // MARK: Indicators without numbers

    static let milestoneWords = ["开工建设", "建成投用", "建成投运", "投入使用", "投入运营", "开工", "动工", "竣工", "完工", "建成", "开通", "启用", "投用"]

    /// Dated steps (开工建设…, …建成投用) and other `完成…` commitments of a sentence without numeric targets.
    private func milestones(in sentence: Sentence) -> [IndicatorDraft] {
        var result: [IndicatorDraft] = []
        for clause in sentence.clauses {
            let text = String(sentence.chars[clause.range]).trimmedSpaces
            guard !text.isEmpty else { continue }
            let deadline = year.flatMap { Deadlines.find(in: text, year: $0) }
            if Self.milestoneWords.contains(where: text.has) {
                result.append(
                    IndicatorDraft(name: Self.trimmedFiller(text), target: nil, unit: "", kind: .milestone, deadline: deadline, source: text))
            } else if text.hasPrefix("完成") {
                result.append(
                    IndicatorDraft(name: Self.trimmedFiller(text), target: nil, unit: "", kind: .qualitative, deadline: deadline, source: text))
            }
        }
        return result
    }

    /// A provisional indicator for a sentence that leaves its target to a higher level.
    private func provisionalIndicator(in sentence: Sentence) -> IndicatorDraft? {
        let chars = sentence.chars
        let text = String(chars).trimmedSpaces
        var name: String
        if let bracket = sentence.brackets.first(where: { $0.kind == .provisional }) {
            let inner = String(chars[(bracket.range.lowerBound + 1)..<(bracket.range.upperBound - 1)])
            if let marker = inner.range(of: "以") ?? inner.range(of: "待"), marker.lowerBound != inner.startIndex {
                name = String(inner[..<marker.lowerBound])
            } else {
                name = String(chars[0..<bracket.range.lowerBound])
            }
        } else {
            let marked = sentence.clauses.first { clause in Self.mentionsHigherLevel(String(chars[clause.range])) }
            name = marked.map { String(chars[$0.range]) } ?? text
            for phrase in ["完成省定目标任务", "以省下达任务为准", "达到省定目标", "省定目标任务"] {
                name = name.replacingOccurrences(of: phrase, with: "")
            }
        }
        name = Self.trimmedFiller(ChineseText.removingBracketed(name, minimumLength: 5))
        guard !name.isEmpty else { return nil }
        let isRate = name.hasSuffix("率") || name.hasSuffix("比例") || name.hasSuffix("标准")
        return IndicatorDraft(name: name, target: nil, unit: "", kind: isRate ? .rate : .cumulative, provisional: true, source: text)
    }

    static func trimmedFiller(_ text: String) -> String {
        var trimmed = text.trimming(in: " ，,、。；;（）()")
        for prefix in fillerPrefixes where trimmed.hasPrefix(prefix) {
            trimmed = String(trimmed.dropFirst(prefix.count))
        }
        return trimmed.count > 60 ? String(trimmed.prefix(60)) + "…" : trimmed
    }
}

/// A stretch of a sentence between commas.
struct Clause: Equatable {
    var range: Range<Int>
}

/// A bracketed aside of a sentence and what it holds.
struct Bracket {
    enum Kind {
        /// `(栾川31座、嵩县18座)`, `(新增6条、优化30条)`: parts of the quantity just before it.
        case breakdown
        /// `(最终数据以省下达任务为准)`: the target is set by a higher level.
        case provisional
        /// `(相当于1100个交流充电桩)`: an equivalence, not a target.
        case equivalence
        /// Anything else: `(农村)`, `(下穿通道)`.
        case aside
    }

    /// Offsets from the opening to just after the closing bracket.
    var range: Range<Int>
    var kind: Kind

    /// The quantities inside with their labels.
    func parts(in chars: [Character]) -> [(label: String, quantity: Quantity, range: Range<Int>)] {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        let innerChars = Array(chars[inner])
        return QuantityScanner.scan(innerChars).map { quantity in
            let shifted = Quantity(
                range: (quantity.range.lowerBound + inner.lowerBound)..<(quantity.range.upperBound + inner.lowerBound),
                numberStart: quantity.numberStart + inner.lowerBound, value: quantity.value, unit: quantity.unit
            )
            let label = TargetExtractor.label(before: shifted, in: chars, from: inner.lowerBound)
            return (label, shifted, (shifted.numberStart - label.count)..<shifted.range.upperBound)
        }
    }
}

/// A sentence of an item's text, with its clauses and bracketed asides.
struct Sentence {
    var chars: [Character]
    var clauses: [Clause]
    var brackets: [Bracket]

    /// Splits a text at 。；！？ and line breaks, never inside brackets.
    static func split(_ text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var current: [Character] = []
        var depth = 0
        for c in text {
            if c == "(" || c == "（" { depth += 1 }
            if (c == ")" || c == "）") && depth > 0 { depth -= 1 }
            if depth == 0 && "。；;！？!?\n".contains(c) {
                if !current.isEmpty { sentences.append(Sentence(current)) }
                current = []
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { sentences.append(Sentence(current)) }
        return sentences
    }

    init(_ chars: [Character]) {
        self.chars = chars
        var clauses: [Clause] = []
        var brackets: [Bracket] = []
        var clauseStart = 0
        var depth = 0
        var bracketStart = 0
        for (index, c) in chars.enumerated() {
            if c == "(" || c == "（" {
                if depth == 0 { bracketStart = index }
                depth += 1
            } else if (c == ")" || c == "）") && depth > 0 {
                depth -= 1
                if depth == 0 {
                    let range = bracketStart..<(index + 1)
                    brackets.append(Bracket(range: range, kind: Self.kind(of: String(chars[(bracketStart + 1)..<index]))))
                }
            } else if depth == 0 && (c == "，" || c == ",") {
                clauses.append(Clause(range: clauseStart..<index))
                clauseStart = index + 1
            }
        }
        clauses.append(Clause(range: clauseStart..<chars.count))
        self.clauses = clauses.filter { !$0.range.isEmpty }
        self.brackets = brackets
    }

    private static func kind(of inner: String) -> Bracket.Kind {
        if inner.hasPrefix("相当于") || inner.hasPrefix("折合") || inner.hasPrefix("约合") { return .equivalence }
        if TargetExtractor.mentionsHigherLevel(inner) { return .provisional }
        if !QuantityScanner.scan(Array(inner)).isEmpty { return .breakdown }
        return .aside
    }

    func isInsideBracket(_ offset: Int) -> Bool {
        brackets.contains { $0.range.contains(offset) }
    }

    func clause(containing offset: Int) -> Clause? {
        clauses.first { $0.range.contains(offset) }
    }

    func clause(before clause: Clause) -> Clause? {
        guard let index = clauses.firstIndex(of: clause), index > 0 else { return nil }
        return clauses[index - 1]
    }
}
