import Foundation
import MinshengCore
import MinshengHTML

extension OverviewPage {
    /// Renders the overview.
    struct View {
        var model: Model
        var page: PageContext

        /// The page's main part, which depends only on the plan's data, the period, the filters and the language (so it
        /// can be kept per plan revision); ``Layout/wrap(main:title:page:)`` adds the signed-in parts.
        func renderMain() -> RenderedHTML {
            let words = page.language.assessment
            let content: Node = .group(
                .h1(.text("\(words.overview)\(page.punctuation.colon)\(model.plan.title)")),
                AssessmentPeriodForm(
                    action: SiteURL.overview.path, plan: model.plan, period: model.assessment.period, extra: [], language: page.language
                ).node,
                .p(.class("hint"), .text(words.thresholds(model.assessment.settings))),
                .div(
                    .class("charts"),
                    .div(.class("chart-box"), Charts.statusCounts(model.assessment.counts, words: words)),
                    .div(
                        .class("chart-box"),
                        Charts.categoryProgress(model.categories.map { ($0.category.name, $0.progress, $0.expected, $0.status) }, words: words))
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
                .input(.type(.hidden), .name("plan"), .value(String(model.plan.id))),
                .input(.type(.hidden), .name("period"), .value(model.assessment.period.description)),
                .label(.for("category"), .text(words.category)),
                SelectField.node(
                    id: "category", name: "category", label: words.category,
                    options: [("", words.all)] + model.categories.map { (String($0.category.id), $0.category.name) },
                    selected: model.filters.category.map(String.init) ?? ""),
                .label(.for("status"), .text(page.language.reporting.state)),
                SelectField.node(
                    id: "status", name: "status", label: page.language.reporting.state,
                    options: [("", words.all)] + ProgressStatus.allCases.map { ($0.rawValue, words.status($0)) },
                    selected: model.filters.status?.rawValue ?? ""
                ),
                .label(.for("unit"), .text(page.language.reporting.unit)),
                SelectField.node(
                    id: "unit", name: "unit", label: page.language.reporting.unit,
                    options: [("", words.all)] + model.units.map { (String($0.id), $0.name) }, selected: model.filters.unit.map(String.init) ?? ""),
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
                    .forEach(model.rows) { row in
                        let a = row.assessment
                        return .tr(
                            .td(
                                .a(
                                    .href(
                                        SiteURL.item(plan: .value(model.plan.id), number: .value(row.item.number)).path
                                            + "?period=\(model.assessment.period)"),
                                    .text("\(row.item.number). \(row.item.title)")),
                                .if(row.discrepancy, .span(.class("badge discrepancy"), .text(page.language.supervisionWords.discrepancy)))),
                            .td(StatusLight.node(a.status, words: words), .if(a.override != nil, .text(" *"))),
                            .td(
                                Charts.bar(
                                    progress: a.progress, expected: a.expected, status: a.status,
                                    label: "\(words.progress) \(Percent.text(a.progress))"),
                                .text(" " + Percent.text(a.progress))),
                            .td(.text(Percent.text(a.expected))),
                            .td(
                                .text(Percent.text(a.forecast)),
                                .if(a.earlyWarning, .span(.class("badge late"), .attribute(named: "title", value: words.earlyWarning), .text("⚠")))),
                            .td(.text(row.leadUnits.joined(separator: page.punctuation.listSeparator)))
                        )
                    })
            )
        }
    }
}
