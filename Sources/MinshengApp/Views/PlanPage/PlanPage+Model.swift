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

extension PlanPage.Model {
    /// The newest plan within reach, or nil when the instance holds none (the home page is then empty).
    static func loadNewest(reach: PlanReach, database: AppDatabase) async throws -> PlanPage.Model? {
        try await database.read { db -> PlanPage.Model? in
            let store = PlanStore()
            let plans = try await store.plans(within: reach, on: db)
            guard let newest = plans.first, let detail = try await store.detail(planID: newest.id, on: db) else { return nil }
            return PlanPage.Model(detail: detail, allPlans: plans)
        }
    }

    /// The plan with the id, with the plans within reach to switch between; not found when there is no such plan.
    static func load(planID: Int64, reach: PlanReach, language: Language, database: AppDatabase) async throws -> PlanPage.Model {
        let model = try await database.read { db -> PlanPage.Model? in
            let store = PlanStore()
            guard let detail = try await store.detail(planID: planID, on: db) else { return nil }
            return PlanPage.Model(detail: detail, allPlans: try await store.plans(within: reach, on: db))
        }
        guard let model else { throw AppError.notFound(RequestWords(language: language).noPlan(planID)) }
        return model
    }
}
