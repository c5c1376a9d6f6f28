import Foundation
import MinshengCore
import SQLKit

/// Reads what an assessment needs and stores its settings, schedules, weights and overrides.
struct AssessmentStore: Sendable {
    let plans = PlanStore()

    init() {}

    func settings(planID: Int64, on db: any SQLDatabase) async throws -> AssessmentSettings {
        guard let row = try await db.select().column("*").from("assessment_settings").where("plan_id", .equal, planID).first() else {
            return AssessmentSettings()
        }
        return AssessmentSettings(
            yellowThreshold: try row.optionalDecimal("yellow_threshold") ?? 5, redThreshold: try row.optionalDecimal("red_threshold") ?? 15,
            aheadThreshold: try row.optionalDecimal("ahead_threshold") ?? 5, completionMonth: try row.int("completion_month")
        )
    }

    func setSettings(_ settings: AssessmentSettings, planID: Int64, on db: any SQLDatabase) async throws {
        try await db.delete(from: "assessment_settings").where("plan_id", .equal, planID).run()
        try await db.insert(into: "assessment_settings")
            .columns("plan_id", "yellow_threshold", "red_threshold", "ahead_threshold", "completion_month")
            .values(
                SQLBind(planID), SQLBind(DecimalText.format(settings.yellowThreshold)), SQLBind(DecimalText.format(settings.redThreshold)),
                SQLBind(DecimalText.format(settings.aheadThreshold)), SQLBind(settings.completionMonth)
            )
            .run()
    }

