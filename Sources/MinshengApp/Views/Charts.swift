import Foundation
import MinshengCore

/// Server-rendered SVG charts with a title and a text alternative, readable in black-and-white print: every status
/// has a pattern as well as a colour, and every bar carries its number.
enum Charts {
    /// Pattern definitions for the statuses, with ids prefixed so that several charts can share a page.
    static func patterns(_ prefix: String) -> String {
        ProgressStatus.allCases.map { status in
            let id = "\(prefix)-\(status.cssName)"
            let overlay: String
            switch status {
            case .completed: overlay = "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#fff\"/>"
            case .ahead: overlay = "<path d=\"M0 6 L6 0\" stroke=\"#fff\" stroke-width=\"1\"/>"
            case .onSchedule: overlay = ""
            case .behind: overlay = "<path d=\"M0 0 L6 6\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            case .seriouslyBehind: overlay = "<path d=\"M0 0 L6 6 M6 0 L0 6\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
            case .notReported: overlay = "<path d=\"M0 3 L6 3\" stroke=\"#fff\" stroke-width=\"1\"/>"
            case .pending: overlay = "<path d=\"M3 0 L3 6\" stroke=\"#fff\" stroke-width=\"1\"/>"
            }
            return "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"\(status.color)\"/>\(overlay)</pattern>"
        }.joined()
    }

    static func open(width: Int, height: Int, id: String, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(XML.escape(title))</title><desc id=\"\(id)-desc\">\(XML.escape(description))</desc>"
    }

    /// Items by status: one labelled bar per status.
    static func statusCounts(_ counts: [ProgressStatus: Int], words: AssessmentStrings, id: String = "counts") -> String {
        let rows = ProgressStatus.allCases.map { ($0, counts[$0] ?? 0) }
        let maximum = max(rows.map(\.1).max() ?? 1, 1)
        let rowHeight = 26
        let height = rows.count * rowHeight + 10
        var svg = open(width: 520, height: height, id: id, title: words.countsTitle, description: words.countsDescription(rows))
        svg += "<defs>\(patterns(id))</defs>"
        for (index, row) in rows.enumerated() {
            let y = 5 + index * rowHeight
            let width = Int(Double(row.1) / Double(maximum) * 330)
            svg += "<text x=\"110\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\">\(XML.escape(words.status(row.0)))</text>"
            svg += "<rect x=\"120\" y=\"\(y + 3)\" width=\"\(max(width, 1))\" height=\"18\" fill=\"url(#\(id)-\(row.0.cssName))\" stroke=\"#24292f\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(126 + width)\" y=\"\(y + 17)\" font-size=\"13\">\(row.1)</text>"
        }
        return svg + "</svg>"
    }

    /// Progress by category: a bar for progress with a tick at the expected progress.
    static func categoryProgress(_ rows: [(name: String, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)], words: AssessmentStrings, id: String = "categories") -> String {
        let rowHeight = 28
        let height = rows.count * rowHeight + 24
        let percents = rows.map { ($0.name, $0.progress.map(percent)) }
        var svg = open(width: 620, height: height, id: id, title: words.categoryTitle, description: words.categoryDescription(percents))
        svg += "<defs>\(patterns(id))</defs>"
        for (index, row) in rows.enumerated() {
            let y = 4 + index * rowHeight
            let width = Int(double(row.progress ?? 0) * 360)
            let fill = row.status.map { "url(#\(id)-\($0.cssName))" } ?? "#d0d7de"
            svg += "<text x=\"150\" y=\"\(y + 18)\" text-anchor=\"end\" font-size=\"13\">\(XML.escape(String(row.name.prefix(10))))</text>"
            svg += "<rect x=\"160\" y=\"\(y + 4)\" width=\"360\" height=\"18\" fill=\"#f6f8fa\" stroke=\"#d0d7de\"/>"
            svg += "<rect x=\"160\" y=\"\(y + 4)\" width=\"\(width)\" height=\"18\" fill=\"\(fill)\"/>"
            if let expected = row.expected {
                let x = 160 + Int(double(expected) * 360)
                svg += "<line x1=\"\(x)\" y1=\"\(y + 1)\" x2=\"\(x)\" y2=\"\(y + 25)\" stroke=\"#24292f\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
            }
            svg += "<text x=\"528\" y=\"\(y + 18)\" font-size=\"13\">\(row.progress.map { "\(percent($0))%" } ?? "—")</text>"
        }
        svg += "<text x=\"160\" y=\"\(height - 4)\" font-size=\"11\" fill=\"#57606a\">┆ \(XML.escape(words.expected))</text>"
        return svg + "</svg>"
    }

