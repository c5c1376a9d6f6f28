import MinshengCore
import SQLKit

/// The landing page of a signed-in person: what their role has to do today, each count a link to its list. The
/// office sees its queues; a reporter what its unit owes this month, returned reports and notices first; a leader the
/// plan's state and the items behind; an inspector its inspections.
struct WorkbenchPage {
    /// What the workbench shows.
    struct Model {
        /// The office's queues.
        struct Office {
            var reviewByMonth: [(period: Period, count: Int)]
            var overdue: Int
            var overdueUnits: Int
            var unansweredNotices: Int
            var pendingRectifications: Int
            var overdueRectifications: Int
            var waitingMessages: Int
            /// The next month the office may close, if any.
            var nextToClose: Int?
        }

        /// A reporting unit's month.
        struct Unit {
            var unit: MinshengCore.Unit
            var tasks: [ReportTask]
            var returned: [(report: Report, item: Item)]
            var notices: [(notice: SupervisionNotice, item: Item?)]
            var unread: Int
        }

        /// The plan's state for a leader.
        struct State {
            var counts: [ProgressStatus: Int]
            var behind: [(item: Item, assessment: ItemAssessment)]
        }

        var plan: Plan
        /// The latest closed month, which pages show.
        var current: Period
        /// The month units are reporting.
        var working: Period
        var dueDate: CalendarDate
        var office: Office?
        var unit: Unit?
        var state: State?
        var inspections: [Inspection]?
        var items: [Int64: Item]
    }
}

extension WorkbenchPage.Model {
    /// The workbench of the newest plan within the principal's reach; nil when there is none.
    static func load(services: Services, user: User, principal: Principal) async throws -> WorkbenchPage.Model? {
        let today = services.configuration.today
        return try await services.database.read { db -> WorkbenchPage.Model? in
            guard let plan = try await PlanStore().plans(within: principal.reach, on: db).first else { return nil }
            let current = try await PlanScope.defaultPeriod(plan: plan, today: today, on: db)
            let working = try await PlanScope.workingPeriod(plan: plan, today: today, on: db)
            let items = Dictionary(uniqueKeysWithValues: try await PlanStore().items(planID: plan.id, on: db).map { ($0.id, $0) })
            var model = WorkbenchPage.Model(
                plan: plan, current: current, working: working,
                dueDate: try await PlanStore().calendar(planID: plan.id, on: db).dueDate(for: working), items: items)
            if principal.isOffice {
                model.office = try await office(services: services, plan: plan, current: current, on: db)
            }
            if let unitID = principal.unitID, let unit = try await PlanStore().unit(id: unitID, on: db) {
                model.unit = try await unitMonth(services: services, plan: plan, unit: unit, working: working, items: items, on: db)
            }
            if Policy.allows(.monitor, principal), !principal.isOffice {
                let assessment = try await services.assessment.assess(planID: plan.id, period: current, on: db)
                let behind = assessment.items.filter { $0.status == .seriouslyBehind || $0.status == .behind }
                    .sorted { ($0.status == .seriouslyBehind ? 0 : 1, $0.number) < ($1.status == .seriouslyBehind ? 0 : 1, $1.number) }
                model.state = State(counts: assessment.counts, behind: behind.compactMap { a in items[a.itemID].map { ($0, a) } })
            }
            if Policy.allows(.inspect, principal), !principal.isOffice {
                model.inspections = Array(try await SupervisionStore().inspections(planID: plan.id, on: db).prefix(20))
            }
            return model
        }
    }

    private static func office(services: Services, plan: Plan, current: Period, on db: any SQLDatabase) async throws -> Office {
        let entries = try await ReportStore().queueEntries(planID: plan.id, on: db)
        let review = ReviewFilter().countsByPeriod(entries).sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
        let overdue = try await services.reporting.tasks(planID: plan.id, period: current, on: db).filter(\.isOverdue)
        let store = SupervisionStore()
        let day = try await services.supervision.day(plan: plan, on: db)
        let rectifications = try await store.rectifications(planID: plan.id, on: db).filter(\.state.isPending)
        let publications = try await PublicationStore().publications(planID: plan.id, on: db)
        let messages = try await PublicationStore().messages(publicationIDs: publications.map(\.id), states: [.pending], on: db)
        let closing = try await PlanStore().closing(planID: plan.id, on: db)
        return Office(
            reviewByMonth: review, overdue: overdue.count, overdueUnits: Set(overdue.map(\.obligation.unitID)).count,
            unansweredNotices: try await store.notices(planID: plan.id, on: db).filter { $0.answeredOn == nil && $0.closedOn == nil }.count,
            pendingRectifications: rectifications.count, overdueRectifications: rectifications.filter { $0.isOverdue(today: day) }.count,
            waitingMessages: messages.count,
            nextToClose: closing.nextToClose(
                year: plan.year, calendar: try await PlanStore().calendar(planID: plan.id, on: db), today: services.configuration.today))
    }

    private static func unitMonth(
        services: Services, plan: Plan, unit: MinshengCore.Unit, working: Period, items: [Int64: Item], on db: any SQLDatabase
    ) async throws -> Unit {
        let returned = try await ReportStore().returned(planID: plan.id, unitID: unit.id, on: db)
        let notices = try await SupervisionStore().notices(planID: plan.id, unitID: unit.id, on: db)
            .filter { $0.answeredOn == nil && $0.closedOn == nil }
        return Unit(
            unit: unit, tasks: try await services.reporting.tasks(planID: plan.id, period: working, unitID: unit.id, on: db),
            returned: returned.compactMap { report in items[report.itemID].map { (report, $0) } },
            notices: notices.map { ($0, items[$0.itemID]) }, unread: try await ReminderStore().unreadCount(unitID: unit.id, on: db))
    }
}
