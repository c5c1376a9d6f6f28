import MinshengCore
import MinshengHTML

extension PlanPage {
    /// Renders the plan page.
    struct View {
        var model: Model
        var page: PageContext

        var strings: Strings { page.strings }
        var language: Language { page.language }

        func render() -> String {
            Layout(title: model.plan.title, page: page, content: content).render()
        }

        private var content: Node {
            .group(
                header,
                .group(model.sections.map(section)),
                otherPlans
            )
        }

        private var header: Node {
            let plan = model.plan
            let count = strings.itemsInCategories(model.itemCount, model.sections.count)
            return .div(
                .class("plan-header"),
                .h1(.text(plan.title)),
                .p(.class("plan-meta"), .text("\(model.jurisdiction.name) · \(plan.year) · \(strings.planState(plan.state.rawValue)) · \(count)")),
                .unwrap(plan.issuers.isEmpty ? nil : plan.issuers) { issuers in
                    .p(
                        .class("plan-meta"),
                        .text("\(strings.issuedBy)\(page.punctuation.colon)\(issuers.joined(separator: page.punctuation.listSeparator))"))
                },
                .unwrap(plan.issuedOn) { date in .p(.class("plan-meta"), .text("\(strings.issuedOn)\(page.punctuation.colon)\(date.iso)")) }
            )
        }

        private func section(_ section: Model.Section) -> Node {
            .section(
                .class("category"),
                .attribute(named: "aria-labelledby", value: "category-\(section.category.ordinal)"),
                .h2(.id("category-\(section.category.ordinal)"), .text(categoryHeading(section.category))),
                .ol(.class("items"), .forEach(section.rows, row))
            )
        }

        private func categoryHeading(_ category: MinshengCore.Category) -> String {
            guard !category.name.isEmpty else { return strings.items }
            return strings.categoryHeading(category.ordinal, category.name)
        }

        private func row(_ row: Model.Row) -> Node {
            .li(
                .class("item"),
                .id("item-\(row.item.number)"),
                .attribute(named: "value", value: String(row.item.number)),
                .p(.class("item-text"), .span(.class("item-number"), .text("\(row.item.number). ")), .text(row.item.text)),
                units(strings.leadUnits, row.leadUnits, "lead"),
                units(strings.responsibleUnits, row.responsibleUnits, "responsible")
            )
        }

        private func units(_ label: String, _ names: [String], _ role: String) -> Node {
            .p(
                .class("units units-\(role)"),
                .span(.class("units-label"), .text("\(label)\(page.punctuation.colon)")),
                .text(names.isEmpty ? strings.noUnits : names.joined(separator: page.punctuation.listSeparator))
            )
        }

        private var otherPlans: Node {
            .if(
                model.allPlans.count > 1,
                .nav(
                    .class("plan-list"),
                    .h2(.text(strings.plans)),
                    .ul(
                        .forEach(model.allPlans) { plan in
                            .li(.a(.href(SiteURL.plan(.value(plan.id)).path), .text("\(plan.year) · \(plan.title)")))
                        })
                ))
        }
    }
}
