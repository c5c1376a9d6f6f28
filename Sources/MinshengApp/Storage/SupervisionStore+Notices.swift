import Foundation
import MinshengCore
import SQLKit

/// A supervision notice (督办单) to one unit about one item, with the unit's answer.
struct SupervisionNotice: Sendable, Hashable {
    var id: Int64
    var planID: Int64
    /// The notice's number within the plan; the notices to several units about one item share it.
    var sequence: Int
    var itemID: Int64
    var unitID: Int64
    /// The colour it was issued with; its colour today comes from ``standing(today:rules:)``.
    var grade: NoticeGrade
    var reason: String
    var requirement: String
    var issuedOn: CalendarDate
    var measures: String?
    var promisedOn: CalendarDate?
    var answeredOn: CalendarDate?
    var closedOn: CalendarDate?

    func standing(today: CalendarDate, rules: NoticeRules) -> NoticeStanding {
        NoticeStanding.evaluate(grade: grade, issuedOn: issuedOn, answeredOn: answeredOn, today: today, rules: rules)
    }
}

/// Supervision notices (督办单): issued to units under the plan's next number, answered, closed.
extension SupervisionStore {
    /// Issues one notice per unit under the plan's next number.
    func issueNotices(
        planID: Int64, itemID: Int64, unitIDs: [Int64], grade: NoticeGrade, reason: String, requirement: String,
        issuedOn: CalendarDate, by userID: Int64?, at now: String, on db: any SQLDatabase
    ) async throws -> [SupervisionNotice] {
        let last = try await db.select().column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "last").from("supervision_notices")
            .where("plan_id", .equal, planID).first()
        let sequence = (try last?.decode(column: "last", as: Int?.self) ?? 0) + 1
        var notices: [SupervisionNotice] = []
        for unitID in unitIDs {
            let id = try await db.insert(into: "supervision_notices")
                .columns("plan_id", "sequence", "item_id", "unit_id", "grade", "reason", "requirement", "issued_on", "issued_by", "created_at")
                .values(
                    SQLBind(planID), SQLBind(sequence), SQLBind(itemID), SQLBind(unitID), SQLBind(grade.rawValue), SQLBind(reason),
                    SQLBind(requirement),
                    SQLBind(issuedOn.iso), SQLBind(userID), SQLBind(now)
                )
                .insertedID()
            notices.append(
                SupervisionNotice(
                    id: id, planID: planID, sequence: sequence, itemID: itemID, unitID: unitID, grade: grade, reason: reason,
                    requirement: requirement, issuedOn: issuedOn))
        }
        return notices
    }

    func notices(planID: Int64, unitID: Int64? = nil, itemID: Int64? = nil, on db: any SQLDatabase) async throws -> [SupervisionNotice] {
        var query = db.select().column("*").from("supervision_notices").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        if let itemID { query = query.where("item_id", .equal, itemID) }
        return try await query.orderBy("sequence", .descending).orderBy("id").all().map(Self.notice)
    }

    func notice(id: Int64, on db: any SQLDatabase) async throws -> SupervisionNotice? {
        try await db.select().column("*").from("supervision_notices").where("id", .equal, id).first().map(Self.notice)
    }

    /// Records the unit's answer to an unanswered notice; false when it was answered already.
    func answer(
        noticeID: Int64, measures: String, promisedOn: CalendarDate, answeredOn: CalendarDate, by userID: Int64, on db: any SQLDatabase
    ) async throws -> Bool {
        guard try await notice(id: noticeID, on: db)?.answeredOn == nil else { return false }
        try await db.update("supervision_notices").set("measures", to: SQLBind(measures)).set("promised_on", to: SQLBind(promisedOn.iso))
            .set("answered_on", to: SQLBind(answeredOn.iso)).set("answered_by", to: SQLBind(userID))
            .where("id", .equal, noticeID).where("answered_on", .is, SQLLiteral.null).run()
        return true
    }

    func close(noticeID: Int64, on day: CalendarDate, on db: any SQLDatabase) async throws {
        try await db.update("supervision_notices").set("closed_on", to: SQLBind(day.iso)).where("id", .equal, noticeID).run()
    }

    static func notice(_ row: any SQLRow) throws -> SupervisionNotice {
        SupervisionNotice(
            id: try row.int64("id"), planID: try row.int64("plan_id"), sequence: try row.int("sequence"), itemID: try row.int64("item_id"),
            unitID: try row.int64("unit_id"), grade: try row.enumeration("grade", as: NoticeGrade.self), reason: try row.string("reason"),
            requirement: try row.string("requirement"), issuedOn: try Self.date(row, "issued_on"), measures: try row.optionalString("measures"),
            promisedOn: try row.optionalDate("promised_on"), answeredOn: try row.optionalDate("answered_on"),
            closedOn: try row.optionalDate("closed_on")
        )
    }
}
