import Foundation
import MinshengCore
import MinshengHTML

/// An item's page: the commitment, its units, targets and allocations, planned path against accepted values,
/// nodes, forecast, every report with its narrative, and (for the office) weights, schedules and the override.
struct ItemPage {
    struct IndicatorLine {
        var indicator: Indicator
        var depth: Int
        var assessment: IndicatorAssessment?
        var schedule: Schedule?
        var weight: Decimal
        var actual: [(month: Int, value: Decimal)]
    }

    struct ReportLine {
        var report: Report
        var unitName: String
    }

    /// What supervision found about the item: overstated figures by indicator, notices and inspections.
    struct SupervisionRecord {
        var findings: [Int64: SupervisionService.Finding]
        var notices: [SupervisionNotice]
        var noticeStandings: [NoticeStanding]
        var inspections: [Inspection]
    }

    var plan: Plan
    var item: Item
    var category: String
    var leadUnits: [String]
    var responsibleUnits: [String]
    var period: Period
    var assessment: ItemAssessment
    var settings: AssessmentSettings
    var lines: [IndicatorLine]
    var reports: [ReportLine]
    var isOffice: Bool
    var supervision: SupervisionRecord
    var error: String?
    var page: PageContext

    var words: AssessmentStrings { page.language.assessment }

    func render() -> String {
        let content: Node = .group(
            .p(
                .class("plan-meta"), .a(.href(SiteURL.overview.path + "?plan=\(plan.id)&period=\(assessmentPeriod)"), .text("← " + words.overview)),
                .text(" · \(category)")),
            .h1(.text("\(item.number). \(item.title)")),
            AssessmentPeriodForm(
                action: SiteURL.item(plan: .value(plan.id), number: .value(item.number)).path, plan: plan, period: period, extra: [],
                language: page.language
            ).node,
            .p(.text(item.text)),
            .p(.class("units"), .span(.class("units-label"), .text(page.strings.leadUnits + "：")), .text(leadUnits.joined(separator: "、"))),
            .p(
                .class("units"), .span(.class("units-label"), .text(page.strings.responsibleUnits + "：")),
                .text(responsibleUnits.isEmpty ? page.strings.noUnits : responsibleUnits.joined(separator: "、"))),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            summary,
            indicatorTable,
            .group(lines.filter { $0.depth == 0 && $0.indicator.target != nil }.map(chart)),
            supervisionSection,
            reportList,
            .if(isOffice, settingsForm)
        )
        return Layout(title: "\(item.number). \(item.title)", page: page, content: content).render()
    }

    private var assessmentPeriod: String { period.description }

