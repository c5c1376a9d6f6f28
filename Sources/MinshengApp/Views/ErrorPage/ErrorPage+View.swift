import MinshengHTML

extension ErrorPage {
    /// Renders the error page.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let strings = page.strings
            let content: Node = .div(
                .class("error"),
                .h1(.text(strings.errorTitle + page.punctuation.aside(String(model.status)))),
                .p(.text(model.message)),
                .p(.a(.href(SiteURL.home.path), .text(strings.backHome)))
            )
            return Layout(title: strings.errorTitle, page: page, content: content).render()
        }
    }
}
