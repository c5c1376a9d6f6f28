import Foundation
import MinshengCore

/// What the office's administration reads: calendars, accounts and personal tokens.
extension AdminService {
    /// A plan's reporting calendar. Refused when there is no such plan.
    func calendar(planID: Int64) async throws -> Calendar {
        try await database.read { try await calendar(planID: planID, on: $0) }
    }

    /// Every account within the reach.
    func users(within reach: PlanReach) async throws -> [User] {
        try await database.read { try await UserStore().users(within: reach, on: $0) }
    }

    /// The user's personal tokens.
    func tokens(for user: User) async throws -> [PersonalToken] {
        try await database.read { try await TokenStore().tokens(userID: user.id, on: $0) }
    }
}