    private var summary: Node {
        .div(
            .class("summary"),
            StatusLight.node(assessment.status, words: words),
            .text(
                """
                 \(words.progress) \(Percent.text(assessment.progress)) · \(words.expected) \(Percent.text(assessment.expected)) · \
                \(words.forecast) \(Percent.text(assessment.forecast))
                """
            ),
            .unwrap(assessment.override) {
                .p(
                    .class("notice"),
                    .text(words.overriddenBecause + $0.reason + "（\(words.status(assessment.computedStatus)) → \(words.status($0.status))）"))
            },
            .if(assessment.earlyWarning, .p(.class("alert"), .text(words.earlyWarning)))
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
                .forEach(lines) { line in
                    let a = line.assessment
                    return .tr(
                        .class(line.depth > 0 ? "child" : "indicator"),
                        .td(.text(line.indicator.name)),
                        .td(.text(ReportPage.View.targetText(line.indicator, strings: page.strings))),
                        .td(
                            .text(a?.value.map { DecimalText.format($0) + line.indicator.measure } ?? words.noValue),
                            .unwrap(a?.asOfMonth) { .span(.class("hint"), .text("（\(words.asOf($0))）")) },
                            .unwrap(supervision.findings[line.indicator.id]) { finding in
                                .span(
                                    .class("badge discrepancy"), .attribute(named: "title", value: finding.text),
                                    .text(
                                        """
                                        \(page.language.supervisionWords.discrepancy)：\(page.language.supervisionWords.verified) \
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
                                            DecimalText.display($0.yearEnd) + line.indicator.measure, $0.completion, assessed.status == .completed)
                                    }
                                } ?? words.noValue)),
                        .td(.text(nodes(line).map { "\($0.due.iso) \($0.name)" }.joined(separator: "；")))
                    )
                })
        )
    }

    private func nodes(_ line: IndicatorLine) -> [ScheduleNode] {
        if case .nodes(let nodes) = line.schedule ?? .timeProportional { return nodes }
        if let deadline = line.indicator.deadline, line.indicator.kind == .milestone || line.indicator.kind == .qualitative {
            return [ScheduleNode(name: line.indicator.name, due: deadline)]
        }
        return []
    }

    private func chart(_ line: IndicatorLine) -> Node {
        guard let target = line.indicator.target else { return .empty }
        let schedule = line.schedule ?? .timeProportional
        let planned = (1...12).map { month in
            (month, Assessor.plannedShare(schedule, target: target, month: month, year: plan.year, settings: settings) * target)
        }
        let svg = Charts.path(
            title: line.indicator.name, target: target, planned: planned.map { (month: $0.0, value: $0.1) },
            actual: line.actual, nodes: nodes(line), unit: line.indicator.measure, words: words, id: "path-\(line.indicator.id)")
        return .div(.class("chart-box"), svg)
    }

    private var supervisionSection: Node {
        let words = page.language.supervisionWords
        guard !supervision.notices.isEmpty || !supervision.inspections.isEmpty else { return .empty }
        return .section(
            .h2(.text(words.record)),
            .ul(
                .forEach(Array(zip(supervision.notices, supervision.noticeStandings))) { notice, standing in
                    .li(
                        .a(
                            .href(SiteURL.notice(.value(notice.id)).path),
                            .text("\(words.noticeNumber(notice, year: plan.year)) \(notice.issuedOn.iso) ")),
                        GradeBadge.node(standing, words: words), .text(" " + (notice.answeredOn == nil ? words.unanswered : words.answered)))
                },
                .forEach(supervision.inspections) { inspection in
                    .li(
                        .a(
                            .href(SiteURL.inspection(.value(inspection.id)).path),
                            .text(
                                "\(inspection.inspectedOn.iso) \(words.modeName(inspection.mode))："
                                    + (inspection.state == .planned ? words.planned : inspection.findings))))
                }
            )
        )
    }

    private var reportList: Node {
        .section(
            .h2(.text(words.reports)),
            .forEach(reports) { line in
                let report = line.report
                let url = SiteURL.report(planID: plan.id, period: report.period, itemID: item.id, unitID: report.unitID)
                return .article(
                    .class("report-entry"),
                    .h3(
                        .a(
                            .href(url.path),
                            .text(
                                "\(report.period) · \(line.unitName) · \(page.language.reporting.stateName(report.state))"
                                    + (report.version > 1 ? " · v\(report.version)" : "")))),
                    .if(!report.progress.isEmpty, .p(.strong(.text(page.language.reporting.progress + "：")), .text(report.progress))),
                    .if(!report.problems.isEmpty, .p(.strong(.text(page.language.reporting.problems + "：")), .text(report.problems))),
                    .if(!report.nextSteps.isEmpty, .p(.strong(.text(page.language.reporting.nextSteps + "：")), .text(report.nextSteps)))
                )
            }
        )
    }

    private var settingsForm: Node {
        .form(
            .class("item-settings"), .method(.post), .action(SiteURL.itemSettings(plan: .value(plan.id), number: .value(item.number)).path),
            page.csrfField,
            .input(.type(.hidden), .name("period"), .value(assessmentPeriod)),
            .h2(.text(words.settings)),
            .label(.for("override"), .text("\(words.override)（\(assessmentPeriod)）")),
            SelectField.node(
                id: "override", name: "override", label: words.override,
                options: [("", words.clearOverride)] + ProgressStatus.allCases.map { ($0.rawValue, words.status($0)) },
                selected: assessment.override?.status.rawValue ?? ""),
            .label(.for("override-reason"), .text(words.overrideReason)),
            .textarea(.id("override-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .text(assessment.override?.reason ?? "")),
            .p(.class("hint"), .text(words.scheduleHint)),
            .forEach(lines.filter { $0.depth == 0 }) { line in
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
