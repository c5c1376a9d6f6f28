import MinshengHTML

extension PublicOutcomePage {
    /// Renders what came of a rating or message.
    struct View {
        var model: Model
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            let content: Node = .group(
                .h1(.text(model.isError ? words.notSent : words.thanks)),
                .p(
                    .class(model.isError ? "alert" : "notice"), .attribute(named: "role", value: model.isError ? "alert" : "status"), .id("outcome"),
                    .text(model.message)),
                .p(.a(.href(links.item(model.item) + "#satisfaction"), .text(words.back)))
            )
            return PublicLayout(title: words.thanks, path: links.item(model.item), links: links, content: content).render()
        }
    }
}
