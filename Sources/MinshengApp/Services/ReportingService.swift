import Foundation
import Logging
import MinshengCore
import SQLKit

/// A report a unit owes for a month, with where it stands.
struct ReportTask: Sendable {
    var obligation: Obligation
    var item: Item
    /// The newest version, if the unit has started one.
    var report: Report?
    var dueDate: CalendarDate
    /// Due day passed and never submitted.
    var isOverdue: Bool
    /// Submitted (now or in an earlier version) after the due day, the day read in the plan's time zone.
    var wasLate: Bool
}

/// A save that lost a race: someone changed the report since the form was opened. Carries the current version.
struct ReportConflict: Error, Sendable {
    var current: Report
}

/// Everything about the monthly cycle that pages and the API share: who owes what, and the changes to reports,
/// each checked against the user's access and the workflow, made in one transaction with its audit entry.
struct ReportingService: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let plans = PlanStore()
    let reports = ReportStore()
    let units = UnitStore()
    /// Carries returned reports' messages to another system besides the unit's inbox, when one is configured.
    let notifier: (any ReminderNotifier)?
    var audit: AuditLog { AuditLog(clock: configuration.clock) }

    init(database: AppDatabase, configuration: AppConfiguration, notifier: (any ReminderNotifier)? = nil) {
        self.database = database
        self.configuration = configuration
        self.notifier = notifier
    }

    // MARK: Readers

    /// A user as a reader of one plan's reports: their reach, read here rather than trusted from the caller, and
    /// the items their unit leads.
    func reader(for user: User, planID: Int64, on db: any SQLDatabase) async throws -> ReportReader {
        let principal = user.principal(reach: try await PlanReach.of(user, on: db))
        guard user.role == .reporter, let unitID = user.unitID else { return ReportReader(principal: principal, ledItemIDs: []) }
        let led = try await plans.assignments(planID: planID, on: db).filter { $0.role == .lead && $0.unitID == unitID }.map(\.itemID)
        return ReportReader(principal: principal, ledItemIDs: Set(led))
    }

    // MARK: Obligations and tasks

    /// Every report owed for a month, with its current state.
    func tasks(planID: Int64, period: Period, unitID: Int64? = nil, on db: any SQLDatabase) async throws -> [ReportTask] {
        try await tasks(in: try await TaskSetting.load(planID: planID, on: db), period: period, unitID: unitID, on: db)
    }

    /// What deciding who owes what needs from a plan, whatever the month.
    struct TaskSetting {
        var planID: Int64
        var assignments: [Assignment]
        var members: [Int64: [Int64]]
        var cadences: [Int64: Cadence]
        var calendar: ReportingCalendar
        var items: [Int64: Item]

        static func load(planID: Int64, on db: any SQLDatabase) async throws -> TaskSetting {
            let plans = PlanStore()
            guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            return TaskSetting(
                planID: planID, assignments: try await plans.assignments(planID: planID, on: db),
                members: try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db),
                cadences: try await plans.cadences(planID: planID, on: db), calendar: try await plans.calendar(planID: planID, on: db),
                items: Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0) })
            )
        }
    }

    func tasks(in setting: TaskSetting, period: Period, unitID: Int64? = nil, on db: any SQLDatabase) async throws -> [ReportTask] {
        var owed = Obligations.owed(in: period, assignments: setting.assignments, members: setting.members, cadences: setting.cadences)
        if let unitID { owed = owed.filter { $0.unitID == unitID } }
        let items = setting.items
        let current = try await reports.latest(planID: setting.planID, period: period, unitID: unitID, on: db)
        let byKey = Dictionary(uniqueKeysWithValues: current.map { ("\($0.itemID)-\($0.unitID)", $0) })
        let today = configuration.today
        let due = setting.calendar.dueDate(for: period)
        return owed.compactMap { obligation in
            guard let item = items[obligation.itemID] else { return nil }
            let report = byKey["\(obligation.itemID)-\(obligation.unitID)"]
            let everSubmitted = report.map { $0.version > 1 || $0.submittedAt != nil } ?? false
            let late = report?.submittedAt.map { Timeliness.isLate(submittedAt: $0, due: due, in: configuration.timeZone) } ?? false
            return ReportTask(
                obligation: obligation, item: item, report: report, dueDate: due, isOverdue: !everSubmitted && today > due, wasLate: late)
        }
    }

    /// Every report owed for a month as a reader sees it: where the newest version is not the reader's to see (a
    /// unit's draft), the task carries the newest version that is, or none.
    func tasks(planID: Int64, period: Period, unitID: Int64?, for reader: ReportReader, on db: any SQLDatabase) async throws -> [ReportTask] {
        var all = try await tasks(planID: planID, period: period, unitID: unitID, on: db)
        guard all.contains(where: { $0.report.map { !ReportPolicy.canRead($0, by: reader) } ?? false }) else { return all }
        let visible = try await reports.latest(
            planID: planID, period: period, unitID: unitID, where: { ReportPolicy.canRead($0, by: reader) }, on: db)
        let byKey = Dictionary(uniqueKeysWithValues: visible.map { ("\($0.itemID)-\($0.unitID)", $0) })
        for index in all.indices {
            guard let report = all[index].report, !ReportPolicy.canRead(report, by: reader) else { continue }
            all[index].report = byKey["\(report.itemID)-\(report.unitID)"]
        }
        return all
    }

    /// The obligation of a unit for an item and month, if it owes one.
    func obligation(planID: Int64, itemID: Int64, unitID: Int64, period: Period, on db: any SQLDatabase) async throws -> Obligation? {
        try await tasks(planID: planID, period: period, unitID: unitID, on: db).first { $0.obligation.itemID == itemID }?.obligation
    }

    // MARK: Changes

    /// The values and narrative a unit saves.
    struct Draft: Sendable {
        var values: [ReportValue]
        var progress: String
        var problems: String
        var nextSteps: String

    }

    /// Saves (creating the report on first save) with the files attached to the form and, with `submit`, submits it;
    /// `expectedLock` is the version the form was opened at (nil for a new report). The files are stored first and
    /// removed again if the write fails.
    func save(
        planID: Int64, itemID: Int64, unitID: Int64, period: Period, draft: Draft, expectedLock: Int?, submit: Bool,
        attachments: [AttachmentStorage.Accepted] = [], by actor: AuditActor, user: User, idempotencyKey: String? = nil
    ) async throws -> Report {
        let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
        var files: [(accepted: AttachmentStorage.Accepted, key: String)] = []
        do {
            for accepted in attachments { files.append((accepted, try storage.store(accepted))) }
            let stored = files
            return try await database.write { db in
                if let repeated = try await repeatedAnswer(idempotencyKey, user: user, on: db) { return repeated }
                let report = try await save(
                    planID: planID, itemID: itemID, unitID: unitID, period: period, draft: draft, expectedLock: expectedLock,
                    submit: submit, files: stored, actor: actor, user: user, on: db
                )
                try await remember(idempotencyKey, report: report, user: user, on: db)
                return report
            }
        } catch {
            for file in files { storage.remove(key: file.key) }
            throw error
        }
    }

    /// Saves several drafts of one unit in one transaction: all of them or none.
    func saveDrafts(
        planID: Int64, unitID: Int64, period: Period, drafts: [(itemID: Int64, draft: Draft)], by actor: AuditActor, user: User
    ) async throws -> [Report] {
        try await database.write { db in
            var saved: [Report] = []
            for entry in drafts {
                let lock = try await reports.versions(itemID: entry.itemID, unitID: unitID, period: period, on: db).last?.lockVersion
                saved.append(
                    try await save(
                        planID: planID, itemID: entry.itemID, unitID: unitID, period: period, draft: entry.draft, expectedLock: lock,
                        submit: false, files: [], actor: actor, user: user, on: db
                    ))
            }
            return saved
        }
    }

    private func save(
        planID: Int64, itemID: Int64, unitID: Int64, period: Period, draft: Draft, expectedLock: Int?, submit: Bool,
        files: [(accepted: AttachmentStorage.Accepted, key: String)], actor: AuditActor, user: User, on db: any SQLDatabase
    ) async throws -> Report {
        let reader = try await reader(for: user, planID: planID, on: db)
        guard ReportPolicy.canWrite(forUnit: unitID, by: reader.principal) else {
            throw ReportingRefusals.mayNotWrite
        }
        guard let obligation = try await obligation(planID: planID, itemID: itemID, unitID: unitID, period: period, on: db) else {
            throw ReportingRefusals.owesNoReport(period)
        }
        try await validate(draft.values, itemID: itemID, on: db)
        let existing = try await reports.versions(itemID: itemID, unitID: unitID, period: period, on: db).last
        var report: Report
        if let existing {
            guard let expectedLock else { throw ReportConflict(current: existing) }
            if case .failure(let refusal) = ReportWorkflow.apply(.edit, to: existing.state, by: .owningUnit) {
                if existing.lockVersion != expectedLock { throw ReportConflict(current: existing) }
                throw AppError(.conflict, refusal)
            }
            guard
                let saved = try await reports.save(
                    existing.id, expectedLock: expectedLock, values: draft.values, progress: draft.progress,
                    problems: draft.problems, nextSteps: draft.nextSteps, now: configuration.timestamp, on: db
                )
            else { throw ReportConflict(current: existing) }
            try await audit.record("report.save", entity: "report", id: saved.id, before: existing, after: saved, by: actor, on: db)
            report = saved
        } else {
            let created = try await reports.create(obligation, planID: planID, by: user.id, now: configuration.timestamp, on: db)
            guard
                let saved = try await reports.save(
                    created.id, expectedLock: created.lockVersion, values: draft.values, progress: draft.progress,
                    problems: draft.problems, nextSteps: draft.nextSteps, now: configuration.timestamp, on: db
                )
            else { throw ReportingRefusals.notSaved }
            try await audit.record("report.create", entity: "report", id: saved.id, after: saved, by: actor, on: db)
            report = saved
        }
        for file in files {
            let stored = try await reports.addAttachment(
                ReportAttachment(
                    id: 0, reportID: report.id, fileName: file.accepted.fileName, contentType: file.accepted.contentType,
                    size: Int64(file.accepted.data.count), sha256: file.accepted.sha256, storageKey: file.key, createdAt: configuration.timestamp),
                by: user.id, on: db)
            try await audit.record("attachment.add", entity: "report", id: report.id, after: stored, by: actor, on: db)
        }
        if submit {
            report = try await transition(
                report, action: .submit, reason: nil, expectedLock: report.lockVersion, principal: reader.principal, actor: actor, on: db)
        }
        return report
    }

    /// Submits, returns or accepts a report.
    func act(
        _ action: ReportAction, reportID: Int64, expectedLock: Int, reason: String?, by actor: AuditActor, user: User,
        idempotencyKey: String? = nil
    ) async throws -> Report {
        let (changed, message) = try await database.write { db -> (Report, ReminderPayload?) in
            if let repeated = try await repeatedAnswer(idempotencyKey, user: user, on: db) { return (repeated, nil) }
            guard let report = try await reports.report(id: reportID, on: db) else { throw Refusals.noReport(reportID) }
            let reader = try await reader(for: user, planID: report.planID, on: db)
            guard ReportPolicy.canRead(report, by: reader) else { throw Refusals.noReport(reportID) }
            guard action != .correct, action != .edit else { throw ReportingRefusals.useCorrectionOrSave }
            let changed = try await transition(
                report, action: action, reason: reason, expectedLock: expectedLock, principal: reader.principal, actor: actor, on: db
            )
            let message = action == .return ? try await tellUnit(changed, by: actor, user: user, on: db) : nil
            try await remember(idempotencyKey, report: changed, user: user, on: db)
            return (changed, message)
        }
        if let message, let notifier {
            let status = await notifier.deliver(message)
            try await database.write { try await ReminderStore().setWebhookStatus(id: message.reminderId, status: status, on: $0) }
        }
        return changed
    }

    /// Accepts one report inside a caller's transaction.
    func accept(_ report: Report, expectedLock: Int, principal: Principal, actor: AuditActor, on db: any SQLDatabase) async throws -> Report {
        try await transition(report, action: .accept, reason: nil, expectedLock: expectedLock, principal: principal, actor: actor, on: db)
    }

    /// Puts a returned report in its unit's inbox with the reason; the message for the webhook.
    private func tellUnit(_ report: Report, by actor: AuditActor, user: User, on db: any SQLDatabase) async throws -> ReminderPayload {
        let reason = report.returnReason ?? ""
        let message = try await ReminderStore().insertReturn(report: report, reason: reason, by: user.id, now: configuration.clock(), on: db)
        try await audit.record("message.returned", entity: "unit", id: report.unitID, after: message, by: actor, on: db)
        let number = try await plans.item(id: report.itemID, on: db)?.number
        return ReminderPayload(
            event: "report.returned", reminderId: message.id, planId: report.planID, period: report.period.description, unitId: report.unitID,
            unitName: try await plans.unit(id: report.unitID, on: db)?.name ?? "", message: reason, overdueItems: number.map { [$0] } ?? [],
            sentAt: message.createdAt)
    }

    /// Starts a new version of an accepted report, with a reason.
    func correct(reportID: Int64, reason: String, by actor: AuditActor, user: User, idempotencyKey: String? = nil) async throws -> Report {
        try await database.write { db in
            if let repeated = try await repeatedAnswer(idempotencyKey, user: user, on: db) { return repeated }
            guard let report = try await reports.report(id: reportID, on: db) else { throw Refusals.noReport(reportID) }
            let reader = try await reader(for: user, planID: report.planID, on: db)
            guard ReportPolicy.canRead(report, by: reader) else { throw Refusals.noReport(reportID) }
            let part = ReportPolicy.actor(for: .correct, unitID: report.unitID, by: reader.principal)
            switch ReportWorkflow.apply(.correct, to: report.state, by: part, reason: reason) {
            case .failure(let refusal): throw Self.error(for: refusal)
            case .success: break
            }
            let corrected = try await reports.correct(report, reason: reason, actorID: user.id, now: configuration.timestamp, on: db)
            try await audit.record("report.correct", entity: "report", id: corrected.id, before: report, after: corrected, by: actor, on: db)
            try await remember(idempotencyKey, report: corrected, user: user, on: db)
            return corrected
        }
    }

    private func transition(
        _ report: Report, action: ReportAction, reason: String?, expectedLock: Int, principal: Principal, actor: AuditActor,
        on db: any SQLDatabase
    ) async throws -> Report {
        let state: ReportState
        if action == .submit, report.isBlank { throw ReportingRefusals.blankSubmission }
        let part = ReportPolicy.actor(for: action, unitID: report.unitID, by: principal)
        switch ReportWorkflow.apply(action, to: report.state, by: part, reason: reason) {
        case .failure(let refusal):
            if report.lockVersion != expectedLock, case .notAllowedInState = refusal { throw ReportConflict(current: report) }
            throw Self.error(for: refusal)
        case .success(let next): state = next
        }
        let trimmedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard
            let changed = try await reports.transition(
                report.id, action: action, to: state, expectedLock: expectedLock, reason: trimmedReason?.isEmpty == true ? nil : trimmedReason,
                actorID: principal.userID, now: configuration.timestamp, on: db
            )
        else { throw ReportConflict(current: report) }
        try await audit.record("report.\(action.rawValue)", entity: "report", id: report.id, before: report, after: changed, by: actor, on: db)
        return changed
    }

    /// The report a request with this key produced before, when it is a retry.
    private func repeatedAnswer(_ key: String?, user: User, on db: any SQLDatabase) async throws -> Report? {
        guard let key, !key.isEmpty, let answer = try await IdempotencyStore().answer(userID: user.id, key: key, on: db),
            let id = answer.body.flatMap(Int64.init)
        else { return nil }
        return try await reports.report(id: id, on: db)
    }

    private func remember(_ key: String?, report: Report, user: User, on db: any SQLDatabase) async throws {
        guard let key, !key.isEmpty else { return }
        try await IdempotencyStore().remember(
            userID: user.id, key: key, answer: .init(status: 200, location: nil, body: String(report.id)), now: configuration.clock(), on: db)
    }

    static func error(for refusal: ReportWorkflow.Refusal) -> AppError {
        switch refusal {
        case .notYourRole: return AppError(.forbidden, refusal)
        case .notAllowedInState: return AppError(.conflict, refusal)
        case .reasonRequired: return AppError(.invalidInput, refusal)
        }
    }

    /// Values must belong to the item's indicators; milestones take dates, others numbers.
    private func validate(_ values: [ReportValue], itemID: Int64, on db: any SQLDatabase) async throws {
        let rows = try await db.select().column("id").column("kind").column("name").column("measure").from("indicators")
            .where("item_id", .equal, itemID).all()
        var indicators: [Int64: (kind: Indicator.Kind, name: String, measure: String)] = [:]
        for row in rows {
            indicators[try row.int64("id")] = (
                try row.enumeration("kind", as: Indicator.Kind.self), try row.string("name"), try row.string("measure")
            )
        }
        for value in values {
            guard let indicator = indicators[value.indicatorID] else {
                throw ReportingRefusals.foreignIndicator(value.indicatorID)
            }
            if let number = value.value, let refusal = ValueBounds.refusal(number, kind: indicator.kind, measure: indicator.measure) {
                throw AppError.invalidInput(ReportValues.message(refusal, indicator: indicator.name, language: .en))
            }
        }
    }

    // MARK: Lead units

    /// For a lead unit: the values its responsible units have submitted for the item (newest version of each), and
    /// the value it may start from for each indicator (their sum, for counts).
    func partsForLead(planID: Int64, itemID: Int64, period: Period, on db: any SQLDatabase) async throws -> (
        parts: [Report], starting: [Int64: Decimal]
    ) {
        let parts = try await reports.latest(
            planID: planID, period: period, itemIDs: [itemID],
            where: { $0.role == .responsible && ($0.state == .submitted || $0.state == .accepted) }, on: db
        )
        let indicators = try await plans.indicators(planID: planID, on: db).filter { $0.itemID == itemID }
        var starting: [Int64: Decimal] = [:]
        for indicator in indicators {
            let values = parts.compactMap { $0.value(for: indicator.id)?.value }
            if let start = ReportAggregation.leadStartingValue(kind: indicator.kind, partValues: values) { starting[indicator.id] = start }
        }
        return (parts, starting)
    }
}

extension ReportingService {
    /// How many reports each unit owed from January through a month of the plan's year, and how many it submitted
    /// by the due day (a report never submitted counts as late once its due day has passed), counted afresh.
    func onTimeTally(planID: Int64, year: Int, throughMonth: Int, on db: any SQLDatabase) async throws -> [Int64: (owed: Int, onTime: Int)] {
        var result: [Int64: (owed: Int, onTime: Int)] = [:]
        let today = configuration.today
        let setting = try await TaskSetting.load(planID: planID, on: db)
        for month in 1...max(1, min(throughMonth, 12)) {
            for task in try await tasks(in: setting, period: .month(year: year, month: month), on: db)
            where today > task.dueDate || task.report?.submittedAt != nil {
                var tally = result[task.obligation.unitID] ?? (0, 0)
                tally.owed += 1
                if task.report?.submittedAt != nil || (task.report?.version ?? 1) > 1, !task.wasLate { tally.onTime += 1 }
                result[task.obligation.unitID] = tally
            }
        }
        return result
    }
}
