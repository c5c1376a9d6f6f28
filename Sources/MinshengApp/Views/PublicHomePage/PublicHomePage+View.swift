import Foundation
import MinshengCore
import MinshengHTML

extension PublicHomePage {
    /// Renders the public home.
    struct View {
        var model: Model
        var links: PublicLinks

        private var words: PublicStrings { links.language.publicWords }
        private var p: Punctuation { links.language.punctuation }
        private var snapshot: PublicSnapshot { model.snapshot }

        func render() -> String {
            let asOf = words.asOfDate(snapshot.period.endDate)
            let content: Node = .group(
                .h1(.text(snapshot.planTitle)),
                .p(
                    .class("plan-meta"),
                    .text([words.publicationTitle(snapshot), asOf, "\(words.publishedOn) \(snapshot.publishedOn.iso)"].joined(separator: p.comma))),
                objectionNotice,
                .p(
                    .class("summary"), .strong(.text(p.labelled(words.overallProgress, PublicParts.percent(snapshot.progress)))),
                    .text(" " + p.labelled(words.satisfaction, words.tallyText(model.site.overallTally)))),
                .div(
                    .class("charts"),
                    .div(.class("chart-box"), Charts.statusCounts(model.counts, words: links.language.assessment)),
                    .div(.class("chart-box"), Charts.categoryProgress(model.categoryRows, words: links.language.assessment))
                ),
                .h2(.text(words.categories)),
                .ul(
                    .class("category-links"),
                    .forEach(snapshot.categories) { category in
                        .li(.a(.href(links.category(category.number)), .text(category.name)), .text(" \(PublicParts.percent(category.progress))"))
                    }),
                PublicParts.searchForm(links: links, query: ""),
                PublicParts.itemTable(
                    snapshot.items, snapshot: snapshot, links: links, caption: words.captioned(words.items, snapshot.items.count)),
                .p(
                    .text(words.hash + p.colon), .code(.class("hash"), .text(model.site.latest.hash)), .text(" "),
                    .a(.href(links.publications), .text(words.publications)))
            )
            return PublicLayout(title: snapshot.planTitle, path: links.home, links: links, content: content).render()
        }

        private var objectionNotice: Node {
            guard let until = snapshot.objectionsUntil, model.site.objectionsOpen, links.mode == .server else { return .empty }
            return .p(.class("notice"), .text(words.objectionsOpenUntil(until)))
        }
    }
}
