import MinshengCore

extension PlanDetail {
    /// The stored plan in the importer's shape, to compare with a re-imported document.
    func asDraft() -> PlanDraft {
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let itemsByCategory = Dictionary(grouping: items, by: \.categoryID)
        let assignmentsByItem = Dictionary(grouping: assignments, by: \.itemID)
        let indicatorsByItem = Dictionary(grouping: indicators, by: \.itemID)
        func tree(_ all: [Indicator], parent: Int64?) -> [IndicatorDraft] {
            all.filter { $0.parentID == parent && $0.allocatedTo == nil }.sorted { $0.ordinal < $1.ordinal }.map { indicator in
                IndicatorDraft(
                    name: indicator.name, target: indicator.target, unit: indicator.measure, comparator: indicator.comparator,
                    kind: indicator.kind, provisional: indicator.provisional, deadline: indicator.deadline, source: indicator.source,
                    children: tree(all, parent: indicator.id),
                    allocations: all.filter { $0.parentID == indicator.id && $0.allocatedTo != nil }.sorted { $0.ordinal < $1.ordinal }
                        .map { AllocationDraft(to: $0.allocatedTo ?? "", target: $0.target ?? 0) }
                )
            }
        }
        let categories = self.categories.map { category in
            CategoryDraft(
                number: category.ordinal, name: category.name.isEmpty ? nil : category.name,
                items: (itemsByCategory[category.id] ?? []).map { item in
                    let assigned = (assignmentsByItem[item.id] ?? []).sorted { $0.ordinal < $1.ordinal }
                    return ItemDraft(
                        number: item.number, title: item.title, text: item.text,
                        leadUnits: assigned.filter { $0.role == .lead }.compactMap { unitNames[$0.unitID] },
                        responsibleUnits: assigned.filter { $0.role == .responsible }.compactMap { unitNames[$0.unitID] },
                        deadline: item.deadline, indicators: tree(indicatorsByItem[item.id] ?? [], parent: nil)
                    )
                }
            )
        }
        return PlanDraft(
            title: plan.title, year: plan.year, jurisdiction: jurisdiction.name, issuers: plan.issuers, issuedOn: plan.issuedOn,
            documentNumber: plan.documentNumber, notice: plan.notice, preamble: plan.preamble, categories: categories
        )
    }
}
