import Foundation
import MinshengCore
import MinshengHTML

/// The list of publications with their hashes and downloads: the public record of what was published when.
struct PublicPublicationsPage {
    var site: PublicSite
    var links: PublicLinks

    func render() -> String {
        let words = links.language.publicWords
        let col = { (text: String) -> Node in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        let content: Node = .group(
            .h1(.text(words.publications)),
            .p(.text(words.verifyIntro)),
            .div(
                .class("table-scroll"),
                .table(
                    .class("list publications"),
                    .thead(
                        .tr(
                            col(words.sequence), col(words.period), col(words.publishedOn), col(words.objectionsUntil), col(words.hash),
                            col(words.downloads))),
                    .tbody(
                        .forEach(site.publications.reversed()) { publication in
                            .tr(
                                .td(.text(String(publication.sequence))),
                                .td(.text(publication.snapshot.period.description)),
                                .td(.text(publication.snapshot.publishedOn.iso)),
                                .td(.text(publication.snapshot.objectionsUntil?.iso ?? "—")),
                                .td(
                                    .code(.class("hash"), .text(publication.hash)), .br(),
                                    .span(.class("hint"), .text("\(words.previousHash) \(publication.snapshot.previousHash.prefix(16))…"))),
                                .td(
                                    .a(.href(links.publicationFile(publication.sequence, "json")), .text("JSON")), .text(" · "),
                                    .a(.href(links.publicationFile(publication.sequence, "csv")), .text("CSV")))
                            )
                        })
                )),
            .p(.a(.href(links.chain), .text(words.chain)), .text(" · "), .a(.href(links.verify), .text(words.verifyTitle)))
        )
        return PublicLayout(title: words.publications, path: links.publications, links: links, content: content).render()
    }
}

/// Checks pasted publication JSON against its hashes, the chain and the copies kept here.
struct PublicVerifyPage {
    /// What a check found.
    struct Result {
        var report: ChainVerifier.Report
        /// Figures that differ from the published originals, by publication.
        var differences: [String]

        var passed: Bool { report.passed && differences.isEmpty }
    }

    var site: PublicSite
    var links: PublicLinks
    var pasted: String
    var result: Result?
    var error: String?

    func render() -> String {
        let words = links.language.publicWords
        let content: Node = .group(
            .h1(.text(words.verifyTitle)),
            .p(.text(words.verifyIntro)),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(result) { result in
                .section(
                    .class(result.passed ? "notice verify-result" : "alert verify-result"), .attribute(named: "role", value: "status"),
                    .h2(.text(result.passed ? words.verified : words.notVerified)),
                    .p(.text(words.publicationsChecked(result.report.checked))),
                    .ul(.forEach(result.report.problems + result.differences) { .li(.text($0)) })
                )
            },
            links.mode == .server ? form(words) : .p(.code(.text("minsheng verify chain.json")))
        )
        return PublicLayout(title: words.verifyTitle, path: links.verify, links: links, content: content).render()
    }

    private func form(_ words: PublicStrings) -> Node {
        .form(
            .method(.post), .action(links.verify), .class("verify-form"),
            .label(.for("json"), .text(words.verifyField)),
            .textarea(
                .id("json"), .name("json"), .attribute(named: "rows", value: "10"), .attribute(named: "required", value: "required"), .text(pasted)),
            .button(.type(.submit), .class("primary"), .text(words.verifyButton))
        )
    }

    /// Verifies downloaded publications: their hashes and chain, then each against the original kept here.
    static func check(_ downloaded: [PublishedSnapshot], against site: PublicSite?) -> Result {
        let report = ChainVerifier.verify(downloaded)
        var differences: [String] = []
        if let site {
            for publication in downloaded {
                guard let original = site.publications.first(where: { $0.sequence == publication.snapshot.sequence }) else {
                    differences.append("第\(publication.snapshot.sequence)期：本平台没有这一期公示 (no such publication here)")
                    continue
                }
                if original.hash != publication.hash || original.snapshot != publication.snapshot {
                    let found = ChainVerifier.differences(publication.snapshot, from: original.snapshot)
                    let label = "第\(publication.snapshot.sequence)期（\(publication.snapshot.period)）"
                    differences += found.isEmpty ? ["\(label)与本平台保存的原件不一致 (differs from the original)"] : found.map { "\(label)：\($0)" }
                }
            }
        }
        return Result(report: report, differences: differences)
    }
}

/// The page a visitor sees after rating or writing.
struct PublicOutcomePage {
    var message: String
    var isError: Bool
    var item: Int
    var links: PublicLinks

    func render() -> String {
        let words = links.language.publicWords
        let content: Node = .group(
            .h1(.text(isError ? words.notSent : words.thanks)),
            .p(.class(isError ? "alert" : "notice"), .attribute(named: "role", value: isError ? "alert" : "status"), .id("outcome"), .text(message)),
            .p(.a(.href(links.item(item) + "#satisfaction"), .text(words.back)))
        )
        return PublicLayout(title: words.thanks, path: links.item(item), links: links, content: content).render()
    }
}

/// Shown when a plan has not published anything.
struct PublicEmptyPage {
    var links: PublicLinks

    func render() -> String {
        let words = links.language.publicWords
        return PublicLayout(
            title: words.portal, path: links.home, links: links,
            content: .group(.h1(.text(words.portal)), .p(.class("empty"), .text(words.noPublication)))
        ).render()
    }
}
