import MinshengCore
import MinshengHTML

extension DocumentSettingsPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.documents
            let content: Node = .group(
                .h1(.text("\(words.settings)\(page.punctuation.colon)\(model.plan.title)")),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.documentSettings(.value(model.plan.id)).path),
                    page.csrfField,
                    .label(.for("issuer"), .text(words.issuer)),
                    .input(.type(.text), .id("issuer"), .name("issuer"), .value(model.settings.issuer)),
                    .label(.for("addressee"), .text(words.addressee)),
                    .input(.type(.text), .id("addressee"), .name("addressee"), .value(model.settings.addressee)),
                    .label(.for("prefix"), .text(words.prefix)),
                    .input(.type(.text), .id("prefix"), .name("prefix"), .value(model.settings.numberPrefix)),
                    .label(.for("requirements"), .text(words.requirements)),
                    .textarea(
                        .id("requirements"), .name("requirements"), .attribute(named: "rows", value: "8"),
                        .text(model.settings.requirements.joined(separator: "\n"))),
                    .button(.type(.submit), .text(page.strings.save))
                )
            )
            return Layout(title: words.settings, page: page, content: content).render()
        }
    }
}
