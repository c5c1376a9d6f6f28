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

/// One inspection: its facts, the figures checked with discrepancies marked, photos, and rectifications.
struct InspectionPage {
    var directory: SupervisionDirectory
    var inspection: Inspection
    var indicators: [Int64: Indicator]
    var photos: [SupervisionFile]
    var rectifications: [Rectification]
    /// For a planned inspection of an item: its figures with the values reported now, for the results form.
    var figures: [(indicator: Indicator, reported: Decimal?)]
    var canEdit: Bool
    var error: String?
    var page: PageContext

    var words: SupervisionStrings { page.language.supervisionWords }

    func render() -> String {
        let content: Node = .group(
            .p(.a(.href(SiteURL.inspections.path + "?plan=\(directory.plan.id)"), .text("← \(words.inspections)"))),
            .h1(
                .text(
                    """
                    \(inspection.inspectedOn.iso) \(words.modeName(inspection.mode))：\
                    \(inspection.itemID == nil ? directory.unit(inspection.unitID) : directory.item(inspection.itemID))
                    """
                )),
            .if(inspection.state == .planned, .p(.class("notice"), .text(words.plannedNote))),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text(words.place)), .dd(.text(inspection.place)),
                .dt(.text(words.unit)), .dd(.text(directory.unit(inspection.unitID))),
                .dt(.text(words.checked)), .dd(.text(inspection.checked)),
                .dt(.text(words.findings)), .dd(.text(inspection.findings.isEmpty ? "—" : inspection.findings))
            ),
            inspection.state == .planned ? resultsForm : .group(values, photoSection, rectificationSection)
        )
        return Layout(title: words.inspections, page: page, content: content).render()
    }

    private var values: Node {
        guard !inspection.values.isEmpty else { return .empty }
        let rule = directory.settings.discrepancy
        return .table(
            .class("list"),
            .caption(.text("\(words.discrepancyNote)：\(DecimalText.format(rule.tolerance * 100))%")),
            .thead(.tr(.th(.text(words.item)), .th(.text(words.reported)), .th(.text(words.verified)), .th(.text(words.state)))),
            .tbody(
                .forEach(inspection.values) { value in
                    let indicator = indicators[value.indicatorID]
                    let measure = indicator?.measure ?? ""
                    let flagged = rule.isDiscrepancy(value)
                    return .tr(
                        .class(flagged ? "discrepancy" : ""),
                        .td(.text(indicator?.name ?? "")),
                        .td(.text(value.reported.map { "\(DecimalText.format($0))\(measure)" } ?? "—")),
                        .td(.text("\(DecimalText.format(value.verified))\(measure)")),
                        .td(
                            flagged
                                ? .span(
                                    .class("badge overdue"),
                                    .text(
                                        """
                                        \(words.discrepancy) \
                                        −\(Int(NSDecimalNumber(decimal: (rule.shortfall(value) ?? 0) * 100).doubleValue.rounded()))%
                                        """
                                    )) : .text("✓"))
                    )
                })
        )
    }

    private var resultsForm: Node {
        guard canEdit else { return .empty }
        return .form(
            .class("narrow inspection-form"), .method(.post), .action(SiteURL.inspectionResults(.value(inspection.id)).path),
            page.csrfField,
            .h2(.text(words.recordResults)),
            .label(.for("inspectedOn"), .text(words.inspectedOn)),
            .input(
                .type(.date), .id("inspectedOn"), .name("inspectedOn"), .value(inspection.inspectedOn.iso),
                .attribute(named: "required", value: "required")),
            .label(.for("findings"), .text(words.findings)),
            .textarea(.id("findings"), .name("findings"), .attribute(named: "rows", value: "3")),
            ValueFields.node(figures, words: words),
            .button(.type(.submit), .class("primary"), .text(words.save))
        )
    }

    private var photoSection: Node {
        .section(
            .h2(.text(words.photos)),
            .div(
                .class("photos"),
                .forEach(photos) { photo in
                    PublicParts.figure(src: SiteURL.supervisionFile(.value(photo.id)).path, alt: photo.fileName, caption: .text(photo.fileName))
                }),
            .if(
                canEdit,
                .form(
                    .method(.post), .action(SiteURL.inspectionPhotos(.value(inspection.id)).path), .enctype(.multipartData),
                    page.csrfField,
                    .label(.for("file"), .text(words.photos)),
                    .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: "image/jpeg,image/png")),
                    .button(.type(.submit), .text(words.upload))
                ))
        )
    }

    private var rectificationSection: Node {
        let units = directory.units.sorted { $0.value < $1.value }
        return .section(
            .h2(.text(words.rectifications)),
            RectificationTable.node(rectifications, directory: directory, words: words),
            .if(
                canEdit,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.inspectionRectifications(.value(inspection.id)).path),
                    page.csrfField,
                    .h3(.text(words.requireRectification)),
                    .label(.for("unit"), .text(words.unit)),
                    SelectField.node(
                        id: "unit", name: "unit", label: words.unit, options: units.map { (String($0.key), $0.value) },
                        selected: String(inspection.unitID ?? 0)),
                    .label(.for("requirement"), .text(words.rectificationRequirement)),
                    .textarea(
                        .id("requirement"), .name("requirement"), .attribute(named: "rows", value: "3"),
                        .attribute(named: "required", value: "required")),
                    .label(.for("due"), .text(words.due)),
                    .input(.type(.date), .id("due"), .name("due"), .attribute(named: "required", value: "required")),
                    .button(.type(.submit), .class("primary"), .text(words.requireRectification))
                ))
        )
    }
}

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
                                .text(rectification.due.iso),
                                rectification.isOverdue(today: directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                            .td(.text(words.stateName(rectification.state)))
                        )
                    })
            ))
    }
}

