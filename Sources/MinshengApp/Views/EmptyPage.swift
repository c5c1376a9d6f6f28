import MinshengHTML

/// The home page of an instance that holds no plan yet.
struct EmptyPage {
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

/// The page shown for an error.
struct ErrorPage {
    var page: PageContext
    var status: Int
    var message: String

    func render() -> String {
        let strings = page.strings
        let content: Node = .div(
            .class("error"),
            .h1(.text("\(strings.errorTitle)（\(status)）")),
            .p(.text(message)),
            .p(.a(.href(SiteURL.home.path), .text(strings.backHome)))
        )
        return Layout(title: strings.errorTitle, page: page, content: content).render()
    }
}
