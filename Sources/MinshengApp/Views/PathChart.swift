import Foundation
import MinshengCore
import MinshengHTML

extension Charts {
    /// The frame of an indicator's path chart: where months and values fall.
    private struct PathFrame {
        let width = 600
        let height = 260
        let left = 60
        let bottom = 220
        let top = 20
        let maximum: Double

        func x(_ month: Int) -> Int { left + month * (width - left - 20) / 12 }
        func y(_ value: Decimal) -> Int { bottom - Int(Charts.double(value) / maximum * Double(bottom - top)) }
        func points(_ values: [(month: Int, value: Decimal)]) -> String { values.map { "\(x($0.month)),\(y($0.value))" }.joined(separator: " ") }
    }

    /// An indicator's planned path against its accepted values, month by month, with nodes marked.
    static func path(
        title: String, target: Decimal, planned: [(month: Int, value: Decimal)], actual: [(month: Int, value: Decimal)],
        nodes: [ScheduleNode], unit: String, words: AssessmentStrings, id: String
    ) -> Node {
        let f = PathFrame(maximum: max(double(target), (actual.map { double($0.value) } + planned.map { double($0.value) }).max() ?? 1, 1))
        func points(_ values: [(month: Int, value: Decimal)]) -> [String] {
            values.map { "\(words.month($0.month)) \(DecimalText.display($0.value))" }
        }
        let description = words.series(words.planned, points(planned)) + words.series(words.actual, points(actual))
        return chart(
            width: f.width, height: f.height, id: id, title: words.pathTitle(title), description: description,
            line(f.left, f.bottom, f.width - 20, f.bottom, stroke: "#24292f"),
            line(f.left, f.top, f.left, f.bottom, stroke: "#24292f"),
            .forEach([3, 6, 9, 12]) { month in label(words.month(month), x: f.x(month), y: f.bottom + 16, size: 11, anchor: "middle") },
            line(f.left, f.y(target), f.width - 20, f.y(target), stroke: "#8c959f", dash: "2 3"),
            label(DecimalText.format(target) + unit, x: f.left - 4, y: f.y(target) + 4, size: 11, anchor: "end"),
            polyline(f.points([(month: 0, value: Decimal(0))] + planned), stroke: "#57606a", width: "2", dash: "6 4"),
            .if(
                !actual.isEmpty,
                .group(
                    polyline(f.points(actual), stroke: "#b3261e", width: "2.5"),
                    .forEach(actual) { point in
                        .rect(
                            .at("x", f.x(point.month) - 3), .at("y", f.y(point.value) - 3), .at("width", 6), .at("height", 6), .at("fill", "#b3261e"))
                    }
                )),
            .forEach(nodes.filter { $0.due.year >= 1 }) { node in
                .group(
                    line(f.x(node.due.month), f.top, f.x(node.due.month), f.bottom, stroke: "#0b4f9c", width: "1", dash: "1 3"),
                    label(node.name, x: f.x(node.due.month) + 3, y: f.top + 10, size: 11, fill: "#0b4f9c")
                )
            },
            legend(words.planned, x: f.left + 10, y: f.height, stroke: "#57606a", width: "2", dash: "6 4"),
            legend(words.actual, x: f.left + 130, y: f.height, stroke: "#b3261e", width: "2.5")
        )
    }

    private static func polyline(_ points: String, stroke: String, width: String, dash: String? = nil) -> Node {
        .polyline(
            .at("points", points), .at("fill", "none"), .at("stroke", stroke), .at("stroke-width", width),
            .attribute(named: "stroke-dasharray", value: dash))
    }

    /// A sample of a line with its name, at the bottom of the chart.
    private static func legend(_ name: String, x: Int, y: Int, stroke: String, width: String, dash: String? = nil) -> Node {
        .group(line(x, y - 12, x + 30, y - 12, stroke: stroke, width: width, dash: dash), label(name, x: x + 36, y: y - 8, size: 11))
    }
}
