import Foundation
import MinshengCore
import MinshengHTML

extension RectificationPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let content: Node = .group(
                .p(.a(.href(SiteURL.inspection(.value(model.rectification.inspectionID)).path), .text("← \(words.inspections)"))),
                .h1(.text("\(words.rectifications)\(page.punctuation.colon)\(model.directory.unit(model.rectification.unitID))")),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .dl(
                    .class("facts"),
                    .dt(.text(words.item)), .dd(.text(model.directory.item(model.rectification.itemID))),
                    .dt(.text(words.rectificationRequirement)), .dd(.text(model.rectification.requirement)),
                    .dt(.text(words.due)),
                    .dd(
                        .text(page.date(model.rectification.due)),
                        model.rectification.isOverdue(today: model.directory.day) ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                    .dt(.text(words.state)), .dd(.text(words.stateName(model.rectification.state)))
                ),
                .h2(.text(words.history)),
                .ol(
                    .class("history"),
                    .forEach(model.events) { event in
                        .li(
                            .text(
                                "\(event.at.prefix(10)) \(words.stateName(event.state))" + (event.note.map { "\(page.punctuation.colon)\($0)" } ?? "")
                            ))
                    }),
                .if(
                    !model.evidence.isEmpty,
                    .ul(.forEach(model.evidence) { file in .li(.a(.href(SiteURL.supervisionFile(.value(file.id)).path), .text(file.fileName))) })),
                .if(
                    model.canReport && model.rectification.state.isPending,
                    .form(
                        .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(model.rectification.id), .value("report")).path),
                        .enctype(.multipartData),
                        page.csrfField,
                        .label(.for("text"), .text(words.reportRectification)),
                        .textarea(
                            .id("text"), .name("text"), .attribute(named: "rows", value: "4"), .attribute(named: "required", value: "required")),
                        .label(.for("file"), .text(words.evidence)),
                        .input(.type(.file), .id("file"), .name("file")),
                        .button(.type(.submit), .class("primary"), .text(words.reportRectification))
                    )),
                .if(
                    model.canReview && model.rectification.state == .reported,
                    .form(
                        .class("narrow"), .method(.post), .action(SiteURL.rectificationAction(.value(model.rectification.id), .value("review")).path),
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
}