    func schedules(planID: Int64, on db: any SQLDatabase) async throws -> [Int64: Schedule] {
        let rows = try await db.select().column(SQLColumn("indicator_id", table: "indicator_schedules")).column(
            SQLColumn("schedule", table: "indicator_schedules")
        )
        .from("indicator_schedules")
        .join("indicators", on: SQLColumn("indicator_id", table: "indicator_schedules"), .equal, SQLColumn("id", table: "indicators"))
        .join("items", on: SQLColumn("item_id", table: "indicators"), .equal, SQLColumn("id", table: "items"))
        .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID)).all()
        var result: [Int64: Schedule] = [:]
        for row in rows {
            result[try row.int64("indicator_id")] = try JSONDecoder().decode(Schedule.self, from: Data(try row.string("schedule").utf8))
        }
        return result
    }

    /// Sets or (with nil) removes an indicator's schedule.
    func setSchedule(_ schedule: Schedule?, indicatorID: Int64, on db: any SQLDatabase) async throws {
        try await db.delete(from: "indicator_schedules").where("indicator_id", .equal, indicatorID).run()
        guard let schedule else { return }
        let json = String(decoding: try JSONEncoder().encode(schedule), as: UTF8.self)
        try await db.insert(into: "indicator_schedules").columns("indicator_id", "schedule").values(SQLBind(indicatorID), SQLBind(json)).run()
    }

    func weights(planID: Int64, on db: any SQLDatabase) async throws -> [Int64: Decimal] {
        let rows = try await db.select().column(SQLColumn("indicator_id", table: "indicator_weights")).column(
            SQLColumn("weight", table: "indicator_weights")
        )
        .from("indicator_weights")
        .join("indicators", on: SQLColumn("indicator_id", table: "indicator_weights"), .equal, SQLColumn("id", table: "indicators"))
        .join("items", on: SQLColumn("item_id", table: "indicators"), .equal, SQLColumn("id", table: "items"))
        .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID)).all()
        var result: [Int64: Decimal] = [:]
        for row in rows { result[try row.int64("indicator_id")] = try row.optionalDecimal("weight") }
        return result
    }

    func setWeight(_ weight: Decimal, indicatorID: Int64, on db: any SQLDatabase) async throws {
        try await db.delete(from: "indicator_weights").where("indicator_id", .equal, indicatorID).run()
        guard weight != 1 else { return }
        try await db.insert(into: "indicator_weights").columns("indicator_id", "weight").values(
            SQLBind(indicatorID), SQLBind(DecimalText.format(weight))
        ).run()
    }

    func overrides(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [Int64: StatusOverride] {
        let rows = try await db.select().column(SQLColumn("item_id", table: "status_overrides")).column(
            SQLColumn("status", table: "status_overrides")
        )
        .column(SQLColumn("reason", table: "status_overrides"))
        .from("status_overrides")
        .join("items", on: SQLColumn("item_id", table: "status_overrides"), .equal, SQLColumn("id", table: "items"))
        .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID))
        .where(SQLColumn("period", table: "status_overrides"), .equal, SQLBind(period.description)).all()
        var result: [Int64: StatusOverride] = [:]
        for row in rows {
            result[try row.int64("item_id")] = StatusOverride(
                status: try row.enumeration("status", as: ProgressStatus.self), reason: try row.string("reason"))
        }
        return result
    }

    /// Sets or (with nil) removes an item's override for a period.
    func setOverride(
        _ override: StatusOverride?, itemID: Int64, period: Period, by userID: Int64?, now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.delete(from: "status_overrides").where("item_id", .equal, itemID).where("period", .equal, period.description).run()
        guard let override else { return }
        try await db.insert(into: "status_overrides").columns("item_id", "period", "status", "reason", "created_by", "created_at")
            .values(
                SQLBind(itemID), SQLBind(period.description), SQLBind(override.status.rawValue), SQLBind(override.reason), SQLBind(userID),
                SQLBind(Timestamp.string(from: now))
            )
            .run()
    }

    /// The figures that count for each item and the months with a submission, as the core's ``LeadFigures`` chooses
    /// them from every version of the lead units' reports.
    func lead(planID: Int64, on db: any SQLDatabase) async throws -> (accepted: [AcceptedValue], submitted: [Int64: Set<Int>]) {
        let leadOrder = Dictionary(grouping: try await plans.assignments(planID: planID, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        let rows = try await db.select()
            .column(SQLColumn("item_id", table: "reports")).column(SQLColumn("unit_id", table: "reports")).column(
                SQLColumn("period", table: "reports")
            )
            .column(SQLColumn("version", table: "reports")).column(SQLColumn("state", table: "reports")).column(
                SQLColumn("submitted_at", table: "reports")
            )
            .column(SQLColumn("indicator_id", table: "report_values")).column(SQLColumn("value", table: "report_values"))
            .column(SQLColumn("reached_on", table: "report_values"))
            .from("reports")
            .join(
                "report_values", method: SQLJoinMethod.left, on: SQLColumn("report_id", table: "report_values"), .equal,
                SQLColumn("id", table: "reports")
            )
            .where(SQLColumn("plan_id", table: "reports"), .equal, SQLBind(planID))
            .where(SQLColumn("role", table: "reports"), .equal, SQLBind(Assignment.Role.lead.rawValue))
            .all()
        var leadRows: [LeadFigures.Row] = []
        for row in rows {
            guard let period = Period(try row.string("period")), case .month(_, let month) = period else { continue }
            let value = try row.optionalInt64("indicator_id").map { indicator in
                AcceptedValue(
                    indicatorID: indicator, month: month, value: try row.optionalDecimal("value"), reachedOn: try row.optionalDate("reached_on"))
            }
            leadRows.append(
                LeadFigures.Row(
                    itemID: try row.int64("item_id"), unitID: try row.int64("unit_id"), month: month, version: try row.int("version"),
                    state: try row.enumeration("state", as: ReportState.self), wasSubmitted: try row.optionalString("submitted_at") != nil,
                    value: value))
        }
        return LeadFigures.select(leadRows, leadOrder: leadOrder)
    }

    /// Everything the assessment of a plan needs.
    func input(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> AssessmentInput {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let lead = try await lead(planID: planID, on: db)
        return AssessmentInput(
            year: plan.year, settings: try await settings(planID: planID, on: db), items: try await plans.items(planID: planID, on: db),
            indicators: try await plans.indicators(planID: planID, on: db), schedules: try await schedules(planID: planID, on: db),
            weights: try await weights(planID: planID, on: db), accepted: lead.accepted, submittedMonths: lead.submitted,
            overrides: try await overrides(planID: planID, period: period, on: db)
        )
    }
}
