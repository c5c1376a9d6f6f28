import Foundation
import Hummingbird
import MinshengCore

/// The pages and forms of accountability cases.
extension SupervisionController {
    @Sendable func accountability(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let model = try await AccountabilityPage.Model.load(
            services: services, principal: user.principal(reach: context.reach), planID: planQuery(request), language: context.language)
        return HTMLPage(html: AccountabilityPage.View(model: model, page: page(context, .accountability)).render())
    }

    @Sendable func openCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }), let unitID = form.text("unit").flatMap({ Int64($0) }),
            let rule = form.text("rule").flatMap(AccountabilityRule.init(rawValue:))
        else { throw FormRefusals.incomplete }
        try context.requirePlan(planID, changing: true)
        let itemID = form.text("item").flatMap { Int64($0) }
        guard let proposal = try await service.caseProposal(planID: planID, unitID: unitID, itemID: itemID, rule: rule) else {
            throw AppError.conflict(SupervisionFormWords(language: context.language).caseGone)
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
        let model = try await AccountabilityCasePage.Model.load(
            services: services, principal: user.principal(reach: context.reach), caseID: id, language: context.language, error: error)
        return AccountabilityCasePage.View(model: model, page: page(context, .accountabilityCase(.value(id)))).render()
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await form(request, context)
        do {
            guard let decision = form.text("decision").flatMap(AccountabilityDecision.init(rawValue:)) else {
                throw FormRefusals.noDecision
            }
            guard let note = form.text("note") else {
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).decisionNote)
            }
            _ = try await service.decide(caseID: id, decision: decision, note: note, by: user, address: context.clientAddress)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await casePage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.accountabilityCase(.value(id)).path, type: .normal)
    }
}
