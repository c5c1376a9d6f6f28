import Foundation
import MinshengCore
import MinshengHTML

/// One sheet of the battle map as a scalable SVG: a title column (number, title and lead units, never cut), then one
/// column per month with the planned share as a dashed outline and the accepted share as a bar in the status colour
/// and pattern, node diamonds with their dates, and a red line for today (or the day the data stand at).
struct BattleMapChart {
    var model: BattleMapPage.Model
    var rows: [(category: MinshengCore.Category, rows: [BattleMapPage.Model.Row])]
    var words: BattleMapWords
    var periods: PeriodWords
    var id: String
    /// Larger type for the command room.
    var large = false

    static let titleWidth = 360
    static let leadWidth = 170
    static let monthWidth = 88
    static let top = 44
    var left: Int { Self.titleWidth + Self.leadWidth }
    var width: Int { left + 12 * Self.monthWidth + 10 }
    var font: Int { large ? 19 : 14 }
    var titleChars: Int { large ? 17 : 24 }
    var leadChars: Int { large ? 8 : 11 }

    /// Lines of at most `size` characters; a long text takes as many lines as it needs.
    static func lines(_ text: String, _ size: Int) -> [String] {
        var result: [String] = []
        var line = ""
        for character in text {
            line.append(character)
            if line.count == size {
                result.append(line)
                line = ""
            }
        }
        if !line.isEmpty || result.isEmpty { result.append(line) }
        return result
    }

    private func title(_ row: BattleMapPage.Model.Row) -> [String] { Self.lines("\(row.item.number). \(row.item.title)", titleChars) }
    private func leads(_ row: BattleMapPage.Model.Row) -> [String] { Self.lines(words.language.punctuation.list(row.leadUnits), leadChars) }
    private func height(_ row: BattleMapPage.Model.Row) -> Int {
        max(large ? 58 : 46, 14 + (font + 4) * max(title(row).count, leads(row).count))
    }
    private var categoryHeight: Int { large ? 40 : 30 }

    var node: MinshengHTML.Node {
        var y = Self.top
        var parts: [MinshengHTML.Node] = [Charts.patterns(id), header]
        for group in rows {
            parts.append(categoryBand(group.category, y: y))
            y += categoryHeight
            for row in group.rows {
                parts.append(rowNode(row, y: y))
                y += height(row)
            }
        }
        parts.append(todayLine(bottom: y))
        return Charts.chart(
            width: width, height: y + 10, id: id, title: words.title(model.plan.title),
            description: words.legend, .defs(.group(parts[0])), .group(Array(parts.dropFirst())))
    }

    private var header: MinshengHTML.Node {
        .group(
            Charts.label(words.item, x: 6, y: 28, size: font),
            Charts.label(words.leadUnit, x: Self.titleWidth + 6, y: 28, size: font),
            .forEach(Array(1...12)) { month in
                let x = left + (month - 1) * Self.monthWidth
                return .group(
                    .if(
                        month > (model.months.last ?? 0),
                        .rect(
                            .at("x", x), .at("y", Self.top), .at("width", Self.monthWidth), .at("height", 100_000),
                            .at("fill", "#f6f8fa"))),
                    Charts.line(x, 8, x, 100_000, stroke: "#d0d7de"),
                    Charts.label(words.month(month), x: x + Self.monthWidth / 2, y: 28, size: font, anchor: "middle"))
            })
    }

    private func categoryBand(_ category: MinshengCore.Category, y: Int) -> MinshengHTML.Node {
        .group(
            .rect(.at("x", 0), .at("y", y), .at("width", width), .at("height", categoryHeight), .at("fill", "#eaeef2")),
            .svgText(
                .at("x", 6), .at("y", y + categoryHeight - 9), .at("font-size", font + 1), .at("font-weight", "700"),
                .text(category.name)))
    }

