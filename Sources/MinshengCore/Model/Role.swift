/// What a user may do: the supervision office runs everything, leaders read, reporters report for their unit,
/// inspectors read and check.
package enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// 督查室: the supervision office.
    case admin
    /// City leaders: read everything, change nothing.
    case leader
    /// Staff of a lead or responsible unit, bound to that unit.
    case reporter
    /// Inspectors: read everything; spot checks.
    case inspector

    /// Whether users of this role must belong to a unit.
    package var requiresUnit: Bool { self == .reporter }
}
