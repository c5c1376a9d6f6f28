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
                pageForm,
                confirmForm
            )
        }

        /// The plan's fields and every item in one form with one save: items with problems first and open, the rest
        /// folded; each item's fields named after it (`item3.title`).
        private var pageForm: Node {
            let words = ImportWords(language: page.language)
            let ordered = model.items.filter { !Self.problems(of: $0.item).isEmpty } + model.items.filter { Self.problems(of: $0.item).isEmpty }
            return .form(
                .class("plan-fields review-page"), .method(.post), .action(SiteURL.importPlanFields(.value(id)).path),
                page.csrfField,
                planFields,
                .p(.class("legend"), .text(strings.highlightLegend)),
                .p(.class("hint"), .text(words.problemsFirst(ordered.filter { !Self.problems(of: $0.item).isEmpty }.count, ordered.count))),
                .group(ordered.map(itemSection)),
                .div(.class("save-bar"), .button(.type(.submit), .class("primary"), .text(strings.save)))
            )
        }

        /// What needs a look in an item: no lead unit, no indicator, no target, or the reader's warnings.
        static func problems(of item: ItemDraft) -> [ImportProblem] {
            var problems: [ImportProblem] = []
            if item.leadUnits.isEmpty { problems.append(.noLeadUnit) }
            if item.indicators.isEmpty {
                problems.append(.noIndicator)
            } else if !item.indicators.contains(where: { $0.target != nil || $0.provisional || $0.kind == .milestone || $0.kind == .qualitative }) {
                problems.append(.noTarget)
            }
            if !item.warnings.isEmpty { problems.append(.warnings(item.warnings.count)) }
            return problems
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
            let words = ImportWords(language: page.language)
            let all = model.draft.warnings + model.draft.items.flatMap { item in item.warnings.map { words.itemWarning(item.number, $0) } }
            guard !all.isEmpty else { return .empty }
            return .section(.class("warnings"), .h2(.text(strings.warnings)), .ul(.forEach(all) { .li(.text($0)) }))
        }

        private var planFields: Node {
            let draft = model.draft
            return .section(
                .h2(.text(strings.planFields)),
                field("title", strings.title, draft.title),
                field("year", strings.year, draft.year.map(String.init) ?? "", type: .number),
                field("jurisdiction", strings.jurisdiction, draft.jurisdiction ?? ""),
                .label(.for("issuers"), .text(strings.issuers)),
                .textarea(.id("issuers"), .name("issuers"), .attribute(named: "rows", value: "2"), .text(draft.issuers.joined(separator: "\n"))),
                field("issuedOn", strings.issuedOn, draft.issuedOn?.iso ?? "", type: .date),
                field("documentNumber", strings.documentNumber, draft.documentNumber ?? "")
            )
        }

        private func field(_ name: String, _ label: String, _ value: String, type: InputType = .text) -> Node {
            .group(
                .label(.for(name), .text(label)),
                .input(.type(type), .id(name), .name(name), .value(value))
            )
        }

        private func itemSection(_ row: Model.ItemRow) -> Node {
            let words = ImportWords(language: page.language)
            let problems = Self.problems(of: row.item)
            return .element(
                named: "details",
                nodes: [
                    .class(problems.isEmpty ? "review-item" : "review-item has-problems"), .id("item-\(row.item.number)"),
                    problems.isEmpty ? .empty : .attribute(named: "open"),
                    .element(
                        named: "summary",
                        nodes: [
                            .strong(.text("\(row.item.number). \(row.item.title)")), .text(" "),
                            .forEach(problems) { .span(.class("chip chip-returned"), .text(words.problem($0))) },
                            .if(problems.isEmpty, .span(.class("chip chip-accepted"), .text(words.noProblem))),
                        ]),
                    .div(
                        .class("review-columns"),
                        .div(.class("review-source"), .h3(.text(strings.sourceText)), .p(.forEach(row.segments, segment))),
                        itemFields(row)
                    ),
                ])
        }

        private func segment(_ segment: Model.Segment) -> Node {
            switch segment.mark {
            case .none: return .text(segment.text)
            case .target: return .element(named: "mark", nodes: [.class("target"), .text(segment.text)])
            case .ignored: return .element(named: "mark", nodes: [.class("ignored"), .text(segment.text)])
            }
        }

        private func itemFields(_ row: Model.ItemRow) -> Node {
            let item = row.item
            let prefix = "item\(item.number)-"
            let name = "item\(item.number)."
            return .div(
                .class("review-form"),
                .label(.for(prefix + "title"), .text(strings.title)),
                .input(.type(.text), .id(prefix + "title"), .name(name + "title"), .value(item.title)),
                .label(.for(prefix + "lead"), .text("\(strings.leadUnits)\(page.punctuation.open)\(strings.onePerLine)\(page.punctuation.close)")),
                .textarea(
                    .id(prefix + "lead"), .name(name + "leadUnits"), .attribute(named: "rows", value: "2"),
                    .text(item.leadUnits.joined(separator: "\n"))),
                .label(
                    .for(prefix + "responsible"),
                    .text("\(strings.responsibleUnits)\(page.punctuation.open)\(strings.onePerLine)\(page.punctuation.close)")),
                .textarea(
                    .id(prefix + "responsible"), .name(name + "responsibleUnits"), .attribute(named: "rows", value: "3"),
                    .text(item.responsibleUnits.joined(separator: "\n"))),
                .label(.for(prefix + "deadline"), .text(strings.deadline)),
                .input(.type(.date), .id(prefix + "deadline"), .name(name + "deadline"), .value(item.deadline?.iso ?? "")),
                indicatorTable(row, prefix: prefix)
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
            let np = prefix.replacingOccurrences(of: "-", with: ".")
            if let allocation = row.allocation {
                return .tr(
                    .class("allocation depth-\(row.depth)"),
                    .td(
                        .span(.text(strings.allocationTo + " ")),
                        textInput(np + "to.\(key)", id: id + "-to", value: allocation.to, label: strings.allocationTo)),
                    .td(textInput(np + "target.\(key)", id: id + "-target", value: DecimalText.format(allocation.target), label: strings.target)),
                    .td(), .td(), .td(), .td(), .td(),
                    .td(checkbox(np + "delete.\(key)", id: id + "-delete", checked: false, label: strings.delete))
                )
            }
            let indicator = row.indicator!
            return .tr(
                .class(row.depth > 0 ? "child depth-\(row.depth)" : "indicator"),
                .td(textInput(np + "name.\(key)", id: id + "-name", value: indicator.name, label: strings.indicatorName)),
                .td(
                    textInput(
                        np + "target.\(key)", id: id + "-target", value: indicator.target.map(DecimalText.format) ?? "", label: strings.target)),
                .td(textInput(np + "unit.\(key)", id: id + "-unit", value: indicator.unit, label: strings.measure)),
                .td(
                    select(
                        np + "comparator.\(key)", id: id + "-comparator",
                        options: Indicator.Comparator.allCases.map { ($0.rawValue, strings.comparatorName($0)) },
                        selected: indicator.comparator.rawValue, label: strings.comparator)),
                .td(
                    select(
                        np + "kind.\(key)", id: id + "-kind", options: Indicator.Kind.allCases.map { ($0.rawValue, strings.kindName($0)) },
                        selected: indicator.kind.rawValue, label: strings.kind)),
                .td(checkbox(np + "provisional.\(key)", id: id + "-provisional", checked: indicator.provisional, label: strings.provisional)),
                .td(
                    .input(
                        .type(.date), .id(id + "-deadline"), .name(np + "deadline.\(key)"), .value(indicator.deadline?.iso ?? ""),
                        .attribute(named: "aria-label", value: strings.deadline))),
                .td(checkbox(np + "delete.\(key)", id: id + "-delete", checked: false, label: strings.delete))
            )
        }

        private func newRow(prefix: String) -> Node {
            let id = prefix + "new"
            let np = prefix.replacingOccurrences(of: "-", with: ".")
            return .tr(
                .class("new"),
                .td(
                    .input(
                        .type(.text), .id(id + "-name"), .name(np + "name.new"), .placeholder(strings.addIndicator),
                        .attribute(named: "aria-label", value: strings.addIndicator))),
                .td(textInput(np + "target.new", id: id + "-target", value: "", label: strings.target)),
                .td(textInput(np + "unit.new", id: id + "-unit", value: "", label: strings.measure)),
                .td(
                    select(
                        np + "comparator.new", id: id + "-comparator",
                        options: Indicator.Comparator.allCases.map { ($0.rawValue, strings.comparatorName($0)) }, selected: "atLeast",
                        label: strings.comparator)),
                .td(
                    select(
                        np + "kind.new", id: id + "-kind", options: Indicator.Kind.allCases.map { ($0.rawValue, strings.kindName($0)) },
                        selected: "cumulative", label: strings.kind)),
                .td(checkbox(np + "provisional.new", id: id + "-provisional", checked: false, label: strings.provisional)),
                .td(
                    .input(
                        .type(.date), .id(id + "-deadline"), .name(np + "deadline.new"), .attribute(named: "aria-label", value: strings.deadline))),
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
            if existing.diff.isEmpty {
                return .section(.class("confirm diff"), .h2(.text(strings.acceptChangesTitle)), .p(.class("empty"), .text(strings.noChanges)))
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