    private func rowNode(_ row: BattleMapPage.Model.Row, y: Int) -> MinshengHTML.Node {
        .group(
            Charts.line(0, y + height(row), width, y + height(row), stroke: "#d0d7de"),
            .forEach(Array(title(row).enumerated())) { Charts.label($0.element, x: 6, y: y + 6 + (font + 4) * ($0.offset + 1), size: font) },
            .forEach(Array(leads(row).enumerated())) {
                Charts.label($0.element, x: Self.titleWidth + 6, y: y + 6 + (font + 4) * ($0.offset + 1), size: font - 1, fill: "#424a53")
            },
            .forEach(model.months) { month in monthCell(row, month: month, y: y) },
            .forEach(model.nodes[row.item.id] ?? []) { nodeMark($0, y: y + height(row) - 8) }
        )
    }

    private func monthCell(_ row: BattleMapPage.Model.Row, month: Int, y: Int) -> MinshengHTML.Node {
        guard let cell = model.cells[row.item.id]?[month] else { return .empty }
        let x = left + (month - 1) * Self.monthWidth + 5
        let full = Double(Self.monthWidth - 10)
        func span(_ share: Decimal?) -> Int { Int(full * min(1, max(0, NSDecimalNumber(decimal: share ?? 0).doubleValue))) }
        let bar = large ? 16 : 12
        let description =
            "\(periods.name(.month(year: model.plan.year, month: month)))\(words.language.punctuation.colon)"
            + "\(words.language.assessment.status(cell.status)) \(Percent.text(cell.progress)) / \(Percent.text(cell.expected))"
        return .group(
            .svgTitle(.text(description)),
            .rect(
                .at("x", x), .at("y", y + 8), .at("width", max(span(cell.expected), 2)), .at("height", bar), .at("fill", "none"),
                .at("stroke", "#24292f"), .at("stroke-dasharray", "3 2")),
            .rect(
                .at("x", x), .at("y", y + 8 + bar + 2), .at("width", max(span(cell.progress), cell.progress == nil ? Int(full) : 3)),
                .at("height", bar), .at("fill", "url(#\(id)-\(cell.status.cssName))"), .at("stroke", cell.status.color)),
            Charts.label(Percent.text(cell.progress), x: x + Int(full), y: y + 8 + bar, size: font - 3, anchor: "end", fill: "#24292f"))
    }

    private func nodeMark(_ node: BattleMapPage.Model.Node, y: Int) -> MinshengHTML.Node {
        let days = CalendarDate.daysIn(month: node.due.month, year: node.due.year)
        let x = left + (node.due.month - 1) * Self.monthWidth + (Self.monthWidth * (node.due.day - 1)) / days
        return .group(
            .svgTitle(.text("\(node.name) \(periods.day(node.due))")),
            .path(.at("d", "M\(x) \(y - 6) L\(x + 6) \(y) L\(x) \(y + 6) L\(x - 6) \(y) Z"), .at("fill", "#0b4f9c")),
            Charts.label("\(node.due.month)/\(node.due.day)", x: x + 8, y: y + 5, size: font - 3, fill: "#0b4f9c"))
    }

    /// Today when it falls in the plan's year, else the day the data stand at.
    var lineDay: CalendarDate { model.today.year == model.plan.year ? model.today : model.period.endDate }

    private func todayLine(bottom: Int) -> MinshengHTML.Node {
        let day = lineDay
        guard day.year == model.plan.year else { return .empty }
        let days = CalendarDate.daysIn(month: day.month, year: day.year)
        let x = left + (day.month - 1) * Self.monthWidth + (Self.monthWidth * day.day) / days
        let label = model.today.year == model.plan.year ? words.todayLine : words.asOf(periods.day(day))
        return .group(
            Charts.line(x, 34, x, bottom, stroke: "#a40e26", width: "2"),
            Charts.label(label, x: x + 4, y: 40, size: font - 2, fill: "#a40e26"))
    }
}
