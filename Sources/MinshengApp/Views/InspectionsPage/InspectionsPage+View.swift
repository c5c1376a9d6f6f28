import Foundation
import MinshengCore
import MinshengHTML

extension InspectionsPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let items = model.directory.items.values.sorted { $0.number < $1.number }
            let units = model.directory.units.sorted { $0.value < $1.value }
            let planned = model.inspections.filter { $0.state == .planned }.sorted { $0.inspectedOn < $1.inspectedOn }
            let done = model.inspections.filter { $0.state == .done }
            let content: Node = .group(
                .h1(.text("\(words.inspections)\(page.punctuation.colon)\(model.directory.plan.title)")),
                SupervisionTabs.node(.inspections, page: page),
                .if(
                    model.canRecord,
                    .div(
                        .class("actions"),
                        .form(
                            .class("period-form"), .method(.get), .action(SiteURL.newInspection.path),
                            .input(.type(.hidden), .name("plan"), .value(String(model.directory.plan.id))),
                            .label(.for("item"), .text(words.chooseItem)),
                            SelectField.node(
                                id: "item", name: "item", label: words.chooseItem,
                                options: items.map { (String($0.number), "\($0.number). \($0.title)") }, selected: ""),
                            .button(.type(.submit), .text(words.newInspection))
                        ),
                        .form(
                            .class("period-form"), .method(.get), .action(SiteURL.newInspection.path),
                            .input(.type(.hidden), .name("plan"), .value(String(model.directory.plan.id))),
                            .label(.for("unit"), .text(words.chooseUnit)),
                            SelectField.node(
                                id: "unit", name: "unit", label: words.chooseUnit, options: units.map { (String($0.key), $0.value) }, selected: ""),
                            .button(.type(.submit), .text(words.newInspection))
                        )
                    )),
                .h2(.text("\(words.planned)\(page.punctuation.open)\(planned.count)\(page.punctuation.close)")),
                planned.isEmpty
                    ? .p(.class("hint"), .text(words.noInspections))
                    : .ul(
                        .forEach(planned) { inspection in
                            .li(
                                .a(
                                    .href(SiteURL.inspection(.value(inspection.id)).path),
                                    .text(
                                        """
                                        \(inspection.inspectedOn.iso) \(words.modeName(inspection.mode))\(page.punctuation.colon)\
                                        \(model.directory.item(inspection.itemID)) \
                                        \(inspection.place)
                                        """
                                    )))
                        }),
                .h2(.text("\(words.done)\(page.punctuation.open)\(done.count)\(page.punctuation.close)")),
                done.isEmpty
                    ? .p(.class("hint"), .text(words.noInspections))
                    : .div(
                        .class("table-scroll"),
                        .table(
                            .class("list"),
                            .thead(
                                .tr(
                                    .th(.text(words.inspectedOn)), .th(.text(words.mode)), .th(.text(words.item)), .th(.text(words.place)),
                                    .th(.text(words.findings)))),
                            .tbody(
                                .forEach(done) { inspection in
                                    let flagged = inspection.values.contains { model.directory.settings.discrepancy.isDiscrepancy($0) }
                                    return .tr(
                                        .td(.a(.href(SiteURL.inspection(.value(inspection.id)).path), .text(page.date(inspection.inspectedOn)))),
                                        .td(.text(words.modeName(inspection.mode))),
                                        .td(
                                            .text(
                                                inspection.itemID == nil
                                                    ? model.directory.unit(inspection.unitID) : model.directory.item(inspection.itemID))),
                                        .td(.text(inspection.place)),
                                        .td(.text(inspection.findings), flagged ? .span(.class("badge overdue"), .text(words.discrepancy)) : .empty)
                                    )
                                })
                        ))
            )
            return Layout(title: words.inspections, page: page, content: content).render()
        }
    }
}
