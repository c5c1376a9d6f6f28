import Foundation
import MinshengCore
import MinshengHTML
import SQLKit

/// 挂图作战: items by month, planned against actual, with nodes, for the wall (A3 landscape).
struct BattleMapPage {
    /// What the battle map shows of a plan: each item's status month by month and the nodes due each month.
    struct Model {
        /// An item's assessment in one month.
        struct Cell {
            var status: ProgressStatus
            var progress: Decimal?
            var expected: Decimal?
            var nodes: [String]
        }

        var plan: Plan
        var items: [Item]
        /// Months assessed so far (January up to the current month of the plan's year).
        var months: [Int]
        var cells: [Int64: [Int: Cell]]
        var nodes: [Int64: [Int: [String]]]
    }

    /// The page's main part from the replica, kept per plan revision, period, day and language.
    static func main(services: Services, scope: AssessmentScope, page: PageContext) async throws -> RenderedHTML {
        let database = services.database
        let (plan, period, language) = (scope.plan, scope.period, page.language)
        let today = services.configuration.today
        return try await database.readReplica { db -> RenderedHTML in
            let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
            return try await database.rendered.value(planID: plan.id, revision: revision, key: "battle map \(period) \(today) \(language)") {
                View(model: try await Model.load(services: services, plan: plan, period: period, on: db), page: page).renderMain()
            }
        }
    }
}

extension BattleMapPage.Model {
    /// The plan's items assessed month by month up to the later of the period's last month and the default period's,
    /// with the schedule nodes and milestone deadlines due in each month.
    static func load(services: Services, plan: Plan, period: Period, on db: any SQLDatabase) async throws -> BattleMapPage.Model {
        let service = services.assessment
        let input = try await service.input(planID: plan.id, period: period, on: db)
        let lastMonth =
            period.year == plan.year
            ? max(
                period.lastMonth.months.upperBound,
                try await PlanScope.defaultPeriod(plan: plan, today: services.configuration.today, on: db).lastMonth.months.upperBound) : 12
        var cells: [Int64: [Int: Cell]] = [:]
        for month in 1...lastMonth {
            for item in try await service.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db).items {
                cells[item.itemID, default: [:]][month] = Cell(status: item.status, progress: item.progress, expected: item.expected, nodes: [])
            }
        }
        var nodes: [Int64: [Int: [String]]] = [:]
        for indicator in input.indicators {
            if case .nodes(let scheduled) = input.schedules[indicator.id] ?? .timeProportional {
                for node in scheduled where node.due.year == plan.year {
                    nodes[indicator.itemID, default: [:]][node.due.month, default: []].append(node.name)
                }
            } else if let deadline = indicator.deadline, deadline.year == plan.year, indicator.kind == .milestone || indicator.kind == .qualitative {
                nodes[indicator.itemID, default: [:]][deadline.month, default: []].append(String(indicator.name.prefix(8)))
            }
        }
        return BattleMapPage.Model(
            plan: plan, items: input.items.sorted { $0.number < $1.number }, months: Array(1...lastMonth), cells: cells, nodes: nodes)
    }
}
