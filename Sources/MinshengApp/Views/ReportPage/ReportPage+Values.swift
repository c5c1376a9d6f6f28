import Foundation
import MinshengCore
import MinshengHTML

extension ReportPage.View {
    /// A submitted or accepted report's values as a reviewer reads them: each with its unit, the planned value by the
    /// schedule, last month's accepted value, the change, the share of the target, and what changed since the version
    /// before (the returned or corrected one).
    func valuesTable(_ report: Report) -> Node {
        let words = ReportFormWords(language: page.language)
        return .div(
            .class("table-wrap"),
            .table(
                .class("values dense"),
                .thead(
                    .tr(
                        .th(.text(strings.indicatorName)), .th(.text(self.words.target)), .th(.class("number"), .text(words.planned)),
                        .th(.class("number"), .text(words.lastMonth)), .th(.class("number"), .text(self.words.valueToDate)),
                        .th(.class("number"), .text(words.change)), .th(.class("number"), .text(words.ofTarget)),
                        .th(.text(self.words.reachedOn)))),
                .tbody(.forEach(model.indicators) { valueLine($0.indicator, report: report, words: words) })
            ))
    }

    private func valueLine(_ indicator: Indicator, report: Report, words: ReportFormWords) -> Node {
        let value = report.value(for: indicator.id)
        let last = model.previous?.value(for: indicator.id)?.value
        let earlier = model.earlier?.value(for: indicator.id)
        let changed = model.earlier != nil && earlier != value
        let planned = zip(model.expected[indicator.id], indicator.target).map { $0 * $1 }
        return .tr(
            .class(changed ? "changed" : ""),
            .td(.attribute(named: "data-label", value: strings.indicatorName), .text(indicator.name)),
            .td(.attribute(named: "data-label", value: self.words.target), .text(Self.targetText(indicator, strings: strings))),
            .td(
                .class("number"), .attribute(named: "data-label", value: words.planned),
                .text(planned.map { DecimalText.display($0) + indicator.measure } ?? "—")),
            .td(.class("number"), .attribute(named: "data-label", value: words.lastMonth), .text(measured(last, indicator))),
            .td(
                .class("number"), .attribute(named: "data-label", value: self.words.valueToDate),
                .strong(.text(measured(value?.value, indicator))),
                .if(changed, .span(.class("was"), .text(words.was(measured(earlier?.value, indicator)))))),
            .td(.class("number"), .attribute(named: "data-label", value: words.change), .text(change(value?.value, last, indicator))),
            .td(
                .class("number"), .attribute(named: "data-label", value: words.ofTarget),
                .text(zip(value?.value, indicator.target).map { Percent.text($1 == 0 ? nil : $0 / $1) } ?? "—")),
            .td(
                .attribute(named: "data-label", value: self.words.reachedOn),
                .text(value?.reachedOn.map(PeriodWords(language: page.language).day) ?? "—"))
        )
    }

    private func measured(_ value: Decimal?, _ indicator: Indicator) -> String {
        value.map { DecimalText.format($0) + indicator.measure } ?? "—"
    }

    private func change(_ value: Decimal?, _ last: Decimal?, _ indicator: Indicator) -> String {
        guard let value, let last else { return "—" }
        let difference = value - last
        return (difference > 0 ? "+" : "") + DecimalText.format(difference) + indicator.measure
    }
}

/// Both values, when both are there.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
