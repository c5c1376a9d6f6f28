import Foundation

/// Writes and reads schedules in the text form the office edits: `2019-03-31 开工 10%` per node, or `6 30` per
/// month of a planned curve; empty for the time-proportional path.
package enum ScheduleText {
    package static func format(_ schedule: Schedule?) -> String {
        switch schedule {
        case .none, .timeProportional: return ""
        case .nodes(let nodes):
            return nodes.map { node in
                "\(node.due.iso) \(node.name)" + (node.share.map { " \(DecimalText.format($0 * 100))%" } ?? "")
            }.joined(separator: "\n")
        case .monthlyCurve(let curve):
            return curve.sorted { $0.key < $1.key }.map { "\($0.key) \(DecimalText.format($0.value))" }.joined(separator: "\n")
        }
    }

    /// Reads the text; nil when it is empty. The problem names the indicator, the line and what is wrong with it.
    package static func parse(_ text: String, indicator: String) throws(ScheduleTextProblem) -> Schedule? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        var nodes: [ScheduleNode] = []
        var curve: [Int: Decimal] = [:]
        for (index, line) in lines.enumerated() {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            func bad(_ kind: ScheduleTextProblem.Kind) -> ScheduleTextProblem {
                ScheduleTextProblem(indicator: indicator, line: index + 1, text: line, kind: kind)
            }
            if let date = CalendarDate(iso: parts[0]) {
                guard parts.count >= 2 else { throw bad(.missingName) }
                var share: Decimal?
                var nameParts = Array(parts.dropFirst())
                if let last = nameParts.last, last.hasSuffix("%") {
                    guard let value = DecimalText.parse(String(last.dropLast())), value >= 0, value <= 100 else { throw bad(.shareOutOfRange) }
                    share = value / 100
                    nameParts.removeLast()
                }
                guard !nameParts.isEmpty else { throw bad(.missingName) }
                nodes.append(ScheduleNode(name: nameParts.joined(separator: " "), due: date, share: share))
            } else if parts.count == 2, let month = Int(parts[0]), (1...12).contains(month), let value = DecimalText.parse(parts[1]) {
                curve[month] = value
            } else {
                throw bad(.unreadable)
            }
        }
        if !nodes.isEmpty && !curve.isEmpty {
            throw ScheduleTextProblem(indicator: indicator, line: nil, text: "", kind: .nodesAndCurve)
        }
        return nodes.isEmpty ? .monthlyCurve(curve) : .nodes(nodes.sorted { $0.due < $1.due })
    }
}

/// A schedule text that cannot be read: the indicator, the line (from 1) and why.
package struct ScheduleTextProblem: CodedRefusal, Equatable {
    /// What is wrong.
    package enum Kind: String, Sendable {
        case missingName, shareOutOfRange, unreadable, nodesAndCurve
    }

    package var indicator: String
    /// The line, from 1; nil when the problem is the text as a whole.
    package var line: Int?
    package var text: String
    package var kind: Kind

    package init(indicator: String, line: Int?, text: String, kind: Kind) {
        self.indicator = indicator
        self.line = line
        self.text = text
        self.kind = kind
    }

    package var code: String { "schedule.\(kind.rawValue)" }

    package var phrase: Phrase {
        let why: Phrase
        switch kind {
        case .missingName: why = Phrase(zh: "缺少节点名称。", en: "the node has no name.")
        case .shareOutOfRange: why = Phrase(zh: "比例应为 0% 到 100%。", en: "the share must be from 0% to 100%.")
        case .unreadable: why = Phrase(zh: "应写作“2019-03-31 开工 10%”或“6 30”。", en: "write it as \"2019-03-31 start 10%\" or \"6 30\".")
        case .nodesAndCurve:
            return Phrase(
                zh: "“\(indicator)”的计划进度不能同时写节点和按月数值。",
                en: "\(indicator): a planned path has either nodes or monthly values, not both.")
        }
        let line = self.line ?? 0
        return Phrase(
            zh: "“\(indicator)”的计划进度第\(line)行“\(text)”：\(why.zh)", en: "\(indicator): line \(line) of the planned path (\(text)): \(why.en)")
    }
}
