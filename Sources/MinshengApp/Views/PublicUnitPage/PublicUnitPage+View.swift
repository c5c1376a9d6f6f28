import MinshengCore
import MinshengHTML

extension PublicUnitPage {
    /// Renders a unit's page.
    struct View {
        var model: Model
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            let p = links.language.punctuation
            let snapshot = model.site.snapshot
            let (unit, led, shared) = (model.unit, model.led, model.shared)
            let content: Node = .group(
                .p(.class("breadcrumb"), .a(.href(links.home), .text(snapshot.planTitle))),
                .h1(.text(unit.name)),
                .p(.class("summary"), .text(p.labelled(words.satisfaction + p.aside(words.unitItemsLed), words.tallyText(model.tally)))),
                led.isEmpty
                    ? .empty
                    : PublicParts.itemTable(led, snapshot: snapshot, links: links, caption: words.captioned(words.unitItemsLed, led.count)),
                shared.isEmpty
                    ? .empty
                    : PublicParts.itemTable(
                        shared, snapshot: snapshot, links: links, caption: words.captioned(words.unitItemsShared, shared.count))
            )
            return PublicLayout(title: unit.name, path: links.unit(unit.id), links: links, content: content).render()
        }
    }
}
