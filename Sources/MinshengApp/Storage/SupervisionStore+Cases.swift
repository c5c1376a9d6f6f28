import Foundation
import MinshengCore
import SQLKit

/// An accountability case (问责): the unit, the item, the grounds with their evidence, and the office's decision.
struct AccountabilityCase: Sendable, Hashable {
    var id: Int64
    var planID: Int64
    var unitID: Int64
    var itemID: Int64?
    var rule: AccountabilityRule
    var grounds: [Evidence]
    var openedOn: CalendarDate
    var decision: AccountabilityDecision?
    var decisionNote: String?
    var decidedOn: CalendarDate?

    var key: AccountabilityProposer.Key { .init(unitID: unitID, itemID: itemID, rule: rule) }
}

/// Accountability cases (问责): opened on their grounds, then decided once.
extension SupervisionStore {
    func openCase(
        planID: Int64, unitID: Int64, itemID: Int64?, rule: AccountabilityRule, grounds: [Evidence], openedOn: CalendarDate,
        by userID: Int64?, at now: String, on db: any SQLDatabase
    ) async throws -> AccountabilityCase {
        let json = String(decoding: try JSONEncoder().encode(grounds), as: UTF8.self)
        let id = try await db.insert(into: "accountability_cases")
            .columns("plan_id", "unit_id", "item_id", "rule", "grounds", "opened_on", "opened_by", "created_at")
            .values(
                SQLBind(planID), SQLBind(unitID), SQLBind(itemID), SQLBind(rule.rawValue), SQLBind(json), SQLBind(openedOn.iso), SQLBind(userID),
                SQLBind(now)
            )
            .insertedID()
        return AccountabilityCase(id: id, planID: planID, unitID: unitID, itemID: itemID, rule: rule, grounds: grounds, openedOn: openedOn)
    }

    /// Records the decision of an open case; false when it was decided already.
    func decide(caseID: Int64, decision: AccountabilityDecision, note: String, on day: CalendarDate, by userID: Int64, on db: any SQLDatabase)
        async throws -> Bool
    {
        guard let existing = try await accountabilityCase(id: caseID, on: db), existing.decision == nil else { return false }
        try await db.update("accountability_cases").set("decision", to: SQLBind(decision.rawValue)).set("decision_note", to: SQLBind(note))
            .set("decided_on", to: SQLBind(day.iso)).set("decided_by", to: SQLBind(userID))
            .where("id", .equal, caseID).where("decision", .is, SQLLiteral.null).run()
        return true
    }

    func cases(planID: Int64, unitID: Int64? = nil, on db: any SQLDatabase) async throws -> [AccountabilityCase] {
        var query = db.select().column("*").from("accountability_cases").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        return try await query.orderBy("opened_on", .descending).orderBy("id", .descending).all().map(Self.accountabilityCase)
    }

    func accountabilityCase(id: Int64, on db: any SQLDatabase) async throws -> AccountabilityCase? {
        try await db.select().column("*").from("accountability_cases").where("id", .equal, id).first().map(Self.accountabilityCase)
    }

    static func accountabilityCase(_ row: any SQLRow) throws -> AccountabilityCase {
        AccountabilityCase(
            id: try row.int64("id"), planID: try row.int64("plan_id"), unitID: try row.int64("unit_id"), itemID: try row.optionalInt64("item_id"),
            rule: try row.enumeration("rule", as: AccountabilityRule.self),
            grounds: try JSONDecoder().decode([Evidence].self, from: Data(try row.string("grounds").utf8)),
            openedOn: try Self.date(row, "opened_on"), decision: try row.optionalString("decision").flatMap(AccountabilityDecision.init(rawValue:)),
            decisionNote: try row.optionalString("decision_note"), decidedOn: try row.optionalDate("decided_on")
        )
    }
}
