import MinshengCore

/// What the report page shows: the item and its targets, the current version's form, its history, attachments,
/// and for a lead unit the parts its responsible units submitted.
struct ReportPage {
    struct Model {
        /// An indicator with its depth in the item's tree.
        struct IndicatorLine {
            var indicator: Indicator
            var depth: Int
        }

        /// A responsible unit's submission, for a lead unit.
        struct Part {
            var unitName: String
            var report: Report
        }

        var plan: Plan
        var item: Item
        var unit: MinshengCore.Unit
        var period: Period
        var role: Assignment.Role
        var dueDate: CalendarDate
        var indicators: [IndicatorLine]
        var versions: [Report]
        var events: [Int64: [ReportEvent]]
        var attachments: [ReportAttachment]
        var parts: [Part]
        /// Starting values from the parts, when the lead unit asked for them.
        var startingValues: [Int64: ReportValue]
        var canWrite: Bool
        var isOffice: Bool
        var error: String?
        /// The values a person entered when their save lost a race, shown beside the current version.
        var conflictingDraft: ReportingService.Draft?

        var current: Report? { versions.last }

        var editable: Bool {
            guard canWrite else { return false }
            guard let current else { return true }
            return current.state == .draft || current.state == .returned
        }

        var reviewable: Bool { isOffice && current?.state == .submitted }

        var correctable: Bool { (canWrite || isOffice) && current?.state == .accepted }

        /// The value shown in the form: what a person entered, a starting value, or the current version's.
        func formValue(_ indicatorID: Int64) -> ReportValue? {
            if let conflictingDraft { return conflictingDraft.values.first { $0.indicatorID == indicatorID } }
            if let start = startingValues[indicatorID] { return start }
            return current?.value(for: indicatorID)
        }

        static func lines(_ indicators: [Indicator]) -> [IndicatorLine] {
            var result: [IndicatorLine] = []
            func add(parent: Int64?, depth: Int) {
                for indicator in indicators.filter({ $0.parentID == parent }).sorted(by: { $0.ordinal < $1.ordinal }) {
                    result.append(IndicatorLine(indicator: indicator, depth: depth))
                    add(parent: indicator.id, depth: depth + 1)
                }
            }
            add(parent: nil, depth: 0)
            return result
        }
    }
}
