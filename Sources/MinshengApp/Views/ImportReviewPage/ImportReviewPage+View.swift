import MinshengCore
import MinshengHTML

extension ImportReviewPage {
    /// Renders the review page.
    struct View {
        var model: Model
        var page: PageContext

        var strings: Strings { page.strings }
        var id: Int64 { model.importDraft.id }

        func render() -> String {
            Layout(title: strings.reviewTitle, page: page, content: content).render()
        }

        private var content: Node {
            .group(
                .h1(.text("\(strings.reviewTitle)\(page.punctuation.colon)\(model.importDraft.fileName)")),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .if(
                    model.importDraft.confirmedPlanID != nil, .p(.class("notice"), .text(strings.alreadyConfirmed)),
                    else: .p(.class("notice"), .text(strings.reviewNotStored))),
                existingPlan,
                warnings,
                planForm,
                .p(.class("legend"), .text(strings.highlightLegend)),
                .group(model.items.map(itemSection)),
                confirmForm
            )
        }

        private var existingPlan: Node {
            guard let existing = model.existing, !model.existingHasReports else { return .empty }
            let changes = existing.diff.changes
            let count = { (kind: PlanDiff.Change.Kind) in changes.filter { $0.kind == kind }.count }
            return .section(
                .class("diff"),
                .p(.text(strings.replacesPlan(existing.plan.title, existing.plan.id))),
                .p(.text(existing.diff.isEmpty ? strings.noChanges : strings.diffSummary(count(.added), count(.removed), count(.changed)))),
                .ul(
                    .forEach(changes) { change in
                        .li(
                            .text(
                                "\(strings.diffKind(change.kind)) \(change.number). \(change.title)"
                                    + (change.fields.isEmpty
                                        ? ""
                                        : page.punctuation.aside(page.punctuation.list(change.fields)))
                            ))
                    })
            )
        }

        private var warnings: Node {
            let all = model.draft.warnings + model.draft.items.flatMap { item in item.warnings.map { "第\(item.number)项：\($0)" } }
            guard !all.isEmpty else { return .empty }
            return .section(.class("warnings"), .h2(.text(strings.warnings)), .ul(.forEach(all) { .li(.text($0)) }))
        }

        private var planForm: Node {
            let draft = model.draft
            return .form(
                .class("plan-fields"), .method(.post), .action(SiteURL.importPlanFields(.value(id)).path),
                page.csrfField,
                .h2(.text(strings.planFields)),
                field("title", strings.title, draft.title),
                field("year", strings.year, draft.year.map(String.init) ?? "", type: .number),
                field("jurisdiction", strings.jurisdiction, draft.jurisdiction ?? ""),
                .label(.for("issuers"), .text(strings.issuers)),
                .textarea(.id("issuers"), .name("issuers"), .attribute(named: "rows", value: "2"), .text(draft.issuers.joined(separator: "\n"))),
                field("issuedOn", strings.issuedOn, draft.issuedOn?.iso ?? "", type: .date),
                field("documentNumber", strings.documentNumber, draft.documentNumber ?? ""),
                .button(.type(.submit), .text(strings.save))
            )
        }

        private func field(_ name: String, _ label: String, _ value: String, type: InputType = .text) -> Node {
            .group(
                .label(.for(name), .text(label)),
                .input(.type(type), .id(name), .name(name), .value(value))
            )
        }

        private func itemSection(_ row: Model.ItemRow) -> Node {
            .section(
                .class("review-item"), .id("item-\(row.item.number)"),
                .h2(.text("\(row.item.number). \(row.item.title)")),
                .div(
                    .class("review-columns"),
                    .div(.class("review-source"), .h3(.text(strings.sourceText)), .p(.forEach(row.segments, segment))),
                    itemForm(row)
                )
            )
        }

        private func segment(_ segment: Model.Segment) -> Node {
            switch segment.mark {
            case .none: return .text(segment.text)
            case .target: return .element(named: "mark", nodes: [.class("target"), .text(segment.text)])
            case .ignored: return .element(named: "mark", nodes: [.class("ignored"), .text(segment.text)])
            }
        }

