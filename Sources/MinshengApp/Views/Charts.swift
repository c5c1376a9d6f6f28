import Foundation
import MinshengCore
import MinshengHTML

/// Server-rendered SVG charts with a title and a text alternative, readable in black-and-white print: every status
/// has a pattern as well as a colour, and every bar carries its number.
enum Charts {
    /// Pattern definitions for the statuses, with ids prefixed so that several charts can share a page.
    static func patterns(_ prefix: String) -> Node {
        .forEach(ProgressStatus.allCases) { status in
            .pattern(
                .id("\(prefix)-\(status.cssName)"), .at("width", 6), .at("height", 6), .at("patternUnits", "userSpaceOnUse"),
                .rect(.at("width", 6), .at("height", 6), .at("fill", status.color)),
                overlay(status)
            )
        }
    }

    private static func overlay(_ status: ProgressStatus) -> Node {
        switch status {
        case .completed: return .circle(.at("cx", 3), .at("cy", 3), .at("r", "1.2"), .at("fill", "#fff"))
        case .ahead: return stroke("M0 6 L6 0", width: "1")
        case .onSchedule: return .empty
        case .behind: return stroke("M0 0 L6 6", width: "1.5")
        case .seriouslyBehind: return stroke("M0 0 L6 6 M6 0 L0 6", width: "1.5")
        case .notReported: return stroke("M0 3 L6 3", width: "1")
        case .pending: return stroke("M3 0 L3 6", width: "1")
        }
    }

    private static func stroke(_ path: String, width: String) -> Node {
        .path(.at("d", path), .at("stroke", "#fff"), .at("stroke-width", width))
    }

    /// An `<svg>` chart with its title and description, and the given content.
    static func chart(width: Int, height: Int, id: String, title: String, description: String, _ content: Node...) -> Node {
        .svg(
            .at("xmlns", "http://www.w3.org/2000/svg"), .class("chart"), .at("viewBox", "0 0 \(width) \(height)"), .at("width", "100%"),
            .at("role", "img"), .at("aria-labelledby", "\(id)-title \(id)-desc"),
            .svgTitle(.id("\(id)-title"), .text(title)), .desc(.id("\(id)-desc"), .text(description)),
            .group(content)
        )
    }

    /// A label or figure at a point; `anchor` is the `text-anchor` (nil for the start).
    static func label(_ text: String, x: Int, y: Int, size: Int, anchor: String? = nil, fill: String? = nil) -> Node {
        .svgText(
            .at("x", x), .at("y", y), .attribute(named: "text-anchor", value: anchor), .at("font-size", size),
            .attribute(named: "fill", value: fill), .text(text))
    }

    /// A straight line; `dash` is the `stroke-dasharray`.
    static func line(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int, stroke: String, width: String? = nil, dash: String? = nil) -> Node {
        .line(
            .at("x1", x1), .at("y1", y1), .at("x2", x2), .at("y2", y2), .at("stroke", stroke),
            .attribute(named: "stroke-width", value: width), .attribute(named: "stroke-dasharray", value: dash))
    }

    /// Items by status: one labelled bar per status.
    static func statusCounts(_ counts: [ProgressStatus: Int], words: AssessmentStrings, id: String = "counts") -> Node {
        let rows = ProgressStatus.allCases.map { ($0, counts[$0] ?? 0) }
        let maximum = max(rows.map(\.1).max() ?? 1, 1)
        let rowHeight = 26
        return chart(
            width: 520, height: rows.count * rowHeight + 10, id: id, title: words.countsTitle, description: words.countsDescription(rows),
            .defs(patterns(id)),
            .forEach(Array(rows.enumerated())) { index, row in
                let y = 5 + index * rowHeight
                let width = Int(Double(row.1) / Double(maximum) * 330)
                return .group(
                    label(words.status(row.0), x: 110, y: y + 17, size: 13, anchor: "end"),
                    .rect(
                        .at("x", 120), .at("y", y + 3), .at("width", max(width, 1)), .at("height", 18), .at("fill", "url(#\(id)-\(row.0.cssName))"),
                        .at("stroke", "#24292f"), .at("stroke-width", "0.5")),
                    label(String(row.1), x: 126 + width, y: y + 17, size: 13)
                )
            }
        )
    }

    /// Progress by category: a bar for progress with a tick at the expected progress.
    static func categoryProgress(
        _ rows: [(name: String, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)], words: AssessmentStrings, id: String = "categories"
    ) -> Node {
        let rowHeight = 28
        let height = rows.count * rowHeight + 24
        let percents = rows.map { ($0.name, $0.progress.map(Percent.of)) }
        return chart(
            width: 620, height: height, id: id, title: words.categoryTitle, description: words.categoryDescription(percents),
            .defs(patterns(id)),
            .forEach(Array(rows.enumerated())) { index, row in categoryRow(row, y: 4 + index * rowHeight, id: id) },
            label("┆ \(words.expected)", x: 160, y: height - 4, size: 11, fill: "#57606a")
        )
    }

    private static func categoryRow(_ row: (name: String, progress: Decimal?, expected: Decimal?, status: ProgressStatus?), y: Int, id: String)
        -> Node
    {
        let width = Int(double(row.progress ?? 0) * 360)
        let fill = row.status.map { "url(#\(id)-\($0.cssName))" } ?? "#d0d7de"
        return .group(
            label(String(row.name.prefix(10)), x: 150, y: y + 18, size: 13, anchor: "end"),
            .rect(.at("x", 160), .at("y", y + 4), .at("width", 360), .at("height", 18), .at("fill", "#f6f8fa"), .at("stroke", "#d0d7de")),
            .rect(.at("x", 160), .at("y", y + 4), .at("width", width), .at("height", 18), .at("fill", fill)),
            .unwrap(row.expected) { expected in
                let x = 160 + Int(double(expected) * 360)
                return line(x, y + 1, x, y + 25, stroke: "#24292f", width: "2", dash: "3 2")
            },
            label(row.progress.map { "\(Percent.of($0))%" } ?? "—", x: 528, y: y + 18, size: 13)
        )
    }

    /// A small progress bar with the expected progress marked, for lists.
    static func bar(progress: Decimal?, expected: Decimal?, status: ProgressStatus, label: String) -> Node {
        let width = Int(double(progress ?? 0) * 120)
        return .svg(
            .at("xmlns", "http://www.w3.org/2000/svg"), .class("bar"), .at("viewBox", "0 0 124 14"), .at("width", 124), .at("height", 14),
            .at("role", "img"), .attribute(named: "aria-label", value: label),
            .rect(
                .at("x", 1), .at("y", 1), .at("width", 120), .at("height", 12), .at("fill", "#f6f8fa"), .at("stroke", "#8c959f"),
                .at("stroke-width", "0.5")),
            .rect(.at("x", 1), .at("y", 1), .at("width", width), .at("height", 12), .at("fill", status.color)),
            .unwrap(expected) { expected in
                let x = 1 + Int(double(expected) * 120)
                return line(x, 0, x, 14, stroke: "#24292f", width: "1.5")
            }
        )
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }
}

extension Node {
    /// An SVG attribute from a number or a word, to keep chart expressions short.
    static func at(_ name: StaticString, _ value: some CustomStringConvertible) -> Node {
        .attribute(named: name, value: value.description)
    }
}
