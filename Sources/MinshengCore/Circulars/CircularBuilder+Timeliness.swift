extension CircularBuilder.Timeliness {
    /// One unit's report for one month, as it stood: not submitted after its due day, or submitted late.
    package struct Mark: Sendable, Hashable {
        package var unitID: Int64
        package var month: Int
        package var missing: Bool
        package var late: Bool

        package init(unitID: Int64, month: Int, missing: Bool, late: Bool) {
            (self.unitID, self.month, self.late, self.missing) = (unitID, month, late, missing)
        }
    }

    /// Each unit's late and missing months, for the units with any, in the order of their ids; units without a name
    /// (no longer in the plan's jurisdiction) are left out.
    package static func tally(_ marks: [Mark], names: [Int64: String]) -> [Self] {
        let late = Dictionary(grouping: marks.filter(\.late), by: \.unitID).mapValues { Set($0.map(\.month)).sorted() }
        let missing = Dictionary(grouping: marks.filter(\.missing), by: \.unitID).mapValues { Set($0.map(\.month)).sorted() }
        return Set(late.keys).union(missing.keys).sorted().compactMap { unit in
            names[unit].map { Self(unit: $0, lateMonths: late[unit] ?? [], missingMonths: missing[unit] ?? []) }
        }
    }
}
