import Foundation
import Hummingbird
import MinshengCore

/// The pages and forms of supervision notices.
extension SupervisionController {
    @Sendable func notices(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let principal = try context.requirePrincipal()
        let model = try await NoticesPage.Model.load(services: services, principal: principal, planID: planQuery(request), language: context.language)
        return HTMLPage(html: NoticesPage.View(model: model, page: page(context, .supervision)).render())
    }

    @Sendable func issue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }), let itemID = form.text("item").flatMap({ Int64($0) }),
            let grade = form.text("grade").flatMap(NoticeGrade.init(rawValue:))
        else { throw FormRefusals.incomplete }
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
        let model = try await NoticePage.Model.load(
            services: services, principal: user.principal(reach: context.reach), noticeID: id, language: context.language, error: error)
        return NoticePage.View(model: model, page: page(context, .notice(.value(id)))).render()
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        do {
            guard let promised = form.text("promisedOn").flatMap(CalendarDate.init(iso:)) else {
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).promisedOn)
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
}
