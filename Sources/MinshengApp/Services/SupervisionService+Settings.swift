import Foundation
import MinshengCore

extension SupervisionService {
    /// Stores a plan's supervision settings after the core's check, which the web form and the API share; a
    /// setting out of range throws the ``SettingsProblem`` that names it.
    func saveSettings(_ settings: SupervisionSettings, planID: Int64, by actor: AuditActor) async throws {
        if let problem = settings.problem() { throw problem }
        try await database.write { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            let before = try await store.settings(planID: planID, on: db)
            try await store.setSettings(settings, planID: planID, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "supervision.settings", entity: "plan", id: planID, before: before, after: settings, by: actor, on: db)
        }
    }
}
