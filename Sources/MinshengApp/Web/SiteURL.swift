import Hummingbird
import MinshengCore

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<Value: Sendable & Equatable & CustomStringConvertible>: Sendable, Equatable {
    case key
    case value(Value)
}

/// Every route of Minsheng, in one table that both registers routes and builds links.
enum SiteURL: Sendable, Equatable {
    case home
    case healthz
    case stylesheet
    case appScript
    case plan(Parameter<Int64>)
    case login
    case logout
    case newImport
    case imports
    case importDraft(Parameter<Int64>)
    case importPlanFields(Parameter<Int64>)
    case importItem(Parameter<Int64>, Parameter<Int>)
    case importConfirm(Parameter<Int64>)
    case tasks
    case taskForm
    case report(plan: Parameter<Int64>, period: Parameter<String>, item: Parameter<Int64>, unit: Parameter<Int64>)
    case reportReview(plan: Parameter<Int64>, period: Parameter<String>, item: Parameter<Int64>, unit: Parameter<Int64>)
    case reportCorrect(plan: Parameter<Int64>, period: Parameter<String>, item: Parameter<Int64>, unit: Parameter<Int64>)
    case reportAttachments(plan: Parameter<Int64>, period: Parameter<String>, item: Parameter<Int64>, unit: Parameter<Int64>)
    case attachment(Parameter<Int64>)
    case reviewQueue
    case overdue
    case remind
    case inbox
    case adminUsers
    case adminUser(Parameter<Int64>)
    case adminUnits
    case adminUnitMembers(Parameter<Int64>)
    case adminCalendar(Parameter<Int64>)
    case adminAudit
    case tokens
    case revokeToken(Parameter<Int64>)
    case overview
    case battleMap
    case item(plan: Parameter<Int64>, number: Parameter<Int>)
    case itemSettings(plan: Parameter<Int64>, number: Parameter<Int>)
    case unitPage(Parameter<Int64>)
    case unitRanking
    case rollup
    case adminAssessment(Parameter<Int64>)
    case documents
    case document(Parameter<Int64>)
    case documentIssue(Parameter<Int64>)
    case documentRefresh(Parameter<Int64>)
    case documentFile(Parameter<Int64>, Parameter<String>)
    case documentSettings(Parameter<Int64>)
    case adminPublications
    case adminPublicMessages
    case adminPublicMessage(Parameter<Int64>)
    case adminPhotos
    case adminPhoto(Parameter<Int64>)
    case supervision
    case notice(Parameter<Int64>)
    case noticeAnswer(Parameter<Int64>)
    case noticeClose(Parameter<Int64>)
    case inspections
    case newInspection
    case inspection(Parameter<Int64>)
    case inspectionPhotos(Parameter<Int64>)
    case inspectionResults(Parameter<Int64>)
    case inspectionRectifications(Parameter<Int64>)
    case rectifications
    case rectification(Parameter<Int64>)
    case rectificationAction(Parameter<Int64>, Parameter<String>)
    case supervisionFile(Parameter<Int64>)
    case accountability
    case accountabilityCase(Parameter<Int64>)
    case caseDecision(Parameter<Int64>)
    case scores
    case supervisionSettings
    case publicIndex
    case publicScript
    case publicHome(Parameter<Int64>)
    case publicItem(plan: Parameter<Int64>, number: Parameter<Int>)
    case publicRate(plan: Parameter<Int64>, number: Parameter<Int>)
    case publicMessage(plan: Parameter<Int64>, number: Parameter<Int>)
    case publicCategory(plan: Parameter<Int64>, number: Parameter<Int>)
    case publicUnit(plan: Parameter<Int64>, id: Parameter<Int64>)
    case publicSearch(Parameter<Int64>)
    case publicPublications(Parameter<Int64>)
    case publicPublicationFile(plan: Parameter<Int64>, file: Parameter<String>)
    case publicChain(Parameter<Int64>)
    case publicVerify(Parameter<Int64>)
    case publicPhoto(Parameter<Int64>)
    case api(API)

