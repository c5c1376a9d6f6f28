import MinshengCore
import MinshengHTML

extension ReviewQueuePage {
    /// Renders the review queue.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.reviewQueue)),
                .p(.class("plan-meta"), .text(model.scope.plan.title)),
                model.reports.isEmpty
                    ? .p(.text(words.nothingToReview))
                    : .table(
                        .class("list"),
                        .thead(
                            .tr(
                                .th(.text(words.period)), .th(.text(words.item)), .th(.text(words.unit)), .th(.text(words.version)),
                                .th(.text(words.at)),
                                .th(.text(words.action)))),
                        .tbody(
                            .forEach(model.reports) { report in
                                .tr(
                                    .td(.text(report.period.description)),
                                    .td(.text(model.items[report.itemID].map { "\($0.number). \($0.title)" } ?? "")),
                                    .td(.text(model.unitNames[report.unitID] ?? "")),
                                    .td(.text(String(report.version))),
                                    .td(.text(report.submittedAt ?? "")),
                                    .td(
                                        .a(
                                            .href(
                                                SiteURL.report(
                                                    planID: report.planID, period: report.period, itemID: report.itemID, unitID: report.unitID
                                                )
                                                .path), .text(words.show)))
                                )
                            })
                    )
            )
            return Layout(title: words.reviewQueue, page: page, content: content).render()
        }
    }
}
