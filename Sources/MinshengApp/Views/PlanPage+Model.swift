import MinshengCore

/// What the plan page shows: a plan's items by category, with their lead and responsible units.
struct PlanPage {
    struct Model {
        /// One item with its units resolved to names.
        struct Row {
            var item: Item
            var leadUnits: [String]
            var responsibleUnits: [String]
        }

        /// A category and its rows.
        struct Section {
            var category: MinshengCore.Category
            var rows: [Row]
        }

        var plan: Plan
        var jurisdiction: Jurisdiction
        var sections: [Section]
        /// Every plan of the instance, for switching between them.
        var allPlans: [Plan]

        var itemCount: Int { sections.reduce(0) { $0 + $1.rows.count } }

        init(detail: PlanDetail, allPlans: [Plan]) {
            let unitNames = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
            let assignmentsByItem = Dictionary(grouping: detail.assignments, by: \.itemID)
            let itemsByCategory = Dictionary(grouping: detail.items, by: \.categoryID)
            func names(_ itemID: Int64, _ role: Assignment.Role) -> [String] {
                (assignmentsByItem[itemID] ?? []).filter { $0.role == role }.sorted { $0.ordinal < $1.ordinal }
                    .compactMap { unitNames[$0.unitID] }
            }
            plan = detail.plan
            jurisdiction = detail.jurisdiction
            sections = detail.categories.map { category in
                Section(
                    category: category,
                    rows: (itemsByCategory[category.id] ?? []).map { item in
                        Row(item: item, leadUnits: names(item.id, .lead), responsibleUnits: names(item.id, .responsible))
                    })
            }
            self.allPlans = allPlans
        }
    }
}
