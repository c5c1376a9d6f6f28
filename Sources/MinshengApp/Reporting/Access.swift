import MinshengCore

/// What a user may see and do with reports: the office everything, leaders and inspectors read everything,
/// a reporter reads and reports what its unit owes and, for items its unit leads, reads the parts of the
/// responsible units.
public struct Access: Sendable {
    public let user: User
    /// Items led by the user's unit.
    public let ledItemIDs: Set<Int64>

    public init(user: User, ledItemIDs: Set<Int64>) {
        self.user = user
        self.ledItemIDs = ledItemIDs
    }

    public var readsEverything: Bool { user.role != .reporter }
    public var isOffice: Bool { user.role == .admin }

    public func canView(unitID: Int64, itemID: Int64) -> Bool {
        readsEverything || user.unitID == unitID || ledItemIDs.contains(itemID)
    }

    /// Whether the user may write the report a unit owes (reporters for their own unit; the office on its behalf).
    public func canWrite(forUnit unitID: Int64) -> Bool {
        isOffice || (user.role == .reporter && user.unitID == unitID)
    }

    /// The part the user plays in an action on a unit's report: the office reviews; the owning unit (or the office
    /// on its behalf) writes, submits and corrects.
    public func actor(for action: ReportAction, unitID: Int64) -> ReportActor {
        switch action {
        case .return, .accept: return isOffice ? .office : .other
        case .edit, .submit, .correct: return canWrite(forUnit: unitID) ? .owningUnit : .other
        }
    }
}