        private func itemForm(_ row: Model.ItemRow) -> Node {
            let item = row.item
            let prefix = "item\(item.number)-"
            return .form(
                .class("review-form"), .method(.post), .action(SiteURL.importItem(.value(id), .value(item.number)).path),
                page.csrfField,
                .label(.for(prefix + "title"), .text(strings.title)),
                .input(.type(.text), .id(prefix + "title"), .name("title"), .value(item.title)),
                .label(.for(prefix + "lead"), .text("\(strings.leadUnits)\(page.punctuation.open)\(strings.onePerLine)\(page.punctuation.close)")),
                .textarea(
                    .id(prefix + "lead"), .name("leadUnits"), .attribute(named: "rows", value: "2"), .text(item.leadUnits.joined(separator: "\n"))),
                .label(
                    .for(prefix + "responsible"),
                    .text("\(strings.responsibleUnits)\(page.punctuation.open)\(strings.onePerLine)\(page.punctuation.close)")),
                .textarea(
                    .id(prefix + "responsible"), .name("responsibleUnits"), .attribute(named: "rows", value: "3"),
                    .text(item.responsibleUnits.joined(separator: "\n"))),
                .label(.for(prefix + "deadline"), .text(strings.deadline)),
                .input(.type(.date), .id(prefix + "deadline"), .name("deadline"), .value(item.deadline?.iso ?? "")),
                indicatorTable(row, prefix: prefix),
                .button(.type(.submit), .text(strings.save))
            )
        }

        private func indicatorTable(_ row: Model.ItemRow, prefix: String) -> Node {
            .table(
                .class("indicators"),
                .thead(
                    .tr(
                        .th(.text(strings.indicatorName)), .th(.text(strings.target)), .th(.text(strings.measure)),
                        .th(.text(strings.comparator)), .th(.text(strings.kind)), .th(.text(strings.provisional)),
                        .th(.text(strings.deadline)), .th(.text(strings.delete))
                    )),
                .tbody(
                    .forEach(row.rows) { indicatorRow($0, prefix: prefix) },
                    newRow(prefix: prefix)
                )
            )
        }

        private func indicatorRow(_ row: Model.IndicatorRow, prefix: String) -> Node {
            let key = row.key
            let id = prefix + key
            if let allocation = row.allocation {
                return .tr(
                    .class("allocation depth-\(row.depth)"),
                    .td(
                        .span(.text(strings.allocationTo + " ")),
                        textInput("to.\(key)", id: id + "-to", value: allocation.to, label: strings.allocationTo)),
                    .td(textInput("target.\(key)", id: id + "-target", value: DecimalText.format(allocation.target), label: strings.target)),
                    .td(), .td(), .td(), .td(), .td(),
                    .td(checkbox("delete.\(key)", id: id + "-delete", checked: false, label: strings.delete))
                )
            }
            let indicator = row.indicator!
            return .tr(
                .class(row.depth > 0 ? "child depth-\(row.depth)" : "indicator"),
                .td(textInput("name.\(key)", id: id + "-name", value: indicator.name, label: strings.indicatorName)),
                .td(textInput("target.\(key)", id: id + "-target", value: indicator.target.map(DecimalText.format) ?? "", label: strings.target)),
                .td(textInput("unit.\(key)", id: id + "-unit", value: indicator.unit, label: strings.measure)),
                .td(
                    select(
                        "comparator.\(key)", id: id + "-comparator",
                        options: Indicator.Comparator.allCases.map { ($0.rawValue, strings.comparatorName($0)) },
                        selected: indicator.comparator.rawValue, label: strings.comparator)),
                .td(
                    select(
                        "kind.\(key)", id: id + "-kind", options: Indicator.Kind.allCases.map { ($0.rawValue, strings.kindName($0)) },
                        selected: indicator.kind.rawValue, label: strings.kind)),
                .td(checkbox("provisional.\(key)", id: id + "-provisional", checked: indicator.provisional, label: strings.provisional)),
                .td(
                    .input(
                        .type(.date), .id(id + "-deadline"), .name("deadline.\(key)"), .value(indicator.deadline?.iso ?? ""),
                        .attribute(named: "aria-label", value: strings.deadline))),
                .td(checkbox("delete.\(key)", id: id + "-delete", checked: false, label: strings.delete))
            )
        }

