import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The pages and forms of accountability cases.
extension SupervisionController {
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
                throw AppError.invalidInput(SupervisionFormWords(language: context.language).decisionNote)
            }
            _ = try await service.decide(caseID: id, decision: decision, note: note, by: user, address: context.clientAddress)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await casePage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.accountabilityCase(.value(id)).path, type: .normal)
    }
}
