import MinshengCore
import SQLKit

/// Loads the bundled demo: 《2019年洛阳市重点民生实事工作方案》 for Luoyang, a city of Henan province.
public struct DemoLoader: Sendable {
    let plans = PlanStore()

    public init() {}

    /// Stores the demo plan; run inside a transaction.
    @discardableResult
    public func load(on db: any SQLDatabase) async throws -> Plan {
        let draft = PlanTextParser().parse(try DemoPlan.text())
        let province = try await plans.jurisdiction(named: "河南省", level: .province, on: db)
        let city = try await plans.jurisdiction(named: draft.jurisdiction ?? "洛阳市", level: .city, parentID: province.id, on: db)
        return try await plans.insert(draft, jurisdiction: city, on: db)
    }
}
