import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The office's side of disclosure: publishing, answering the public, approving photos. Admins only.
struct PublicAdminController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    var cache: PublicPageCache { services.publicCache }
    let plans = PlanStore()
    let store = PublicationStore()

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
        try await database.read { db in
            let plan = if let id { try await plans.plan(id: id, on: db) } else { try await plans.plans(within: context.reach, on: db).first }
            guard let plan else { throw AppError.notFound(context.language.reporting.noPlan) }
            try context.requirePlan(plan.id, changing: false)
            return plan
        }
    }

    @Sendable func publications(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let plan = try await plan(request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }, context: context)
        let periodText = request.uri.queryParameters.get("period").map { String($0) }
        return HTMLPage(html: try await publicationsPage(plan: plan, periodText: periodText, message: nil, error: nil, context: context))
    }

    private func publicationsPage(plan: Plan, periodText: String?, message: String?, error: String?, context: AppRequestContext) async throws
        -> String
    {
        try await database.read { db in
            let published = try await store.publications(planID: plan.id, on: db)
            var period = try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
            if let periodText {
                guard let requested = Period(periodText), requested.year == plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: context.language).month(plan.year))
                }
                period = requested
            }
            let preview = try await PublicService.snapshot(
                planID: plan.id, period: period, sequence: (published.last?.sequence ?? 0) + 1,
                previousHash: published.last?.hash ?? PublicSnapshot.genesisHash,
                publishedOn: configuration.today, objectionsUntil: nil, on: db
            )
            let pending = try await store.messages(publicationIDs: published.map(\.id), states: [.pending], on: db).count
            return PublicationsAdminPage(
                plan: plan, period: period, preview: preview, publications: published, pendingMessages: pending, message: message,
                error: error, page: PageContext(context, path: SiteURL.adminPublications.path)
            ).render()
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let plan = try await plan(form.text("plan").flatMap { Int64($0) }, context: context)
        try context.requirePlan(plan.id, changing: true)
        guard let period = form.text("period").flatMap(Period.init) else { throw AppError.invalidInput("The form names no period.") }
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
                message: "\(words.published)：\(words.publicationTitle(publication.snapshot))，SHA-256 \(publication.hash)", error: nil,
                context: context)
            return try HTMLPage(html: html).response(from: request, context: context)
        } catch let error as AppError where error.kind == .invalidInput {
            let html = try await publicationsPage(plan: plan, periodText: period.description, message: nil, error: error.message, context: context)
            return try HTMLPage(html: html, status: .badRequest).response(from: request, context: context)
        }
    }

    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let plan = try await plan(request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }, context: context)
        let html = try await database.read { db in
            let published = try await store.publications(planID: plan.id, on: db)
            let messages = try await store.messages(publicationIDs: published.map(\.id), on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.number, $0.title) })
            return PublicMessagesAdminPage(
                plan: plan, messages: messages, sequences: Dictionary(uniqueKeysWithValues: published.map { ($0.id, $0.sequence) }), titles: titles,
                page: PageContext(context, path: SiteURL.adminPublicMessages.path)
            ).render()
        }
        return HTMLPage(html: html)
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
        let html = try await database.read { db in
            let candidates = try await store.photoCandidates(planID: plan.id, on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, "\($0.number). \($0.title)") })
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
            return PhotosAdminPage(
                plan: plan, candidates: candidates, titles: titles, units: units, page: PageContext(context, path: SiteURL.adminPhotos.path)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func setPhoto(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let planID = try await service.setPhotoPublic(form["public"] == "true", attachmentID: id, by: context.auditActor)
        return .redirect(to: SiteURL.adminPhotos.path + "?plan=\(planID)", type: .normal)
    }
}
