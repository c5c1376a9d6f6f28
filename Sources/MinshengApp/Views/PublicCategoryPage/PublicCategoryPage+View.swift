import MinshengCore
import MinshengHTML

extension PublicCategoryPage {
    /// Renders a category's page.
    struct View {
        var model: Model
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            let p = links.language.punctuation
            let category = model.category
            let snapshot = model.site.snapshot
            let items = model.items
            let content: Node = .group(
                .p(.class("breadcrumb"), .a(.href(links.home), .text(snapshot.planTitle))),
                .h1(.text(category.name)),
                .p(
                    .class("summary"),
                    .text(p.labelled(words.progress, PublicParts.percent(category.progress)) + p.comma + words.asOfDate(snapshot.period.endDate))),
                PublicParts.itemTable(items, snapshot: snapshot, links: links, caption: words.captioned(category.name, items.count))
            )
            return PublicLayout(title: category.name, path: links.category(category.number), links: links, content: content).render()
        }
    }
}
