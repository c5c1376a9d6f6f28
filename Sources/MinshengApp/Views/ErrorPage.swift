import MinshengHTML

/// The page shown for an error.
struct ErrorPage {
    var page: PageContext
    var status: Int
    var message: String

    func render() -> String {
        let strings = page.strings
        let content: Node = .div(
            .class("error"),
            .h1(.text("\(strings.errorTitle)\(page.punctuation.open)\(status)\(page.punctuation.close)")),
            .p(.text(message)),
            .p(.a(.href(SiteURL.home.path), .text(strings.backHome)))
        )
        return Layout(title: strings.errorTitle, page: page, content: content).render()
    }
}
