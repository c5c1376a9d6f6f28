import MinshengHTML

/// Shown when no plan has published anything: the portal's name and a line saying so. It has no model.
enum PublicEmptyPage {
    /// Renders the empty portal.
    struct View {
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            return PublicLayout(
                title: words.portal, path: links.home, links: links,
                content: .group(.h1(.text(words.portal)), .p(.class("empty"), .text(words.noPublication)))
            ).render()
        }
    }
}
