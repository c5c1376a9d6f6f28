/// What changes between a stored plan and a re-imported version of it, item by item (matched by number).
package struct PlanDiff: Sendable, Equatable {
    /// One item's change.
    package struct Change: Sendable, Equatable {
        package enum Kind: String, Sendable {
            case added, removed, changed
        }

        package var number: Int
        package var kind: Kind
        /// The fields that differ, for a changed item: title, text, category, leadUnits, responsibleUnits, indicators, deadline.
        package var fields: [String]
        package var title: String
    }

    package var changes: [Change]
    /// Whether the plan's own fields (title, year, issuers, issue date, number, notice) differ.
    package var planFieldsChanged: Bool

    package var isEmpty: Bool { changes.isEmpty && !planFieldsChanged }

    package init(old: PlanDraft, new: PlanDraft) {
        func indexed(_ draft: PlanDraft) -> [Int: (item: ItemDraft, category: String?)] {
            var result: [Int: (ItemDraft, String?)] = [:]
            for category in draft.categories {
                for item in category.items { result[item.number] = (item, category.name) }
            }
            return result
        }
        let before = indexed(old)
        let after = indexed(new)
        var changes: [Change] = []
        for number in Set(before.keys).union(after.keys).sorted() {
            switch (before[number], after[number]) {
            case (nil, let added?):
                changes.append(Change(number: number, kind: .added, fields: [], title: added.item.title))
            case (let removed?, nil):
                changes.append(Change(number: number, kind: .removed, fields: [], title: removed.item.title))
            case (let was?, let now?):
                var fields: [String] = []
                if was.item.title != now.item.title { fields.append("title") }
                if was.item.text != now.item.text { fields.append("text") }
                if was.category != now.category { fields.append("category") }
                if was.item.leadUnits != now.item.leadUnits { fields.append("leadUnits") }
                if was.item.responsibleUnits != now.item.responsibleUnits { fields.append("responsibleUnits") }
                if was.item.deadline != now.item.deadline { fields.append("deadline") }
                if Self.essence(was.item.indicators) != Self.essence(now.item.indicators) { fields.append("indicators") }
                if !fields.isEmpty { changes.append(Change(number: number, kind: .changed, fields: fields, title: now.item.title)) }
            default:
                break
            }
        }
        self.changes = changes
        planFieldsChanged =
            old.title != new.title || old.year != new.year || old.issuers != new.issuers
            || old.issuedOn != new.issuedOn || old.documentNumber != new.documentNumber || old.notice != new.notice
    }

    /// Indicators compared by what they measure, ignoring the words they were read from.
    private static func essence(_ indicators: [IndicatorDraft]) -> [IndicatorDraft] {
        indicators.map { indicator in
            var copy = indicator
            copy.source = ""
            copy.children = essence(indicator.children)
            return copy
        }
    }
}
