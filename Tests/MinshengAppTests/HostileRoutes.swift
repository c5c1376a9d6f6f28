@testable import MinshengApp

/// A concrete URL for every GET route of the route table, from records of the demo. The switch has no default, so
/// a new route does not compile until it has an example here.
struct HostileRoutes {
    /// Records to build links to (the first of each kind in the database).
    struct Records {
        var plan: Int64
        var itemNumber: Int
        var report: (period: String, item: Int64, unit: Int64)
        var attachment: Int64
        var user: Int64
        var unit: Int64
        var groupUnit: Int64
        var document: Int64
        var importDraft: Int64
        var publicMessage: Int64
        var notice: Int64
        var inspection: Int64
        var rectification: Int64
        var supervisionFile: Int64
        var accountabilityCase: Int64
        var publicUnit: Int64
    }

    /// Every route, with placeholder parameters.
    static let all: [SiteURL] = [
        .home, .healthz, .stylesheet, .appScript, .plan(.key), .login, .logout, .newImport, .imports, .importDraft(.key), .importPlanFields(.key),
        .importItem(.key, .key), .importConfirm(.key), .tasks, .taskForm, .report(plan: .key, period: .key, item: .key, unit: .key),
        .reportReview(plan: .key, period: .key, item: .key, unit: .key), .reportCorrect(plan: .key, period: .key, item: .key, unit: .key),
        .reportAttachments(plan: .key, period: .key, item: .key, unit: .key), .attachment(.key), .reviewQueue, .overdue, .remind, .inbox,
        .adminUsers, .adminUser(.key), .adminUnits, .adminUnitMembers(.key), .adminCalendar(.key), .adminAudit, .tokens, .revokeToken(.key),
        .overview, .battleMap, .item(plan: .key, number: .key), .itemSettings(plan: .key, number: .key), .unitPage(.key), .unitRanking,
        .rollup, .adminAssessment(.key), .documents, .document(.key), .documentIssue(.key), .documentRefresh(.key), .documentFile(.key, .key),
        .documentSettings(.key), .adminPublications, .adminPublicMessages, .adminPublicMessage(.key), .adminPhotos, .adminPhoto(.key),
        .supervision, .notice(.key), .noticeAnswer(.key), .noticeClose(.key), .inspections, .newInspection, .inspection(.key),
        .inspectionPhotos(.key), .inspectionResults(.key), .inspectionRectifications(.key), .rectifications, .rectification(.key),
        .rectificationAction(.key, .key), .supervisionFile(.key), .accountability, .accountabilityCase(.key), .caseDecision(.key), .scores,
        .supervisionSettings, .publicIndex, .publicScript, .publicHome(.key), .publicItem(plan: .key, number: .key),
        .publicRate(plan: .key, number: .key), .publicMessage(plan: .key, number: .key), .publicCategory(plan: .key, number: .key),
        .publicUnit(plan: .key, id: .key), .publicSearch(.key), .publicPublications(.key), .publicPublicationFile(plan: .key, file: .key),
        .publicChain(.key), .publicVerify(.key), .publicPhoto(.key), .api(.me),
    ]

    /// The URLs to fetch for a route: none for a route that only takes POST (or is the JSON API).
    static func examples(_ route: SiteURL, _ r: Records) -> [String] {
        let plan = Parameter.value(r.plan)
        let report = (
            plan: plan, period: Parameter.value(r.report.period), item: Parameter.value(r.report.item), unit: Parameter.value(r.report.unit)
        )
        switch route {
        case .home, .healthz, .stylesheet, .appScript, .login, .newImport, .tasks, .taskForm, .reviewQueue, .overdue, .inbox, .adminUsers,
            .adminUnits,
            .adminAudit, .tokens, .overview, .battleMap, .unitRanking, .rollup, .documents, .adminPublications, .adminPublicMessages,
            .adminPhotos, .supervision, .inspections, .newInspection, .rectifications, .accountability, .scores, .supervisionSettings,
            .publicIndex, .publicScript:
            return [route.path]
        case .logout, .imports, .importPlanFields, .importItem, .importConfirm, .reportReview, .reportCorrect, .reportAttachments, .remind,
            .adminUser, .adminUnitMembers, .revokeToken, .itemSettings, .documentIssue, .documentRefresh, .adminPublicMessage, .adminPhoto,
            .noticeAnswer, .noticeClose, .inspectionPhotos, .inspectionResults, .inspectionRectifications, .rectificationAction,
            .caseDecision, .publicRate, .publicMessage, .api:
            return []
        case .plan: return [SiteURL.plan(plan).path]
        case .importDraft: return [SiteURL.importDraft(.value(r.importDraft)).path]
        case .report: return [SiteURL.report(plan: report.plan, period: report.period, item: report.item, unit: report.unit).path]
        case .attachment: return [SiteURL.attachment(.value(r.attachment)).path]
        case .adminCalendar: return [SiteURL.adminCalendar(plan).path]
        case .item: return [SiteURL.item(plan: plan, number: .value(r.itemNumber)).path]
        case .unitPage: return [SiteURL.unitPage(.value(r.unit)).path, SiteURL.unitPage(.value(r.groupUnit)).path]
        case .adminAssessment: return [SiteURL.adminAssessment(plan).path]
        case .document: return [SiteURL.document(.value(r.document)).path]
        case .documentFile: return ["html", "docx"].map { SiteURL.documentFile(.value(r.document), .value($0)).path }
        case .documentSettings: return [SiteURL.documentSettings(plan).path]
        case .notice: return [SiteURL.notice(.value(r.notice)).path]
        case .inspection: return [SiteURL.inspection(.value(r.inspection)).path]
        case .rectification: return [SiteURL.rectification(.value(r.rectification)).path]
        case .supervisionFile: return [SiteURL.supervisionFile(.value(r.supervisionFile)).path]
        case .accountabilityCase: return [SiteURL.accountabilityCase(.value(r.accountabilityCase)).path]
        case .publicHome: return [SiteURL.publicHome(plan).path]
        case .publicItem:
            return [SiteURL.publicItem(plan: plan, number: .value(r.itemNumber)).path, SiteURL.publicItem(plan: plan, number: .value(7)).path]
        case .publicCategory: return [SiteURL.publicCategory(plan: plan, number: .value(1)).path]
        case .publicUnit: return [SiteURL.publicUnit(plan: plan, id: .value(r.publicUnit)).path]
        case .publicSearch: return [SiteURL.publicSearch(plan).path]
        case .publicPublications: return [SiteURL.publicPublications(plan).path]
        case .publicPublicationFile: return ["1.json", "1.csv"].map { SiteURL.publicPublicationFile(plan: plan, file: .value($0)).path }
        case .publicChain: return [SiteURL.publicChain(plan).path]
        case .publicVerify: return [SiteURL.publicVerify(plan).path]
        case .publicPhoto: return [SiteURL.publicPhoto(.value(r.attachment)).path]
        }
    }
}
