import MinshengHTML

/// The home page of an instance that holds no plan yet; it shows no data, so it has a view and no model.
struct EmptyPage {
    /// Renders the empty home page.
    struct View {
        var page: PageContext

        func render() -> String {
            let strings = page.strings
            let content: Node = .div(
                .class("empty"),
                .h1(.text(strings.appName)),
                .p(.text(strings.noPlans)),
                .p(.text(strings.noPlansHint))
            )
            return Layout(title: strings.plans, page: page, content: content).render()
        }
    }
}
