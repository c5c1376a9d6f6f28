/// A reader of one plan's reports: the principal and the items its unit leads in that plan.
package struct ReportReader: Sendable, Equatable {
    package var principal: Principal
    /// Items of the plan led by the reader's unit (empty unless the reader is a reporter).
    package var ledItemIDs: Set<Int64>

    package init(principal: Principal, ledItemIDs: Set<Int64>) {
        self.principal = principal
        self.ledItemIDs = ledItemIDs
    }
}

/// Who may see and change a unit's report: one rule for every page, API answer, export and document.
///
/// A report goes further the further it has travelled. A draft belongs to its unit (and the office, which may write
/// on the unit's behalf). Once submitted, leaders and inspectors see it, and so does the lead unit of the item when
/// it is a responsible unit's part. Documents and public disclosure quote accepted reports only.
package enum ReportPolicy {
    /// Whether the reader may see this version of a report.
    package static func canRead(_ report: Report, by reader: ReportReader) -> Bool {
        let principal = reader.principal
        guard principal.reach.canRead(planID: report.planID) else { return false }
        if principal.isOffice { return true }
        switch principal.role {
        case .reporter:
            if principal.unitID == report.unitID { return true }
            return report.role == .responsible && reader.ledItemIDs.contains(report.itemID) && report.state != .draft
        case .leader, .inspector:
            return report.state != .draft
        case .admin:
            return true
        }
    }

    /// Whether the reader may open the page of a unit's report on an item at all (which versions it then shows,
    /// ``canRead(_:by:)`` decides): the unit itself, the office, leaders and inspectors, and the lead unit for a
    /// responsible unit's part.
    package static func canOpen(unitID: Int64, itemID: Int64, role: Assignment.Role, by reader: ReportReader) -> Bool {
        let principal = reader.principal
        switch principal.role {
        case .reporter: return principal.unitID == unitID || (role == .responsible && reader.ledItemIDs.contains(itemID))
        case .admin, .leader, .inspector: return true
        }
    }

    /// Whether a report may be quoted in an official document or a public disclosure.
    package static func isPublishable(_ report: Report) -> Bool {
        report.state == .accepted
    }

    /// The newest version of each unit's report that passes `visible`, from versions in any order.
    package static func newestVisible(_ versions: [Report], where visible: (Report) -> Bool) -> [Report] {
        var newest: [String: Report] = [:]
        for report in versions where visible(report) {
            let key = "\(report.period)-\(report.itemID)-\(report.unitID)"
            if let kept = newest[key], kept.version > report.version { continue }
            newest[key] = report
        }
        return Array(newest.values)
    }

    /// The unit whose tasks a list shows: a reporter's own unit (no unit matches a reporter without one), otherwise
    /// the unit asked for, nil for every unit.
    package static func taskUnit(asked: Int64?, by principal: Principal) -> Int64? {
        principal.role == .reporter ? (principal.unitID ?? -1) : asked
    }

    /// Whether the principal may list the tasks of a unit (nil: every unit): reporters their own unit's only.
    package static func canListTasks(ofUnit unitID: Int64?, by principal: Principal) -> Bool {
        principal.role != .reporter || (unitID != nil && unitID == principal.unitID)
    }

    /// Whether the principal may write the report a unit owes: its own reporters, and the office on its behalf.
    package static func canWrite(forUnit unitID: Int64, by principal: Principal) -> Bool {
        principal.isOffice || (principal.role == .reporter && principal.unitID == unitID)
    }

    /// The part the principal plays in an action on a unit's report: the office reviews; the owning unit (or the
    /// office on its behalf) writes, submits and corrects.
    package static func actor(for action: ReportAction, unitID: Int64, by principal: Principal) -> ReportActor {
        switch action {
        case .return, .accept: return principal.isOffice ? .office : .other
        case .edit, .submit, .correct: return canWrite(forUnit: unitID, by: principal) ? .owningUnit : .other
        }
    }
}
