import MinshengCore
import MinshengHTML

/// A period chooser shared by the cycle pages.
struct PeriodForm {
    var action: String
    var period: Period
    var planID: Int64
    var extra: [(String, String)] = []
    var language: Language

    var node: Node {
        .form(
            .class("period-form"), .method(.get), .action(action),
            .input(.type(.hidden), .name("plan"), .value(String(planID))),
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
            .label(.for("period"), .text(language.reporting.period)),
            .input(.id("period"), .name("period"), .attribute(named: "type", value: "month"), .value(period.description)),
            .button(.type(.submit), .text(language.reporting.show))
        )
    }
}