        private func newRow(prefix: String) -> Node {
            let id = prefix + "new"
            return .tr(
                .class("new"),
                .td(
                    .input(
                        .type(.text), .id(id + "-name"), .name("name.new"), .placeholder(strings.addIndicator),
                        .attribute(named: "aria-label", value: strings.addIndicator))),
                .td(textInput("target.new", id: id + "-target", value: "", label: strings.target)),
                .td(textInput("unit.new", id: id + "-unit", value: "", label: strings.measure)),
                .td(
                    select(
                        "comparator.new", id: id + "-comparator",
                        options: Indicator.Comparator.allCases.map { ($0.rawValue, strings.comparatorName($0)) }, selected: "atLeast",
                        label: strings.comparator)),
                .td(
                    select(
                        "kind.new", id: id + "-kind", options: Indicator.Kind.allCases.map { ($0.rawValue, strings.kindName($0)) },
                        selected: "cumulative", label: strings.kind)),
                .td(checkbox("provisional.new", id: id + "-provisional", checked: false, label: strings.provisional)),
                .td(.input(.type(.date), .id(id + "-deadline"), .name("deadline.new"), .attribute(named: "aria-label", value: strings.deadline))),
                .td()
            )
        }

        private func textInput(_ name: String, id: String, value: String, label: String) -> Node {
            .input(.type(.text), .id(id), .name(name), .value(value), .attribute(named: "aria-label", value: label))
        }

        private func checkbox(_ name: String, id: String, checked: Bool, label: String) -> Node {
            .input(.type(.checkbox), .id(id), .name(name), .value("1"), .checked(checked), .attribute(named: "aria-label", value: label))
        }

        private func select(_ name: String, id: String, options: [(String, String)], selected: String, label: String) -> Node {
            .select(
                .id(id), .attribute(named: "name", value: name), .attribute(named: "aria-label", value: label),
                .forEach(options) { option in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: option.0),
                            option.0 == selected ? .attribute(named: "selected") : .empty,
                            .text(option.1),
                        ])
                }
            )
        }

        private var confirmForm: Node {
            guard model.importDraft.confirmedPlanID == nil else { return .empty }
            guard model.existingHasReports, let existing = model.existing else {
                return .form(
                    .class("confirm"), .method(.post), .action(SiteURL.importConfirm(.value(id)).path),
                    page.csrfField,
                    .p(.text(strings.confirmHint)),
                    .button(.type(.submit), .class("primary"), .text(strings.confirm))
                )
            }
            return .form(
                .class("confirm diff"), .method(.post), .action(SiteURL.importConfirm(.value(id)).path),
                page.csrfField,
                .h2(.text(strings.acceptChangesTitle)),
                .p(.text(strings.acceptChangesHint(existing.plan.title))),
                .if(
                    existing.diff.planFieldsChanged,
                    .label(.class("check"), .input(.type(.checkbox), .name("planFields"), .value("1")), .text(" " + strings.planFields))),
                .ul(
                    .forEach(existing.diff.changes) { change in
                        .li(
                            .label(
                                .class("check"),
                                .input(.type(.checkbox), .name("accept"), .value(String(change.number))),
                                .text(
                                    " \(strings.diffKind(change.kind)) \(change.number). \(change.title)"
                                        + (change.fields.isEmpty
                                            ? ""
                                            : page.punctuation.aside(page.punctuation.list(change.fields)))
                                )
                            ))
                    }),
                .button(.type(.submit), .class("primary"), .text(strings.acceptChanges))
            )
        }
    }
}
