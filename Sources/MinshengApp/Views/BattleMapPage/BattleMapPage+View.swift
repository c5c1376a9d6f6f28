import Foundation
import MinshengCore
import MinshengHTML

extension BattleMapPage {
    /// Renders the battle map.
    struct View {
        var model: Model
        var page: PageContext

        /// The page's main part (see ``OverviewPage/View/renderMain()``).
        func renderMain() -> RenderedHTML {
            let words = page.language.assessment
            let content: Node = .group(
                .h1(.text("\(words.battleMap)\(page.punctuation.colon)\(model.plan.title)")),
                .p(.class("hint no-print"), .text(words.printHint)),
                .div(.class("legend"), .forEach(ProgressStatus.allCases) { StatusLight.node($0, words: words) }),
                .table(
                    .class("battle-map"),
                    .thead(.tr(.th(.text(page.language.reporting.item)), .forEach(1...12) { .th(.text(words.month($0))) })),
                    .tbody(
                        .forEach(model.items) { item in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(
                                        .href(SiteURL.item(plan: .value(model.plan.id), number: .value(item.number)).path),
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
            let dueNodes = model.nodes[item.id]?[month] ?? []
            guard let cell = model.cells[item.id]?[month] else {
                return .td(.class("future"), .forEach(dueNodes) { .span(.class("node"), .text("◆ " + $0)) })
            }
            return .td(
                .class("cell-\(cell.status.cssName)"),
                .attribute(
                    named: "title",
                    value: "\(words.status(cell.status)) \(words.actual) \(Percent.text(cell.progress)) / "
                        + "\(words.planned) \(Percent.text(cell.expected))"
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
}
