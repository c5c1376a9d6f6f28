import Foundation
import MinshengCore
import SQLKit

/// Remembers the answer to a request carrying an idempotency key, so that a retried request is not applied twice.
struct IdempotencyStore: Sendable {
    /// A remembered answer.
    struct Answer: Sendable, Hashable {
        var status: Int
        var location: String?
        var body: String?
    }

    func answer(userID: Int64, key: String, on db: any SQLDatabase) async throws -> Answer? {
        guard
            let row = try await db.select().column("*").from("idempotency_keys").where("user_id", .equal, userID)
                .where("key", .equal, key).first()
        else { return nil }
        return Answer(status: try row.int("status"), location: try row.optionalString("location"), body: try row.optionalString("body"))
    }

    func remember(userID: Int64, key: String, answer: Answer, now: Date, on db: any SQLDatabase) async throws {
        try await db.insert(into: "idempotency_keys").columns("user_id", "key", "status", "location", "body", "created_at")
            .values(
                SQLBind(userID), SQLBind(key), SQLBind(answer.status), SQLBind(answer.location), SQLBind(answer.body),
                SQLBind(Timestamp.string(from: now))
            )
            .run()
    }
}
