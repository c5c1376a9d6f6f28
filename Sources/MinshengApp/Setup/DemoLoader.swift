import Foundation
import MinshengCore
import SQLKit

/// Loads the bundled demo: 《2019年洛阳市重点民生实事工作方案》 for Luoyang, a city of Henan province,
/// read by the same importer as any uploaded plan.
public struct DemoLoader: Sendable {
    let plans = PlanStore()

    public init() {}

    /// The demo plan as the importer reads it.
    public static func draft() throws -> PlanDraft {
        try PlanImporter().read(Data(try DemoPlan.text().utf8), fileName: "luoyang-2019.txt")
    }

    /// Stores the demo plan; run inside a transaction.
    @discardableResult
    public func load(on db: any SQLDatabase) async throws -> Plan {
        let draft = try Self.draft()
        let province = try await plans.jurisdiction(named: "河南省", level: .province, on: db)
        let city = try await plans.jurisdiction(named: draft.jurisdiction ?? "洛阳市", level: .city, parentID: province.id, on: db)
        return try await plans.insert(draft, jurisdiction: city, on: db)
    }
}
