import Hummingbird
import MinshengCore

extension SiteURL {
    /// What the route asks of the person for a method, or nil when the route does not take that method. Every
    /// registered route declares one here; ``PlanGateMiddleware`` holds each request to it before any handler runs.
    func capability(_ method: HTTPRequest.Method) -> Capability? {
        let (read, write) = capabilities
        switch method {
        case .get, .head: return read
        case writeMethod: return write
        default: return nil
        }
    }

    /// The methods a route takes, for `Allow` and for the tests that walk the route table.
    func methods() -> [HTTPRequest.Method] {
        let (read, write) = capabilities
        var methods: [HTTPRequest.Method] = []
        if read != nil { methods += [.get, .head] }
        if write != nil { methods.append(writeMethod) }
        return methods
    }

    /// The method that changes this route's resource.
    var writeMethod: HTTPRequest.Method {
        guard case .api(let api) = self else { return .post }
        switch api {
        case .saveReport, .calendar, .unitMembers, .photo, .supervisionSettings: return .put
        case .user: return .patch
        case .token: return .delete
        default: return .post
        }
    }

    /// The capabilities of reading (GET) and changing (the write method), nil where the route takes no such method.
    private var capabilities: (read: Capability?, write: Capability?) {
        switch self {
        case .home, .healthz, .stylesheet, .appScript, .plan, .publicIndex, .publicScript, .publicHome, .publicItem, .publicCategory,
            .publicUnit, .publicSearch, .publicPublications, .publicPublicationFile, .publicChain, .publicPhoto:
            return (.anyone, nil)
        case .login, .publicVerify: return (.anyone, .anyone)
        case .publicRate, .publicMessage: return (nil, .anyone)
        case .logout: return (nil, .signedIn)
        case .newImport: return (.office, nil)
        case .imports: return (nil, .office)
        case .importDraft: return (.office, nil)
        case .importPlanFields, .importItem, .importConfirm: return (nil, .office)
        case .tasks, .inbox, .unitPage, .item, .attachment, .rectifications, .rectification, .notice, .supervisionFile,
            .accountabilityCase:
            return (.signedIn, nil)
        case .taskForm, .report, .tokens: return (.signedIn, .signedIn)
        case .reportCorrect, .reportAttachments, .revokeToken, .rectificationAction: return (nil, .signedIn)
        case .reportReview, .remind, .adminUser, .adminUnitMembers, .itemSettings, .documentIssue, .documentRefresh,
            .adminPublicMessage, .adminPhoto, .noticeClose, .caseDecision:
            return (nil, .office)
        case .reviewQueue: return (.office, .office)
        case .overdue, .overview, .battleMap, .unitRanking, .rollup, .documentFile, .scores:
            return (.monitor, nil)
        case .adminUsers, .adminCalendar, .adminAssessment, .documentSettings, .adminPublications, .supervisionSettings:
            return (.office, .office)
        case .adminUnits, .adminPublicMessages, .adminPhotos: return (.office, nil)
        case .adminAudit: return (.instanceOffice, nil)
        case .documents, .document, .accountability: return (.monitor, .office)
        case .supervision: return (.signedIn, .office)
        case .noticeAnswer: return (nil, .answerNotices)
        case .inspections: return (.monitor, .inspect)
        case .newInspection: return (.inspect, nil)
        case .inspection: return (.monitor, nil)
        case .inspectionPhotos, .inspectionResults, .inspectionRectifications: return (nil, .inspect)
        case .api(let api): return api.capabilities
        }
    }
}

extension SiteURL.API {
    fileprivate var capabilities: (read: Capability?, write: Capability?) {
        switch self {
        case .openapi, .plans, .plan: return (.anyone, nil)
        case .publications: return (.anyone, .office)
        case .me, .tasks, .reports, .report, .inbox, .units, .rectifications: return (.signedIn, nil)
        case .saveReport, .reportAction, .corrections, .rectificationAction, .token: return (nil, .signedIn)
        case .tokens: return (.signedIn, .signedIn)
        case .calendar: return (.signedIn, .office)
        case .overdue, .assessment, .scores: return (.monitor, nil)
        case .document: return (.monitor, nil)
        case .documents, .cases, .supervisionSettings: return (.monitor, .office)
        case .reminders, .issueDocument, .user, .unitMembers, .publicMessage, .photo, .noticeClose, .caseDecision: return (nil, .office)
        case .users: return (.office, .office)
        case .publicMessages, .noticeProposals, .caseProposals: return (.office, nil)
        case .audit: return (.instanceOffice, nil)
        case .notices: return (.signedIn, .office)
        case .noticeAnswer: return (nil, .answerNotices)
        case .inspections: return (.monitor, .inspect)
        case .inspectionRectifications: return (nil, .inspect)
        }
    }
}
