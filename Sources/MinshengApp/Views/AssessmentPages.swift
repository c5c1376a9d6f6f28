import Foundation
import MinshengCore
import MinshengHTML

/// A period chooser for the assessment pages: a month, or a quarter, half year or the year.
struct AssessmentPeriodForm {
    var action: String
    var plan: Plan
    var period: Period
    var extra: [(String, String)]
    var language: Language

    var node: Node {
        let words = language.reporting
        let options =
            Period.months(of: plan.year).map(\.description)
            + (1...4).map { "\(plan.year)-Q\($0)" } + ["\(plan.year)-H1", "\(plan.year)-H2", "\(plan.year)"]
        return .form(
            .class("period-form"), .method(.get), .action(action),
            .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
            .label(.for("period"), .text(words.period)),
            SelectField.node(id: "period", name: "period", label: words.period, options: options.map { ($0, $0) }, selected: period.description),
            .button(.type(.submit), .text(words.show))
        )
    }
}

/// A coloured light with its status written beside it, so the page reads without colour.
enum StatusLight {
    static func node(_ status: ProgressStatus, words: AssessmentStrings) -> Node {
        .element(
            named: "span",
            nodes: [
                .attribute(named: "class", value: "light light-\(status.cssName)"),
                .element(named: "span", nodes: [.attribute(named: "class", value: "dot"), .attribute(named: "aria-hidden", value: "true")]),
                .text(words.status(status)),
            ])
    }
}

/// 总览: counts by status, progress by category, and the items with lights and bars, filtered by category, status
/// and unit, at any period.
struct OverviewPage {
    struct Row {
        var item: Item
        var category: String
        var leadUnits: String
        /// An inspection found a reported figure of the item overstated.
        var discrepancy = false
        var assessment: ItemAssessment
    }

    var plan: Plan
    var assessment: PlanAssessment
    var categories: [(category: MinshengCore.Category, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)]
    var rows: [Row]
    var units: [MinshengCore.Unit]
    var filters: (category: Int64?, status: ProgressStatus?, unit: Int64?)
    var page: PageContext

    /// The page's main part, which depends only on the plan's data, the period, the filters and the language (so it
    /// can be kept per plan revision); ``Layout/wrap(main:title:page:)`` adds the signed-in parts.
    func renderMain() -> RenderedHTML {
        let words = page.language.assessment
        let content: Node = .group(
            .h1(.text("\(words.overview)：\(plan.title)")),
            AssessmentPeriodForm(action: SiteURL.overview.path, plan: plan, period: assessment.period, extra: [], language: page.language).node,
            .p(.class("hint"), .text(words.thresholds(assessment.settings))),
            .div(
                .class("charts"),
                .div(.class("chart-box"), Charts.statusCounts(assessment.counts, words: words)),
                .div(
                    .class("chart-box"),
                    Charts.categoryProgress(categories.map { ($0.category.name, $0.progress, $0.expected, $0.status) }, words: words))
            ),
            filterForm,
            table
        )
        return content.render()
    }

    private var filterForm: Node {
        let words = page.language.assessment
        return .form(
            .class("period-form"), .method(.get), .action(SiteURL.overview.path),
            .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
            .input(.type(.hidden), .name("period"), .value(assessment.period.description)),
            .label(.for("category"), .text(words.category)),
            SelectField.node(
                id: "category", name: "category", label: words.category,
                options: [("", words.all)] + categories.map { (String($0.category.id), $0.category.name) },
                selected: filters.category.map(String.init) ?? ""),
            .label(.for("status"), .text(page.language.reporting.state)),
            SelectField.node(
                id: "status", name: "status", label: page.language.reporting.state,
                options: [("", words.all)] + ProgressStatus.allCases.map { ($0.rawValue, words.status($0)) }, selected: filters.status?.rawValue ?? ""
            ),
            .label(.for("unit"), .text(page.language.reporting.unit)),
            SelectField.node(
                id: "unit", name: "unit", label: page.language.reporting.unit,
                options: [("", words.all)] + units.map { (String($0.id), $0.name) }, selected: filters.unit.map(String.init) ?? ""),
            .button(.type(.submit), .text(words.filter))
        )
    }

