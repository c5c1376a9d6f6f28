import Foundation
import MinshengCore
import MinshengHTML

/// Where the public pages link: the server's routes, or the files of a static export (flat, relative names, one
/// set per language, so the export works from any folder, a CD or a CDN).
struct PublicLinks {
    enum Mode {
        case server
        case exported
    }

    var mode: Mode
    var planID: Int64
    var language: Language

    private var suffix: String { language.publicWords.fileSuffix }

    private func file(_ name: String) -> String { "\(name)\(suffix).html" }

    var home: String {
        mode == .server ? SiteURL.publicHome(.value(planID)).path : file("index")
    }

    func item(_ number: Int) -> String {
        mode == .server ? SiteURL.publicItem(plan: .value(planID), number: .value(number)).path : file("item-\(number)")
    }

    func category(_ number: Int) -> String {
        mode == .server ? SiteURL.publicCategory(plan: .value(planID), number: .value(number)).path : file("category-\(number)")
    }

    func unit(_ id: Int64) -> String {
        mode == .server ? SiteURL.publicUnit(plan: .value(planID), id: .value(id)).path : file("unit-\(id)")
    }

    var search: String { mode == .server ? SiteURL.publicSearch(.value(planID)).path : file("search") }
    var publications: String { mode == .server ? SiteURL.publicPublications(.value(planID)).path : file("publications") }
    var verify: String { mode == .server ? SiteURL.publicVerify(.value(planID)).path : file("verify") }
    var chain: String { mode == .server ? SiteURL.publicChain(.value(planID)).path : "chain.json" }
    var stylesheet: String { mode == .server ? SiteURL.stylesheet.path : "minsheng.css" }
    var script: String { mode == .server ? SiteURL.publicScript.path : "minsheng-public.js" }

    func publicationFile(_ sequence: Int, _ format: String) -> String {
        mode == .server
            ? SiteURL.publicPublicationFile(plan: .value(planID), file: .value("\(sequence).\(format)")).path : "publication-\(sequence).\(format)"
    }

    func photo(_ photo: PublicSnapshot.Photo) -> String {
        mode == .server ? SiteURL.publicPhoto(.value(photo.id)).path : "photo-\(photo.id).\(photo.format)"
    }

    /// Where visitors send ratings and messages; nil in an export, which has no server.
    func rate(_ number: Int) -> String? {
        mode == .server ? SiteURL.publicRate(plan: .value(planID), number: .value(number)).path : nil
    }

    func message(_ number: Int) -> String? {
        mode == .server ? SiteURL.publicMessage(plan: .value(planID), number: .value(number)).path : nil
    }

    /// The same page in the other language.
    func switchLanguage(current path: String) -> String {
        let other = language.strings.otherLanguage
        switch mode {
        case .server:
            return path + (path.contains("?") ? "&" : "?") + "lang=\(other.code)"
        case .exported:
            let base = path.hasSuffix(".en.html") ? String(path.dropLast(8)) : String(path.dropLast(5))
            return "\(base)\(other.publicWords.fileSuffix).html"
        }
    }
}

/// The frame of the public pages: no session, no staff navigation, readable on a phone, the same for every reader
/// (so a rendered page can be cached and shared).
struct PublicLayout {
    var title: String
    var path: String
    var links: PublicLinks
    var content: Node

    var words: PublicStrings { links.language.publicWords }

    func render() -> String {
        HTML(
            .attribute(named: "lang", value: links.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · \(words.portal)"),
                .link(.rel(.stylesheet), .href(links.stylesheet))
            ),
            .body(
                .class("public"),
                .a(.class("skip-link"), .href("#main"), .text(words.skip)),
                .header(.class("site-header"), .a(.class("brand"), .href(links.home), .text(words.portal)), navigation),
                .main(.id("main"), content),
                .footer(.class("site-footer"), .p(.text(words.footer)))
            )
        ).render()
    }

    private var navigation: Node {
        var entries: [(String, String)] = [
            (links.home, words.home), (links.search, words.search), (links.publications, words.publications), (links.verify, words.verify),
        ]
        entries.append((links.switchLanguage(current: path), words.languageSwitch))
        if links.mode == .server { entries.append((SiteURL.login.path, words.staffLogin)) }
        return .nav(
            .attribute(named: "aria-label", value: words.navigation),
            .ul(.class("nav"), .forEach(entries) { entry in .li(.a(.href(entry.0), .text(entry.1))) })
        )
    }
}

/// Small pieces the public pages share.
enum PublicParts {
    /// A status written out beside its coloured dot.
    static func light(_ status: ProgressStatus, _ language: Language) -> Node {
        StatusLight.node(status, words: language.assessment)
    }

    static func percent(_ value: Int?) -> String {
        value.map { "\($0)%" } ?? "—"
    }

    /// A progress bar with the expected progress marked, its figures in the label.
    static func bar(_ progress: Int?, _ expected: Int?, _ status: ProgressStatus, _ language: Language) -> Node {
        let words = language.publicWords
        let label = words.progressAgainstExpected(percent(progress), percent(expected))
        return Charts.bar(progress: progress.map { Decimal($0) / 100 }, expected: expected.map { Decimal($0) / 100 }, status: status, label: label)
    }

    /// The table of items used by the home, category, unit and search pages.
    static func itemTable(_ items: [PublicSnapshot.Item], snapshot: PublicSnapshot, links: PublicLinks, caption: String) -> Node {
        let words = links.language.publicWords
        return .div(
            .class("table-scroll"),
            .table(
                .class("list public-items"),
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(words.number)),
                        .th(.attribute(named: "scope", value: "col"), .text(words.item)),
                        .th(.attribute(named: "scope", value: "col"), .text(words.leadUnits)),
                        .th(.attribute(named: "scope", value: "col"), .text(words.status)),
                        .th(.attribute(named: "scope", value: "col"), .text(words.progress)))),
                .tbody(
                    .forEach(items) { item in
                        .tr(
                            .td(.text(String(item.number))),
                            .td(.a(.href(links.item(item.number)), .text(item.title))),
                            .td(.text(item.leadUnits.map(snapshot.unitName).joined(separator: links.language.punctuation.listSeparator))),
                            .td(light(item.status, links.language)),
                            .td(bar(item.progress, item.expected, item.status, links.language), .text(" \(percent(item.progress))"))
                        )
                    })
            )
        )
    }

    /// A `<figure>` with an image and its caption.
    static func figure(src: String, alt: String, caption: Node) -> Node {
        .element(
            named: "figure",
            nodes: [
                .img(.src(src), .alt(alt), .attribute(named: "loading", value: "lazy")),
                .element(named: "figcaption", nodes: [caption]),
            ])
    }

    /// The search form, which in an export filters the listed items with a small script.
    static func searchForm(links: PublicLinks, query: String) -> Node {
        let words = links.language.publicWords
        return .form(
            .class("search-form"), .method(.get), .action(links.search), .attribute(named: "role", value: "search"),
            .label(.for("q"), .text(words.searchLabel)),
            .input(.type(.search), .id("q"), .name("q"), .value(query)),
            .button(.type(.submit), .text(words.search))
        )
    }
}
