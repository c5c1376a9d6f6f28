import ArgumentParser
import Foundation
import MinshengCore
import SQLKit

/// Deterministic synthetic data at the sizes Minsheng must hold, for demos, tests and benchmarks: a city (one plan
/// of 51 items), a province (the province's, 17 cities' and 85 counties' plans, about 5,000 items) or a nation (31
/// provinces with their cities and counties, about 3,000 plans and 100,000 items). Every plan is the demo plan's
/// items, the first 30 to 51 of them, with twelve months of accepted reports by the lead units at paces that give a
/// realistic mix of statuses.
struct SyntheticData: Sendable {
    /// How much to generate.
    enum Scale: String, Sendable, CaseIterable, ExpressibleByArgument {
        case city, province, nation
    }

    /// What was generated.
    struct Summary: Sendable, Equatable {
        var plans: Int
        var items: Int
        var reports: Int
    }

    /// A plan to generate: its jurisdiction's place in the tree and how many items it has.
    struct Place {
        var name: String
        var level: Jurisdiction.Level
        var parent: Int?
        var items: Int
    }

    let scale: Scale
    let seed: UInt64
    let year = 2019
    /// When the generated data says it was stored: the first day of its year, so that a seed always gives the same data.
    static let generatedAt = DemoStory.instant(month: 1, day: 1)

    init(scale: Scale, seed: UInt64) {
        self.scale = scale
        self.seed = seed
    }

    /// The jurisdictions and their plans' sizes, parents before children.
    func places() -> [Place] {
        var random = SplitMix64(seed: seed)
        func size(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        switch scale {
        case .city:
            return [Place(name: "示范市", level: .city, parent: nil, items: 51)]
        case .province, .nation:
            let provinces = scale == .province ? 1 : 31
            var places: [Place] = []
            for province in 1...provinces {
                let provinceName = provinces == 1 ? "示范省" : "示范第\(province)省"
                let provinceIndex = places.count
                places.append(Place(name: provinceName, level: .province, parent: nil, items: scale == .province ? 51 : size(30...40)))
                let cities = scale == .province ? 17 : size(8...12)
                for city in 1...cities {
                    let cityIndex = places.count
                    places.append(
                        Place(name: "\(provinceName)第\(city)市", level: .city, parent: provinceIndex, items: scale == .province ? 51 : size(30...40)))
                    let counties = scale == .province ? 5 : size(6...10)
                    for county in 1...counties {
                        places.append(
                            Place(
                                name: "\(provinceName)第\(city)市第\(county)县", level: .county, parent: cityIndex,
                                items: scale == .province ? size(40...51) : size(28...36)))
                    }
                }
            }
            return places
        }
    }

    /// Generates into an empty database: one transaction per plan, so an interrupted run leaves whole plans.
    func generate(into database: AppDatabase, adminID: Int64, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Summary {
        guard try await database.read({ try await PlanStore().planCount(on: $0) }) == 0 else {
            throw AppError.invalidInput("The database already holds plans; generate into an empty data folder.")  // console: the generate command
        }
        let template = try DemoLoader.draft()
        let places = places()
        var ids: [Int: Int64] = [:]
        var summary = Summary(plans: 0, items: 0, reports: 0)
        for (index, place) in places.enumerated() {
            let parentID = place.parent.flatMap { ids[$0] }
            let (jurisdictionID, items, reports) = try await database.write { db -> (Int64, Int, Int) in
                let jurisdiction = try await PlanStore().jurisdiction(named: place.name, level: place.level, parentID: parentID, on: db)
                var draft = template.keepingFirst(place.items)
                draft.title = "\(year)年\(place.name)重点民生实事工作方案"
                draft.jurisdiction = place.name
                let plan = try await PlanStore().insert(draft, jurisdiction: jurisdiction, now: Self.generatedAt, on: db)
                let planned = try await plannedReports(plan: plan, index: index, on: db)
                try await DemoStory(clock: { Self.generatedAt }).store(planned, plan: plan, adminID: adminID, action: "generate.reports", on: db)
                return (jurisdiction.id, place.items, planned.count)
            }
            ids[index] = jurisdictionID
            summary.plans += 1
            summary.items += items
            summary.reports += reports
            progress(index + 1, places.count)
        }
        return summary
    }

    /// Twelve months of accepted lead-unit reports for every item, at a pace drawn for the item: a tenth seriously
    /// behind, an eighth behind, a tenth early, a few that stop reporting in the summer, the rest on schedule.
    private func plannedReports(plan: Plan, index: Int, on db: any SQLDatabase) async throws -> [DemoStory.Planned] {
        let items = try await PlanStore().items(planID: plan.id, on: db)
        let indicators = Dictionary(grouping: try await PlanStore().indicators(planID: plan.id, on: db), by: \.itemID)
        let leads = Dictionary(grouping: try await PlanStore().assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .compactMapValues { $0.min { $0.ordinal < $1.ordinal }?.unitID }
        var random = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(index))
        var planned: [DemoStory.Planned] = []
        for item in items {
            guard let unit = leads[item.id] else { continue }
            let roll = random.next() % 100
            let pace: Double = roll < 10 ? 0.45 : roll < 22 ? 0.85 : roll < 32 ? 1.5 : 0.97 + Double(random.next() % 7) / 100
            let lastMonth = roll >= 97 ? 6 : 12
            for month in 1...lastMonth {
                let fraction = Double(month) / 11 * pace
                var values: [ReportValue] = []
                for indicator in indicators[item.id] ?? [] {
                    switch indicator.kind {
                    case .cumulative:
                        if let target = indicator.target {
                            values.append(ReportValue(indicatorID: indicator.id, value: DemoStory.cumulative(target, fraction: fraction)))
                        }
                    case .rate:
                        if let target = indicator.target {
                            values.append(
                                ReportValue(indicatorID: indicator.id, value: DemoStory.cumulative(target, fraction: min(1, 0.7 + 0.3 * fraction))))
                        }
                    case .milestone, .qualitative:
                        let due = indicator.deadline?.month ?? 12
                        if Double(month) >= Double(due) / max(pace, 0.1) * 0.8, let day = CalendarDate(year: year, month: month, day: 15) {
                            values.append(ReportValue(indicatorID: indicator.id, reachedOn: day))
                        }
                    }
                }
                planned.append(
                    DemoStory.Planned(
                        itemID: item.id, unitID: unit, role: .lead, month: month, version: 1, state: .accepted, values: values,
                        progress: "截至\(month)月底，" + DemoStory.narrative(values: values, indicators: indicators[item.id] ?? []),
                        problems: pace < 0.9 ? "进度偏慢。" : "无。",
                        nextSteps: "继续推进。", submitted: DemoStory.timestamp(month: month, day: 20),
                        reviewed: DemoStory.timestamp(month: month, day: 26)
                    ))
            }
        }
        return planned
    }
}
