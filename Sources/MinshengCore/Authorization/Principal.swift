/// The person a request acts for, as every authorization policy sees them: the account, its role, its unit and the
/// plans and jurisdictions it reaches.
package struct Principal: Sendable, Equatable {
    package var userID: Int64
    package var role: Role
    /// The unit a reporter works for.
    package var unitID: Int64?
    package var reach: PlanReach

    package init(userID: Int64, role: Role, unitID: Int64?, reach: PlanReach) {
        self.userID = userID
        self.role = role
        self.unitID = unitID
        self.reach = reach
    }

    /// The supervision office (督查室) of the principal's jurisdiction or, unscoped, of the whole instance.
    package var isOffice: Bool { role == .admin }
    /// An account that serves the whole instance rather than one jurisdiction.
    package var isInstanceWide: Bool { reach.isEverything }

    /// The operator at the console (`minsheng user …`): an instance-wide office.
    package static let console = Principal(userID: 0, role: .admin, unitID: nil, reach: .everything)
}

/// What a route asks of the person before any record is looked at. Every route of the route table declares one;
/// record rules (``ReportPolicy``, ``AccountPolicy``, ``SupervisionPolicy`` …) decide the rest.
package enum Capability: String, Sendable, CaseIterable {
    /// Anyone, signed in or not: the public portal, sign-in, health.
    case anyone
    /// Any signed-in account: its own inbox and tokens, the plan text, and records whose own rules decide.
    case signedIn
    /// Reading the office's views of plans: the supervision office, leaders and inspectors.
    case monitor
    /// Recording spot checks and what they found: the office and inspectors.
    case inspect
    /// Answering a supervision notice for a unit: its reporters and the office.
    case answerNotices
    /// The supervision office's work: review, settings, documents, publishing, accounts, imports.
    case office
    /// What only an instance-wide office sees: the audit log.
    case instanceOffice
}

/// The route-level rule: whether a principal (nil when signed out) has a capability.
package enum Policy {
    package static func allows(_ capability: Capability, _ principal: Principal?) -> Bool {
        if capability == .anyone { return true }
        guard let principal else { return false }
        switch capability {
        case .anyone, .signedIn: return true
        case .monitor: return principal.role != .reporter
        case .inspect: return principal.role == .admin || principal.role == .inspector
        case .answerNotices: return principal.role == .admin || principal.role == .reporter
        case .office: return principal.isOffice
        case .instanceOffice: return principal.isOffice && principal.isInstanceWide
        }
    }

    /// Whether the principal may read a plan at all.
    package static func canRead(planID: Int64, _ principal: Principal) -> Bool {
        principal.reach.canRead(planID: planID)
    }

    /// Whether the principal may see what concerns one unit (its page, its records): a reporter its own unit only.
    package static func canSee(unit unitID: Int64, _ principal: Principal) -> Bool {
        principal.role != .reporter || principal.unitID == unitID
    }

    /// Whether the principal may open an item of a plan it reads: a reporter only items its unit is assigned.
    package static func canOpen(itemAssignedTo units: [Int64], _ principal: Principal) -> Bool {
        principal.role != .reporter || units.contains { $0 == principal.unitID }
    }

    /// Whether the principal may change a plan: the office of its own jurisdiction for office work; anyone who
    /// reads it for their own records (a unit's report), which the record rules then hold.
    package static func canChange(planID: Int64, _ principal: Principal) -> Bool {
        principal.isOffice ? principal.reach.canManage(planID: planID) : principal.reach.canRead(planID: planID)
    }
}
