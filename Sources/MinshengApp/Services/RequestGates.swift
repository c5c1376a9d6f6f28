import Foundation
import MinshengCore

/// The reads every request's checks need before its handler runs: who an API token or a session cookie names, what a
/// user may reach, and the plan or jurisdiction the record named by a path belongs to.
struct RequestGates: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    private let sessions = SessionStore()
    private let tokens = TokenStore()
    private let gates = GateStore()

    init(database: AppDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// The user of a live API token, or nil.
    func tokenUser(secret: String) async throws -> User? {
        try await database.read { try await tokens.user(secret: secret, on: $0) }?.user
    }

    /// The live session of a cookie's token, or nil.
    func session(token: String) async throws -> Session? {
        let now = clock()
        return try await database.read { try await sessions.session(token: token, now: now, on: $0) }
    }

    /// The plans and jurisdictions a user may reach.
    func reach(of user: User) async throws -> PlanReach {
        try await database.read { try await PlanReach.of(user, on: $0) }
    }

    /// The plan of a record, or nil when there is no such record.
    func planID(of record: GateStore.RecordPlan, table: String, id: Int64) async throws -> Int64? {
        try await database.read { try await gates.planID(of: record, table: table, id: id, on: $0) }
    }

    /// The jurisdiction of a unit, or nil when there is no such unit.
    func unitJurisdiction(id: Int64) async throws -> Int64? {
        try await database.read { try await gates.unitJurisdiction(id: id, on: $0) }
    }

    /// Whether an account exists, and its jurisdiction.
    func userJurisdiction(id: Int64) async throws -> (exists: Bool, jurisdictionID: Int64?) {
        try await database.read { try await gates.userJurisdiction(id: id, on: $0) }
    }
}
