import Foundation
import MinshengCore

/// What the office reads of its disclosure: the publications and the public's messages.
extension PublicService {
    /// The plan's publications. Refused when there is no such plan.
    func publications(planID: Int64) async throws -> [Publication] {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            return try await store.publications(planID: planID, on: db)
        }
    }

    /// The public's messages to the plan's publications in the states (all when nil), each with the sequence of the
    /// publication it answers. Refused when there is no such plan.
    func messages(planID: Int64, states: [PublicMessage.State]?) async throws -> [(message: PublicMessage, sequence: Int)] {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            let publications = try await store.publications(planID: planID, on: db)
            let sequences = Dictionary(uniqueKeysWithValues: publications.map { ($0.id, $0.sequence) })
            return try await store.messages(publicationIDs: publications.map(\.id), states: states, on: db)
                .map { ($0, sequences[$0.publicationID] ?? 0) }
        }
    }
}
