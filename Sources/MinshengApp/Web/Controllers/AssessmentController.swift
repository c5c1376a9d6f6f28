import Foundation
import Hummingbird
import MinshengCore

/// The assessment pages: 总览, 挂图作战, item pages, unit pages and ranking, and the office's settings.
struct AssessmentController {
    let services: Services

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.overview, method: .get, use: overview)
        routes.on(SiteURL.battleMap, method: .get, use: battleMap)
        routes.on(SiteURL.item(plan: .key, number: .key), method: .get, use: item)
        routes.on(SiteURL.itemSettings(plan: .key, number: .key), method: .post, use: saveItemSettings)
        routes.on(SiteURL.unitPage(.key), method: .get, use: unit)
        routes.on(SiteURL.unitRanking, method: .get, use: ranking)
        routes.on(SiteURL.rollup, method: .get, use: rollup)
        routes.on(SiteURL.adminAssessment(.key), method: .get, use: settings)
        routes.on(SiteURL.adminAssessment(.key), method: .post, use: saveSettings)
    }

    /// The plan and period of an assessment page: `?plan=` and `?period=` (any period form), or the defaults.
    private func scope(_ request: Request, _ context: AppRequestContext, planID: Int64? = nil) async throws -> AssessmentScope {
        let query = request.uri.queryParameters
        return try await AssessmentScope.resolve(
            planID: planID ?? query.get("plan").flatMap { Int64(String($0)) }, period: query.get("period").map { String($0) }, reach: context.reach,
            language: context.language, services: services)
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        let query = request.uri.queryParameters
        let filters: OverviewPage.Filters = (
            category: query.get("category").flatMap { Int64(String($0)) },
            status: query.get("status").flatMap { ProgressStatus(rawValue: String($0)) },
            unit: query.get("unit").flatMap { Int64(String($0)) }
        )
        let page = PageContext(context, path: SiteURL.overview.path)
        let main = try await OverviewPage.main(services: services, scope: scope, filters: filters, page: page)
        return HTMLPage(html: Layout.wrap(main: main, title: context.language.assessment.overview, page: page))
    }

    /// The battle map: sheets for A3, `?sheet=a0` one sheet for A0, `?screen=1&category=N` the big screen.
    @Sendable func battleMap(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        let page = PageContext(context, path: SiteURL.battleMap.path)
        let query = request.uri.queryParameters
        let category = query.get("category").flatMap { Int(String($0)) }.map { max(1, $0) } ?? 1
        if query.get("screen") == "1" {
            return HTMLPage(html: try await BattleMapPage.screen(services: services, scope: scope, category: category, page: page))
        }
        let mode: BattleMapPage.Mode = query.get("sheet") == "a0" ? .poster : .sheets
        let main = try await BattleMapPage.main(services: services, scope: scope, mode: mode, page: page)
        return HTMLPage(html: Layout.wrap(main: main, title: context.language.assessment.battleMap, page: page))
    }

    @Sendable func item(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let scope = try await scope(request, context, planID: planID)
        return HTMLPage(html: try await itemPage(plan: scope.plan, number: number, period: scope.period, user: user, context: context, error: nil))
    }

    private func itemPage(plan: Plan, number: Int, period: Period, user: User, context: AppRequestContext, error: String?) async throws -> String {
        let model = try await ItemPage.Model.load(
            services: services, user: user, plan: plan, number: number, period: period, language: context.language, error: error)
        return ItemPage.View(model: model, page: PageContext(context, path: SiteURL.item(plan: .value(plan.id), number: .value(number)).path))
            .render()
    }

    @Sendable func saveItemSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let period = form.text("period").flatMap(Period.init) else { throw FormRefusals.noPeriod }
        let plan = try await AssessmentScope.plan(id: planID, services: services)
        do {
            let settings = try await parseItemSettings(form, planID: planID, number: number, language: context.language)
            try await services.assessmentSettings.saveItemSettings(settings, period: period, user: user, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            let html = try await itemPage(
                plan: plan, number: number, period: period, user: user, context: context, error: error.message(in: context.language))
            return try HTMLPage(html: html, status: .badRequest).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.item(plan: .value(planID), number: .value(number)).path + "?period=\(period)", type: .normal)
    }

    private func parseItemSettings(_ form: FormFields, planID: Int64, number: Int, language: Language) async throws
        -> AssessmentSettingsService.ItemSettings
    {
        let (item, indicators) = try await services.assessmentSettings.item(planID: planID, number: number)
        let words = AssessmentSettingsWords(language: language)
        var override: StatusOverride?
        if let status = form.text("override").flatMap(ProgressStatus.init(rawValue:)) {
            guard let reason = form.text("reason") else {
                throw AppError.invalidInput(words.overrideNeedsReason)
            }
            override = StatusOverride(status: status, reason: reason)
        }
        var weights: [Int64: Decimal] = [:]
        var schedules: [Int64: Schedule?] = [:]
        for indicator in indicators {
            if let text = form.text("weight.\(indicator.id)") {
                guard let weight = DecimalText.parse(text), weight >= 0 else {
                    throw AppError.invalidInput(words.badWeight(indicator.name, text))
                }
                weights[indicator.id] = weight
            }
            do {
                schedules[indicator.id] = try ScheduleText.parse(form["schedule.\(indicator.id)"] ?? "", indicator: indicator.name)
            } catch {
                throw AppError(.invalidInput, error)
            }
        }
        return AssessmentSettingsService.ItemSettings(
            itemID: item.id, override: override, weights: weights, schedules: schedules, shortTitle: form["shortTitle"])
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let unitID = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let query = request.uri.queryParameters
        let model = try await UnitPage.Model.load(
            services: services, user: user, reach: context.reach, language: context.language, unitID: unitID,
            planID: query.get("plan").flatMap { Int64(String($0)) }, period: query.get("period").map { String($0) })
        return HTMLPage(html: UnitPage.View(model: model, page: PageContext(context, path: SiteURL.unitPage(.value(unitID)).path)).render())
    }

    @Sendable func rollup(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        let root = query.get("jurisdiction").flatMap { Int64(String($0)) }
        var period: Period?
        if let text = query.get("period").map({ String($0) }) {
            guard let parsed = Period(text), case .month = parsed else {
                throw AppError.invalidInput(PeriodWords(language: context.language).month())
            }
            period = parsed
        }
        let model = try await RollupPage.Model.load(services: services, reach: context.reach, rootID: root, period: period)
        return HTMLPage(html: RollupPage.View(model: model, page: PageContext(context, path: SiteURL.rollup.path)).render())
    }

    @Sendable func ranking(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let scope = try await scope(request, context)
        let model = try await UnitRankingPage.Model.load(services: services, plan: scope.plan, period: scope.period)
        return HTMLPage(html: UnitRankingPage.View(model: model, page: PageContext(context, path: SiteURL.unitRanking.path)).render())
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return HTMLPage(html: try await settingsPage(planID: planID, context: context, message: nil))
    }

    private func settingsPage(planID: Int64, context: AppRequestContext, message: String?) async throws -> String {
        let model = try await AssessmentSettingsPage.Model.load(services: services, planID: planID, message: message)
        return AssessmentSettingsPage.View(model: model, page: PageContext(context, path: SiteURL.adminAssessment(.value(planID)).path)).render()
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let words = AssessmentSettingsWords(language: context.language)
        func number(_ name: String) throws -> Decimal {
            guard let value = form.text(name).flatMap(DecimalText.parse), value >= 0, value <= 100 else {
                throw AppError.invalidInput(words.thresholds)
            }
            return value
        }
        guard let month = form.text("completionMonth").flatMap(Int.init), (1...12).contains(month) else {
            throw AppError.invalidInput(words.completionMonth)
        }
        let settings = AssessmentSettings(
            yellowThreshold: try number("yellow"), redThreshold: try number("red"), aheadThreshold: try number("ahead"), completionMonth: month)
        try await services.assessmentSettings.saveSettings(settings, planID: planID, by: context.auditActor)
        return try HTMLPage(html: try await settingsPage(planID: planID, context: context, message: "✓")).response(from: request, context: context)
    }
}
