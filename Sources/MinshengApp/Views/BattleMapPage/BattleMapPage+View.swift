import Foundation
import MinshengCore
import MinshengHTML

extension BattleMapPage {
    /// Renders the battle map: the legend and the print choices, then the sheets (30 items each for A3 landscape) or
    /// one sheet (A0); the big screen is ``ScreenView``.
    struct View {
        var model: Model
        var page: PageContext
        var mode: Mode = .sheets

        var words: BattleMapWords { BattleMapWords(language: page.language) }
        var periods: PeriodWords { PeriodWords(language: page.language) }
        static let itemsPerSheet = 30

        /// The page's main part (see ``OverviewPage/View/renderMain()``).
        func renderMain() -> RenderedHTML {
            let content: Node = .group(
                .h1(.text(words.title(model.plan.title))),
                .p(.class("plan-meta"), .text(PeriodWords(language: page.language).name(model.period))),
                choices,
                legend,
                mode == .poster ? sheet(model.categories, index: 1, of: 1, poster: true) : sheets
            )
            return content.render()
        }

        private var choices: Node {
            let base = SiteURL.battleMap.path + "?plan=\(model.plan.id)&period=\(model.period)"
            return .p(
                .class("no-print battle-choices"),
                .a(.href(base), .text(words.printSheets)), .text(" · "),
                .a(.href(base + "&sheet=a0"), .text(words.printPoster)), .text(" · "),
                .a(.href(base + "&screen=1"), .class("button"), .text(words.screen)),
                .span(.class("hint"), .text(" " + words.printHint)))
        }

        var legend: Node {
            .section(
                .class("legend battle-legend"), .attribute(named: "aria-label", value: words.legend),
                .h2(.class("visually-hidden"), .text(words.legend)),
                .ul(
                    .forEach(ProgressStatus.allCases) { status in
                        .li(
                            swatch(status),
                            .strong(.text(page.language.assessment.status(status))),
                            .text(page.punctuation.colon + words.explanation(status)))
                    },
                    .li(
                        .svg(
                            .at("width", 28), .at("height", 14), .at("aria-hidden", "true"), .svgTitle(.text(words.planned)),
                            .rect(
                                .at("x", 1), .at("y", 2), .at("width", 26), .at("height", 10), .at("fill", "none"), .at("stroke", "#24292f"),
                                .at("stroke-dasharray", "3 2"))), .text(words.planned)),
                    .li(
                        .svg(
                            .at("width", 28), .at("height", 14), .at("aria-hidden", "true"), .svgTitle(.text(words.actual)), swatchRect(.onSchedule)),
                        .text(words.actual)),
                    .li(
                        .svg(
                            .at("width", 28), .at("height", 14), .at("aria-hidden", "true"), .svgTitle(.text(words.node)),
                            .path(.at("d", "M14 1 L20 7 L14 13 L8 7 Z"), .at("fill", "#0b4f9c"))), .text(words.node)),
                    .li(
                        .svg(
                            .at("width", 28), .at("height", 14), .at("aria-hidden", "true"), .svgTitle(.text(words.lineHint)),
                            Charts.line(14, 0, 14, 14, stroke: "#a40e26", width: "2")), .text(words.lineHint))
                ))
        }

        private func swatch(_ status: ProgressStatus) -> Node {
            .svg(
                .at("width", 28), .at("height", 14), .at("aria-hidden", "true"), .svgTitle(.text(page.language.assessment.status(status))),
                .defs(Charts.patterns("legend-\(status.cssName)")), swatchRect(status))
        }

        private func swatchRect(_ status: ProgressStatus) -> Node {
            .rect(
                .at("x", 1), .at("y", 1), .at("width", 26), .at("height", 12), .at("fill", "url(#legend-\(status.cssName)-\(status.cssName))"),
                .at("stroke", status.color))
        }

        /// The categories cut into sheets of at most 30 items, a category that continues on the next sheet named again.
        var pages: [[(category: MinshengCore.Category, rows: [Model.Row])]] {
            var sheets: [[(category: MinshengCore.Category, rows: [Model.Row])]] = [[]]
            var count = 0
            for group in model.categories {
                var rest = group.rows[...]
                while !rest.isEmpty {
                    if count == Self.itemsPerSheet {
                        sheets.append([])
                        count = 0
                    }
                    let taken = rest.prefix(Self.itemsPerSheet - count)
                    sheets[sheets.count - 1].append((group.category, Array(taken)))
                    count += taken.count
                    rest = rest.dropFirst(taken.count)
                }
            }
            return sheets
        }

        private var sheets: Node {
            let pages = pages
            return .forEach(Array(pages.enumerated())) { sheet($0.element, index: $0.offset + 1, of: pages.count, poster: false) }
        }

        private func sheet(_ rows: [(category: MinshengCore.Category, rows: [Model.Row])], index: Int, of count: Int, poster: Bool) -> Node {
            let chart = BattleMapChart(model: model, rows: rows, words: words, periods: periods, id: "sheet\(index)")
            return .section(
                .class(poster ? "battle-sheet poster" : "battle-sheet"),
                .p(.class("sheet-label"), .text(words.sheetOf(index, count))),
                chart.node)
        }
    }
}
