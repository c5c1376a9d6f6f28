import Foundation
import Hummingbird
import Logging
import MinshengCore
import SQLKit

/// The monthly cycle's lists: 我的任务, the Excel form, 待审核, 逾期未报 with reminders, and the unit's inbox.
struct CycleController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    var notifier: (any ReminderNotifier)? { services.notifier }
    let plans = PlanStore()

    var service: ReportingService { services.reporting }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.tasks, method: .get, use: tasks)
        routes.on(SiteURL.taskForm, method: .get, use: downloadForm)
        routes.on(SiteURL.taskForm, method: .post, use: uploadForm)
        routes.on(SiteURL.reviewQueue, method: .get, use: reviewQueue)
        routes.on(SiteURL.overdue, method: .get, use: overdue)
        routes.on(SiteURL.remind, method: .post, use: remind)
        routes.on(SiteURL.inbox, method: .get, use: inbox)
    }

    private func scope(_ request: Request, _ context: AppRequestContext) async throws -> PlanScope {
        guard let scope = try await PlanScope.resolve(request, context: context, database: database, configuration: configuration) else {
            throw AppError.notFound(context.language.reporting.noPlan)
        }
        return scope
    }

    /// The unit whose tasks are shown: a reporter's own; for others the `unit` query parameter, if any.
    private func unitID(_ request: Request, context: AppRequestContext) throws -> Int64? {
        let asked = request.uri.queryParameters.get("unit").flatMap { Int64(String($0)) }
        return ReportPolicy.taskUnit(asked: asked, by: try context.requirePrincipal())
    }

    @Sendable func tasks(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let scope = try await scope(request, context)
        let unitID = try unitID(request, context: context)
        return HTMLPage(html: try await tasksPage(scope: scope, unitID: unitID, user: user, context: context, message: nil, errors: []))
    }

    private func tasksPage(scope: PlanScope, unitID: Int64?, user: User, context: AppRequestContext, message: String?, errors: [String]) async throws
        -> String
    {
        try await database.read { db in
            let reader = try await service.reader(for: user, planID: scope.plan.id, on: db)
            let tasks = try await service.tasks(planID: scope.plan.id, period: scope.period, unitID: unitID, for: reader, on: db)
            let units = try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db)
            let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
            let owing = Set(try await service.tasks(planID: scope.plan.id, period: scope.period, on: db).map(\.obligation.unitID))
            return TasksPage(
                scope: scope, tasks: tasks, unitNames: names, unit: units.first { $0.id == unitID },
                units: units.filter { owing.contains($0.id) }, canChooseUnit: context.may(.monitor), message: message, errors: errors,
                page: PageContext(context, path: SiteURL.tasks.path)
            ).render()
        }
    }

    private func formRows(scope: PlanScope, unitID: Int64, on db: any SQLDatabase) async throws -> [ReportSpreadsheet.Row] {
        let tasks = try await service.tasks(planID: scope.plan.id, period: scope.period, unitID: unitID, on: db)
        let indicators = Dictionary(grouping: try await plans.indicators(planID: scope.plan.id, on: db), by: \.itemID)
        return tasks.map { ReportSpreadsheet.Row(item: $0.item, indicators: indicators[$0.item.id] ?? [], report: $0.report) }
    }

    private func formUnit(_ request: Request, context: AppRequestContext) throws -> Int64 {
        guard let unitID = try unitID(request, context: context) else { throw AppError(.badRequest, "Choose a unit for the form.") }
        guard ReportPolicy.canWrite(forUnit: unitID, by: try context.requirePrincipal()) else {
            throw AppError(.forbidden, "This form belongs to another unit.")
        }
        return unitID
    }

    @Sendable func downloadForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let scope = try await scope(request, context)
        let unitID = try formUnit(request, context: context)
        let data = try await database.read { db -> Data in
            let unitName = try await plans.unit(id: unitID, on: db)?.name ?? ""
            return try ReportSpreadsheet.workbook(
                scope: .init(planID: scope.plan.id, unitID: unitID, period: scope.period), planTitle: scope.plan.title, unitName: unitName,
                rows: try await formRows(scope: scope, unitID: unitID, on: db)
            )
        }
        let name = "report-\(scope.period)-unit\(unitID).xlsx"
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    @Sendable func uploadForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let scope = try await scope(request, context)
        let unitID = try formUnit(request, context: context)
        let parts = try await Multipart.parts(of: request, context: context)
        try CSRF.check(parts.text(CSRF.fieldName), context: context)
        guard let file = parts.file("file") else { throw AppError(.badRequest, "Choose the filled-in form to upload.") }
        let rows = try await database.read { try await formRows(scope: scope, unitID: unitID, on: $0) }
        let formScope = ReportSpreadsheet.Scope(planID: scope.plan.id, unitID: unitID, period: scope.period)
        switch ReportSpreadsheet.read(file.data, fileName: file.name, scope: formScope, rows: rows, language: context.language) {
        case .failure(let problems):
            let html = try await tasksPage(scope: scope, unitID: unitID, user: user, context: context, message: nil, errors: problems.messages)
            return try HTMLPage(html: html, status: .badRequest).response(from: request, context: context)
        case .success(let drafts):
            let saved = try await service.saveDrafts(
                planID: scope.plan.id, unitID: unitID, period: scope.period, drafts: drafts, by: context.auditActor, user: user)
            let message = context.language.reporting.formSaved(saved.count)
            return try HTMLPage(html: try await tasksPage(scope: scope, unitID: unitID, user: user, context: context, message: message, errors: []))
                .response(from: request, context: context)
        }
    }

    @Sendable func reviewQueue(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        let page = try await database.read { db in
            let reports = try await ReportStore().reports(planID: scope.plan.id, state: .submitted, on: db)
            let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: scope.plan.id, on: db).map { ($0.id, $0) })
            let units = Dictionary(
                uniqueKeysWithValues: try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
            return ReviewQueuePage(
                scope: scope, reports: reports, items: items, unitNames: units, page: PageContext(context, path: SiteURL.reviewQueue.path)
            ).render()
        }
        return HTMLPage(html: page)
    }

    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        return HTMLPage(html: try await overduePage(scope: scope, context: context, message: nil))
    }

    private func overduePage(scope: PlanScope, context: AppRequestContext, message: String?) async throws -> String {
        try await database.read { db in
            let overdue = try await service.tasks(planID: scope.plan.id, period: scope.period, on: db).filter(\.isOverdue)
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db).map { ($0.id, $0) })
            let grouped = Dictionary(grouping: overdue, by: \.obligation.unitID).compactMap { unitID, tasks in
                units[unitID].map { (unit: $0, tasks: tasks) }
            }.sorted { $0.unit.id < $1.unit.id }
            let reminders = try await ReminderStore().reminders(planID: scope.plan.id, period: scope.period, on: db)
            return OverduePage(
                scope: scope, overdue: grouped, reminders: reminders, message: message, page: PageContext(context, path: SiteURL.overdue.path)
            ).render()
        }
    }

    @Sendable func remind(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let planID = form.text("plan").flatMap(Int64.init), let period = form.text("period").flatMap(Period.init) else {
            throw AppError(.badRequest, "The reminder form is incomplete.")
        }
        try context.requirePlan(planID, changing: true)
        let all = form["scope"] == "all"
        let units = form.all("unit").compactMap(Int64.init)
        guard all || !units.isEmpty else {
            throw AppError.invalidInput(CycleWords(language: context.language).chooseUnitsToRemind)
        }
        let message = form.text("message") ?? context.language.reporting.defaultReminder(period.description)
        let sent = try await service.remind(
            planID: planID, period: period, unitIDs: all ? nil : units, message: message,
            by: context.auditActor, user: user, notifier: notifier)
        guard let plan = try await database.read({ try await plans.plan(id: planID, on: $0) }) else { throw AppError.notFound("No plan \(planID).") }
        let html = try await overduePage(
            scope: PlanScope(plan: plan, period: period), context: context, message: context.language.reporting.remindersSent(sent.count))
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        guard let unitID = user.unitID else {
            return HTMLPage(html: InboxPage(reminders: [], page: PageContext(context, path: SiteURL.inbox.path)).render())
        }
        let reminders = try await service.openInbox(unitID: unitID, by: context.auditActor)
        return HTMLPage(html: InboxPage(reminders: reminders, page: PageContext(context, path: SiteURL.inbox.path)).render())
    }
}
