import Foundation
import MinshengCore
import MinshengHTML

/// The office's publishing page: what a publication of a period would show, the form that publishes it, and the
/// publications so far with their hashes.
struct PublicationsAdminPage {
    var plan: Plan
    var period: Period
    var preview: PublicSnapshot
    var publications: [Publication]
    var pendingMessages: Int
    var message: String?
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.publicWords
        let col = { (text: String) -> Node in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        let content: Node = .group(
            .h1(.text("\(words.disclosure)：\(plan.title)")),
            adminLinks,
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            AssessmentPeriodForm(action: SiteURL.adminPublications.path, plan: plan, period: period, extra: [], language: page.language).node,
            .h2(.text("\(words.preview)：\(words.asOfDate(period.endDate))")),
            .p(.class("hint"), .text(words.publishHint)),
            .p(.class("summary"), .text(summary)),
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.adminPublications.path),
                page.csrfField,
                .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
                .input(.type(.hidden), .name("period"), .value(period.description)),
                .label(.for("objection-days"), .text(words.objectionDays)),
                .input(
                    .type(.number), .id("objection-days"), .name("objectionDays"), .value("7"), .attribute(named: "min", value: "1"),
                    .attribute(named: "max", value: "60")),
                .button(.type(.submit), .class("primary"), .text("\(words.publish)（\(period)）"))
            ),
            .h2(.text("\(words.preview)（\(preview.items.count)\(words.itemsCount)）")),
            previewTable(words),
            .h2(.text(words.publications)),
            .table(
                .class("list"),
                .thead(.tr(col(words.sequence), col(words.period), col(words.publishedOn), col(words.objectionsUntil), col(words.hash))),
                .tbody(
                    .forEach(publications.reversed()) { publication in
                        .tr(
                            .td(
                                .a(
                                    .href(SiteURL.publicPublicationFile(plan: .value(plan.id), file: .value("\(publication.sequence).json")).path),
                                    .text(String(publication.sequence)))),
                            .td(.text(publication.snapshot.period.description)),
                            .td(.text(publication.snapshot.publishedOn.iso)),
                            .td(.text(publication.snapshot.objectionsUntil?.iso ?? "—")),
                            .td(.code(.class("hash"), .text(publication.hash)))
                        )
                    })
            )
        )
        return Layout(title: words.disclosure, page: page, content: content).render()
    }

    private var adminLinks: Node {
        let words = page.language.publicWords
        let messages = SiteURL.adminPublicMessages.path + "?plan=\(plan.id)"
        let photos = SiteURL.adminPhotos.path + "?plan=\(plan.id)"
        return .p(
            .a(.href(SiteURL.publicHome(.value(plan.id)).path), .text(words.publicPortal)), .text(" · "),
            .a(.href(messages), .text("\(words.messages)（\(words.pending) \(pendingMessages)）")), .text(" · "),
            .a(.href(photos), .text(words.photoApproval))
        )
    }

    private var summary: String {
        let words = page.language.publicWords
        let counts = ProgressStatus.allCases.map { "\(page.language.assessment.status($0)) \(preview.counts[$0.rawValue] ?? 0)" }
        return "\(words.overallProgress) \(PublicParts.percent(preview.progress))；" + counts.joined(separator: "，")
    }

    private func previewTable(_ words: PublicStrings) -> Node {
        .table(
            .class("list"),
            .thead(
                .tr(
                    .th(.text(words.number)), .th(.text(words.item)), .th(.text(words.status)), .th(.text(words.progress)),
                    .th(.text(words.narrative)))),
            .tbody(
                .forEach(preview.items) { item in
                    .tr(
                        .td(.text(String(item.number))),
                        .td(.text(item.title)),
                        .td(PublicParts.light(item.status, page.language)),
                        .td(.text(PublicParts.percent(item.progress))),
                        .td(.text(item.narrative.isEmpty ? "—" : String(item.narrative.prefix(60))))
                    )
                })
        )
    }
}

/// The office's queue of public messages: pending ones with the forms to answer or reject, then the settled ones.
struct PublicMessagesAdminPage {
    var plan: Plan
    var messages: [PublicMessage]
    var sequences: [Int64: Int]
    var titles: [Int: String]
    var page: PageContext

    func render() -> String {
        let words = page.language.publicWords
        let pending = messages.filter { $0.state == .pending }
        let settled = messages.filter { $0.state != .pending }.reversed()
        let content: Node = .group(
            .h1(.text("\(words.messages)：\(plan.title)")),
            .p(.a(.href(SiteURL.adminPublications.path + "?plan=\(plan.id)"), .text("← \(words.disclosure)"))),
            .h2(.text("\(words.pending)（\(pending.count)）")),
            pending.isEmpty
                ? .p(.class("hint"), .text(words.noMessages))
                : .forEach(pending) { message in
                    .article(
                        .class("public-message"), .id("message-\(message.id)"),
                        .h3(.text(heading(message))),
                        .p(.text(message.text)),
                        .p(.class("hint"), .text("\(words.received) \(message.createdAt)" + (message.phone.map { "；\(words.contact) \($0)" } ?? ""))),
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
            .h2(.text("\(words.settled)（\(settled.count)）")),
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
        let sequence = sequences[message.publicationID].map(words.publicationNumber) ?? ""
        return "\(words.kind(message.kind)) · \(sequence) · \(message.itemNumber). \(titles[message.itemNumber] ?? "")"
    }
}

/// Photos of accepted reports, for the office to approve for publication.
struct PhotosAdminPage {
    var plan: Plan
    var candidates: [PhotoCandidate]
    var titles: [Int64: String]
    var units: [Int64: String]
    var page: PageContext

    func render() -> String {
        let words = page.language.publicWords
        let content: Node = .group(
            .h1(.text("\(words.photoApproval)：\(plan.title)")),
            .p(.a(.href(SiteURL.adminPublications.path + "?plan=\(plan.id)"), .text("← \(words.disclosure)"))),
            .p(.class("hint"), .text(words.publishHint)),
            candidates.isEmpty
                ? .p(.class("hint"), .text(words.noPhotos))
                : .div(
                    .class("photos"),
                    .forEach(candidates) { candidate in
                        PublicParts.figure(
                            src: SiteURL.attachment(.value(candidate.attachment.id)).path, alt: candidate.attachment.fileName,
                            caption: caption(candidate))
                    })
        )
        return Layout(title: words.photoApproval, page: page, content: content).render()
    }

    private func caption(_ candidate: PhotoCandidate) -> Node {
        let words = page.language.publicWords
        let state = candidate.isPublic ? words.approved : words.notApproved
        return .group(
            .text("\(titles[candidate.itemID] ?? "") · \(units[candidate.unitID] ?? "") · \(candidate.period) · \(state)"),
            .form(
                .method(.post), .action(SiteURL.adminPhoto(.value(candidate.attachment.id)).path),
                page.csrfField,
                .input(.type(.hidden), .name("public"), .value(candidate.isPublic ? "false" : "true")),
                .button(.type(.submit), .text(candidate.isPublic ? words.withdraw : words.approve))
            )
        )
    }
}
