import Foundation
import MinshengCore
import MinshengHTML

extension ItemPage {
    /// Renders the item page.
    struct View {
        var model: Model
        var page: PageContext

        var words: AssessmentStrings { page.language.assessment }

        func render() -> String {
            let content: Node = .group(
                .p(
                    .class("plan-meta"),
                    page.mayOpen(.overview)
                        ? .a(.href(SiteURL.overview.path + "?plan=\(model.plan.id)&period=\(assessmentPeriod)"), .text("← " + words.overview))
                        : .a(.href(SiteURL.home.path), .text("← " + MenuWords(language: page.language).workbench)),
                    .text(" · \(model.category)")),
                .h1(.text("\(model.item.number). \(model.item.title)")),
                AssessmentPeriodForm(
                    action: SiteURL.item(plan: .value(model.plan.id), number: .value(model.item.number)).path, plan: model.plan, period: model.period,
                    extra: [],
                    language: page.language
                ).node,
                .p(.text(model.item.text)),
                .p(
                    .class("units"), .span(.class("units-label"), .text(page.strings.leadUnits + page.punctuation.colon)),
                    .text(model.leadUnits.joined(separator: page.punctuation.listSeparator))),
                .p(
                    .class("units"), .span(.class("units-label"), .text(page.strings.responsibleUnits + page.punctuation.colon)),
                    .text(
                        model.responsibleUnits.isEmpty
                            ? page.strings.noUnits : model.responsibleUnits.joined(separator: page.punctuation.listSeparator))),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                summary,
                indicatorTable,
                .group(model.lines.filter { $0.depth == 0 && $0.indicator.target != nil }.map(chart)),
                supervisionSection,
                reportList,
                .if(model.isOffice, settingsForm)
            )
            return Layout(title: "\(model.item.number). \(model.item.title)", page: page, content: content).render()
        }

        private var assessmentPeriod: String { model.period.description }

        private var summary: Node {
            .div(
                .class("summary"),
                StatusLight.node(model.assessment.status, words: words),
                .text(
                    """
                     \(words.progress) \(Percent.text(model.assessment.progress)) · \(words.expected) \(Percent.text(model.assessment.expected)) · \
                    \(words.forecast) \(Percent.text(model.assessment.forecast))
                    """
                ),
                .unwrap(model.assessment.override) {
                    .p(
                        .class("notice"),
                        .text(
                            words.overriddenBecause + $0.reason
                                + page.punctuation.aside("\(words.status(model.assessment.computedStatus)) → \(words.status($0.status))")
                        )
                    )
                },
                .if(model.assessment.earlyWarning, .p(.class("alert"), .text(words.earlyWarning)))
            )
        }

