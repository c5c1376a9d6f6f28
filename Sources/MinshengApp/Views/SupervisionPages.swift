import Foundation
import MinshengCore
import MinshengHTML

/// What every supervision page needs to name things.
struct SupervisionDirectory {
    var plan: Plan
    var items: [Int64: Item]
    var units: [Int64: String]
    var settings: SupervisionSettings
    /// The day supervision judges on.
    var day: CalendarDate

    func item(_ id: Int64?) -> String {
        id.flatMap { items[$0] }.map { "\($0.number). \($0.title)" } ?? "—"
    }

    func unit(_ id: Int64?) -> String {
        id.flatMap { units[$0] } ?? "—"
    }
}

/// The tabs of the supervision pages.
enum SupervisionTabs {
    static func node(_ current: SiteURL, page: PageContext) -> Node {
        let words = page.language.supervisionWords
        var tabs: [(SiteURL, String)] = [
            (.supervision, words.notices), (.inspections, words.inspections), (.rectifications, words.rectifications),
            (.accountability, words.accountability), (.scores, words.scores),
        ]
        if page.mayOpen(.supervisionSettings) { tabs.append((.supervisionSettings, words.settings)) }
        return .nav(
            .class("tabs"), .attribute(named: "aria-label", value: words.supervision),
            .ul(
                .forEach(tabs) { tab in
                    .li(.a(.href(tab.0.path), tab.0 == current ? .attribute(named: "aria-current", value: "page") : .empty, .text(tab.1)))
                })
        )
    }
}

/// A notice's colour today, with its escalations written out.
enum GradeBadge {
    static func node(_ standing: NoticeStanding, words: SupervisionStrings) -> Node {
        let text = words.gradeName(standing.grade) + (standing.escalations.isEmpty ? "" : "（\(words.escalations(standing))）")
        return .element(named: "span", nodes: [.attribute(named: "class", value: "grade \(standing.grade.cssName)"), .text(text)])
    }
}

/// 督办: the notices the assessment calls for (for the office to issue) and every notice with its colour today.
struct NoticesPage {
    var directory: SupervisionDirectory
    var proposals: [NoticeProposal]
    var notices: [SupervisionNotice]
    var message: String?
    var page: PageContext

    var words: SupervisionStrings { page.language.supervisionWords }

    func render() -> String {
        let content: Node = .group(
            .h1(.text("\(words.supervision)：\(directory.plan.title)")),
            SupervisionTabs.node(.supervision, page: page),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(page.principal.map(SupervisionPolicy.canDecide) ?? false, proposalList),
            .h2(.text("\(words.notices)（\(notices.count)）")),
            notices.isEmpty ? .p(.class("hint"), .text(words.noNotices)) : noticeTable
        )
        return Layout(title: words.notices, page: page, content: content).render()
    }

    private var proposalList: Node {
        .section(
            .h2(.text("\(words.proposals)（\(proposals.count)）")),
            proposals.isEmpty
                ? .p(.class("hint"), .text(words.noProposals))
                : .forEach(proposals) { proposal in
                    .form(
                        .class("proposal"), .method(.post), .action(SiteURL.supervision.path),
                        page.csrfField,
                        .input(.type(.hidden), .name("plan"), .value(String(directory.plan.id))),
                        .input(.type(.hidden), .name("item"), .value(String(proposal.itemID))),
                        .input(.type(.hidden), .name("grade"), .value(proposal.grade.rawValue)),
                        .h3(
                            .element(
                                named: "span",
                                nodes: [
                                    .attribute(named: "class", value: "grade \(proposal.grade.cssName)"),
                                    .text(words.gradeName(proposal.grade)),
                                ]),
                            .text(" " + directory.item(proposal.itemID))),
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
                    .forEach(notices) { notice in
                        let standing = notice.standing(today: directory.day, rules: directory.settings.notices)
                        return .tr(
                            .td(.a(.href(SiteURL.notice(.value(notice.id)).path), .text(words.noticeNumber(notice, year: directory.plan.year)))),
                            .td(.text(directory.item(notice.itemID))),
                            .td(.text(directory.unit(notice.unitID))),
                            .td(GradeBadge.node(standing, words: words)),
                            .td(.text(notice.issuedOn.iso)),
                            .td(.text(standing.due.iso), standing.redOverdue ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                            .td(.text(answerText(notice)))
                        )
                    })
            ))
    }

    private func answerText(_ notice: SupervisionNotice) -> String {
        if let closed = notice.closedOn { return "\(words.closed) \(closed.iso)" }
        guard let answered = notice.answeredOn else { return words.unanswered }
        return "\(words.answered) \(answered.iso)：\(notice.measures ?? "")（\(words.promisedOn) \(notice.promisedOn?.iso ?? "—")）"
    }
}

/// One notice: its reason and requirement, its colour today, the unit's answer (and the form for it), and closing.
struct NoticePage {
    var directory: SupervisionDirectory
    var notice: SupervisionNotice
    var canAnswer: Bool
    var canClose: Bool
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let standing = notice.standing(today: directory.day, rules: directory.settings.notices)
        let content: Node = .group(
            .p(.a(.href(SiteURL.supervision.path + "?plan=\(directory.plan.id)"), .text("← \(words.notices)"))),
            .h1(.text("\(words.noticeNumber(notice, year: directory.plan.year))：\(directory.item(notice.itemID))")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text(words.unit)), .dd(.text(directory.unit(notice.unitID))),
                .dt(.text(words.grade)), .dd(GradeBadge.node(standing, words: words)),
                .dt(.text(words.reason)), .dd(.text(notice.reason)),
                .dt(.text(words.requirement)), .dd(.text(notice.requirement)),
                .dt(.text(words.issuedOn)), .dd(.text(notice.issuedOn.iso)),
                .dt(.text(words.due)),
                .dd(.text(standing.due.iso), standing.redOverdue ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                .dt(.text(words.measures)), .dd(.text(notice.measures ?? words.unanswered)),
                .dt(.text(words.promisedOn)), .dd(.text(notice.promisedOn?.iso ?? "—"))
            ),
            .if(
                canAnswer && notice.answeredOn == nil,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.noticeAnswer(.value(notice.id)).path),
                    page.csrfField,
                    .label(.for("measures"), .text(words.measures)),
                    .textarea(
                        .id("measures"), .name("measures"), .attribute(named: "rows", value: "4"), .attribute(named: "required", value: "required")),
                    .label(.for("promisedOn"), .text(words.promisedOn)),
                    .input(.type(.date), .id("promisedOn"), .name("promisedOn"), .attribute(named: "required", value: "required")),
                    .button(.type(.submit), .class("primary"), .text(words.sendAnswer))
                )),
            .if(
                canClose && notice.closedOn == nil,
                .form(
                    .method(.post), .action(SiteURL.noticeClose(.value(notice.id)).path), page.csrfField,
                    .button(.type(.submit), .text(words.close))
                ))
        )
        return Layout(title: words.noticeNumber(notice, year: directory.plan.year), page: page, content: content).render()
    }
}
