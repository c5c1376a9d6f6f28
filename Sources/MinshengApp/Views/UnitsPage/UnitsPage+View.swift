import MinshengCore
import MinshengHTML

extension UnitsPage {
    /// Renders the unit directory with the group forms.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let names = Dictionary(uniqueKeysWithValues: model.units.map { ($0.id, $0.name) })
            let groups = model.units.filter { $0.kind == .group }
            let content: Node = .group(
                .h1(.text(words.units)),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.plan) { plan in
                    .p(.a(.href(SiteURL.adminCalendar(.value(plan.id)).path), .text("\(words.calendar)\(page.punctuation.colon)\(plan.title)")))
                },
                .p(.text(words.groupHint)),
                .forEach(groups) { group in
                    .form(
                        .class("group-members"), .method(.post), .action(SiteURL.adminUnitMembers(.value(group.id)).path),
                        page.csrfField,
                        .h2(.text(group.name)),
                        .fieldset(
                            .element(named: "legend", text: words.members),
                            .forEach(model.units.filter { $0.kind != .group }) { unit in
                                .label(
                                    .class("check"),
                                    .input(
                                        .type(.checkbox), .name("member"), .value(String(unit.id)),
                                        .checked(model.members[group.id]?.contains(unit.id) ?? false)),
                                    .text(" " + unit.name)
                                )
                            }
                        ),
                        .button(.type(.submit), .text(page.strings.save))
                    )
                },
                .h2(.text(words.units)),
                .ul(
                    .forEach(model.units) { unit in
                        .li(
                            .text(
                                "\(unit.name)\(page.punctuation.open)\(unit.kind.rawValue)\(page.punctuation.close)"
                                    + ((model.members[unit.id] ?? []).isEmpty
                                        ? ""
                                        : page.punctuation.colon
                                            + (model.members[unit.id] ?? []).compactMap { names[$0] }.joined(
                                                separator: page.punctuation.listSeparator))))
                    })
            )
            return Layout(title: words.units, page: page, content: content).render()
        }
    }
}
