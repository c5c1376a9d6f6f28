import MinshengHTML

/// The sign-in form.
struct LoginPage {
    var language: Language
    var csrf: String
    var next: String?
    var error: String?

    func render() -> String {
        let strings = language.strings
        let page = PageContext(language: language, path: SiteURL.login.path)
        let content: Node = .div(
            .class("narrow"),
            .h1(.text(strings.login)),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.login.path),
                .input(.type(.hidden), .name(CSRF.fieldName), .value(csrf)),
                .input(.type(.hidden), .name("next"), .value(next ?? "")),
                .label(.for("username"), .text(strings.username)),
                .input(
                    .type(.text), .id("username"), .name("username"), .attribute(named: "autocomplete", value: "username"), .required(true),
                    .autofocus(true)),
                .label(.for("password"), .text(strings.password)),
                .input(
                    .type(.password), .id("password"), .name("password"), .attribute(named: "autocomplete", value: "current-password"),
                    .required(true)),
                .button(.type(.submit), .text(strings.login))
            )
        )
        return Layout(title: strings.login, page: page, content: content).render()
    }
}