    private var table: Node {
        let words = page.language.assessment
        return .table(
            .class("list assessment"),
            .thead(
                .tr(
                    .th(.text(page.language.reporting.item)), .th(.text(page.language.reporting.state)), .th(.text(words.progress)),
                    .th(.text(words.expected)), .th(.text(words.forecast)), .th(.text(words.leadUnit)))),
            .tbody(
                .forEach(rows) { row in
                    let a = row.assessment
                    return .tr(
                        .td(
                            .a(
                                .href(SiteURL.item(plan: .value(plan.id), number: .value(row.item.number)).path + "?period=\(assessment.period)"),
                                .text("\(row.item.number). \(row.item.title)")),
                            .if(row.discrepancy, .span(.class("badge discrepancy"), .text(page.language.supervisionWords.discrepancy)))),
                        .td(StatusLight.node(a.status, words: words), .if(a.override != nil, .text(" *"))),
                        .td(
                            Charts.bar(
                                progress: a.progress, expected: a.expected, status: a.status, label: "\(words.progress) \(Percent.text(a.progress))"),
                            .text(" " + Percent.text(a.progress))),
                        .td(.text(Percent.text(a.expected))),
                        .td(
                            .text(Percent.text(a.forecast)),
                            .if(a.earlyWarning, .span(.class("badge late"), .attribute(named: "title", value: words.earlyWarning), .text("⚠")))),
                        .td(.text(row.leadUnits))
                    )
                })
        )
    }
}

/// 挂图作战: items by month, planned against actual, with nodes, for the wall (A3 landscape).
struct BattleMapPage {
    struct Cell {
        var status: ProgressStatus
        var progress: Decimal?
        var expected: Decimal?
        var nodes: [String]
    }

    var plan: Plan
    var items: [Item]
    /// Months assessed so far (January up to the current month of the plan's year).
    var months: [Int]
    var cells: [Int64: [Int: Cell]]
    var nodes: [Int64: [Int: [String]]]
    var page: PageContext

    /// The page's main part (see ``OverviewPage/renderMain()``).
    func renderMain() -> RenderedHTML {
        let words = page.language.assessment
        let content: Node = .group(
            .h1(.text("\(words.battleMap)：\(plan.title)")),
            .p(.class("hint no-print"), .text(words.printHint)),
            .div(.class("legend"), .forEach(ProgressStatus.allCases) { StatusLight.node($0, words: words) }),
            .table(
                .class("battle-map"),
                .thead(.tr(.th(.text(page.language.reporting.item)), .forEach(1...12) { .th(.text(words.month($0))) })),
                .tbody(
                    .forEach(items) { item in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .href(SiteURL.item(plan: .value(plan.id), number: .value(item.number)).path),
                                    .text("\(item.number). \(item.title)"))),
                            .forEach(1...12) { month in cell(item: item, month: month) }
                        )
                    })
            )
        )
        return content.render()
    }

    private func cell(item: Item, month: Int) -> Node {
        let words = page.language.assessment
        let dueNodes = nodes[item.id]?[month] ?? []
        guard let cell = cells[item.id]?[month] else {
            return .td(.class("future"), .forEach(dueNodes) { .span(.class("node"), .text("◆ " + $0)) })
        }
        return .td(
            .class("cell-\(cell.status.cssName)"),
            .attribute(
                named: "title",
                value: "\(words.status(cell.status)) \(words.actual) \(Percent.text(cell.progress)) / \(words.planned) \(Percent.text(cell.expected))"
            ),
            .span(.class("figures"), .text("\(Percent.text(cell.progress))/\(Percent.text(cell.expected))")),
            .span(.class("mark"), .text(Self.mark(cell.status))),
            .forEach(dueNodes) { .span(.class("node"), .text("◆ " + $0)) }
        )
    }

    /// A symbol for each status, for printing without colour.
    static func mark(_ status: ProgressStatus) -> String {
        switch status {
        case .completed: return "✓"
        case .ahead: return "↑"
        case .onSchedule: return "○"
        case .behind: return "△"
        case .seriouslyBehind: return "✕"
        case .notReported: return "?"
        case .pending: return "…"
        }
    }
}
