import Foundation
import MinshengCore
import MinshengHTML

extension NoticePage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let standing = model.notice.standing(today: model.directory.day, rules: model.directory.settings.notices)
            let content: Node = .group(
                .p(.a(.href(SiteURL.supervision.path + "?plan=\(model.directory.plan.id)"), .text("← \(words.notices)"))),
                .h1(
                    .text(
                        page.punctuation.labelled(
                            words.noticeNumber(model.notice, year: model.directory.plan.year), model.directory.item(model.notice.itemID))
                    )),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .dl(
                    .class("facts"),
                    .dt(.text(words.unit)), .dd(.text(model.directory.unit(model.notice.unitID))),
                    .dt(.text(words.grade)), .dd(GradeBadge.node(standing, words: words)),
                    .dt(.text(words.reason)), .dd(.text(model.notice.reason)),
                    .dt(.text(words.requirement)), .dd(.text(model.notice.requirement)),
                    .dt(.text(words.issuedOn)), .dd(.text(page.date(model.notice.issuedOn))),
                    .dt(.text(words.due)),
                    .dd(.text(page.date(standing.due)), standing.redOverdue ? .span(.class("badge overdue"), .text(words.overdue)) : .empty),
                    .dt(.text(words.measures)), .dd(.text(model.notice.measures ?? words.unanswered)),
                    .dt(.text(words.promisedOn)), .dd(.text(model.notice.promisedOn.map(page.date) ?? "—"))
                ),
                .if(
                    model.canAnswer && model.notice.answeredOn == nil,
                    .form(
                        .class("narrow"), .method(.post), .action(SiteURL.noticeAnswer(.value(model.notice.id)).path),
                        page.csrfField,
                        .label(.for("measures"), .text(words.measures)),
                        .textarea(
                            .id("measures"), .name("measures"), .attribute(named: "rows", value: "4"),
                            .attribute(named: "required", value: "required")),
                        .label(.for("promisedOn"), .text(words.promisedOn)),
                        .input(.type(.date), .id("promisedOn"), .name("promisedOn"), .attribute(named: "required", value: "required")),
                        .button(.type(.submit), .class("primary"), .text(words.sendAnswer))
                    )),
                .if(
                    model.canClose && model.notice.closedOn == nil,
                    .form(
                        .method(.post), .action(SiteURL.noticeClose(.value(model.notice.id)).path), page.csrfField,
                        .button(.type(.submit), .text(words.close))
                    ))
            )
            return Layout(title: words.noticeNumber(model.notice, year: model.directory.plan.year), page: page, content: content).render()
        }
    }
}
