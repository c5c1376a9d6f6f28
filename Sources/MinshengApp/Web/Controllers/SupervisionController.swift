import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The supervision pages: notices, inspections, rectifications, accountability, scores and settings. The office
/// (admin) issues and decides; inspectors record inspections and review rectifications; reporters see and answer
/// what concerns their unit; leaders read everything.
struct SupervisionController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    let plans = PlanStore()
    let store = SupervisionStore()

    var service: SupervisionService { services.supervision }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.supervision, method: .get, use: notices)
        routes.on(SiteURL.supervision, method: .post, use: issue)
        routes.on(SiteURL.notice(.key), method: .get, use: notice)
        routes.on(SiteURL.noticeAnswer(.key), method: .post, use: answer)
        routes.on(SiteURL.noticeClose(.key), method: .post, use: close)
        routes.on(SiteURL.inspections, method: .get, use: inspections)
        routes.on(SiteURL.inspections, method: .post, use: record)
        routes.on(SiteURL.newInspection, method: .get, use: newInspection)
        routes.on(SiteURL.inspection(.key), method: .get, use: inspection)
        routes.on(SiteURL.inspectionPhotos(.key), method: .post, use: addPhoto)
        routes.on(SiteURL.inspectionResults(.key), method: .post, use: recordResults)
        routes.on(SiteURL.inspectionRectifications(.key), method: .post, use: requireRectification)
        routes.on(SiteURL.rectifications, method: .get, use: rectifications)
        routes.on(SiteURL.rectification(.key), method: .get, use: rectification)
        routes.on(SiteURL.rectificationAction(.key, .key), method: .post, use: actOnRectification)
        routes.on(SiteURL.supervisionFile(.key), method: .get, use: file)
        routes.on(SiteURL.accountability, method: .get, use: accountability)
        routes.on(SiteURL.accountability, method: .post, use: openCase)
        routes.on(SiteURL.accountabilityCase(.key), method: .get, use: accountabilityCase)
        routes.on(SiteURL.caseDecision(.key), method: .post, use: decide)
        routes.on(SiteURL.scores, method: .get, use: scores)
        routes.on(SiteURL.supervisionSettings, method: .get, use: settings)
        routes.on(SiteURL.supervisionSettings, method: .post, use: saveSettings)
    }

    // MARK: Helpers

    /// The plan a page is about (`?plan=`, else the first) and what its pages need to name things.
    private func directory(planID: Int64?, context: AppRequestContext, on db: any SQLDatabase) async throws -> SupervisionDirectory {
        let plan = if let planID { try await plans.plan(id: planID, on: db) } else { try await plans.plans(within: context.reach, on: db).first }
        guard let plan else { throw AppError.notFound(context.language.reporting.noPlan) }
        try context.requirePlan(plan.id, changing: false)
        return SupervisionDirectory(
            plan: plan, items: Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, $0) }),
            units: Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) }),
            settings: try await store.settings(planID: plan.id, on: db), day: try await service.day(plan: plan, on: db)
        )
    }

    private func planQuery(_ request: Request) -> Int64? {
        request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }
    }

    private func page(_ context: AppRequestContext, _ url: SiteURL) -> PageContext {
        PageContext(context, path: url.path)
    }

    private func form(_ request: Request, _ context: AppRequestContext) async throws -> FormFields {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        return form
    }

    /// A page shown again with the error that stopped a form, with status 400 (or the error's own).
    private func retry(_ error: AppError, _ request: Request, _ context: AppRequestContext, render: (String) async throws -> String) async throws
        -> Response
    {
        try HTMLPage(html: try await render(error.message), status: error.status).response(from: request, context: context)
    }

    // MARK: Notices

    @Sendable func notices(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let principal = try context.requirePrincipal()
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            let proposals = SupervisionPolicy.canDecide(principal) ? try await service.proposals(planID: directory.plan.id, on: db) : []
            let unit = SupervisionPolicy.listedUnit(for: principal)
            let notices = try await store.notices(planID: directory.plan.id, unitID: unit, on: db)
            return NoticesPage(directory: directory, proposals: proposals, notices: notices, message: nil, page: page(context, .supervision)).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func issue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }), let itemID = form.text("item").flatMap({ Int64($0) }),
            let grade = form.text("grade").flatMap(NoticeGrade.init(rawValue:))
        else { throw AppError.invalidInput("The form names no plan, item or grade.") }
        try context.requirePlan(planID, changing: true)
        let issued = try await service.issue(
            planID: planID, itemID: itemID, grade: grade, reason: form["reason"] ?? "", requirement: form["requirement"] ?? "",
            by: context.auditActor)
        return .redirect(to: SiteURL.notice(.value(issued[0].id)).path, type: .normal)
    }

    @Sendable func notice(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await noticePage(id: id, user: user, context: context, error: nil))
    }

    private func noticePage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db in
            let principal = user.principal(reach: context.reach)
            guard let notice = try await store.notice(id: id, on: db), SupervisionPolicy.canSee(addressedTo: notice.unitID, by: principal) else {
                throw AppError.notFound("No notice has id \(id).")
            }
            let directory = try await directory(planID: notice.planID, context: context, on: db)
            return NoticePage(
                directory: directory, notice: notice, canAnswer: SupervisionPolicy.canAnswer(noticeTo: notice.unitID, by: principal),
                canClose: SupervisionPolicy.canDecide(principal),
                error: error, page: page(context, .notice(.value(id)))
            ).render()
        }
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        do {
            guard let promised = form.text("promisedOn").flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalidInput(
                    context.language == .zh ? "请填写承诺完成时间（如 2019-11-30）。" : "Give the promised completion date, such as 2019-11-30.")
            }
            _ = try await service.answer(
                noticeID: id, measures: form["measures"] ?? "", promisedOn: promised, by: user, address: context.clientAddress)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await noticePage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.notice(.value(id)).path, type: .normal)
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        _ = try await form(request, context)
        try await service.close(noticeID: id, by: context.auditActor)
        return .redirect(to: SiteURL.notice(.value(id)).path, type: .normal)
    }

    // MARK: Inspections

    @Sendable func inspections(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            return InspectionsPage(
                directory: directory, inspections: try await store.inspections(planID: directory.plan.id, on: db),
                canRecord: SupervisionPolicy.canInspect(user.principal(reach: context.reach)), page: page(context, .inspections)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func newInspection(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        let number = query.get("item").flatMap { Int(String($0)) }
        let unit = query.get("unit").flatMap { Int64(String($0)) }
        return HTMLPage(
            html: try await newInspectionPage(planID: planQuery(request), itemNumber: number, itemID: nil, unitID: unit, context: context, error: nil)
        )
    }

    /// An item's cumulative and rate figures with the values accepted as of a month, for the inspector to check.
    private func checkedFigures(plan: Plan, itemID: Int64?, month: Int, on db: any SQLDatabase) async throws -> [(
        indicator: Indicator, reported: Decimal?
    )] {
        guard let itemID else { return [] }
        let assessment = try await services.assessment.assess(
            planID: plan.id, period: .month(year: plan.year, month: month), on: db)
        let reported = Dictionary(uniqueKeysWithValues: (assessment.item(itemID)?.indicators ?? []).map { ($0.indicatorID, $0.value) })
        return try await plans.indicators(planID: plan.id, on: db)
            .filter { $0.itemID == itemID && ($0.kind == .cumulative || $0.kind == .rate) }.sorted { $0.ordinal < $1.ordinal }
            .map { ($0, reported[$0.id] ?? nil) }
    }

    private func newInspectionPage(planID: Int64?, itemNumber: Int?, itemID: Int64?, unitID: Int64?, context: AppRequestContext, error: String?)
        async throws -> String
    {
        try await database.read { db in
            let directory = try await directory(planID: planID, context: context, on: db)
            let item = directory.items.values.first { $0.number == itemNumber || $0.id == itemID }
            guard item != nil || unitID.map({ directory.units[$0] != nil }) == true else {
                throw AppError.notFound(context.language == .zh ? "请选择要抽查的事项或单位。" : "Choose the item or unit inspected.")
            }
            let checked = try await checkedFigures(plan: directory.plan, itemID: item?.id, month: directory.day.month, on: db)
            return NewInspectionPage(
                directory: directory, item: item, unitID: unitID, indicators: checked, error: error, page: page(context, .newInspection)
            ).render()
        }
    }

    /// The verified values a form carries, by indicator of the item.
    private func verifiedValues(_ form: FormFields, planID: Int64, itemID: Int64?, language: Language) async throws -> [Int64: Decimal] {
        guard let itemID else { return [:] }
        let indicators = try await database.read { try await plans.indicators(planID: planID, on: $0) }.filter { $0.itemID == itemID }
        var verified: [Int64: Decimal] = [:]
        for indicator in indicators {
            if let value = try ReportValues.decimal(form.text("verified.\(indicator.id)"), indicator: indicator, language: language) {
                verified[indicator.id] = value
            }
        }
        return verified
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }) else { throw AppError.invalidInput("The form names no plan.") }
        try context.requirePlan(planID, changing: true)
        let itemID = form.text("item").flatMap { Int64($0) }
        var unitID = form.text("unit").flatMap { Int64($0) }
        do {
            guard let date = form.text("inspectedOn").flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalidInput(context.language == .zh ? "检查日期应写作 2019-09-12。" : "Write the date as 2019-09-12.")
            }
            let planned = form["submit"] == "plan"
            let verified = planned ? [:] : try await verifiedValues(form, planID: planID, itemID: itemID, language: context.language)
            if let itemID, unitID == nil {
                unitID = try await database.read { db in
                    try await plans.assignments(planID: planID, on: db).filter { $0.itemID == itemID && $0.role == .lead }.min {
                        $0.ordinal < $1.ordinal
                    }?.unitID
                }
            }
            let input = SupervisionService.InspectionInput(
                itemID: itemID, unitID: unitID, inspectedOn: date, place: form["place"] ?? "",
                mode: form.text("mode").flatMap(InspectionMode.init(rawValue:)) ?? .open,
                checked: form["checked"] ?? "", findings: form["findings"] ?? "", verified: verified, planned: planned
            )
            let inspection = try await service.record(planID: planID, input, by: context.auditActor)
            return .redirect(to: SiteURL.inspection(.value(inspection.id)).path, type: .normal)
        } catch let error as AppError where error.kind == .invalidInput {
            let unit = unitID
            return try await retry(error, request, context) {
                try await newInspectionPage(planID: planID, itemNumber: nil, itemID: itemID, unitID: unit, context: context, error: $0)
            }
        }
    }

    @Sendable func recordResults(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        guard let inspection = try await database.read({ try await store.inspection(id: id, on: $0) }) else {
            throw AppError.notFound("No inspection has id \(id).")
        }
        do {
            guard let date = form.text("inspectedOn").flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalidInput(context.language == .zh ? "检查日期应写作 2019-09-12。" : "Write the date as 2019-09-12.")
            }
            let verified = try await verifiedValues(form, planID: inspection.planID, itemID: inspection.itemID, language: context.language)
            _ = try await service.complete(
                inspectionID: id, inspectedOn: date, findings: form["findings"] ?? "", verified: verified, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await inspectionPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.inspection(.value(id)).path, type: .normal)
    }

    @Sendable func inspection(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await inspectionPage(id: id, user: user, context: context, error: nil))
    }

    private func inspectionPage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db in
            guard let inspection = try await store.inspection(id: id, on: db) else { throw AppError.notFound("No inspection has id \(id).") }
            let directory = try await directory(planID: inspection.planID, context: context, on: db)
            let indicators = Dictionary(uniqueKeysWithValues: try await plans.indicators(planID: inspection.planID, on: db).map { ($0.id, $0) })
            let figures =
                inspection.state == .planned
                ? try await checkedFigures(plan: directory.plan, itemID: inspection.itemID, month: directory.day.month, on: db) : []
            return InspectionPage(
                directory: directory, inspection: inspection, indicators: indicators,
                photos: try await store.files(owner: .inspection, ownerIDs: [id], on: db),
                rectifications: try await store.rectifications(planID: inspection.planID, inspectionID: id, on: db), figures: figures,
                canEdit: SupervisionPolicy.canInspect(user.principal(reach: context.reach)), error: error,
                page: page(context, .inspection(.value(id)))
            ).render()
        }
    }

    @Sendable func addPhoto(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let parts = try await Multipart.parts(of: request, context: context)
        try CSRF.check(parts.text(CSRF.fieldName), context: context)
        do {
            guard let upload = parts.file("file"), !upload.data.isEmpty else {
                throw AppError.invalidInput(context.language == .zh ? "请选择照片。" : "Choose a photo.")
            }
            let accepted = try AttachmentStorage.check(fileName: upload.name, data: upload.data)
            guard accepted.contentType.hasPrefix("image/") else { throw AppError.invalidInput("\(upload.name) is not a JPEG or PNG photo.") }
            guard try await database.read({ try await store.inspection(id: id, on: $0) }) != nil else {
                throw AppError.notFound("No inspection has id \(id).")
            }
            _ = try await service.attach(accepted, to: .inspection, id: id, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await inspectionPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.inspection(.value(id)).path, type: .normal)
    }

    @Sendable func requireRectification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        do {
            guard let unitID = form.text("unit").flatMap({ Int64($0) }) else { throw AppError.invalidInput("Choose the unit that must rectify.") }
            guard let due = form.text("due").flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalidInput(context.language == .zh ? "整改期限应写作 2019-10-15。" : "Write the due date as 2019-10-15.")
            }
            _ = try await service.requireRectification(
                inspectionID: id, unitID: unitID, requirement: form["requirement"] ?? "", due: due, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await inspectionPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.inspection(.value(id)).path, type: .normal)
    }

    // MARK: Rectifications

    @Sendable func rectifications(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            let unit = SupervisionPolicy.listedUnit(for: user.principal(reach: context.reach))
            return RectificationsPage(
                directory: directory, rectifications: try await store.rectifications(planID: directory.plan.id, unitID: unit, on: db),
                page: page(context, .rectifications)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func rectification(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await rectificationPage(id: id, user: user, context: context, error: nil))
    }

    private func rectificationPage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db in
            let principal = user.principal(reach: context.reach)
            guard let rectification = try await store.rectification(id: id, on: db),
                SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal)
            else {
                throw AppError.notFound("No rectification has id \(id).")
            }
            let directory = try await directory(planID: rectification.planID, context: context, on: db)
            return RectificationPage(
                directory: directory, rectification: rectification, events: try await store.events(rectificationID: id, on: db),
                evidence: try await store.files(owner: .rectification, ownerIDs: [id], on: db),
                canReport: SupervisionPolicy.canReport(rectificationOf: rectification.unitID, by: principal),
                canReview: SupervisionPolicy.canReviewRectifications(principal), error: error, page: page(context, .rectification(.value(id)))
            ).render()
        }
    }

    @Sendable func actOnRectification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let path = try context.parameters.require(SiteURL.Key.action)
        do {
            if path == "report" {
                let parts = try await Multipart.parts(of: request, context: context)
                try CSRF.check(parts.text(CSRF.fieldName), context: context)
                let evidence = try parts.file("file").flatMap {
                    $0.data.isEmpty ? nil : try AttachmentStorage.check(fileName: $0.name, data: $0.data)
                }
                _ = try await service.act(
                    rectificationID: id, action: .report, text: parts.text("text") ?? "", by: user, address: context.clientAddress)
                if let evidence { _ = try await service.attach(evidence, to: .rectification, id: id, by: context.auditActor) }
            } else {
                let form = try await form(request, context)
                guard let action = form.text("action").flatMap(RectificationState.Action.init(rawValue:)), action != .report else {
                    throw AppError.invalidInput("Close or reopen.")
                }
                _ = try await service.act(rectificationID: id, action: action, text: form["text"] ?? "", by: user, address: context.clientAddress)
            }
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await rectificationPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.rectification(.value(id)).path, type: .normal)
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let found = try await database.read { db -> SupervisionFile? in
            let principal = user.principal(reach: context.reach)
            guard let file = try await store.file(id: id, on: db) else { return nil }
            guard file.owner == .rectification else { return SupervisionPolicy.canSeeInspections(principal) ? file : nil }
            guard let rectification = try await store.rectification(id: file.ownerID, on: db) else { return nil }
            return SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal) ? file : nil
        }
        guard let file = found else { throw AppError.notFound("No such file.") }
        let data = try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: file.storageKey)
        return FileResponse.make(data, contentType: file.contentType, fileName: file.fileName)
    }

    // MARK: Accountability

    @Sendable func accountability(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            let proposals =
                SupervisionPolicy.canDecide(user.principal(reach: context.reach))
                ? try await service.caseProposals(planID: directory.plan.id, on: db) : []
            return AccountabilityPage(
                directory: directory, proposals: proposals, cases: try await store.cases(planID: directory.plan.id, on: db),
                page: page(context, .accountability)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func openCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }), let unitID = form.text("unit").flatMap({ Int64($0) }),
            let rule = form.text("rule").flatMap(AccountabilityRule.init(rawValue:))
        else { throw AppError.invalidInput("The form names no plan, unit or rule.") }
        try context.requirePlan(planID, changing: true)
        let itemID = form.text("item").flatMap { Int64($0) }
        let proposal = try await database.read { db in
            try await service.caseProposals(planID: planID, on: db).first { $0.unitID == unitID && $0.itemID == itemID && $0.rule == rule }
        }
        guard let proposal else {
            throw AppError.conflict(context.language == .zh ? "该情形已启动问责或已不再符合规则。" : "That case was opened already or no longer applies.")
        }
        let opened = try await service.openCase(
            planID: planID, unitID: unitID, itemID: itemID, rule: rule, grounds: proposal.grounds, by: context.auditActor)
        return .redirect(to: SiteURL.accountabilityCase(.value(opened.id)).path, type: .normal)
    }

    @Sendable func accountabilityCase(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await casePage(id: id, user: user, context: context, error: nil))
    }

    private func casePage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db in
            let principal = user.principal(reach: context.reach)
            guard let entry = try await store.accountabilityCase(id: id, on: db), SupervisionPolicy.canSee(addressedTo: entry.unitID, by: principal)
            else {
                throw AppError.notFound("No case has id \(id).")
            }
            let directory = try await directory(planID: entry.planID, context: context, on: db)
            return AccountabilityCasePage(
                directory: directory, entry: entry, canDecide: SupervisionPolicy.canDecide(principal), error: error,
                page: page(context, .accountabilityCase(.value(id)))
            ).render()
        }
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        do {
            guard let decision = form.text("decision").flatMap(AccountabilityDecision.init(rawValue:)) else {
                throw AppError.invalidInput("Choose a decision.")
            }
            guard let note = form.text("note") else {
                throw AppError.invalidInput(context.language == .zh ? "请写明处理意见。" : "Write the reasons for the decision.")
            }
            _ = try await service.decide(caseID: id, decision: decision, note: note, by: user, address: context.clientAddress)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await casePage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.accountabilityCase(.value(id)).path, type: .normal)
    }

    // MARK: Scores and settings

    @Sendable func scores(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            var period = try await service.month(plan: directory.plan, on: db)
            if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
                guard let requested = Period(text), requested.year == directory.plan.year else {
                    throw AppError.invalidInput(
                        context.language == .zh
                            ? "期间应写作 \(directory.plan.year)-09 或 \(directory.plan.year)。"
                            : "Write the period as \(directory.plan.year)-09 or \(directory.plan.year).")
                }
                period = requested
            }
            return ScoresPage(
                directory: directory, period: period, scores: try await service.scores(planID: directory.plan.id, period: period, on: db),
                page: page(context, .scores)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        return HTMLPage(html: try await settingsPage(planID: planQuery(request), context: context, message: nil, error: nil, submitted: nil))
    }

    private func settingsPage(planID: Int64?, context: AppRequestContext, message: String?, error: String?, submitted: SupervisionSettings?)
        async throws -> String
    {
        try await database.read { db in
            let directory = try await directory(planID: planID, context: context, on: db)
            return SupervisionSettingsPage(
                plan: directory.plan, settings: submitted ?? directory.settings, message: message, error: error,
                page: page(context, .supervisionSettings)
            ).render()
        }
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }) else { throw AppError.invalidInput("The form names no plan.") }
        try context.requirePlan(planID, changing: true)
        do {
            let settings = try SupervisionSettingsForm.parse(form, language: context.language)
            do {
                try await service.saveSettings(settings, planID: planID, by: context.auditActor)
            } catch let problem as SettingsProblem {
                throw AppError.invalidInput(SupervisionSettingsWords(language: context.language).problem(problem))
            }
            let html = try await settingsPage(
                planID: planID, context: context, message: context.language.supervisionWords.saved, error: nil, submitted: nil)
            return try HTMLPage(html: html).response(from: request, context: context)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) {
                try await settingsPage(planID: planID, context: context, message: nil, error: $0, submitted: nil)
            }
        }
    }
}

