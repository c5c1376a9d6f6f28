import Foundation
import Hummingbird
import MinshengCore

/// The supervision pages: notices, inspections, rectifications, accountability, scores and settings. The office
/// (admin) issues and decides; inspectors record inspections and review rectifications; reporters see and answer
/// what concerns their unit; leaders read everything.
struct SupervisionController {
    let services: Services
    var configuration: AppConfiguration { services.configuration }

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

    func planQuery(_ request: Request) -> Int64? {
        request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }
    }

    func page(_ context: AppRequestContext, _ url: SiteURL) -> PageContext {
        PageContext(context, path: url.path)
    }

    func form(_ request: Request, _ context: AppRequestContext) async throws -> FormFields {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        return form
    }

    /// A page shown again with the error that stopped a form, with status 400 (or the error's own).
    func retry(_ error: AppError, _ request: Request, _ context: AppRequestContext, render: (String) async throws -> String) async throws
        -> Response
    {
        try HTMLPage(html: try await render(error.message(in: context.language)), status: error.status).response(from: request, context: context)
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
