import Foundation
import MinshengCore
import NIOPosix
import SQLKit

/// The office's administration, shared by pages and the API: accounts, group members, reporting calendars and
/// personal tokens, each change audited in its transaction.
struct AdminService: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    let plans = PlanStore()
    var audit: AuditLog { AuditLog(clock: clock) }

    init(database: AppDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Sets the member units of a group unit.
    func setMembers(groupID: Int64, memberIDs: [Int64], by actor: AuditActor) async throws -> [Int64] {
        try await database.write { db in
            guard let group = try await plans.unit(id: groupID, on: db), group.kind == .group else {
                throw AdminRefusals.noGroup(groupID)
            }
            let allowed = Set(try await plans.units(jurisdictionID: group.jurisdictionID, on: db).filter { $0.kind != .group }.map(\.id))
            guard memberIDs.allSatisfy(allowed.contains) else {
                throw AdminRefusals.membersOfSameJurisdiction
            }
            let before = try await UnitStore().members(jurisdictionID: group.jurisdictionID, on: db)[groupID] ?? []
            try await UnitStore().setMembers(groupID: groupID, memberIDs: memberIDs, on: db)
            let after = Set(memberIDs).sorted()
            try await audit.record("unit.members", entity: "unit", id: groupID, before: before, after: after, by: actor, on: db)
            return after
        }
    }

    /// A plan's reporting calendar as the API shows it.
    struct Calendar: Sendable, Codable, Equatable {
        var dueDay: Int
        var quarterlyItemIds: [Int64]
    }

    func calendar(planID: Int64, on db: any SQLDatabase) async throws -> Calendar {
        guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
        return Calendar(
            dueDay: try await plans.calendar(planID: planID, on: db).dueDay,
            quarterlyItemIds: try await plans.cadences(planID: planID, on: db).keys.sorted())
    }

    func setCalendar(planID: Int64, _ calendar: Calendar, by actor: AuditActor, language: Language) async throws -> Calendar {
        guard (1...28).contains(calendar.dueDay) else {
            throw AppError.invalidInput(language.reporting.dueDayOutOfRange)
        }
        return try await database.write { db in
            let before = try await self.calendar(planID: planID, on: db)
            let items = try await plans.items(planID: planID, on: db)
            let quarterly = Set(calendar.quarterlyItemIds)
            guard quarterly.isSubset(of: Set(items.map(\.id))) else { throw AdminRefusals.quarterlyItemsOfPlan }
            try await plans.setDueDay(planID: planID, dueDay: calendar.dueDay, on: db)
            for item in items {
                try await plans.setCadence(itemID: item.id, cadence: quarterly.contains(item.id) ? .quarterly : .monthly, on: db)
            }
            let after = try await self.calendar(planID: planID, on: db)
            try await audit.record("plan.calendar", entity: "plan", id: planID, before: before, after: after, by: actor, on: db)
            return after
        }
    }

    func createToken(name: String, for user: User, by actor: AuditActor) async throws -> (secret: String, token: PersonalToken) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw AdminRefusals.tokenName }
        return try await database.write { db in
            let created = try await TokenStore().create(userID: user.id, name: trimmed, now: clock(), on: db)
            try await audit.record("token.create", entity: "token", id: created.token.id, after: created.token, by: actor, on: db)
            return created
        }
    }

    func revokeToken(id: Int64, for user: User, by actor: AuditActor) async throws {
        try await database.write { db in
            guard try await TokenStore().revoke(id: id, userID: user.id, now: clock(), on: db) else {
                throw AdminRefusals.noToken(id)
            }
            try await audit.record("token.revoke", entity: "token", id: id, by: actor, on: db)
        }
    }
}
