import MinshengCore
import MinshengHTML

extension TokensPage {
    /// Renders the tokens with the form that creates one.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.tokens)),
                .unwrap(model.newSecret) { secret in .div(.class("notice"), .p(.text(words.tokenShownOnce)), .p(.code(.text(secret)))) },
                .table(
                    .class("list"),
                    .thead(.tr(.th(.text(words.tokenName)), .th(.text(words.at)), .th(.text(words.state)), .th(.text(words.action)))),
                    .tbody(
                        .forEach(model.tokens) { token in
                            .tr(
                                .td(.text(token.name)), .td(.text(page.time(token.createdAt))),
                                .td(.text(token.revokedAt == nil ? "" : words.revoked)),
                                .td(
                                    .if(
                                        token.revokedAt == nil,
                                        .form(
                                            .class("inline"), .method(.post), .action(SiteURL.revokeToken(.value(token.id)).path), page.csrfField,
                                            .button(.type(.submit), .text(words.revoke))
                                        )))
                            )
                        })
                ),
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.tokens.path),
                    page.csrfField,
                    .label(.for("token-name"), .text(words.tokenName)),
                    .input(.type(.text), .id("token-name"), .name("name"), .required(true)),
                    .button(.type(.submit), .text(words.createToken))
                )
            )
            return Layout(title: words.tokens, page: page, content: content).render()
        }
    }
}
