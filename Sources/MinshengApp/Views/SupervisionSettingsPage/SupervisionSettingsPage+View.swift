import Foundation
import MinshengCore
import MinshengHTML

extension SupervisionSettingsPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let labels = SupervisionSettingsWords(language: page.language)
            let numbers = SupervisionSettingsWords.fields.map { ($0.formName, labels.label($0), Self.value($0, in: model.settings)) }
            let content: Node = .group(
                .h1(.text("\(words.settings)\(page.punctuation.colon)\(model.plan.title)")),
                SupervisionTabs.node(.supervisionSettings, page: page),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.supervisionSettings.path),
                    page.csrfField,
                    .input(.type(.hidden), .name("plan"), .value(String(model.plan.id))),
                    .forEach(numbers) { field in
                        .group(
                            .label(.for(field.0), .text(field.1)),
                            .input(.type(.text), .id(field.0), .name(field.0), .value(field.2), .attribute(named: "inputmode", value: "decimal")))
                    },
                    .fieldset(
                        .element(named: "legend", text: words.rules),
                        .forEach(AccountabilityRule.allCases) { rule in
                            .label(
                                .class("check"),
                                .input(
                                    .type(.checkbox), .name("rule"), .value(rule.rawValue),
                                    model.settings.accountability.rules.contains(rule) ? .attribute(named: "checked", value: "checked") : .empty),
                                .text(" " + words.ruleName(rule)))
                        }
                    ),
                    .button(.type(.submit), .class("primary"), .text(words.save))
                )
            )
            return Layout(title: words.settings, page: page, content: content).render()
        }

        /// A field's value as the form shows it (the tolerance as a percentage).
        static func value(_ field: SettingsProblem.Field, in settings: SupervisionSettings) -> String {
            let scheme = settings.scoring
            switch field {
            case .nearDays: return String(settings.notices.nearDays)
            case .blueResponseDays: return String(settings.notices.blueResponseDays)
            case .yellowResponseDays: return String(settings.notices.yellowResponseDays)
            case .redResponseDays: return String(settings.notices.redResponseDays)
            case .tolerance: return DecimalText.format(settings.discrepancy.tolerance * 100)
            case .consecutiveMonths: return String(settings.accountability.consecutiveMonths)
            case .completion: return DecimalText.format(scheme.completion)
            case .progress: return DecimalText.format(scheme.progress)
            case .reporting: return DecimalText.format(scheme.reporting)
            case .satisfaction: return DecimalText.format(scheme.satisfaction)
            case .perDiscrepancy: return DecimalText.format(scheme.perDiscrepancy)
            case .perOverdueRectification: return DecimalText.format(scheme.perOverdueRectification)
            case .perRedNotice: return DecimalText.format(scheme.perRedNotice)
            case .findingsCap: return DecimalText.format(scheme.findingsCap)
            case .decision(let decision): return DecimalText.format(scheme.decisions[decision] ?? 0)
            }
        }
    }
}