    /// The JSON API under `/api/v1`.
    enum API: Sendable, Equatable {
        case openapi
        case me
        case plans
        case plan(Parameter<Int64>)
        case tasks(Parameter<Int64>)
        case reports(Parameter<Int64>)
        case saveReport(plan: Parameter<Int64>, period: Parameter<String>, item: Parameter<Int64>, unit: Parameter<Int64>)
        case report(Parameter<Int64>)
        case reportAction(Parameter<Int64>, Parameter<String>)
        case corrections(Parameter<Int64>)
        case overdue(Parameter<Int64>)
        case reminders(Parameter<Int64>)
        case calendar(Parameter<Int64>)
        case assessment(Parameter<Int64>)
        case documents(Parameter<Int64>)
        case document(Parameter<Int64>)
        case issueDocument(Parameter<Int64>)
        case inbox
        case users
        case user(Parameter<Int64>)
        case units
        case unitMembers(Parameter<Int64>)
        case audit
        case tokens
        case token(Parameter<Int64>)
        case publications(Parameter<Int64>)
        case publicMessages(Parameter<Int64>)
        case publicMessage(Parameter<Int64>)
        case photo(Parameter<Int64>)
        case noticeProposals(Parameter<Int64>)
        case notices(Parameter<Int64>)
        case noticeAnswer(Parameter<Int64>)
        case noticeClose(Parameter<Int64>)
        case inspections(Parameter<Int64>)
        case inspectionRectifications(Parameter<Int64>)
        case rectifications(Parameter<Int64>)
        case rectificationAction(Parameter<Int64>, Parameter<String>)
        case caseProposals(Parameter<Int64>)
        case cases(Parameter<Int64>)
        case caseDecision(Parameter<Int64>)
        case scores(Parameter<Int64>)
        case supervisionSettings(Parameter<Int64>)
    }

    /// Names of path parameters, shared by registration and handlers.
    enum Key {
        static let planID = "planID"
        static let importID = "importID"
        static let itemNumber = "itemNumber"
        static let period = "period"
        static let itemID = "itemID"
        static let unitID = "unitID"
        static let id = "id"
        static let action = "action"
        static let format = "format"
    }

    /// One segment of a path.
    enum Component {
        case literal(String)
        case parameter(name: String, value: String?)
    }

