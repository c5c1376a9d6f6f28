import Foundation
import MinshengCore
import MinshengHTML

extension BattleMapPage {
    /// The big screen of the plan at the scope's period, on the given category.
    static func screen(services: Services, scope: AssessmentScope, category: Int, page: PageContext) async throws -> String {
        let model = try await services.database.readReplica { db in
            try await Model.load(services: services, plan: scope.plan, period: scope.period, on: db)
        }
        return ScreenView(model: model, page: page, category: category).render()
    }

    /// The command room's big screen (1920×1080): dark, large type, the plan's counts by status and one category's
    /// chart at a time; the page reloads itself every 30 seconds on the next category (no script).
    struct ScreenView {
        var model: Model
        var page: PageContext
        /// The category shown, 1-based (wraps around).
        var category: Int

        static let seconds = 30

        func render() -> String {
            let words = BattleMapWords(language: page.language)
            let assessment = page.language.assessment
            let count = max(model.categories.count, 1)
            let index = (category - 1) % count
            let shown = model.categories.isEmpty ? [] : [model.categories[index]]
            let next =
                SiteURL.battleMap.path + "?plan=\(model.plan.id)&period=\(model.period)&screen=1&category=\(index + 2 > count ? 1 : index + 2)"
                + "&lang=\(page.language.code)"
            let chart = BattleMapChart(
                model: model, rows: shown, words: words, periods: PeriodWords(language: page.language), id: "screen", large: true)
            let document = HTML(
                .attribute(named: "lang", value: page.language.rawValue),
                .head(
                    .meta(.charset(.utf8)),
                    .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                    .meta(.attribute(named: "http-equiv", value: "refresh"), .content("\(Self.seconds);url=\(next)")),
                    .element(named: "title", text: words.title(model.plan.title)),
                    .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
                ),
                .body(
                    .class("big-screen"),
                    .header(
                        .h1(.text(words.title(model.plan.title))),
                        .p(.text(PeriodWords(language: page.language).name(model.period))),
                        .ul(
                            .class("screen-counts"),
                            .forEach(ProgressStatus.allCases.filter { (model.counts[$0] ?? 0) > 0 }) { status in
                                .li(
                                    .class("chip-\(status.rawValue)"), .span(.class("screen-count"), .text(String(model.counts[status] ?? 0))),
                                    .text(assessment.status(status)))
                            })
                    ),
                    .main(
                        .id("main"),
                        .h2(.text("\(shown.first?.category.name ?? "") · \(words.categoryOf(index + 1, count))")),
                        chart.node,
                        .p(.class("screen-hint"), .text(words.refreshHint)))
                )
            )
            return document.render()
        }
    }
}
