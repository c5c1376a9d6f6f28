import Foundation
import MinshengCore
import MinshengHTML

/// A table of rectifications.
enum RectificationTable {
    static func node(_ rectifications: [Rectification], directory: SupervisionDirectory, words: SupervisionStrings) -> Node {
        guard !rectifications.isEmpty else { return .p(.class("hint"), .text(words.noRectifications)) }
        return .div(
            .class("table-scroll"),
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.rectificationRequirement)), .th(.text(words.due)),
                        .th(.text(words.state)))),
                .tbody(
                    .forEach(rectifications) { rectification in
                        .tr(
                            .td(.text(directory.unit(rectification.unitID))),
                            .td(.text(directory.item(rectification.itemID))),
                            .td(.a(.href(SiteURL.rectification(.value(rectification.id)).path), .text(rectification.requirement))),
                            .td(
                                .text(PeriodWords(language: words.language).day(rectification.due)),
                                rectification.isOverdue(today: directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                            .td(.text(words.stateName(rectification.state)))
                        )
                    })
            ))
    }
}
