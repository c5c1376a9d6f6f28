import Foundation
import Hummingbird
import Logging
import MinshengCore

/// The monthly cycle's lists: 我的任务, the Excel form, 待审核, 逾期未报 with reminders, and the unit's inbox.
struct CycleController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    var notifier: (any ReminderNotifier)? { services.notifier }

    var service: ReportingService { services.reporting }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.tasks, method: .get, use: tasks)
        routes.on(SiteURL.taskForm, method: .get, use: downloadForm)
        routes.on(SiteURL.taskForm, method: .post, use: uploadForm)
        routes.on(SiteURL.reviewQueue, method: .get, use: reviewQueue)
        routes.on(SiteURL.reviewQueue, method: .post, use: acceptSelected)
        routes.on(SiteURL.overdue, method: .get, use: overdue)
        routes.on(SiteURL.remind, method: .post, use: remind)
        routes.on(SiteURL.inbox, method: .get, use: inbox)
    }

    private func scope(_ request: Request, _ context: AppRequestContext, working: Bool = false) async throws -> PlanScope {
        guard
            let scope = try await PlanScope.resolve(request, context: context, database: database, configuration: configuration, working: working)
        else {
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
        let scope = try await scope(request, context, working: true)
        let unitID = try unitID(request, context: context)
        return HTMLPage(html: try await tasksPage(scope: scope, unitID: unitID, user: user, context: context, message: nil, errors: []))
    }

    private func tasksPage(scope: PlanScope, unitID: Int64?, user: User, context: AppRequestContext, message: String?, errors: [String]) async throws
        -> String
    {
        let model = try await TasksPage.Model.load(
            services: services, user: user, principal: try context.requirePrincipal(), scope: scope, unitID: unitID, message: message, errors: errors)
        return TasksPage.View(model: model, page: PageContext(context, path: SiteURL.tasks.path)).render()
    }

    private func formUnit(_ request: Request, context: AppRequestContext) throws -> Int64 {
        guard let unitID = try unitID(request, context: context) else { throw FormRefusals.noUnit }
        guard ReportPolicy.canWrite(forUnit: unitID, by: try context.requirePrincipal()) else {
            throw FormRefusals.otherUnitsForm
        }
        return unitID
    }

    @Sendable func downloadForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let scope = try await scope(request, context)
        let unitID = try formUnit(request, context: context)
        let data = try await service.formWorkbook(.init(planID: scope.plan.id, unitID: unitID, period: scope.period), planTitle: scope.plan.title)
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
        guard let file = parts.file("file") else { throw FormRefusals.noFile }
        let formScope = ReportSpreadsheet.Scope(planID: scope.plan.id, unitID: unitID, period: scope.period)
        let rows = try await service.formRows(formScope)
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
        let filter = try ReviewFilter.read({ request.uri.queryParameters.get($0).map { String($0) } }, language: context.language)
        let accepted = request.uri.queryParameters.get("accepted").flatMap { Int(String($0)) }
        let message = accepted.map { ReviewWords(language: context.language).accepted($0) }
        let model = try await ReviewQueuePage.Model.load(services: services, plan: scope.plan, filter: filter, message: message)
        return HTMLPage(html: ReviewQueuePage.View(model: model, page: PageContext(context, path: SiteURL.reviewQueue.path)).render())
    }

    /// Accepts the selected reports together (`report` fields as `id:lock`) and goes back to the queue, which says how
    /// many were accepted.
    @Sendable func acceptSelected(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let scope = try await scope(request, context)
        let filter = try ReviewFilter.read({ request.uri.queryParameters.get($0).map { String($0) } }, language: context.language)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let selections = form.all("report").compactMap { value -> (id: Int64, lock: Int)? in
            let parts = value.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[0]), let lock = Int(parts[1]) else { return nil }
            return (id, lock)
        }
        guard !selections.isEmpty else { throw FormRefusals.noneSelected }
        let accepted = try await service.acceptAll(selections, by: context.auditActor, user: user)
        return .redirect(
            to: SiteURL.reviewQueue.path + "?" + filter.query(planID: scope.plan.id) + "&accepted=\(accepted.count)", type: .normal)
    }

    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        let model = try await OverduePage.Model.load(services: services, scope: scope)
        return HTMLPage(html: OverduePage.View(model: model, page: PageContext(context, path: SiteURL.overdue.path)).render())
    }

    @Sendable func remind(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let planID = form.text("plan").flatMap(Int64.init), let period = form.text("period").flatMap(Period.init) else {
            throw FormRefusals.incomplete
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
        let model = try await OverduePage.Model.load(
            services: services, planID: planID, period: period, message: context.language.reporting.remindersSent(sent.count))
        let html = OverduePage.View(model: model, page: PageContext(context, path: SiteURL.overdue.path)).render()
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let model = try await InboxPage.Model.load(services: services, user: try context.requireUser(), by: context.auditActor)
        return HTMLPage(html: InboxPage.View(model: model, page: PageContext(context, path: SiteURL.inbox.path)).render())
    }
}