        private var indicatorTable: Node {
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(page.strings.indicatorName)), .th(.text(page.language.reporting.target)), .th(.text(words.value)),
                        .th(.text(words.progress)), .th(.text(words.expected)), .th(.text(page.language.reporting.state)), .th(.text(words.forecast)),
                        .th(.text(words.nodes))
                    )),
                .tbody(
                    .forEach(model.lines) { line in
                        let a = line.assessment
                        return .tr(
                            .class(line.depth > 0 ? "child" : "indicator"),
                            .td(.text(line.indicator.name)),
                            .td(.text(ReportPage.View.targetText(line.indicator, strings: page.strings))),
                            .td(
                                .text(a?.value.map { DecimalText.format($0) + line.indicator.measure } ?? words.noValue),
                                .unwrap(a?.asOfMonth) {
                                    .span(.class("hint"), .text("\(page.punctuation.open)\(words.asOf($0))\(page.punctuation.close)"))
                                },
                                .unwrap(model.supervision.findings[line.indicator.id]) { finding in
                                    .span(
                                        .class("badge discrepancy"), .attribute(named: "title", value: finding.text),
                                        .text(
                                            """
                                            \(page.language.supervisionWords.discrepancy)\(page.punctuation.colon)\
                                            \(page.language.supervisionWords.verified) \
                                            \(DecimalText.format(finding.value.verified))\(line.indicator.measure)
                                            """
                                        ))
                                }),
                            .td(.text(Percent.text(a?.progress))), .td(.text(Percent.text(a?.expected))),
                            .td(.unwrap(a) { StatusLight.node($0.status, words: words) }),
                            .td(
                                .text(
                                    a.flatMap { assessed in
                                        assessed.forecast.map {
                                            words.forecastText(
                                                DecimalText.display($0.yearEnd) + line.indicator.measure, $0.completion, assessed.status == .completed
                                            )
                                        }
                                    } ?? words.noValue)),
                            .td(.text(nodes(line).map { "\(page.date($0.due)) \($0.name)" }.joined(separator: page.punctuation.semicolon)))
                        )
                    })
            )
        }

        private func nodes(_ line: Model.IndicatorLine) -> [ScheduleNode] {
            if case .nodes(let nodes) = line.schedule ?? .timeProportional { return nodes }
            if let deadline = line.indicator.deadline, line.indicator.kind == .milestone || line.indicator.kind == .qualitative {
                return [ScheduleNode(name: line.indicator.name, due: deadline)]
            }
            return []
        }

        private func chart(_ line: Model.IndicatorLine) -> Node {
            guard let target = line.indicator.target else { return .empty }
            let schedule = line.schedule ?? .timeProportional
            let planned = (1...12).map { month in
                (month, Assessor.plannedShare(schedule, target: target, month: month, year: model.plan.year, settings: model.settings) * target)
            }
            let svg = Charts.path(
                title: line.indicator.name, target: target, planned: planned.map { (month: $0.0, value: $0.1) },
                actual: line.actual, nodes: nodes(line), unit: line.indicator.measure, words: words, id: "path-\(line.indicator.id)")
            return .div(.class("chart-box"), svg)
        }

        private var supervisionSection: Node {
            let words = page.language.supervisionWords
            guard !model.supervision.notices.isEmpty || !model.supervision.inspections.isEmpty else { return .empty }
            return .section(
                .h2(.text(words.record)),
                .ul(
                    .forEach(Array(zip(model.supervision.notices, model.supervision.noticeStandings))) { notice, standing in
                        .li(
                            .a(
                                .href(SiteURL.notice(.value(notice.id)).path),
                                .text("\(words.noticeNumber(notice, year: model.plan.year)) \(page.date(notice.issuedOn)) ")),
                            GradeBadge.node(standing, words: words), .text(" " + (notice.answeredOn == nil ? words.unanswered : words.answered)))
                    },
                    .forEach(model.supervision.inspections) { inspection in
                        .li(
                            .a(
                                .href(SiteURL.inspection(.value(inspection.id)).path),
                                .text(
                                    "\(inspection.inspectedOn.iso) \(words.modeName(inspection.mode))\(page.punctuation.colon)"
                                        + (inspection.state == .planned ? words.planned : inspection.findings))))
                    }
                )
            )
        }

        /// The reports grouped by month, newest first; only the newest month is open.
        private var reportList: Node {
            let months = Dictionary(grouping: model.reports, by: \.report.period).sorted { $0.key > $1.key }
            let periods = PeriodWords(language: page.language)
            let reporting = page.language.reporting
            return .section(
                .h2(.text(words.reports)),
                .forEach(Array(months.enumerated())) { index, month in
                    .element(
                        named: "details",
                        nodes: [
                            .class("report-month"), index == 0 ? .attribute(named: "open") : .empty,
                            .element(named: "summary", text: "\(periods.name(month.key))\(page.punctuation.aside(String(month.value.count)))"),
                            .div(
                                .class("table-wrap"),
                                .table(
                                    .class("dense"),
                                    .thead(
                                        .tr(
                                            .th(.text(reporting.unit)), .th(.text(reporting.state)), .th(.text(reporting.progress)),
                                            .th(.text(reporting.problems)))),
                                    .tbody(.forEach(month.value) { reportRow($0) }))),
                        ])
                })
        }

        private func reportRow(_ line: Model.ReportLine) -> Node {
            let report = line.report
            let url = SiteURL.report(planID: model.plan.id, period: report.period, itemID: model.item.id, unitID: report.unitID)
            return .tr(
                .td(.a(.href(url.path), .text(line.unitName))),
                .td(.span(.class("chip chip-\(report.state.rawValue)"), .text(page.language.reporting.stateName(report.state)))),
                .td(.text(report.progress)), .td(.text(report.problems)))
        }

        private var settingsForm: Node {
            .form(
                .class("item-settings"), .method(.post),
                .action(SiteURL.itemSettings(plan: .value(model.plan.id), number: .value(model.item.number)).path),
                page.csrfField,
                .input(.type(.hidden), .name("period"), .value(assessmentPeriod)),
                .h2(.text(words.settings)),
                .label(.for("short-title"), .text(words.shortTitle)),
                .input(.type(.text), .id("short-title"), .name("shortTitle"), .value(model.item.shortTitle)),
                .p(.class("hint"), .text(words.shortTitleHint)),
                .label(.for("override"), .text("\(words.override)\(page.punctuation.open)\(assessmentPeriod)\(page.punctuation.close)")),
                SelectField.node(
                    id: "override", name: "override", label: words.override,
                    options: [("", words.clearOverride)] + ProgressStatus.allCases.map { ($0.rawValue, words.status($0)) },
                    selected: model.assessment.override?.status.rawValue ?? ""),
                .label(.for("override-reason"), .text(words.overrideReason)),
                .textarea(
                    .id("override-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .text(model.assessment.override?.reason ?? "")),
                .p(.class("hint"), .text(words.scheduleHint)),
                .forEach(model.lines.filter { $0.depth == 0 }) { line in
                    .fieldset(
                        .element(named: "legend", text: line.indicator.name),
                        .label(.for("weight-\(line.indicator.id)"), .text(words.weight)),
                        .input(
                            .type(.text), .id("weight-\(line.indicator.id)"), .name("weight.\(line.indicator.id)"),
                            .value(DecimalText.format(line.weight))),
                        .label(.for("schedule-\(line.indicator.id)"), .text(words.schedule)),
                        .textarea(
                            .id("schedule-\(line.indicator.id)"), .name("schedule.\(line.indicator.id)"), .attribute(named: "rows", value: "3"),
                            .text(ScheduleText.format(line.schedule)))
                    )
                },
                .button(.type(.submit), .text(page.strings.save))
            )
        }
    }
}