    /// An indicator's planned path against its accepted values, month by month, with nodes marked.
    static func path(
        title: String, target: Decimal, planned: [(month: Int, value: Decimal)], actual: [(month: Int, value: Decimal)],
        nodes: [ScheduleNode], unit: String, words: AssessmentStrings, id: String
    ) -> String {
        let width = 600
        let height = 260
        let left = 60
        let bottom = 220
        let top = 20
        let maximum = max(double(target), (actual.map { double($0.value) } + planned.map { double($0.value) }).max() ?? 1, 1)
        func x(_ month: Int) -> Int { left + month * (width - left - 20) / 12 }
        func y(_ value: Decimal) -> Int { bottom - Int(double(value) / maximum * Double(bottom - top)) }
        let description = "\(words.planned)：" + planned.map { "\($0.month)月 \(DecimalText.format($0.value))" }.joined(separator: "，")
            + "；\(words.actual)：" + actual.map { "\($0.month)月 \(DecimalText.format($0.value))" }.joined(separator: "，")
        var svg = open(width: width, height: height, id: id, title: words.pathTitle(title), description: description)
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 20)\" y2=\"\(bottom)\" stroke=\"#24292f\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottom)\" stroke=\"#24292f\"/>"
        for month in [3, 6, 9, 12] {
            svg += "<text x=\"\(x(month))\" y=\"\(bottom + 16)\" text-anchor=\"middle\" font-size=\"11\">\(XML.escape(words.month(month)))</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(y(target))\" x2=\"\(width - 20)\" y2=\"\(y(target))\" stroke=\"#8c959f\" stroke-dasharray=\"2 3\"/>"
        svg += "<text x=\"\(left - 4)\" y=\"\(y(target) + 4)\" text-anchor=\"end\" font-size=\"11\">\(XML.escape(DecimalText.format(target) + unit))</text>"
        let plannedPoints = ([(0, Decimal(0))] + planned.map { ($0.month, $0.value) }).map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
        svg += "<polyline points=\"\(plannedPoints)\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        if !actual.isEmpty {
            let points = actual.map { "\(x($0.month)),\(y($0.value))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#b3261e\" stroke-width=\"2.5\"/>"
            for point in actual {
                svg += "<rect x=\"\(x(point.month) - 3)\" y=\"\(y(point.value) - 3)\" width=\"6\" height=\"6\" fill=\"#b3261e\"/>"
            }
        }
        for node in nodes where node.due.year >= 1 {
            let nx = x(node.due.month)
            svg += "<line x1=\"\(nx)\" y1=\"\(top)\" x2=\"\(nx)\" y2=\"\(bottom)\" stroke=\"#0b4f9c\" stroke-width=\"1\" stroke-dasharray=\"1 3\"/>"
            svg += "<text x=\"\(nx + 3)\" y=\"\(top + 10)\" font-size=\"11\" fill=\"#0b4f9c\">\(XML.escape(node.name))</text>"
        }
        svg += "<line x1=\"\(left + 10)\" y1=\"\(height - 12)\" x2=\"\(left + 40)\" y2=\"\(height - 12)\" stroke=\"#57606a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        svg += "<text x=\"\(left + 46)\" y=\"\(height - 8)\" font-size=\"11\">\(XML.escape(words.planned))</text>"
        svg += "<line x1=\"\(left + 130)\" y1=\"\(height - 12)\" x2=\"\(left + 160)\" y2=\"\(height - 12)\" stroke=\"#b3261e\" stroke-width=\"2.5\"/>"
        svg += "<text x=\"\(left + 166)\" y=\"\(height - 8)\" font-size=\"11\">\(XML.escape(words.actual))</text>"
        return svg + "</svg>"
    }

    /// A small progress bar with the expected progress marked, for lists.
    static func bar(progress: Decimal?, expected: Decimal?, status: ProgressStatus, label: String) -> String {
        let width = Int(double(progress ?? 0) * 120)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" viewBox=\"0 0 124 14\" width=\"124\" height=\"14\" role=\"img\" aria-label=\"\(XML.escape(label))\">"
        svg += "<rect x=\"1\" y=\"1\" width=\"120\" height=\"12\" fill=\"#f6f8fa\" stroke=\"#8c959f\" stroke-width=\"0.5\"/>"
        svg += "<rect x=\"1\" y=\"1\" width=\"\(width)\" height=\"12\" fill=\"\(status.color)\"/>"
        if let expected {
            let x = 1 + Int(double(expected) * 120)
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"14\" stroke=\"#24292f\" stroke-width=\"1.5\"/>"
        }
        return svg + "</svg>"
    }

    static func percent(_ value: Decimal) -> Int {
        Int((double(value) * 100).rounded())
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }
}
