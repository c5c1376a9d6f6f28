import Foundation
import MinshengCore
import MinshengHTML

extension AssessmentSettingsPage {
    /// Renders the settings page.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.assessment
            let content: Node = .group(
                .h1(.text("\(words.settings)\(page.punctuation.colon)\(model.plan.title)")),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .p(.class("hint"), .text(words.thresholds(model.settings))),
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.adminAssessment(.value(model.plan.id)).path),
                    page.csrfField,
                    field("yellow", words.yellow, DecimalText.format(model.settings.yellowThreshold)),
                    field("red", words.red, DecimalText.format(model.settings.redThreshold)),
                    field("ahead", words.ahead, DecimalText.format(model.settings.aheadThreshold)),
                    field("completionMonth", words.completionMonth, String(model.settings.completionMonth)),
                    .button(.type(.submit), .text(page.strings.save))
                )
            )
            return Layout(title: words.settings, page: page, content: content).render()
        }

        private func field(_ name: String, _ label: String, _ value: String) -> Node {
            .group(.label(.for(name), .text(label)), .input(.type(.text), .id(name), .name(name), .value(value)))
        }
    }
}
