import Foundation
import MinshengCore
import MinshengHTML

extension InspectionPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        var words: SupervisionStrings { page.language.supervisionWords }

        func render() -> String {
            let inspection = model.inspection
            let subject = inspection.itemID == nil ? model.directory.unit(inspection.unitID) : model.directory.item(inspection.itemID)
            let content: Node = .group(
                .p(.a(.href(SiteURL.inspections.path + "?plan=\(model.directory.plan.id)"), .text("← \(words.inspections)"))),
                .h1(
                    .text(
                        """
                        \(model.inspection.inspectedOn.iso) \(words.modeName(model.inspection.mode))\(page.punctuation.colon)\
                        \(subject)
                        """
                    )),
                .if(model.inspection.state == .planned, .p(.class("notice"), .text(words.plannedNote))),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .dl(
                    .class("facts"),
                    .dt(.text(words.place)), .dd(.text(model.inspection.place)),
                    .dt(.text(words.unit)), .dd(.text(model.directory.unit(model.inspection.unitID))),
                    .dt(.text(words.checked)), .dd(.text(model.inspection.checked)),
                    .dt(.text(words.findings)), .dd(.text(model.inspection.findings.isEmpty ? "—" : model.inspection.findings))
                ),
                model.inspection.state == .planned ? resultsForm : .group(values, photoSection, rectificationSection)
            )
            return Layout(title: words.inspections, page: page, content: content).render()
        }

        private var values: Node {
            guard !model.inspection.values.isEmpty else { return .empty }
            let rule = model.directory.settings.discrepancy
            return .table(
                .class("list"),
                .caption(.text("\(words.discrepancyNote)\(page.punctuation.colon)\(DecimalText.format(rule.tolerance * 100))%")),
                .thead(.tr(.th(.text(words.item)), .th(.text(words.reported)), .th(.text(words.verified)), .th(.text(words.state)))),
                .tbody(
                    .forEach(model.inspection.values) { value in
                        let indicator = model.indicators[value.indicatorID]
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
            guard model.canEdit else { return .empty }
            return .form(
                .class("narrow inspection-form"), .method(.post), .action(SiteURL.inspectionResults(.value(model.inspection.id)).path),
                page.csrfField,
                .h2(.text(words.recordResults)),
                .label(.for("inspectedOn"), .text(words.inspectedOn)),
                .input(
                    .type(.date), .id("inspectedOn"), .name("inspectedOn"), .value(model.inspection.inspectedOn.iso),
                    .attribute(named: "required", value: "required")),
                .label(.for("findings"), .text(words.findings)),
                .textarea(.id("findings"), .name("findings"), .attribute(named: "rows", value: "3")),
                ValueFields.node(model.figures, words: words),
                .button(.type(.submit), .class("primary"), .text(words.save))
            )
        }

        private var photoSection: Node {
            .section(
                .h2(.text(words.photos)),
                .div(
                    .class("photos"),
                    .forEach(model.photos) { photo in
                        PublicParts.figure(src: SiteURL.supervisionFile(.value(photo.id)).path, alt: photo.fileName, caption: .text(photo.fileName))
                    }),
                .if(
                    model.canEdit,
                    .form(
                        .method(.post), .action(SiteURL.inspectionPhotos(.value(model.inspection.id)).path), .enctype(.multipartData),
                        page.csrfField,
                        .label(.for("file"), .text(words.photos)),
                        .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: "image/jpeg,image/png")),
                        .button(.type(.submit), .text(words.upload))
                    ))
            )
        }

        private var rectificationSection: Node {
            let units = model.directory.units.sorted { $0.value < $1.value }
            return .section(
                .h2(.text(words.rectifications)),
                RectificationTable.node(model.rectifications, directory: model.directory, words: words),
                .if(
                    model.canEdit,
                    .form(
                        .class("narrow"), .method(.post), .action(SiteURL.inspectionRectifications(.value(model.inspection.id)).path),
                        page.csrfField,
                        .h3(.text(words.requireRectification)),
                        .label(.for("unit"), .text(words.unit)),
                        SelectField.node(
                            id: "unit", name: "unit", label: words.unit, options: units.map { (String($0.key), $0.value) },
                            selected: String(model.inspection.unitID ?? 0)),
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
}
