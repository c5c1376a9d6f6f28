import Foundation
import MinshengCore
import MinshengHTML

extension AccountabilityPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        var words: SupervisionStrings { page.language.supervisionWords }

        func render() -> String {
            let content: Node = .group(
                .h1(.text("\(words.accountability)\(page.punctuation.colon)\(model.directory.plan.title)")),
                SupervisionTabs.node(.accountability, page: page),
                .if(page.principal.map(SupervisionPolicy.canDecide) ?? false, proposalList),
                .h2(.text("\(words.accountability)\(page.punctuation.open)\(model.cases.count)\(page.punctuation.close)")),
                model.cases.isEmpty
                    ? .p(.class("hint"), .text(words.noCases))
                    : .div(
                        .class("table-scroll"),
                        .table(
                            .class("list"),
                            .thead(
                                .tr(
                                    .th(.text(words.openedOn)), .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.rule)),
                                    .th(.text(words.decision)))),
                            .tbody(
                                .forEach(model.cases) { entry in
                                    .tr(
                                        .td(.a(.href(SiteURL.accountabilityCase(.value(entry.id)).path), .text(page.date(entry.openedOn)))),
                                        .td(.text(model.directory.unit(entry.unitID))),
                                        .td(.text(model.directory.item(entry.itemID))),
                                        .td(.text(words.ruleName(entry.rule))),
                                        .td(
                                            .text(
                                                entry.decision.map {
                                                    words.decisionName($0) + page.punctuation.aside(entry.decidedOn?.iso ?? "")
                                                } ?? words.undecided))
                                    )
                                })
                        ))
            )
            return Layout(title: words.accountability, page: page, content: content).render()
        }

        private var proposalList: Node {
            .section(
                .h2(.text("\(words.caseProposals)\(page.punctuation.open)\(model.proposals.count)\(page.punctuation.close)")),
                model.proposals.isEmpty
                    ? .p(.class("hint"), .text(words.noCaseProposals))
                    : .forEach(model.proposals.enumerated()) { index, proposal in
                        .form(
                            .class("proposal"), .method(.post), .action(SiteURL.accountability.path),
                            page.csrfField,
                            .input(.type(.hidden), .name("plan"), .value(String(model.directory.plan.id))),
                            .input(.type(.hidden), .name("unit"), .value(String(proposal.unitID))),
                            .input(.type(.hidden), .name("item"), .value(proposal.itemID.map(String.init) ?? "")),
                            .input(.type(.hidden), .name("rule"), .value(proposal.rule.rawValue)),
                            .h3(
                                .text(
                                    "\(model.directory.unit(proposal.unitID)) · \(model.directory.item(proposal.itemID)) · "
                                        + words.ruleName(proposal.rule)
                                )),
                            .ul(.forEach(proposal.grounds) { .li(.text($0.text)) }),
                            .button(.type(.submit), .id("open-\(index)"), .text(words.openCase))
                        )
                    }
            )
        }
    }
}
