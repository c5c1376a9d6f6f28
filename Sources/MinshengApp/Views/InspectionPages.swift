import Foundation
import MinshengCore
import MinshengHTML

/// The verified-value fields of an item's figures, with the reported values beside them.
enum ValueFields {
    static func node(_ indicators: [(indicator: Indicator, reported: Decimal?)], words: SupervisionStrings) -> Node {
        guard !indicators.isEmpty else { return .empty }
        return .table(
            .class("values"),
            .thead(.tr(.th(.text(words.item)), .th(.text(words.reported)), .th(.text(words.verified)))),
            .tbody(
                .forEach(indicators) { entry in
                    .tr(
                        .td(.label(.for("verified-\(entry.indicator.id)"), .text(entry.indicator.name))),
                        .td(.text(entry.reported.map { "\(DecimalText.format($0))\(entry.indicator.measure)" } ?? "—")),
                        .td(
                            .input(
                                .type(.text), .id("verified-\(entry.indicator.id)"), .name("verified.\(entry.indicator.id)"),
                                .attribute(named: "inputmode", value: "decimal")),
                            .text(entry.indicator.measure))
                    )
                })
        )
    }
}
