import MinshengHTML

extension ImportUploadPage {
    /// Renders the upload form.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let strings = page.strings
            let content: Node = .div(
                .class("narrow"),
                .h1(.text(strings.uploadTitle)),
                .p(.text(strings.uploadHint)),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .method(.post), .action(SiteURL.imports.path), .enctype(.multipartData),
                    page.csrfField,
                    .label(.for("file"), .text(strings.file)),
                    .input(
                        .type(.file), .id("file"), .name("file"), .required(true),
                        .attribute(named: "accept", value: ".docx,.xlsx,.csv,.txt,.md,.markdown")),
                    .label(.for("year"), .text("\(strings.year)\(page.punctuation.open)\(strings.optional)\(page.punctuation.close)")),
                    .input(
                        .type(.number), .id("year"), .name("year"), .attribute(named: "min", value: "2000"), .attribute(named: "max", value: "2100")),
                    .label(
                        .for("jurisdiction"), .text("\(strings.jurisdiction)\(page.punctuation.open)\(strings.optional)\(page.punctuation.close)")),
                    .input(.type(.text), .id("jurisdiction"), .name("jurisdiction")),
                    .button(.type(.submit), .text(strings.upload))
                )
            )
            return Layout(title: strings.uploadTitle, page: page, content: content).render()
        }
    }
}