    var components: [Component] {
        switch self {
        case .home: return []
        case .healthz: return [.literal("healthz")]
        case .stylesheet: return [.literal("static"), .literal("minsheng.css")]
        case .appScript: return [.literal("static"), .literal("minsheng.js")]
        case .plan(let id): return [.literal("plans"), Self.parameter(Key.planID, id)]
        case .login: return [.literal("login")]
        case .logout: return [.literal("logout")]
        case .newImport: return [.literal("admin"), .literal("imports"), .literal("new")]
        case .imports: return [.literal("admin"), .literal("imports")]
        case .importDraft(let id): return [.literal("admin"), .literal("imports"), Self.parameter(Key.importID, id)]
        case .importPlanFields(let id):
            return [.literal("admin"), .literal("imports"), Self.parameter(Key.importID, id), .literal("plan")]
        case .importItem(let id, let number):
            return [
                .literal("admin"), .literal("imports"), Self.parameter(Key.importID, id), .literal("items"), Self.parameter(Key.itemNumber, number),
            ]
        case .importConfirm(let id):
            return [.literal("admin"), .literal("imports"), Self.parameter(Key.importID, id), .literal("confirm")]
        case .tasks: return [.literal("tasks")]
        case .taskForm: return [.literal("tasks"), .literal("form.xlsx")]
        case .report(let plan, let period, let item, let unit): return Self.reportPath(plan, period, item, unit)
        case .reportReview(let plan, let period, let item, let unit): return Self.reportPath(plan, period, item, unit) + [.literal("review")]
        case .reportCorrect(let plan, let period, let item, let unit): return Self.reportPath(plan, period, item, unit) + [.literal("correct")]
        case .reportAttachments(let plan, let period, let item, let unit):
            return Self.reportPath(plan, period, item, unit) + [.literal("attachments")]
        case .attachment(let id): return [.literal("attachments"), Self.parameter(Key.id, id)]
        case .reviewQueue: return [.literal("review")]
        case .overdue: return [.literal("overdue")]
        case .remind: return [.literal("overdue"), .literal("remind")]
        case .inbox: return [.literal("inbox")]
        case .adminUsers: return [.literal("admin"), .literal("users")]
        case .adminUser(let id): return [.literal("admin"), .literal("users"), Self.parameter(Key.id, id)]
        case .adminUnits: return [.literal("admin"), .literal("units")]
        case .adminUnitMembers(let id): return [.literal("admin"), .literal("units"), Self.parameter(Key.id, id), .literal("members")]
        case .adminCalendar(let id): return [.literal("admin"), .literal("plans"), Self.parameter(Key.planID, id), .literal("calendar")]
        case .adminAudit: return [.literal("admin"), .literal("audit")]
        case .tokens: return [.literal("account"), .literal("tokens")]
        case .revokeToken(let id): return [.literal("account"), .literal("tokens"), Self.parameter(Key.id, id), .literal("revoke")]
        case .overview: return [.literal("overview")]
        case .battleMap: return [.literal("battle-map")]
        case .item(let plan, let number):
            return [.literal("plans"), Self.parameter(Key.planID, plan), .literal("items"), Self.parameter(Key.itemNumber, number)]
        case .itemSettings(let plan, let number):
            return [
                .literal("plans"), Self.parameter(Key.planID, plan), .literal("items"), Self.parameter(Key.itemNumber, number), .literal("settings"),
            ]
        case .unitPage(let id): return [.literal("units"), Self.parameter(Key.id, id)]
        case .unitRanking: return [.literal("units")]
        case .rollup: return [.literal("rollup")]
        case .adminAssessment(let id): return [.literal("admin"), .literal("plans"), Self.parameter(Key.planID, id), .literal("assessment")]
        case .documents: return [.literal("documents")]
        case .document(let id): return [.literal("documents"), Self.parameter(Key.id, id)]
        case .documentIssue(let id): return [.literal("documents"), Self.parameter(Key.id, id), .literal("issue")]
        case .documentRefresh(let id): return [.literal("documents"), Self.parameter(Key.id, id), .literal("refresh")]
        case .documentFile(let id, let format):
            return [.literal("documents"), Self.parameter(Key.id, id), .literal("download"), Self.parameter(Key.format, format)]
        case .documentSettings(let id): return [.literal("admin"), .literal("plans"), Self.parameter(Key.planID, id), .literal("documents")]
        case .adminPublications: return [.literal("admin"), .literal("publications")]
        case .adminPublicMessages: return [.literal("admin"), .literal("public-messages")]
        case .adminPublicMessage(let id): return [.literal("admin"), .literal("public-messages"), Self.parameter(Key.id, id)]
        case .adminPhotos: return [.literal("admin"), .literal("photos")]
        case .adminPhoto(let id): return [.literal("admin"), .literal("photos"), Self.parameter(Key.id, id)]
        case .supervision: return [.literal("supervision")]
        case .notice(let id): return [.literal("supervision"), .literal("notices"), Self.parameter(Key.id, id)]
        case .noticeAnswer(let id): return [.literal("supervision"), .literal("notices"), Self.parameter(Key.id, id), .literal("answer")]
        case .noticeClose(let id): return [.literal("supervision"), .literal("notices"), Self.parameter(Key.id, id), .literal("close")]
        case .inspections: return [.literal("inspections")]
        case .newInspection: return [.literal("inspections"), .literal("new")]
        case .inspection(let id): return [.literal("inspections"), Self.parameter(Key.id, id)]
        case .inspectionPhotos(let id): return [.literal("inspections"), Self.parameter(Key.id, id), .literal("photos")]
        case .inspectionResults(let id): return [.literal("inspections"), Self.parameter(Key.id, id), .literal("results")]
        case .inspectionRectifications(let id): return [.literal("inspections"), Self.parameter(Key.id, id), .literal("rectifications")]
        case .rectifications: return [.literal("rectifications")]
        case .rectification(let id): return [.literal("rectifications"), Self.parameter(Key.id, id)]
        case .rectificationAction(let id, let action):
            return [.literal("rectifications"), Self.parameter(Key.id, id), Self.parameter(Key.action, action)]
        case .supervisionFile(let id): return [.literal("supervision"), .literal("files"), Self.parameter(Key.id, id)]
        case .accountability: return [.literal("accountability")]
        case .accountabilityCase(let id): return [.literal("accountability"), Self.parameter(Key.id, id)]
        case .caseDecision(let id): return [.literal("accountability"), Self.parameter(Key.id, id), .literal("decision")]
        case .scores: return [.literal("scores")]
        case .supervisionSettings: return [.literal("admin"), .literal("supervision")]
        case .publicIndex: return [.literal("public")]
        case .publicScript: return [.literal("static"), .literal("minsheng-public.js")]
        case .publicHome(let id): return Self.publicPlan(id)
        case .publicItem(let plan, let number): return Self.publicPlan(plan) + [.literal("items"), Self.parameter(Key.itemNumber, number)]
        case .publicRate(let plan, let number):
            return Self.publicPlan(plan) + [.literal("items"), Self.parameter(Key.itemNumber, number), .literal("rating")]
        case .publicMessage(let plan, let number):
            return Self.publicPlan(plan) + [.literal("items"), Self.parameter(Key.itemNumber, number), .literal("messages")]
        case .publicCategory(let plan, let number): return Self.publicPlan(plan) + [.literal("categories"), Self.parameter(Key.itemNumber, number)]
        case .publicUnit(let plan, let id): return Self.publicPlan(plan) + [.literal("units"), Self.parameter(Key.id, id)]
        case .publicSearch(let id): return Self.publicPlan(id) + [.literal("search")]
        case .publicPublications(let id): return Self.publicPlan(id) + [.literal("publications")]
        case .publicPublicationFile(let plan, let file): return Self.publicPlan(plan) + [.literal("publications"), Self.parameter(Key.format, file)]
        case .publicChain(let id): return Self.publicPlan(id) + [.literal("chain.json")]
        case .publicVerify(let id): return Self.publicPlan(id) + [.literal("verify")]
        case .publicPhoto(let id): return [.literal("public"), .literal("photos"), Self.parameter(Key.id, id)]
        case .api(let api):
            let base: [Component] = [.literal("api"), .literal("v1")]
            switch api {
            case .openapi: return base + [.literal("openapi.json")]
            case .me: return base + [.literal("me")]
            case .plans: return base + [.literal("plans")]
            case .plan(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id)]
            case .tasks(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("tasks")]
            case .reports(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("reports")]
            case .saveReport(let plan, let period, let item, let unit):
                return [.literal("api"), .literal("v1")] + Self.reportPath(plan, period, item, unit)
            case .report(let id): return base + [.literal("reports"), Self.parameter(Key.id, id)]
            case .reportAction(let id, let action):
                return base + [.literal("reports"), Self.parameter(Key.id, id), Self.parameter(Key.action, action)]
            case .corrections(let id): return base + [.literal("reports"), Self.parameter(Key.id, id), .literal("corrections")]
            case .overdue(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("overdue")]
            case .reminders(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("reminders")]
            case .calendar(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("calendar")]
            case .assessment(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("assessment")]
            case .documents(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("documents")]
            case .document(let id): return base + [.literal("documents"), Self.parameter(Key.id, id)]
            case .issueDocument(let id): return base + [.literal("documents"), Self.parameter(Key.id, id), .literal("issue")]
            case .inbox: return base + [.literal("inbox")]
            case .users: return base + [.literal("users")]
            case .user(let id): return base + [.literal("users"), Self.parameter(Key.id, id)]
            case .units: return base + [.literal("units")]
            case .unitMembers(let id): return base + [.literal("units"), Self.parameter(Key.id, id), .literal("members")]
            case .audit: return base + [.literal("audit")]
            case .tokens: return base + [.literal("tokens")]
            case .token(let id): return base + [.literal("tokens"), Self.parameter(Key.id, id)]
            case .publications(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("publications")]
            case .publicMessages(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("public-messages")]
            case .publicMessage(let id): return base + [.literal("public-messages"), Self.parameter(Key.id, id)]
            case .photo(let id): return base + [.literal("photos"), Self.parameter(Key.id, id)]
            case .noticeProposals(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("notice-proposals")]
            case .notices(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("notices")]
            case .noticeAnswer(let id): return base + [.literal("notices"), Self.parameter(Key.id, id), .literal("answer")]
            case .noticeClose(let id): return base + [.literal("notices"), Self.parameter(Key.id, id), .literal("close")]
            case .inspections(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("inspections")]
            case .inspectionRectifications(let id): return base + [.literal("inspections"), Self.parameter(Key.id, id), .literal("rectifications")]
            case .rectifications(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("rectifications")]
            case .rectificationAction(let id, let action):
                return base + [.literal("rectifications"), Self.parameter(Key.id, id), Self.parameter(Key.action, action)]
            case .caseProposals(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("case-proposals")]
            case .cases(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("cases")]
            case .caseDecision(let id): return base + [.literal("cases"), Self.parameter(Key.id, id), .literal("decision")]
            case .scores(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("scores")]
            case .supervisionSettings(let id): return base + [.literal("plans"), Self.parameter(Key.planID, id), .literal("supervision-settings")]
            }
        }
    }

    private static func publicPlan(_ plan: Parameter<Int64>) -> [Component] {
        [.literal("public"), .literal("plans"), parameter(Key.planID, plan)]
    }

    private static func reportPath(_ plan: Parameter<Int64>, _ period: Parameter<String>, _ item: Parameter<Int64>, _ unit: Parameter<Int64>)
        -> [Component]
    {
        [
            .literal("plans"), parameter(Key.planID, plan), .literal("reports"), parameter(Key.period, period),
            parameter(Key.itemID, item), parameter(Key.unitID, unit),
        ]
    }

    /// The report page of a unit's report on an item for a month.
    static func report(planID: Int64, period: Period, itemID: Int64, unitID: Int64) -> SiteURL {
        .report(plan: .value(planID), period: .value(period.description), item: .value(itemID), unit: .value(unitID))
    }

    private static func parameter<V>(_ name: String, _ parameter: Parameter<V>) -> Component {
        switch parameter {
        case .key: return .parameter(name: name, value: nil)
        case .value(let value): return .parameter(name: name, value: value.description)
        }
    }

    /// The path of a link, such as `/plans/3`. Every parameter must have a value.
    var path: String {
        "/"
            + components.map { component in
                switch component {
                case .literal(let text): return text
                case .parameter(let name, let value):
                    guard let value else { preconditionFailure("Link to \(self) lacks a value for \(name)") }
                    return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
                }
            }.joined(separator: "/")
    }

    /// The pattern a router registers, such as `/plans/:planID`.
    var routerPath: RouterPath {
        let pattern =
            "/"
            + components.map { component in
                switch component {
                case .literal(let text): return text
                case .parameter(let name, _): return ":\(name)"
                }
            }.joined(separator: "/")
        return RouterPath(stringLiteral: pattern)
    }

    /// The path in OpenAPI's template form, such as `/api/v1/plans/{planID}`.
    var openAPIPath: String {
        "/"
            + components.map { component in
                switch component {
                case .literal(let text): return text
                case .parameter(let name, _): return "{\(name)}"
                }
            }.joined(separator: "/")
    }

    /// The names of the path's parameters, in order.
    var parameterNames: [String] {
        components.compactMap { component in
            if case .parameter(let name, _) = component { return name }
            return nil
        }
    }

    /// Whether a request path belongs to the JSON API.
    static func isAPI(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/")
    }
}
