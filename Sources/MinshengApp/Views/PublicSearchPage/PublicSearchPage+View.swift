import MinshengCore
import MinshengHTML

extension PublicSearchPage {
    /// Renders the search page.
    struct View {
        var model: Model
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            let snapshot = model.site.snapshot
            let found = model.found
            let results: Node
            if links.mode == .exported {
                results = .group(
                    .ul(
                        .id("search-results"), .class("search-results"),
                        .forEach(snapshot.items) { item in
                            .li(
                                .attribute(named: "data-search", value: PublicSearchPage.searchText(item, snapshot)),
                                .a(.href(links.item(item.number)), .text("\(item.number). \(item.title)")))
                        }),
                    .p(.id("no-results"), .attribute(named: "hidden", value: "hidden"), .text(words.noResults)),
                    .script(.src(links.script))
                )
            } else if found.isEmpty {
                results = .p(.text(words.noResults))
            } else {
                results = PublicParts.itemTable(
                    found, snapshot: snapshot, links: links, caption: words.captioned(words.search, found.count))
            }
            let content: Node = .group(
                .h1(.text(words.search)),
                PublicParts.searchForm(links: links, query: model.query),
                .div(.attribute(named: "aria-live", value: "polite"), results)
            )
            return PublicLayout(title: words.search, path: links.search, links: links, content: content).render()
        }
    }
}
