import MinshengCore
import MinshengHTML

extension PublicVerifyPage {
    /// Renders the verification page.
    struct View {
        var model: Model
        var links: PublicLinks

        func render() -> String {
            let words = links.language.publicWords
            let content: Node = .group(
                .h1(.text(words.verifyTitle)),
                .p(.text(words.verifyIntro)),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .unwrap(model.result) { result in
                    .section(
                        .class(result.passed ? "notice verify-result" : "alert verify-result"), .attribute(named: "role", value: "status"),
                        .h2(.text(result.passed ? words.verified : words.notVerified)),
                        .p(.text(words.publicationsChecked(result.report.checked))),
                        .ul(.forEach(result.report.problems + result.differences) { .li(.text(words.text($0))) })
                    )
                },
                links.mode == .server ? form(words) : .p(.code(.text("minsheng verify chain.json")))
            )
            return PublicLayout(title: words.verifyTitle, path: links.verify, links: links, content: content).render()
        }

        private func form(_ words: PublicStrings) -> Node {
            .form(
                .method(.post), .action(links.verify), .class("verify-form"),
                .label(.for("json"), .text(words.verifyField)),
                .textarea(
                    .id("json"), .name("json"), .attribute(named: "rows", value: "10"), .attribute(named: "required", value: "required"),
                    .text(model.pasted)),
                .button(.type(.submit), .class("primary"), .text(words.verifyButton))
            )
        }
    }
}
