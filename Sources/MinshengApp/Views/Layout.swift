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

    var strings: Strings { language.strings }

    init(language: Language, path: String, session: Session? = nil, principal: Principal? = nil) {
        self.language = language
        self.path = path
        self.session = session
        self.principal = principal
    }

    init(_ context: AppRequestContext, path: String) {
        self.init(language: context.language, path: path, session: context.session, principal: context.session == nil ? nil : context.principal)
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
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
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

    /// The menu: every page the person may open, in the office's order (the inbox only for an account with a unit).
    private var roleLinks: Node {
        guard let principal = page.principal else { return .empty }
        let words = page.language.reporting
        let assessment = page.language.assessment
        var links: [(SiteURL, String)] = [(.tasks, words.tasks)]
        if principal.unitID != nil { links.append((.inbox, words.inbox)) }
        links += [
            (.rollup, words.rollup), (.overview, assessment.overview), (.battleMap, assessment.battleMap),
            (.unitRanking, assessment.units), (.reviewQueue, words.reviewQueue), (.overdue, words.overdue),
            (.supervision, page.language.supervisionWords.supervision), (.documents, page.language.documents.documents),
            (.adminPublications, page.language.publicWords.disclosure), (.newImport, strings.importPlan), (.adminUsers, words.users),
            (.adminUnits, words.units), (.adminAudit, words.audit), (.tokens, words.tokens),
        ]
        return .forEach(links.filter { page.mayOpen($0.0) }) { link in .li(.a(.href(link.0.path), .text(link.1))) }
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
