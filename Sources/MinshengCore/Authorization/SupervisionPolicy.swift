/// Who may see and act on the supervision records addressed to units: notices (督办通知), inspections (抽查暗访),
/// rectifications (整改) and accountability cases (问责).
///
/// A unit's reporters see only what is addressed to their own unit and never the inspectors' records; the office,
/// leaders and inspectors see everything of the plans they reach. Only the office issues, closes and decides;
/// inspectors record spot checks and review rectifications with the office.
package enum SupervisionPolicy {
    /// Whether a record addressed to a unit (a notice, a rectification, a case) may be seen.
    package static func canSee(addressedTo unitID: Int64, by principal: Principal) -> Bool {
        Policy.canSee(unit: unitID, principal)
    }

    /// The unit whose records a list shows to the principal: a reporter's own (no unit matches a reporter without
    /// one), nil for every unit.
    package static func listedUnit(for principal: Principal) -> Int64? {
        principal.role == .reporter ? (principal.unitID ?? -1) : nil
    }

    /// Whether inspections and their findings may be seen.
    package static func canSeeInspections(_ principal: Principal) -> Bool {
        Policy.allows(.monitor, principal)
    }

    /// Whether a notice to a unit may be answered: by that unit or by the office for it.
    package static func canAnswer(noticeTo unitID: Int64, by principal: Principal) -> Bool {
        principal.isOffice || (principal.role == .reporter && principal.unitID == unitID)
    }

    /// Whether inspections may be recorded and rectifications required: the office and inspectors.
    package static func canInspect(_ principal: Principal) -> Bool {
        Policy.allows(.inspect, principal)
    }

    /// Whether a rectification may be reported on: by the unit that owes it or the office.
    package static func canReport(rectificationOf unitID: Int64, by principal: Principal) -> Bool {
        principal.isOffice || (principal.role == .reporter && principal.unitID == unitID)
    }

    /// Whether rectifications may be closed or reopened: the office and inspectors.
    package static func canReviewRectifications(_ principal: Principal) -> Bool {
        Policy.allows(.inspect, principal)
    }

    /// Whether notices may be issued and closed, cases opened and decided, proposals seen: the office.
    package static func canDecide(_ principal: Principal) -> Bool {
        principal.isOffice
    }
}
