import Foundation
import MinshengCore
import MinshengHTML
import SQLKit

/// 挂图作战: the wall chart of a plan. Items grouped by category with their lead units; per month the planned share
/// against the accepted one in the status colour and pattern; the nodes with their dates; a line for today (or for the
/// day the data stand at). Printed on A3 landscape at one sheet per 30 items, as one sheet for A0, or shown full screen
/// in the leaders' command room (大屏).
struct BattleMapPage {
    /// How the map is laid out.
    enum Mode: String, Sendable {
        /// Sheets of 30 items for A3 landscape (the page).
        case sheets
        /// One scalable sheet with every item, for A0.
        case poster
    }

    /// What the battle map shows of a plan: each item's status month by month and the nodes due each month.
    struct Model {
        /// An item's assessment in one month.
        struct Cell {
            var status: ProgressStatus
            var progress: Decimal?
            var expected: Decimal?
        }

        /// A node of an item's schedule (or a milestone's deadline), with its date.
        struct Node {
            var name: String
            var due: CalendarDate
        }

        /// An item's row.
        struct Row {
            var item: Item
            var leadUnits: [String]
            var status: ProgressStatus?
        }

        var plan: Plan
        var categories: [(category: MinshengCore.Category, rows: [Row])]
        /// Months assessed (January to the period's month).
        var months: [Int]
        var cells: [Int64: [Int: Cell]]
        var nodes: [Int64: [Node]]
        /// The period the map stands at.
        var period: Period
        /// Today, where the line is drawn when it falls in the plan's year.
        var today: CalendarDate

        var rows: [Row] { categories.flatMap(\.rows) }
        var counts: [ProgressStatus: Int] {
            Dictionary(grouping: rows.compactMap(\.status), by: { $0 }).mapValues(\.count)
        }
    }

    /// The page's main part from the replica, kept per plan revision, period, day, mode and language.
    static func main(services: Services, scope: AssessmentScope, mode: Mode, page: PageContext) async throws -> RenderedHTML {
        let database = services.database
        let (plan, period, language) = (scope.plan, scope.period, page.language)
        let today = services.configuration.today
        return try await database.readReplica { db -> RenderedHTML in
            let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
            let key = "battle map \(period) \(today) \(mode) \(language)"
            return try await database.rendered.value(planID: plan.id, revision: revision, key: key) {
                let model = try await Model.load(services: services, plan: plan, period: period, on: db)
                return View(model: model, page: page, mode: mode).renderMain()
            }
        }
    }
}

extension BattleMapPage.Model {
    /// The plan's items assessed month by month up to the period's month, grouped by category with their lead units,
    /// with the schedule nodes and milestone deadlines of the plan's year.
    static func load(services: Services, plan: Plan, period: Period, on db: any SQLDatabase) async throws -> BattleMapPage.Model {
        let service = services.assessment
        let input = try await service.input(planID: plan.id, period: period, on: db)
        guard let detail = try await service.detail(planID: plan.id, on: db) else { throw Refusals.noPlan(plan.id) }
        let lastMonth = period.year == plan.year ? period.lastMonth.months.upperBound : 12
        var cells: [Int64: [Int: Cell]] = [:]
        for month in 1...lastMonth {
            for item in try await service.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db).items {
                cells[item.itemID, default: [:]][month] = Cell(status: item.status, progress: item.progress, expected: item.expected)
            }
        }
        var nodes: [Int64: [Node]] = [:]
        for indicator in input.indicators {
            if case .nodes(let scheduled) = input.schedules[indicator.id] ?? .timeProportional {
                for node in scheduled where node.due.year == plan.year {
                    nodes[indicator.itemID, default: []].append(Node(name: node.name, due: node.due))
                }
            } else if let deadline = indicator.deadline, deadline.year == plan.year, indicator.kind == .milestone || indicator.kind == .qualitative {
                nodes[indicator.itemID, default: []].append(Node(name: indicator.name, due: deadline))
            }
        }
        let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
        let leads = Dictionary(grouping: detail.assignments.filter { $0.role == .lead }, by: \.itemID)
        let categories = detail.categories.sorted { $0.ordinal < $1.ordinal }.map { category in
            let rows = detail.items.filter { $0.categoryID == category.id }.sorted { $0.number < $1.number }.map { item in
                Row(
                    item: item, leadUnits: (leads[item.id] ?? []).sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] },
                    status: cells[item.id]?[lastMonth]?.status)
            }
            return (category, rows)
        }
        return BattleMapPage.Model(
            plan: plan, categories: categories.filter { !$0.1.isEmpty }, months: Array(1...lastMonth), cells: cells,
            nodes: nodes.mapValues { $0.sorted { $0.due < $1.due } }, period: period, today: services.configuration.today)
    }
}
