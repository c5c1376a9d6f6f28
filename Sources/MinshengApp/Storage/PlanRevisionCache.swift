import Foundation
import MinshengCore
import SQLKit

/// Values computed from a plan's data (assessments), kept while the plan's revision stands. The revision lives in the
/// database and triggers advance it, so a cached value is never served after any instance changed the data. Safe to
/// lose; bounded in size.
final class PlanRevisionCache: @unchecked Sendable {
    private struct Entry {
        var revision: Int64
        var values: [String: any Sendable]
    }

    private let lock = NSLock()
    private var entries: [Int64: Entry] = [:]
    private var count = 0
    /// The most values kept; past it the cache starts again empty.
    let limit: Int

    init(limit: Int = 2_000) {
        self.limit = limit
    }

    /// The plan's current revision (0 before any change is recorded).
    static func revision(planID: Int64, on db: any SQLDatabase) async throws -> Int64 {
        try await db.select().column("revision").from("plan_revisions").where("plan_id", .equal, planID).first()?.int64("revision") ?? 0
    }

    /// The value kept for a key at the revision, or the computed one, which is kept.
    func value<T: Sendable>(planID: Int64, revision: Int64, key: String, compute: () async throws -> T) async throws -> T {
        if let cached: T = lookup(planID: planID, revision: revision, key: key) { return cached }
        let value = try await compute()
        store(value, planID: planID, revision: revision, key: key)
        return value
    }

    /// The value kept for a key at the revision, if any.
    func cached<T: Sendable>(planID: Int64, revision: Int64, key: String, as type: T.Type = T.self) -> T? {
        lookup(planID: planID, revision: revision, key: key)
    }

    private func lookup<T>(planID: Int64, revision: Int64, key: String) -> T? {
        lock.lock()
        defer { lock.unlock() }
        // A missing key must not be cast: nil casts to any optional type and would read as a cached nil.
        guard let entry = entries[planID], entry.revision == revision, let value = entry.values[key] else { return nil }
        return value as? T
    }

    private func store(_ value: any Sendable, planID: Int64, revision: Int64, key: String) {
        lock.lock()
        defer { lock.unlock() }
        if count >= limit {
            entries = [:]
            count = 0
        }
        if entries[planID]?.revision != revision {
            count -= entries[planID]?.values.count ?? 0
            entries[planID] = Entry(revision: revision, values: [:])
        }
        if entries[planID]?.values[key] == nil { count += 1 }
        entries[planID]?.values[key] = value
    }
}
