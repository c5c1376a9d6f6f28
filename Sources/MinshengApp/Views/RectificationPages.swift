import Foundation
import MinshengCore
import MinshengHTML

/// A table of rectifications.
enum RectificationTable {
    static func node(_ rectifications: [Rectification], directory: SupervisionDirectory, words: SupervisionStrings) -> Node {
        guard !rectifications.isEmpty else { return .p(.class("hint"), .text(words.noRectifications)) }
        return .div(
            .class("table-scroll"),
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.rectificationRequirement)), .th(.text(words.due)),
                        .th(.text(words.state)))),
                .tbody(
                    .forEach(rectifications) { rectification in
                        .tr(
                            .td(.text(directory.unit(rectification.unitID))),
                            .td(.text(directory.item(rectification.itemID))),
                            .td(.a(.href(SiteURL.rectification(.value(rectification.id)).path), .text(rectification.requirement))),
                            .td(
                                .text(rectification.due.iso),
                                rectification.isOverdue(today: directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                            .td(.text(words.stateName(rectification.state)))
                        )
                    })
            ))
    }
}

/// 整改: a unit's rectifications (or all, for the office and inspectors).
struct RectificationsPage {
    var directory: SupervisionDirectory
    var rectifications: [Rectification]
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .h1(.text("\(words.rectifications)：\(directory.plan.title)")),
            SupervisionTabs.node(.rectifications, page: page),
            RectificationTable.node(rectifications, directory: directory, words: words)
        )
        return Layout(title: words.rectifications, page: page, content: content).render()
    }
}

/// One rectification: the requirement, its history and evidence, the unit's report form, and the inspector's
/// close and reopen.
struct RectificationPage {
    var directory: SupervisionDirectory
    var rectification: Rectification
    var events: [RectificationEvent]
    var evidence: [SupervisionFile]
    var canReport: Bool
    var canReview: Bool
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .p(.a(.href(SiteURL.inspection(.value(rectification.inspectionID)).path), .text("← \(words.inspections)"))),
            .h1(.text("\(words.rectifications)：\(directory.unit(rectification.unitID))")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text(words.item)), .dd(.text(directory.item(rectification.itemID))),
                .dt(.text(words.rectificationRequirement)), .dd(.text(rectification.requirement)),
                .dt(.text(words.due)),
                .dd(
                    .text(rectification.due.iso),
                    rectification.isOverdue(today: directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                .dt(.text(words.state)), .dd(.text(words.stateName(rectification.state)))
            ),
            .h2(.text(words.history)),
            .ol(
                .class("history"),
                .forEach(events) { event in
                    .li(.text("\(event.at.prefix(10)) \(words.stateName(event.state))" + (event.note.map { "：\($0)" } ?? "")))
                }),
            .if(
                !evidence.isEmpty,
                .ul(.forEach(evidence) { file in .li(.a(.href(SiteURL.supervisionFile(.value(file.id)).path), .text(file.fileName))) })),
            .if(
                canReport && rectification.state.isPending,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(rectification.id), .value("report")).path),
                    .enctype(.multipartData),
                    page.csrfField,
                    .label(.for("text"), .text(words.reportRectification)),
                    .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "4"), .attribute(named: "required", value: "required")),
                    .label(.for("file"), .text(words.evidence)),
                    .input(.type(.file), .id("file"), .name("file")),
                    .button(.type(.submit), .class("primary"), .text(words.reportRectification))
                )),
            .if(
                canReview && rectification.state == .reported,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(rectification.id), .value("review")).path),
                    page.csrfField,
                    .label(.for("note"), .text(words.note)),
                    .textarea(.id("note"), .name("text"), .attribute(named: "rows", value: "2")),
                    .div(
                        .class("actions"),
                        .button(.type(.submit), .name("action"), .value("close"), .class("primary"), .text(words.closeRectification)),
                        .button(.type(.submit), .name("action"), .value("reopen"), .text(words.reopen)))
                ))
        )
        return Layout(title: words.rectifications, page: page, content: content).render()
    }
}
