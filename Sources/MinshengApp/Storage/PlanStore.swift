import Foundation
import MinshengCore
import SQLKit

/// Reads and writes plans and everything in them: jurisdictions, categories, items, indicators, units, assignments.
///
/// Each function takes the `SQLDatabase` to run on, so that callers choose a read connection or a transaction. The
/// facets live in extensions: `PlanStore+Items` (categories, items, indicators), `PlanStore+Units` (units and
/// assignments) and `PlanStore+Drafts` (storing and replacing imported plans).
struct PlanStore: Sendable {

    // MARK: Jurisdictions

    /// Stores a jurisdiction; the given id is ignored and the stored value returned.
    func insert(_ jurisdiction: Jurisdiction, on db: any SQLDatabase) async throws -> Jurisdiction {
        var stored = jurisdiction
        stored.id = try await db.insert(into: "jurisdictions")
            .columns("name", "level", "parent_id")
            .values(SQLBind(jurisdiction.name), SQLBind(jurisdiction.level.rawValue), SQLBind(jurisdiction.parentID))
            .insertedID()
        return stored
    }

    /// The jurisdiction of that name and level, created under `parentID` if it does not exist.
    func jurisdiction(named name: String, level: Jurisdiction.Level, parentID: Int64? = nil, on db: any SQLDatabase) async throws
        -> Jurisdiction
    {
        let row = try await db.select().column("*").from("jurisdictions")
            .where("name", .equal, name).where("level", .equal, level.rawValue).first()
        if let row { return try Self.jurisdiction(row) }
        return try await insert(Jurisdiction(id: 0, name: name, level: level, parentID: parentID), on: db)
    }

    func jurisdiction(id: Int64, on db: any SQLDatabase) async throws -> Jurisdiction? {
        try await db.select().column("*").from("jurisdictions").where("id", .equal, id).first().map(Self.jurisdiction)
    }

    static func jurisdiction(_ row: any SQLRow) throws -> Jurisdiction {
        Jurisdiction(
            id: try row.int64("id"), name: try row.string("name"),
            level: try row.enumeration("level", as: Jurisdiction.Level.self), parentID: try row.optionalInt64("parent_id")
        )
    }

    // MARK: Plans

    /// Stores a plan's own fields; the given id is ignored and the stored value returned.
    func insert(_ plan: Plan, now: Date, on db: any SQLDatabase) async throws -> Plan {
        var stored = plan
        let issuers = String(decoding: try JSONEncoder().encode(plan.issuers), as: UTF8.self)
        stored.id = try await db.insert(into: "plans")
            .columns("year", "title", "jurisdiction_id", "issuers", "issued_on", "document_number", "notice", "preamble", "state", "created_at")
            .values(
                SQLBind(plan.year), SQLBind(plan.title), SQLBind(plan.jurisdictionID), SQLBind(issuers),
                SQLBind(plan.issuedOn?.iso), SQLBind(plan.documentNumber), SQLBind(plan.notice), SQLBind(plan.preamble),
                SQLBind(plan.state.rawValue), SQLBind(Timestamp.string(from: now))
            )
            .insertedID()
        return stored
    }

    /// Every plan, newest year first.
    func plans(on db: any SQLDatabase) async throws -> [Plan] {
        try await db.select().column("*").from("plans").orderBy("year", .descending).orderBy("id").all().map(Self.plan)
    }

    /// The plans a user may read, newest year first.
    func plans(within reach: PlanReach, on db: any SQLDatabase) async throws -> [Plan] {
        let all = try await plans(on: db)
        return reach.isEverything ? all : all.filter { reach.canRead(planID: $0.id) }
    }

    func plan(id: Int64, on db: any SQLDatabase) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("id", .equal, id).first().map(Self.plan)
    }

    func planCount(on db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("plans").first()
        return try row?.int("n") ?? 0
    }

    /// The plan of a jurisdiction for a year, if there is one.
    func plan(jurisdictionID: Int64, year: Int, on db: any SQLDatabase) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("jurisdiction_id", .equal, jurisdictionID)
            .where("year", .equal, year).orderBy("id").first().map(Self.plan)
    }

    static func plan(_ row: any SQLRow) throws -> Plan {
        let issuersJSON = try row.string("issuers")
        let issuers = try JSONDecoder().decode([String].self, from: Data(issuersJSON.utf8))
        return Plan(
            id: try row.int64("id"), year: try row.int("year"), title: try row.string("title"),
            jurisdictionID: try row.int64("jurisdiction_id"), issuers: issuers, issuedOn: try row.optionalDate("issued_on"),
            documentNumber: try row.optionalString("document_number"), notice: try row.string("notice"),
            preamble: try row.string("preamble"), state: try row.enumeration("state", as: Plan.State.self)
        )
    }

    // MARK: Whole plans

    /// A plan with everything in it, or nil when there is no such plan.
    func detail(planID: Int64, on db: any SQLDatabase) async throws -> PlanDetail? {
        guard let plan = try await plan(id: planID, on: db),
            let jurisdiction = try await jurisdiction(id: plan.jurisdictionID, on: db)
        else { return nil }
        return PlanDetail(
            plan: plan, jurisdiction: jurisdiction,
            categories: try await categories(planID: planID, on: db),
            items: try await items(planID: planID, on: db),
            indicators: try await indicators(planID: planID, on: db),
            units: try await units(jurisdictionID: plan.jurisdictionID, on: db),
            assignments: try await assignments(planID: planID, on: db)
        )
    }
}

/// A plan with everything in it, as pages and the API show it.
struct PlanDetail: Sendable {
    var plan: Plan
    var jurisdiction: Jurisdiction
    var categories: [MinshengCore.Category]
    var items: [Item]
    var indicators: [Indicator]
    /// The units of the plan's jurisdiction.
    var units: [MinshengCore.Unit]
    var assignments: [Assignment]
}

// MARK: Reporting calendar

extension PlanStore {
    /// The plan's reporting calendar.
    func calendar(planID: Int64, on db: any SQLDatabase) async throws -> ReportingCalendar {
        let row = try await db.select().column("report_due_day").from("plans").where("id", .equal, planID).first()
        return ReportingCalendar(dueDay: try row?.int("report_due_day") ?? 25)
    }

    func setDueDay(planID: Int64, dueDay: Int, on db: any SQLDatabase) async throws {
        try await db.update("plans").set("report_due_day", to: SQLBind(dueDay)).where("id", .equal, planID).run()
    }

    /// Items reported on another cadence than monthly.
    func cadences(planID: Int64, on db: any SQLDatabase) async throws -> [Int64: Cadence] {
        let rows = try await db.select().column("id").column("cadence").from("items").where("plan_id", .equal, planID)
            .where("cadence", .notEqual, Cadence.monthly.rawValue).all()
        var result: [Int64: Cadence] = [:]
        for row in rows { result[try row.int64("id")] = try row.enumeration("cadence", as: Cadence.self) }
        return result
    }

    func setCadence(itemID: Int64, cadence: Cadence, on db: any SQLDatabase) async throws {
        try await db.update("items").set("cadence", to: SQLBind(cadence.rawValue)).where("id", .equal, itemID).run()
    }
}
