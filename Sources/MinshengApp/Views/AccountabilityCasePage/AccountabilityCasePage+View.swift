import Foundation
import MinshengCore
import MinshengHTML

extension AccountabilityCasePage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let content: Node = .group(
                .p(.a(.href(SiteURL.accountability.path + "?plan=\(model.directory.plan.id)"), .text("← \(words.accountability)"))),
                .h1(.text("\(model.directory.unit(model.entry.unitID))\(page.punctuation.colon)\(words.ruleName(model.entry.rule))")),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .dl(
                    .class("facts"),
                    .dt(.text(words.item)), .dd(.text(model.directory.item(model.entry.itemID))),
                    .dt(.text(words.openedOn)), .dd(.text(page.date(model.entry.openedOn))),
                    .dt(.text(words.decision)), .dd(.text(model.entry.decision.map(words.decisionName) ?? words.undecided)),
                    .dt(.text(words.decidedOn)), .dd(.text(model.entry.decidedOn.map(page.date) ?? "—")),
                    .dt(.text(words.note)), .dd(.text(model.entry.decisionNote ?? "—"))
                ),
                .h2(.text(words.grounds)),
                .ul(.forEach(model.entry.grounds) { evidence in .li(link(evidence)) }),
                .if(
                    model.canDecide && model.entry.decision == nil,
                    .form(
                        .class("narrow"), .method(.post), .action(SiteURL.caseDecision(.value(model.entry.id)).path),
                        page.csrfField,
                        .label(.for("decision"), .text(words.decision)),
                        SelectField.node(
                            id: "decision", name: "decision", label: words.decision,
                            options: AccountabilityDecision.allCases.map { ($0.rawValue, words.decisionName($0)) },
                            selected: AccountabilityDecision.interview.rawValue),
                        .label(.for("note"), .text(words.note)),
                        .textarea(
                            .id("note"), .name("note"), .attribute(named: "rows", value: "3"), .attribute(named: "required", value: "required")),
                        .button(.type(.submit), .class("primary"), .text(words.decide))
                    ))
            )
            return Layout(title: words.accountability, page: page, content: content).render()
        }

        /// Evidence with a link to what it points at.
        private func link(_ evidence: Evidence) -> Node {
            let plan = model.directory.plan
            switch evidence.kind {
            case .notice: return .a(.href(SiteURL.notice(.value(evidence.reference)).path), .text(evidence.text))
            case .inspection: return .a(.href(SiteURL.inspection(.value(evidence.reference)).path), .text(evidence.text))
            case .rectification: return .a(.href(SiteURL.rectification(.value(evidence.reference)).path), .text(evidence.text))
            case .assessment:
                guard let item = model.entry.itemID.flatMap({ model.directory.items[$0] }) else { return .text(evidence.text) }
                let period = Period.month(year: plan.year, month: Int(evidence.reference))
                return .a(.href(SiteURL.item(plan: .value(plan.id), number: .value(item.number)).path + "?period=\(period)"), .text(evidence.text))
            }
        }
    }
}
