import Foundation

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
