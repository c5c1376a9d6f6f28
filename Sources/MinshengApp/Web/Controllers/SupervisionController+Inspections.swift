import Foundation
import Hummingbird
import MinshengCore

/// The pages and forms of inspections.
extension SupervisionController {
    @Sendable func inspections(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let model = try await InspectionsPage.Model.load(
            services: services, principal: user.principal(reach: context.reach), planID: planQuery(request), language: context.language)
        return HTMLPage(html: InspectionsPage.View(model: model, page: page(context, .inspections)).render())
    }

    @Sendable func newInspection(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        let number = query.get("item").flatMap { Int(String($0)) }
        let unit = query.get("unit").flatMap { Int64(String($0)) }
        return HTMLPage(
            html: try await newInspectionPage(planID: planQuery(request), itemNumber: number, itemID: nil, unitID: unit, context: context, error: nil)
        )
    }

    private func newInspectionPage(planID: Int64?, itemNumber: Int?, itemID: Int64?, unitID: Int64?, context: AppRequestContext, error: String?)
        async throws -> String
    {
        let model = try await NewInspectionPage.Model.load(
            services: services, principal: try context.requirePrincipal(), planID: planID, itemNumber: itemNumber, itemID: itemID, unitID: unitID,
            language: context.language, error: error)
        return NewInspectionPage.View(model: model, page: page(context, .newInspection)).render()
    }

    /// The verified values a form carries, by indicator of the item.
    private func verifiedValues(_ form: FormFields, planID: Int64, itemID: Int64?, language: Language) async throws -> [Int64: Decimal] {
        guard let itemID else { return [:] }
        let indicators = try await service.indicators(planID: planID, itemID: itemID)
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
        guard let planID = form.text("plan").flatMap({ Int64($0) }) else { throw FormRefusals.incomplete }
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
                unitID = try await service.leadUnit(planID: planID, itemID: itemID)
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
        guard let inspection = try await service.inspection(id: id) else {
            throw SupervisionRefusals.noInspection(id)
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
        let model = try await InspectionPage.Model.load(
            services: services, principal: user.principal(reach: context.reach), inspectionID: id, language: context.language, error: error)
        return InspectionPage.View(model: model, page: page(context, .inspection(.value(id)))).render()
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
            guard accepted.contentType.hasPrefix("image/") else { throw FormRefusals.notAPhoto(upload.name) }
            guard try await service.inspection(id: id) != nil else {
                throw SupervisionRefusals.noInspection(id)
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
            guard let unitID = form.text("unit").flatMap({ Int64($0) }) else { throw FormRefusals.rectifyingUnit }
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
