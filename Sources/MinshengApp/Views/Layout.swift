import Foundation
import Hummingbird
import Plot

/// The frame every page shares: head, header with the language switch, main content and footer.
struct Layout {
    var title: String
    var language: Language
    /// The path of the current page, for the language switch.
    var path: String
    var content: Node<HTML.BodyContext>

    var strings: Strings { language.strings }

    func render() -> String {
        let document = HTML(
            .attribute(named: "lang", value: language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(strings.appName)"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .header(
                    .class("site-header"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text(strings.appName)),
                    .nav(.a(.href(languageSwitchLink), .attribute(named: "hreflang", value: otherLanguage.code), .text(strings.languageSwitch)))
                ),
                .main(.id("main"), content),
                .footer(.class("site-footer"), .p(.text(strings.footer)))
            )
        )
        return document.render()
    }

    private var otherLanguage: Language { language == .zh ? .en : .zh }

    private var languageSwitchLink: String { "\(path)?lang=\(otherLanguage.code)" }
}

/// An HTML page as a response.
struct HTMLPage: ResponseGenerator {
    var html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
