import Foundation

/// Indicators without numbers: dated milestones, `完成…` commitments and targets left to a higher level.
extension TargetExtractor {
    static let milestoneWords = ["开工建设", "建成投用", "建成投运", "投入使用", "投入运营", "开工", "动工", "竣工", "完工", "建成", "开通", "启用", "投用"]

    /// Dated steps (开工建设…, …建成投用) and other `完成…` commitments of a sentence without numeric targets.
    func milestones(in sentence: Sentence) -> [IndicatorDraft] {
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
    func provisionalIndicator(in sentence: Sentence) -> IndicatorDraft? {
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
        return ChineseText.wholePhrases(of: trimmed, limit: 60, fromEnd: false)
    }
}
