import Foundation
import MinshengCore
import MinshengHTML

/// 抽查暗访: every inspection, with discrepancies marked, and (for inspectors) the form to record one.
struct InspectionsPage {
    var directory: SupervisionDirectory
    var inspections: [Inspection]
    var canRecord: Bool
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let items = directory.items.values.sorted { $0.number < $1.number }
        let units = directory.units.sorted { $0.value < $1.value }
        let planned = inspections.filter { $0.state == .planned }.sorted { $0.inspectedOn < $1.inspectedOn }
        let done = inspections.filter { $0.state == .done }
        let content: Node = .group(
            .h1(.text("\(words.inspections)：\(directory.plan.title)")),
            SupervisionTabs.node(.inspections, page: page),
            .if(
                canRecord,
                .div(
                    .class("actions"),
                    .form(
                        .class("period-form"), .method(.get), .action(SiteURL.newInspection.path),
                        .input(.type(.hidden), .name("plan"), .value(String(directory.plan.id))),
                        .label(.for("item"), .text(words.chooseItem)),
                        SelectField.node(
                            id: "item", name: "item", label: words.chooseItem,
                            options: items.map { (String($0.number), "\($0.number). \($0.title)") }, selected: ""),
                        .button(.type(.submit), .text(words.newInspection))
                    ),
                    .form(
                        .class("period-form"), .method(.get), .action(SiteURL.newInspection.path),
                        .input(.type(.hidden), .name("plan"), .value(String(directory.plan.id))),
                        .label(.for("unit"), .text(words.chooseUnit)),
                        SelectField.node(
                            id: "unit", name: "unit", label: words.chooseUnit, options: units.map { (String($0.key), $0.value) }, selected: ""),
                        .button(.type(.submit), .text(words.newInspection))
                    )
                )),
            .h2(.text("\(words.planned)（\(planned.count)）")),
            planned.isEmpty
                ? .p(.class("hint"), .text(words.noInspections))
                : .ul(
                    .forEach(planned) { inspection in
                        .li(
                            .a(
                                .href(SiteURL.inspection(.value(inspection.id)).path),
                                .text(
                                    """
                                    \(inspection.inspectedOn.iso) \(words.modeName(inspection.mode))：\(directory.item(inspection.itemID)) \
                                    \(inspection.place)
                                    """
                                )))
                    }),
            .h2(.text("\(words.done)（\(done.count)）")),
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
                                let flagged = inspection.values.contains { directory.settings.discrepancy.isDiscrepancy($0) }
                                return .tr(
                                    .td(.a(.href(SiteURL.inspection(.value(inspection.id)).path), .text(inspection.inspectedOn.iso))),
                                    .td(.text(words.modeName(inspection.mode))),
                                    .td(.text(inspection.itemID == nil ? directory.unit(inspection.unitID) : directory.item(inspection.itemID))),
                                    .td(.text(inspection.place)),
                                    .td(.text(inspection.findings), flagged ? .span(.class("badge overdue"), .text(words.discrepancy)) : .empty)
                                )
                            })
                    ))
        )
        return Layout(title: words.inspections, page: page, content: content).render()
    }
}

/// The form that records an inspection of an item: what was checked, and each figure verified beside the one
/// reported.
struct NewInspectionPage {
    var directory: SupervisionDirectory
    /// The item inspected, or nil for an inspection of a unit.
    var item: Item?
    var unitID: Int64?
    var indicators: [(indicator: Indicator, reported: Decimal?)]
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .p(.a(.href(SiteURL.inspections.path + "?plan=\(directory.plan.id)"), .text("← \(words.inspections)"))),
            .h1(.text("\(words.newInspection)：\(item.map { "\($0.number). \($0.title)" } ?? directory.unit(unitID))")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .class("narrow inspection-form"), .method(.post), .action(SiteURL.inspections.path),
                page.csrfField,
                .input(.type(.hidden), .name("plan"), .value(String(directory.plan.id))),
                .input(.type(.hidden), .name("item"), .value(item.map { String($0.id) } ?? "")),
                .input(.type(.hidden), .name("unit"), .value(unitID.map(String.init) ?? "")),
                .label(.for("inspectedOn"), .text(words.inspectedOn)),
                .input(
                    .type(.date), .id("inspectedOn"), .name("inspectedOn"), .value(directory.day.iso),
                    .attribute(named: "required", value: "required")),
                .label(.for("place"), .text(words.place)),
                .input(.type(.text), .id("place"), .name("place"), .attribute(named: "required", value: "required")),
                .label(.for("mode"), .text(words.mode)),
                SelectField.node(
                    id: "mode", name: "mode", label: words.mode, options: InspectionMode.allCases.map { ($0.rawValue, words.modeName($0)) },
                    selected: "unannounced"),
                .label(.for("checked"), .text(words.checked)),
                .textarea(.id("checked"), .name("checked"), .attribute(named: "rows", value: "2"), .attribute(named: "required", value: "required")),
                .label(.for("findings"), .text(words.findings)),
                .textarea(.id("findings"), .name("findings"), .attribute(named: "rows", value: "3")),
                ValueFields.node(indicators, words: words),
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
