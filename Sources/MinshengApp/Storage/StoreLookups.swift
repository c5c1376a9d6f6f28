/// Small lookups the stores answer for the services and the plan gate.
import MinshengCore
import SQLKit

extension PlanStore {
    /// The jurisdiction with this exact name, if there is one (without creating it).
    func jurisdiction(named name: String, on db: any SQLDatabase) async throws -> Jurisdiction? {
        try await db.select().column("*").from("jurisdictions").where("name", .equal, name).first().map(PlanStore.jurisdiction)
    }
}

extension PublicationStore {
    /// The plan and the sequence number of a publication.
    func planAndSequence(publicationID: Int64, on db: any SQLDatabase) async throws -> (planID: Int64, sequence: Int)? {
        guard let row = try await db.select().column("plan_id").column("sequence").from("publications").where("id", .equal, publicationID).first()
        else { return nil }
        return (try row.int64("plan_id"), try row.int("sequence"))
    }
}

extension PlanStore {
    /// Every jurisdiction.
    func allJurisdictions(on db: any SQLDatabase) async throws -> [Jurisdiction] {
        try await db.select().column("*").from("jurisdictions").all().map(PlanStore.jurisdiction)
    }
}
