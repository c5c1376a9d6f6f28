import Foundation
import Hummingbird
import MinshengCore
import MinshengHTML

/// What every page needs to know about its request: language, path and the signed-in session.
struct PageContext {
    var language: Language
    /// The marks that join words in the page's language.
    var punctuation: Punctuation { language.punctuation }
    /// The path of the page, for the language switch and the login return.
    var path: String
    var session: Session?
    /// The signed-in person as the policies see them: what a page offers follows what they may do.
    var principal: Principal?
    /// The zone in which the page writes times.
    var timeZone: TimeZone

    var strings: Strings { language.strings }

    init(
        language: Language, path: String, session: Session? = nil, principal: Principal? = nil,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    ) {
        self.language = language
        self.path = path
        self.session = session
        self.principal = principal
        self.timeZone = timeZone
    }

    init(_ context: AppRequestContext, path: String) {
        self.init(
            language: context.language, path: path, session: context.session, principal: context.session == nil ? nil : context.principal,
            timeZone: context.timeZone)
    }

    /// A stored moment (an ISO 8601 timestamp) as people write it in the page's zone: 2019年9月18日 10:00
    /// (18 Sep 2019 10:00); the text itself when it is not a timestamp.
    func time(_ stamp: String) -> String {
        guard let date = try? Date(stamp, strategy: .iso8601) else { return stamp }
        return PeriodWords(language: language).moment(date, in: timeZone)
    }

    /// A day as people write it: 2019年9月18日 (18 Sep 2019).
    func date(_ day: CalendarDate) -> String { PeriodWords(language: language).day(day) }

    /// A stored moment's day in the page's zone: 2019年9月18日 (18 Sep 2019).
    func day(_ stamp: String) -> String {
        guard let date = try? Date(stamp, strategy: .iso8601) else { return stamp }
        return PeriodWords(language: language).day(CalendarDate(date, in: timeZone))
    }

    /// Whether the person has a capability (to show or hide what a page offers).
    func may(_ capability: Capability) -> Bool {
        Policy.allows(capability, principal)
    }

    /// Whether the person may open a route of the table (its `GET`).
    func mayOpen(_ url: SiteURL) -> Bool {
        url.capability(.get).map(may) ?? false
    }

    /// A hidden field with the session's form token.
    var csrfField: Node {
        .input(.type(.hidden), .name(CSRF.fieldName), .value(session?.csrfToken ?? ""))
    }
}

/// The frame every page shares: head, header with navigation and the language switch, main content and footer.
struct Layout {
    var title: String
    var page: PageContext
    var content: Node

    var strings: Strings { page.strings }

    /// A page around a main part rendered before (and perhaps kept).
    static func wrap(main: RenderedHTML, title: String, page: PageContext) -> String {
        Layout(title: title, page: page, content: .embed(main)).render()
    }

    func render() -> String {
        let document = HTML(
            .attribute(named: "lang", value: page.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(strings.appName)"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .script(.src(SiteURL.appScript.path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(strings.skipToContent)),
                .header(.class("site-header"), .a(.class("brand"), .href(SiteURL.home.path), .text(strings.appName)), navigation),
                .main(.id("main"), content),
                .footer(.class("site-footer"), .p(.text(strings.footer)))
            )
        )
        return document.render()
    }

    private var navigation: Node {
        .nav(
            .attribute(named: "aria-label", value: strings.navigation),
            .ul(
                .class("nav"),
                roleLinks,
                sessionLinks,
                .li(.a(.href(languageSwitchLink), .attribute(named: "hreflang", value: otherLanguage.code), .text(strings.languageSwitch)))
            )
        )
    }

    /// The menu, grouped by task: every page the person may open (我的任务 only for an account with a unit or the
    /// office, the inbox only for an account with a unit); a group with nothing to open is left out.
    private var roleLinks: Node {
        guard let principal = page.principal else { return .empty }
        let words = page.language.reporting
        let assessment = page.language.assessment
        let menu = MenuWords(language: page.language)
        var reporting: [(SiteURL, String)] = []
        if principal.unitID != nil || principal.isOffice { reporting.append((.tasks, words.tasks)) }
        if principal.unitID != nil { reporting.append((.inbox, words.inbox)) }
        let groups: [(String, [(SiteURL, String)])] = [
            (menu.reporting, reporting + [(.reviewQueue, words.reviewQueue), (.overdue, words.overdue)]),
            (
                menu.progress,
                [(.overview, assessment.overview), (.battleMap, assessment.battleMap), (.unitRanking, assessment.units), (.rollup, words.rollup)]
            ),
            (
                menu.supervision,
                [(.supervision, page.language.supervisionWords.supervision), (.inspections, page.language.supervisionWords.inspections)]
            ),
            (menu.documents, [(.documents, page.language.documents.documents), (.adminPublications, page.language.publicWords.disclosure)]),
            (
                menu.administration,
                [
                    (.newImport, strings.importPlan), (.adminUsers, words.users), (.adminUnits, words.units), (.adminAudit, words.audit),
                    (.tokens, words.tokens),
                ]
            ),
        ]
        return .group(
            .li(.a(.href(SiteURL.home.path), .text(menu.workbench))),
            .forEach(groups.map { ($0.0, $0.1.filter { page.mayOpen($0.0) }) }.filter { !$0.1.isEmpty }) { group in
                .li(
                    .class("menu-group"),
                    .element(
                        named: "details",
                        nodes: [
                            .element(named: "summary", text: group.0),
                            .ul(.forEach(group.1) { link in .li(.a(.href(link.0.path), .text(link.1))) }),
                        ]))
            })
    }

    private var sessionLinks: Node {
        guard let session = page.session else {
            return .li(
                .a(
                    .href(SiteURL.login.path + "?next=" + (page.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")),
                    .text(strings.login)))
        }
        return .group(
            .li(.class("user"), .text(session.user.username + page.language.punctuation.aside(strings.roleName(session.user.role)))),
            .li(
                .form(
                    .class("inline"), .method(.post), .action(SiteURL.logout.path),
                    page.csrfField,
                    .button(.type(.submit), .class("link"), .text(strings.logout))
                ))
        )
    }

    private var otherLanguage: Language { strings.otherLanguage }

    private var languageSwitchLink: String { "\(page.path)?lang=\(otherLanguage.code)" }
}

/// An HTML page as a response.
struct HTMLPage: ResponseGenerator {
    var html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
