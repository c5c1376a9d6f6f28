import MinshengHTML

extension LoginPage {
    /// Renders the sign-in form; its page context carries no session, as the form is for signing in.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let strings = page.strings
            let content: Node = .div(
                .class("narrow"),
                .h1(.text(strings.login)),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .method(.post), .action(SiteURL.login.path),
                    .input(.type(.hidden), .name(CSRF.fieldName), .value(model.csrf)),
                    .input(.type(.hidden), .name("next"), .value(model.next ?? "")),
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
}
