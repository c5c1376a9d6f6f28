import Foundation
import MinshengCore
import MinshengHTML

extension NoticesPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        var words: SupervisionStrings { page.language.supervisionWords }

        func render() -> String {
            let content: Node = .group(
                .h1(.text("\(words.supervision)\(page.punctuation.colon)\(model.directory.plan.title)")),
                SupervisionTabs.node(.supervision, page: page),
                .if(page.principal.map(SupervisionPolicy.canDecide) ?? false, proposalList),
                .h2(.text("\(words.notices)\(page.punctuation.open)\(model.notices.count)\(page.punctuation.close)")),
                model.notices.isEmpty ? .p(.class("hint"), .text(words.noNotices)) : noticeTable
            )
            return Layout(title: words.notices, page: page, content: content).render()
        }

        private var proposalList: Node {
            .section(
                .h2(.text("\(words.proposals)\(page.punctuation.open)\(model.proposals.count)\(page.punctuation.close)")),
                model.proposals.isEmpty
                    ? .p(.class("hint"), .text(words.noProposals))
                    : .forEach(model.proposals) { proposal in
                        .form(
                            .class("proposal"), .method(.post), .action(SiteURL.supervision.path),
                            page.csrfField,
                            .input(.type(.hidden), .name("plan"), .value(String(model.directory.plan.id))),
                            .input(.type(.hidden), .name("item"), .value(String(proposal.itemID))),
                            .input(.type(.hidden), .name("grade"), .value(proposal.grade.rawValue)),
                            .h3(
                                .element(
                                    named: "span",
                                    nodes: [
                                        .attribute(named: "class", value: "grade \(proposal.grade.cssName)"),
                                        .text(words.gradeName(proposal.grade)),
                                    ]),
                                .text(" " + model.directory.item(proposal.itemID))),
                            .label(.for("reason-\(proposal.itemID)"), .text(words.reason)),
                            .input(.type(.text), .id("reason-\(proposal.itemID)"), .name("reason"), .value(proposal.reason), .class("wide")),
                            .label(.for("requirement-\(proposal.itemID)"), .text(words.requirement)),
                            .textarea(
                                .id("requirement-\(proposal.itemID)"), .name("requirement"), .attribute(named: "rows", value: "2"), .class("wide"),
                                .text(SupervisionService.requirement(proposal.grade))),
                            .button(.type(.submit), .class("primary"), .text(words.issue))
                        )
                    }
            )
        }

        private var noticeTable: Node {
            .div(
                .class("table-scroll"),
                .table(
                    .class("list"),
                    .thead(
                        .tr(
                            .th(.text("#")), .th(.text(words.item)), .th(.text(words.unit)), .th(.text(words.grade)), .th(.text(words.issuedOn)),
                            .th(.text(words.due)), .th(.text(words.answer)))),
                    .tbody(
                        .forEach(model.notices) { notice in
                            let standing = notice.standing(today: model.directory.day, rules: model.directory.settings.notices)
                            return .tr(
                                .td(
                                    .a(
                                        .href(SiteURL.notice(.value(notice.id)).path),
                                        .text(words.noticeNumber(notice, year: model.directory.plan.year)))),
                                .td(.text(model.directory.item(notice.itemID))),
                                .td(.text(model.directory.unit(notice.unitID))),
                                .td(GradeBadge.node(standing, words: words)),
                                .td(.text(page.date(notice.issuedOn))),
                                .td(
                                    .text(page.date(standing.due)),
                                    standing.redOverdue ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                                .td(.text(answerText(notice)))
                            )
                        })
                ))
        }

        private func answerText(_ notice: SupervisionNotice) -> String {
            if let closed = notice.closedOn { return "\(words.closed) \(closed.iso)" }
            guard let answered = notice.answeredOn else { return words.unanswered }
            return
                page.punctuation.labelled("\(words.answered) \(answered.iso)", notice.measures ?? "")
                + page.punctuation.aside("\(words.promisedOn) \(notice.promisedOn?.iso ?? "—")")
        }
    }
}
