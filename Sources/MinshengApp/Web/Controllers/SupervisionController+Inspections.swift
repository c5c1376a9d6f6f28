import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The pages and forms of inspections.
extension SupervisionController {
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
                throw AppError.notFound(SupervisionFormWords(language: context.language).chooseInspected)
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
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).inspectionDate)
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
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).inspectionDate)
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
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).choosePhoto)
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
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).dueDate)
            }
            _ = try await service.requireRectification(
                inspectionID: id, unitID: unitID, requirement: form["requirement"] ?? "", due: due, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await inspectionPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.inspection(.value(id)).path, type: .normal)
    }
}
