import Foundation
import MinshengCore
import SQLKit

/// A report as its reader may see it: the report, the versions of the same item, unit and month they may read, its
/// history and its attachments.
struct ReportDetail: Sendable {
    var report: Report
    var versions: [Report]
    var events: [ReportEvent]
    var attachments: [ReportAttachment]
}

/// The reads of the monthly cycle, each in its own read and filtered by the reader's access.
extension ReportingService {
    /// The reports a unit owes for a month, as the user may read them.
    func tasks(planID: Int64, period: Period, unitID: Int64?, user: User) async throws -> [ReportTask] {
        try await database.read { db in
            try await tasks(planID: planID, period: period, unitID: unitID, for: try await reader(for: user, planID: planID, on: db), on: db)
        }
    }

    /// The reports of a month not submitted by the due day.
    func overdue(planID: Int64, period: Period) async throws -> [ReportTask] {
        try await database.read { try await tasks(planID: planID, period: period, on: $0) }.filter(\.isOverdue)
    }

    /// Every report of the plan in a state that the user may read. Refused when there is no such plan.
    func reports(planID: Int64, state: ReportState, user: User) async throws -> [Report] {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            let reader = try await self.reader(for: user, planID: planID, on: db)
            return try await reports.reports(planID: planID, state: state, on: db).filter { ReportPolicy.canRead($0, by: reader) }
        }
    }

    /// The newest version of every report of a month that the user may read. Refused when there is no such plan.
    func latestReports(planID: Int64, period: Period, user: User) async throws -> [Report] {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            let reader = try await self.reader(for: user, planID: planID, on: db)
            return try await reports.latest(planID: planID, period: period, where: { ReportPolicy.canRead($0, by: reader) }, on: db)
        }
    }

    /// A report with its readable versions, history and attachments; refused as missing when the user may not read it.
    func reportDetail(id: Int64, user: User) async throws -> ReportDetail {
        try await database.read { db in
            guard let report = try await reports.report(id: id, on: db) else { throw Refusals.noReport(id) }
            let reader = try await self.reader(for: user, planID: report.planID, on: db)
            guard ReportPolicy.canRead(report, by: reader) else { throw Refusals.noReport(id) }
            let versions = try await reports.versions(itemID: report.itemID, unitID: report.unitID, period: report.period, on: db)
                .filter { ReportPolicy.canRead($0, by: reader) }
            let events = try await reports.events(reportIDs: [report.id], on: db)[report.id] ?? []
            let attachments = try await reports.attachments(reportIDs: [report.id], on: db)
            return ReportDetail(report: report, versions: versions, events: events, attachments: attachments)
        }
    }

    /// The reminders sent to a unit.
    func reminders(unitID: Int64) async throws -> [Reminder] {
        try await database.read { try await ReminderStore().reminders(unitID: unitID, on: $0) }
    }
}

extension ReportingService {
    /// Accepts several submitted reports in one transaction: all of them or none (a report changed since the list
    /// was shown refuses the whole batch as a conflict).
    func acceptAll(_ selections: [(id: Int64, lock: Int)], by actor: AuditActor, user: User) async throws -> [Report] {
        try await database.write { db in
            var accepted: [Report] = []
            for selection in selections {
                guard let report = try await reports.report(id: selection.id, on: db) else { throw Refusals.noReport(selection.id) }
                let reader = try await reader(for: user, planID: report.planID, on: db)
                guard ReportPolicy.canRead(report, by: reader) else { throw Refusals.noReport(selection.id) }
                accepted.append(try await accept(report, expectedLock: selection.lock, principal: reader.principal, actor: actor, on: db))
            }
            return accepted
        }
    }
}

extension ReportingService {
    /// ``onTimeTally(planID:year:throughMonth:on:)``, kept per plan revision, month and day.
    func onTimeReporting(planID: Int64, year: Int, throughMonth: Int, on db: any SQLDatabase) async throws -> [Int64: (owed: Int, onTime: Int)] {
        let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
        let key = "on time \(year) \(throughMonth) \(configuration.today)"
        return try await database.computed.value(planID: planID, revision: revision, key: key) {
            try await onTimeTally(planID: planID, year: year, throughMonth: throughMonth, on: db)
        }
    }
}

extension ReportingService {
    /// A page of the office's review queue as the filter asks, with the count of all that pass and of the pages.
    /// Refused when there is no such plan or the user is not the plan's office.
    func reviewQueue(planID: Int64, filter: ReviewFilter, user: User) async throws -> (reports: [Report], total: Int, page: Int, pages: Int) {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            let reader = try await self.reader(for: user, planID: planID, on: db)
            guard reader.principal.isOffice, Policy.canChange(planID: planID, reader.principal) else { throw ReportingRefusals.queueIsTheOffices }
            let page = filter.page(of: try await reports.queueEntries(planID: planID, on: db))
            return (try await reports.reports(ids: page.rows.map(\.reportID), on: db), page.total, page.page, page.pages)
        }
    }
}
