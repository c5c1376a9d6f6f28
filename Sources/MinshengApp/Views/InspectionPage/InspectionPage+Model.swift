import Foundation
import MinshengCore

/// One inspection: its facts, the figures checked with discrepancies marked, photos, and rectifications.
struct InspectionPage {
    /// An inspection with its photos, rectifications and, while planned, the figures to verify.
    struct Model {
        var directory: SupervisionDirectory
        var inspection: Inspection
        var indicators: [Int64: Indicator]
        var photos: [SupervisionFile]
        var rectifications: [Rectification]
        /// For a planned inspection of an item: its figures with the values reported now, for the results form.
        var figures: [(indicator: Indicator, reported: Decimal?)]
        var canEdit: Bool
        var error: String?
    }
}

extension InspectionPage.Model {
    /// Reads an inspection of a plan the principal may read.
    static func load(services: Services, principal: Principal, inspectionID id: Int64, language: Language, error: String? = nil) async throws
        -> InspectionPage.Model
    {
        try await services.database.read { db in
            let store = SupervisionStore()
            guard let inspection = try await store.inspection(id: id, on: db) else { throw SupervisionRefusals.noInspection(id) }
            let directory = try await SupervisionDirectory.load(
                services: services, principal: principal, planID: inspection.planID, language: language, on: db)
            let indicators = Dictionary(
                uniqueKeysWithValues: try await PlanStore().indicators(planID: inspection.planID, on: db).map { ($0.id, $0) })
            let figures =
                inspection.state == .planned
                ? try await NewInspectionPage.Model.checkedFigures(
                    services: services, plan: directory.plan, itemID: inspection.itemID, month: directory.day.month, on: db) : []
            return InspectionPage.Model(
                directory: directory, inspection: inspection, indicators: indicators,
                photos: try await store.files(owner: .inspection, ownerIDs: [id], on: db),
                rectifications: try await store.rectifications(planID: inspection.planID, inspectionID: id, on: db), figures: figures,
                canEdit: SupervisionPolicy.canInspect(principal), error: error)
        }
    }
}
