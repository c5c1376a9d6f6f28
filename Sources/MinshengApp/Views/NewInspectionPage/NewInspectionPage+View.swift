import Foundation
import MinshengCore
import MinshengHTML

extension NewInspectionPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let content: Node = .group(
                .p(.a(.href(SiteURL.inspections.path + "?plan=\(model.directory.plan.id)"), .text("← \(words.inspections)"))),
                .h1(
                    .text(
                        page.punctuation.labelled(
                            words.newInspection, model.item.map { "\($0.number). \($0.title)" } ?? model.directory.unit(model.unitID))
                    )),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .class("narrow inspection-form"), .method(.post), .action(SiteURL.inspections.path),
                    page.csrfField,
                    .input(.type(.hidden), .name("plan"), .value(String(model.directory.plan.id))),
                    .input(.type(.hidden), .name("item"), .value(model.item.map { String($0.id) } ?? "")),
                    .input(.type(.hidden), .name("unit"), .value(model.unitID.map(String.init) ?? "")),
                    .label(.for("inspectedOn"), .text(words.inspectedOn)),
                    .input(
                        .type(.date), .id("inspectedOn"), .name("inspectedOn"), .value(model.directory.day.iso),
                        .attribute(named: "required", value: "required")),
                    .label(.for("place"), .text(words.place)),
                    .input(.type(.text), .id("place"), .name("place"), .attribute(named: "required", value: "required")),
                    .label(.for("mode"), .text(words.mode)),
                    SelectField.node(
                        id: "mode", name: "mode", label: words.mode, options: InspectionMode.allCases.map { ($0.rawValue, words.modeName($0)) },
                        selected: "unannounced"),
                    .label(.for("checked"), .text(words.checked)),
                    .textarea(
                        .id("checked"), .name("checked"), .attribute(named: "rows", value: "2"), .attribute(named: "required", value: "required")),
                    .label(.for("findings"), .text(words.findings)),
                    .textarea(.id("findings"), .name("findings"), .attribute(named: "rows", value: "3")),
                    ValueFields.node(model.indicators, words: words),
                    .p(.class("hint"), .text(words.planHint)),
                    .div(
                        .class("actions"),
                        .button(.type(.submit), .name("submit"), .value("done"), .class("primary"), .text(words.save)),
                        .button(.type(.submit), .name("submit"), .value("plan"), .text(words.planIt)))
                )
            )
            return Layout(title: words.newInspection, page: page, content: content).render()
        }
    }
}
