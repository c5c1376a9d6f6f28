import Foundation
import MinshengCore
import SQLKit

/// Closing months: the office closes a month when its reporting is done, or opens again the last one it closed;
/// months also close themselves a set number of days after the due day. Pages show the latest closed month.
extension AdminService {
    /// The plan's closing as pages show it: which month is current, which may be closed or opened next.
    struct Closing: Sendable, Equatable {
        var closing: MonthClosing
        var calendar: ReportingCalendar
        var records: [MonthClosingRecord]
        var currentPeriod: Period
        var nextToClose: Int?
        var lastToReopen: Int?
    }

    func closing(planID: Int64, today: CalendarDate, on db: any SQLDatabase) async throws -> Closing {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let closing = try await plans.closing(planID: planID, on: db)
        let calendar = try await plans.calendar(planID: planID, on: db)
        return Closing(
            closing: closing, calendar: calendar, records: try await plans.closingRecords(planID: planID, on: db),
            currentPeriod: closing.currentPeriod(year: plan.year, calendar: calendar, today: today),
            nextToClose: closing.nextToClose(year: plan.year, calendar: calendar, today: today),
            lastToReopen: closing.lastToReopen(year: plan.year, calendar: calendar, today: today))
    }

    /// Closes a month; only the first open month of the year may be closed.
    func closeMonth(planID: Int64, month: Int, today: CalendarDate, by actor: AuditActor) async throws -> Closing {
        try await database.write { db in
            let before = try await closing(planID: planID, today: today, on: db)
            guard before.nextToClose == month else { throw AdminRefusals.closeOutOfOrder(next: before.nextToClose) }
            try await plans.closeMonth(planID: planID, month: month, by: actor.userID, now: clock(), on: db)
            let after = try await closing(planID: planID, today: today, on: db)
            try await audit.record(
                "month.close", entity: "plan", id: planID, before: before.currentPeriod.description, after: after.currentPeriod.description,
                by: actor, on: db)
            return after
        }
    }

    /// Opens again the last month the office closed.
    func reopenMonth(planID: Int64, month: Int, today: CalendarDate, by actor: AuditActor) async throws -> Closing {
        try await database.write { db in
            let before = try await closing(planID: planID, today: today, on: db)
            guard before.lastToReopen == month else { throw AdminRefusals.reopenOutOfOrder }
            try await plans.reopenMonth(planID: planID, month: month, on: db)
            let after = try await closing(planID: planID, today: today, on: db)
            try await audit.record(
                "month.reopen", entity: "plan", id: planID, before: before.currentPeriod.description, after: after.currentPeriod.description,
                by: actor, on: db)
            return after
        }
    }

    /// Sets the days after the due day at which months close themselves (nil: only by hand).
    func setAutoClose(planID: Int64, days: Int?, today: CalendarDate, by actor: AuditActor) async throws -> Closing {
        if let days, !(0...60).contains(days) { throw AdminRefusals.autoCloseDays }
        return try await database.write { db in
            let before = try await closing(planID: planID, today: today, on: db)
            try await plans.setAutoCloseDays(planID: planID, days: days, on: db)
            let after = try await closing(planID: planID, today: today, on: db)
            try await audit.record(
                "plan.autoClose", entity: "plan", id: planID, before: before.closing.autoCloseDays, after: after.closing.autoCloseDays, by: actor,
                on: db)
            return after
        }
    }
}
