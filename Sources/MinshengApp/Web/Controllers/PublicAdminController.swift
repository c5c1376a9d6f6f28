import Foundation
import Hummingbird
import MinshengCore

/// The office's side of disclosure: publishing, answering the public, approving photos. Admins only.
struct PublicAdminController {
    let services: Services

    var service: PublicService { services.disclosure }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.adminPublications, method: .get, use: publications)
        routes.on(SiteURL.adminPublications, method: .post, use: publish)
        routes.on(SiteURL.adminPublicMessages, method: .get, use: messages)
        routes.on(SiteURL.adminPublicMessage(.key), method: .post, use: settle)
        routes.on(SiteURL.adminPhotos, method: .get, use: photos)
        routes.on(SiteURL.adminPhoto(.key), method: .post, use: setPhoto)
    }

    private func plan(_ id: Int64?, context: AppRequestContext) async throws -> Plan {
        let plan = try await DisclosurePlan.load(services: services, id: id, reach: context.reach, language: context.language)
        try context.requirePlan(plan.id, changing: false)
        return plan
    }

    @Sendable func publications(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let plan = try await plan(request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }, context: context)
        let periodText = request.uri.queryParameters.get("period").map { String($0) }
        return HTMLPage(html: try await publicationsPage(plan: plan, periodText: periodText, message: nil, error: nil, context: context))
    }

    private func publicationsPage(plan: Plan, periodText: String?, message: String?, error: String?, context: AppRequestContext) async throws
        -> String
    {
        let model = try await PublicationsAdminPage.Model.load(
            services: services, plan: plan, periodText: periodText, language: context.language, message: message, error: error)
        return PublicationsAdminPage.View(model: model, page: PageContext(context, path: SiteURL.adminPublications.path)).render()
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let plan = try await plan(form.text("plan").flatMap { Int64($0) }, context: context)
        try context.requirePlan(plan.id, changing: true)
        guard let period = form.text("period").flatMap(Period.init) else { throw FormRefusals.noPeriod }
        let days: Int?
        if let text = form.text("objectionDays") {
            guard let value = Int(text) else {
                throw AppError.invalidInput(PublicAdminWords(language: context.language).objectionDays)
            }
            days = value
        } else {
            days = nil
        }
        do {
            let publication = try await service.publish(planID: plan.id, period: period, objectionDays: days, by: context.auditActor)
            let words = context.language.publicWords
            let html = try await publicationsPage(
                plan: plan, periodText: period.description,
                message: context.language.punctuation.labelled(words.published, words.publicationTitle(publication.snapshot))
                    + context.language.punctuation.comma + "SHA-256 \(publication.hash)", error: nil,
                context: context)
            return try HTMLPage(html: html).response(from: request, context: context)
        } catch let error as AppError where error.kind == .invalidInput {
            let html = try await publicationsPage(
                plan: plan, periodText: period.description, message: nil, error: error.message(in: context.language), context: context)
            return try HTMLPage(html: html, status: .badRequest).response(from: request, context: context)
        }
    }

    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let plan = try await plan(request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }, context: context)
        let model = try await PublicMessagesAdminPage.Model.load(services: services, plan: plan)
        return HTMLPage(html: PublicMessagesAdminPage.View(model: model, page: PageContext(context, path: SiteURL.adminPublicMessages.path)).render())
    }

    @Sendable func settle(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let answering = form["action"] == "answer"
        if answering && form.text("answer") == nil {
            throw AppError.invalidInput(PublicAdminWords(language: context.language).answerRequired)
        }
        let settled = try await service.settle(messageID: id, answer: answering ? form.text("answer") : nil, by: context.auditActor)
        return .redirect(to: SiteURL.adminPublicMessages.path + "?plan=\(settled.planID)", type: .normal)
    }

    @Sendable func photos(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let plan = try await plan(request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }, context: context)
        let model = try await PhotosAdminPage.Model.load(services: services, plan: plan)
        return HTMLPage(html: PhotosAdminPage.View(model: model, page: PageContext(context, path: SiteURL.adminPhotos.path)).render())
    }

    @Sendable func setPhoto(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let planID = try await service.setPhotoPublic(form["public"] == "true", attachmentID: id, by: context.auditActor)
        return .redirect(to: SiteURL.adminPhotos.path + "?plan=\(planID)", type: .normal)
    }
}