/// 整改: a unit's rectifications (or all, for the office and inspectors).
struct RectificationsPage {
    var directory: SupervisionDirectory
    var rectifications: [Rectification]
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .h1(.text("\(words.rectifications)：\(directory.plan.title)")),
            SupervisionTabs.node(.rectifications, page: page),
            RectificationTable.node(rectifications, directory: directory, words: words)
        )
        return Layout(title: words.rectifications, page: page, content: content).render()
    }
}

/// One rectification: the requirement, its history and evidence, the unit's report form, and the inspector's
/// close and reopen.
struct RectificationPage {
    var directory: SupervisionDirectory
    var rectification: Rectification
    var events: [RectificationEvent]
    var evidence: [SupervisionFile]
    var canReport: Bool
    var canReview: Bool
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .p(.a(.href(SiteURL.inspection(.value(rectification.inspectionID)).path), .text("← \(words.inspections)"))),
            .h1(.text("\(words.rectifications)：\(directory.unit(rectification.unitID))")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text(words.item)), .dd(.text(directory.item(rectification.itemID))),
                .dt(.text(words.rectificationRequirement)), .dd(.text(rectification.requirement)),
                .dt(.text(words.due)),
                .dd(
                    .text(rectification.due.iso),
                    rectification.isOverdue(today: directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                .dt(.text(words.state)), .dd(.text(words.stateName(rectification.state)))
            ),
            .h2(.text(words.history)),
            .ol(
                .class("history"),
                .forEach(events) { event in
                    .li(.text("\(event.at.prefix(10)) \(words.stateName(event.state))" + (event.note.map { "：\($0)" } ?? "")))
                }),
            .if(
                !evidence.isEmpty,
                .ul(.forEach(evidence) { file in .li(.a(.href(SiteURL.supervisionFile(.value(file.id)).path), .text(file.fileName))) })),
            .if(
                canReport && rectification.state.isPending,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(rectification.id), .value("report")).path),
                    .enctype(.multipartData),
                    page.csrfField,
                    .label(.for("text"), .text(words.reportRectification)),
                    .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "4"), .attribute(named: "required", value: "required")),
                    .label(.for("file"), .text(words.evidence)),
                    .input(.type(.file), .id("file"), .name("file")),
                    .button(.type(.submit), .class("primary"), .text(words.reportRectification))
                )),
            .if(
                canReview && rectification.state == .reported,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(rectification.id), .value("review")).path),
                    page.csrfField,
                    .label(.for("note"), .text(words.note)),
                    .textarea(.id("note"), .name("text"), .attribute(named: "rows", value: "2")),
                    .div(
                        .class("actions"),
                        .button(.type(.submit), .name("action"), .value("close"), .class("primary"), .text(words.closeRectification)),
                        .button(.type(.submit), .name("action"), .value("reopen"), .text(words.reopen)))
                ))
        )
        return Layout(title: words.rectifications, page: page, content: content).render()
    }
}
