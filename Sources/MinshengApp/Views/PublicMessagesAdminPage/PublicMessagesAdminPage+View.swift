import Foundation
import MinshengCore
import MinshengHTML

extension PublicMessagesAdminPage {
    /// Renders the message queue.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.publicWords
            let pending = model.messages.filter { $0.state == .pending }
            let settled = model.messages.filter { $0.state != .pending }.reversed()
            let content: Node = .group(
                .h1(.text("\(words.messages)\(page.punctuation.colon)\(model.plan.title)")),
                .p(.a(.href(SiteURL.adminPublications.path + "?plan=\(model.plan.id)"), .text("← \(words.disclosure)"))),
                .h2(.text("\(words.pending)\(page.punctuation.open)\(pending.count)\(page.punctuation.close)")),
                pending.isEmpty
                    ? .p(.class("hint"), .text(words.noMessages))
                    : .forEach(pending) { message in
                        .article(
                            .class("public-message"), .id("message-\(message.id)"),
                            .h3(.text(heading(message))),
                            .p(.text(message.text)),
                            .p(
                                .class("hint"),
                                .text(
                                    "\(words.received) \(message.createdAt)"
                                        + (message.phone.map { "\(page.punctuation.semicolon)\(words.contact) \($0)" } ?? ""))),
                            .form(
                                .method(.post), .action(SiteURL.adminPublicMessage(.value(message.id)).path),
                                page.csrfField,
                                .label(.for("answer-\(message.id)"), .text(words.answerLabel)),
                                .textarea(.id("answer-\(message.id)"), .name("answer"), .attribute(named: "rows", value: "3"), .class("wide")),
                                .div(
                                    .class("actions"),
                                    .button(.type(.submit), .name("action"), .value("answer"), .class("primary"), .text(words.answerAndPublish)),
                                    .button(.type(.submit), .name("action"), .value("reject"), .text(words.reject)))
                            )
                        )
                    },
                .h2(.text("\(words.settled)\(page.punctuation.open)\(settled.count)\(page.punctuation.close)")),
                .table(
                    .class("list"),
                    .thead(.tr(.th(.text(words.item)), .th(.text(words.messageText)), .th(.text(words.state)), .th(.text(words.reply)))),
                    .tbody(
                        .forEach(Array(settled)) { message in
                            .tr(
                                .td(.text(heading(message))), .td(.text(message.text)), .td(.text(words.messageState(message.state))),
                                .td(.text(message.reply ?? "—")))
                        })
                )
            )
            return Layout(title: words.messages, page: page, content: content).render()
        }

        private func heading(_ message: PublicMessage) -> String {
            let words = page.language.publicWords
            let sequence = model.sequences[message.publicationID].map(words.publicationNumber) ?? ""
            return "\(words.kind(message.kind)) · \(sequence) · \(message.itemNumber). \(model.titles[message.itemNumber] ?? "")"
        }
    }
}
