import Foundation
import MinshengCore
import MinshengHTML

extension PublicationsAdminPage {
    /// Renders the publishing page.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.publicWords
            let col = { (text: String) -> Node in .th(.attribute(named: "scope", value: "col"), .text(text)) }
            let content: Node = .group(
                .h1(.text("\(words.disclosure)\(page.punctuation.colon)\(model.plan.title)")),
                adminLinks,
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                AssessmentPeriodForm(
                    action: SiteURL.adminPublications.path, plan: model.plan, period: model.period, extra: [], language: page.language
                ).node,
                .h2(.text("\(words.preview)\(page.punctuation.colon)\(words.asOfDate(model.period.endDate))")),
                .p(.class("hint"), .text(words.publishHint)),
                .p(.class("summary"), .text(summary)),
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.adminPublications.path),
                    page.csrfField,
                    .input(.type(.hidden), .name("plan"), .value(String(model.plan.id))),
                    .input(.type(.hidden), .name("period"), .value(model.period.description)),
                    .label(.for("objection-days"), .text(words.objectionDays)),
                    .input(
                        .type(.number), .id("objection-days"), .name("objectionDays"), .value("7"), .attribute(named: "min", value: "1"),
                        .attribute(named: "max", value: "60")),
                    .button(
                        .type(.submit), .class("primary"), .text("\(words.publish)\(page.punctuation.open)\(model.period)\(page.punctuation.close)"))
                ),
                .h2(.text(words.captioned(words.preview, model.preview.items.count))),
                previewTable(words),
                .h2(.text(words.publications)),
                .table(
                    .class("list"),
                    .thead(.tr(col(words.sequence), col(words.period), col(words.publishedOn), col(words.objectionsUntil), col(words.hash))),
                    .tbody(
                        .forEach(model.publications.reversed()) { publication in
                            .tr(
                                .td(
                                    .a(
                                        .href(
                                            SiteURL.publicPublicationFile(plan: .value(model.plan.id), file: .value("\(publication.sequence).json"))
                                                .path),
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
            let messages = SiteURL.adminPublicMessages.path + "?plan=\(model.plan.id)"
            let photos = SiteURL.adminPhotos.path + "?plan=\(model.plan.id)"
            return .p(
                .a(.href(SiteURL.publicHome(.value(model.plan.id)).path), .text(words.publicPortal)), .text(" · "),
                .a(
                    .href(messages),
                    .text("\(words.messages)\(page.punctuation.open)\(words.pending) \(model.pendingMessages)\(page.punctuation.close)")),
                .text(" · "),
                .a(.href(photos), .text(words.photoApproval))
            )
        }

        private var summary: String {
            let words = page.language.publicWords
            let counts = ProgressStatus.allCases.map { "\(page.language.assessment.status($0)) \(model.preview.counts[$0.rawValue] ?? 0)" }
            return "\(words.overallProgress) \(PublicParts.percent(model.preview.progress))\(page.punctuation.semicolon)"
                + counts.joined(separator: page.punctuation.comma)
        }

        private func previewTable(_ words: PublicStrings) -> Node {
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(words.number)), .th(.text(words.item)), .th(.text(words.status)), .th(.text(words.progress)),
                        .th(.text(words.narrative)))),
                .tbody(
                    .forEach(model.preview.items) { item in
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
}
