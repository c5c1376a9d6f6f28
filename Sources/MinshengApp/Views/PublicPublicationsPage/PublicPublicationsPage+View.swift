import MinshengCore
import MinshengHTML

extension PublicPublicationsPage {
    /// Renders the list of publications.
    struct View {
        var model: Model
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
                            .forEach(model.site.publications.reversed()) { publication in
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
}