/// Reads the supervision settings form, naming the field of any value that is not a number; the ranges are the
/// core's (``SupervisionSettings/problem()``).
enum SupervisionSettingsForm {
    static func parse(_ form: FormFields, language: Language) throws -> SupervisionSettings {
        let words = SupervisionSettingsWords(language: language)
        func number(_ field: SettingsProblem.Field) throws -> Decimal {
            guard let text = form.text(field.formName), let value = DecimalText.parse(text) else {
                throw AppError.invalidInput(words.notANumber(field))
            }
            return value
        }
        func whole(_ field: SettingsProblem.Field) throws -> Int {
            guard let value = Int(form.text(field.formName) ?? "") else { throw AppError.invalidInput(words.notANumber(field)) }
            return value
        }
        var settings = SupervisionSettings()
        settings.notices = NoticeRules(
            nearDays: try whole(.nearDays), blueResponseDays: try whole(.blueResponseDays),
            yellowResponseDays: try whole(.yellowResponseDays), redResponseDays: try whole(.redResponseDays))
        settings.discrepancy = DiscrepancyRule(tolerance: try number(.tolerance) / 100)
        settings.accountability = AccountabilitySettings(
            rules: Set(form.all("rule").compactMap(AccountabilityRule.init(rawValue:))), consecutiveMonths: try whole(.consecutiveMonths))
        var decisions: [AccountabilityDecision: Decimal] = [:]
        for decision in AccountabilityDecision.allCases { decisions[decision] = try number(.decision(decision)) }
        settings.scoring = ScoringScheme(
            completion: try number(.completion), progress: try number(.progress), reporting: try number(.reporting),
            satisfaction: try number(.satisfaction), perDiscrepancy: try number(.perDiscrepancy),
            perOverdueRectification: try number(.perOverdueRectification), perRedNotice: try number(.perRedNotice),
            findingsCap: try number(.findingsCap), decisions: decisions)
        return settings
    }
}
