import Foundation
import Logging
import MinshengCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Carries reminders to other systems. The office's in-app inbox always gets them; this is the optional extra.
protocol ReminderNotifier: Sendable {
    /// Delivers one reminder; returns a short status for the record (`200`, `error: …`).
    func deliver(_ payload: ReminderPayload) async -> String
}

/// The JSON a webhook receives for each reminder.
struct ReminderPayload: Sendable, Codable, Equatable {
    var event = "reminder"
    var reminderId: Int64
    var planId: Int64
    var period: String
    var unitId: Int64
    var unitName: String
    var message: String
    var overdueItems: [Int]
    var sentAt: String
}

/// Posts reminders as plain JSON to a configured URL, with a timeout.
struct WebhookNotifier: ReminderNotifier {
    let url: URL
    let logger: Logger

    func deliver(_ payload: ReminderPayload) async -> String {
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("Minsheng", forHTTPHeaderField: "User-Agent")
        do {
            request.httpBody = try JSONEncoder().encode(payload)
            let (_, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return String(status)
        } catch {
            logger.warning("Webhook \(url) failed: \(error)")
            return "error: \(error.localizedDescription)"
        }
    }
}

extension ReportingService {
    /// Sends reminders (催报) to units overdue for a month — the given ones, or every overdue unit — into their
    /// inboxes, and to the webhook when one is configured. Returns the reminders stored.
    func remind(
        planID: Int64, period: Period, unitIDs: [Int64]?, message: String, by actor: AuditActor, user: User,
        notifier: (any ReminderNotifier)?
    ) async throws -> [Reminder] {
        let (reminders, payloads) = try await database.write { db -> ([Reminder], [ReminderPayload]) in
            let principal = user.principal(reach: try await PlanReach.of(user, on: db))
            guard Policy.allows(.office, principal), Policy.canChange(planID: planID, principal) else {
                throw ReportingRefusals.onlyOfficeReminds
            }
            let overdue = try await tasks(planID: planID, period: period, on: db).filter(\.isOverdue)
            let byUnit = Dictionary(grouping: overdue, by: \.obligation.unitID)
            let targets = unitIDs.map { Set($0) } ?? Set(byUnit.keys)
            guard !targets.isEmpty else { return ([], []) }
            for unit in targets where byUnit[unit] == nil {
                throw ReportingRefusals.notOverdue(unit: unit, period)
            }
            let store = ReminderStore()
            var reminders: [Reminder] = []
            var payloads: [ReminderPayload] = []
            for unitID in targets.sorted() {
                let reminder = try await store.insert(
                    planID: planID, unitID: unitID, period: period, message: message, by: user.id, now: configuration.clock(), on: db)
                try await AuditLog(clock: configuration.clock).record("reminder.send", entity: "unit", id: unitID, after: reminder, by: actor, on: db)
                let unitName = try await plans.unit(id: unitID, on: db)?.name ?? ""
                reminders.append(reminder)
                payloads.append(
                    ReminderPayload(
                        reminderId: reminder.id, planId: planID, period: period.description, unitId: unitID, unitName: unitName,
                        message: message, overdueItems: (byUnit[unitID] ?? []).map(\.item.number).sorted(), sentAt: reminder.createdAt
                    ))
            }
            return (reminders, payloads)
        }
        if let notifier {
            for payload in payloads {
                let status = await notifier.deliver(payload)
                try await database.write { try await ReminderStore().setWebhookStatus(id: payload.reminderId, status: status, on: $0) }
            }
        }
        return reminders
    }
}

extension ReportingService {
    /// A unit's inbox: its reminders, newest first; opening it marks the unread ones read.
    func openInbox(unitID: Int64, by actor: AuditActor) async throws -> [Reminder] {
        let store = ReminderStore()
        let reminders = try await database.read { try await store.reminders(unitID: unitID, on: $0) }
        if reminders.contains(where: { $0.readAt == nil }) {
            try await database.write { db in
                try await store.markRead(unitID: unitID, now: configuration.clock(), on: db)
                try await audit.record("reminder.read", entity: "unit", id: unitID, by: actor, on: db)
            }
        }
        return reminders
    }
}
