import Foundation
import MinshengCore
import MinshengHTML

extension WorkbenchPage {
    /// Renders the workbench: the periods in words, then the role's sections of counts that link to their lists.
    struct View {
        var model: Model
        var page: PageContext

        var words: WorkbenchWords { WorkbenchWords(language: page.language) }
        var periods: PeriodWords { PeriodWords(language: page.language) }
        var planQuery: String { "?plan=\(model.plan.id)" }

        func render() -> String {
            let content: Node = .group(
                .h1(.text(words.title)),
                .p(.class("plan-meta"), .text(model.plan.title)),
                .p(
                    .class("periods"), .span(.text(words.current(periods.name(model.current)))), .text(" · "),
                    .span(.text(words.working(periods.name(model.working), due: periods.day(model.dueDate))))),
                .unwrap(model.unit, unitSection),
                .unwrap(model.office, officeSection),
                .unwrap(model.state, stateSection),
                .unwrap(model.inspections, inspectionSection)
            )
            return Layout(title: words.title, page: page, content: content).render()
        }

        /// A count that links to its list.
        private func tile(_ label: String, _ count: Int, _ href: String, detail: String? = nil, alert: Bool = false) -> Node {
            .a(
                .class(alert && count > 0 ? "tile tile-alert" : "tile"), .href(href),
                .span(.class("tile-count"), .text(String(count))), .span(.class("tile-label"), .text(label)),
                .unwrap(detail) { .span(.class("tile-detail"), .text($0)) })
        }

        private func officeSection(_ office: Model.Office) -> Node {
            let review = SiteURL.reviewQueue.path + planQuery
            let total = office.reviewByMonth.reduce(0) { $0 + $1.count }
            return .section(
                .attribute(named: "aria-labelledby", value: "office"),
                .h2(.id("office"), .text(words.officeHeading)),
                .div(
                    .class("tiles"),
                    tile(words.toReview, total, review + "&state=submitted", alert: true),
                    tile(
                        words.overdue, office.overdue, SiteURL.overdue.path + planQuery, detail: words.overdueDetail(office.overdueUnits),
                        alert: true
                    ),
                    tile(words.notices, office.unansweredNotices, SiteURL.supervision.path + planQuery),
                    tile(
                        words.rectifications, office.pendingRectifications, SiteURL.rectifications.path + planQuery,
                        detail: office.overdueRectifications > 0 ? words.overdueRectifications(office.overdueRectifications) : nil),
                    tile(words.messages, office.waitingMessages, SiteURL.adminPublicMessages.path + planQuery)
                ),
                .if(
                    !office.reviewByMonth.isEmpty,
                    .ul(
                        .class("by-month"),
                        .forEach(office.reviewByMonth) { entry in
                            .li(
                                .a(
                                    .href(review + "&state=submitted&period=\(entry.period)"),
                                    .text("\(words.toReviewIn(periods.name(entry.period)))\(page.punctuation.colon)\(entry.count)")))
                        })),
                .unwrap(office.nextToClose) { month in
                    .p(
                        .a(
                            .href(SiteURL.adminCalendar(.value(model.plan.id)).path + "#closing"),
                            .text(words.closeNext(periods.name(.month(year: model.plan.year, month: month))))))
                }
            )
        }

        private func unitSection(_ unit: Model.Unit) -> Node {
            let tasks = SiteURL.tasks.path + planQuery
            let states = unit.tasks.map(\.report?.state)
            return .group(
                .if(!unit.returned.isEmpty, returnedSection(unit)),
                .if(!unit.notices.isEmpty, noticeSection(unit)),
                .section(
                    .attribute(named: "aria-labelledby", value: "unit"),
                    .h2(.id("unit"), .text("\(words.unitHeading)\(page.punctuation.colon)\(unit.unit.name)")),
                    .div(
                        .class("tiles"),
                        tile(words.notStarted, states.filter { $0 == nil }.count, tasks, alert: true),
                        tile(words.drafts, states.filter { $0 == .draft }.count, tasks),
                        tile(words.submitted, states.filter { $0 == .submitted }.count, tasks),
                        tile(words.accepted, states.filter { $0 == .accepted }.count, tasks)
                    ),
                    .p(
                        .a(.href(tasks), .class("button primary"), .text(words.allTasks)), .text(" "),
                        .if(unit.unread > 0, .a(.href(SiteURL.inbox.path), .text(words.unread(unit.unread)))))
                )
            )
        }

        private func returnedSection(_ unit: Model.Unit) -> Node {
            let messages = MessageWords(language: page.language)
            return .section(
                .class("alert returned-list"), .attribute(named: "aria-labelledby", value: "returned"),
                .h2(.id("returned"), .text(words.returnedHeading)),
                .ul(
                    .forEach(unit.returned) { entry in
                        let link = SiteURL.report(
                            planID: model.plan.id, period: entry.report.period, itemID: entry.item.id, unitID: entry.report.unitID)
                        let text = messages.returnedReport(
                            number: entry.item.number, title: entry.item.title, period: periods.name(entry.report.period))
                        return .li(.a(.href(link.path), .text(text)), .p(.text(messages.reason(entry.report.returnReason ?? ""))))
                    }))
        }

        private func noticeSection(_ unit: Model.Unit) -> Node {
            .section(
                .attribute(named: "aria-labelledby", value: "notices"),
                .h2(.id("notices"), .text(words.noticesHeading)),
                .ul(
                    .forEach(unit.notices) { entry in
                        .li(
                            .a(
                                .href(SiteURL.notice(.value(entry.notice.id)).path),
                                .text(entry.item.map { words.noticeLine(number: $0.number, title: $0.title) } ?? words.answer)),
                            .text(" · \(periods.day(entry.notice.issuedOn))"))
                    }))
        }

        private func stateSection(_ state: Model.State) -> Node {
            let assessment = page.language.assessment
            let overview = SiteURL.overview.path + planQuery
            return .group(
                .section(
                    .attribute(named: "aria-labelledby", value: "state"),
                    .h2(.id("state"), .text(words.stateHeading)),
                    .div(
                        .class("tiles"),
                        .forEach(ProgressStatus.allCases.filter { (state.counts[$0] ?? 0) > 0 }) { status in
                            tile(
                                assessment.status(status), state.counts[status] ?? 0, overview + "&status=\(status.rawValue)",
                                alert: status == .seriouslyBehind)
                        })),
                .section(
                    .attribute(named: "aria-labelledby", value: "behind"),
                    .h2(.id("behind"), .text(words.behindHeading)),
                    state.behind.isEmpty
                        ? .p(.class("empty"), .text(words.noneBehind))
                        : .ul(
                            .class("behind"),
                            .forEach(state.behind) { entry in
                                .li(
                                    .span(.class("chip chip-\(entry.assessment.status.rawValue)"), .text(assessment.status(entry.assessment.status))),
                                    .text(" "),
                                    .a(
                                        .href(SiteURL.item(plan: .value(model.plan.id), number: .value(entry.item.number)).path),
                                        .text("\(entry.item.number). \(entry.item.title)")))
                            }))
            )
        }

        private func inspectionSection(_ inspections: [Inspection]) -> Node {
            .section(
                .attribute(named: "aria-labelledby", value: "inspections"),
                .h2(.id("inspections"), .text(words.inspectionsHeading)),
                .p(.a(.href(SiteURL.newInspection.path + planQuery), .class("button primary"), .text(words.newInspection))),
                inspections.isEmpty
                    ? .p(.class("empty"), .text(words.noInspections))
                    : .ul(
                        .forEach(inspections) { inspection in
                            .li(
                                .a(
                                    .href(SiteURL.inspection(.value(inspection.id)).path),
                                    .text("\(periods.day(inspection.inspectedOn)) \(inspection.place)")),
                                .text(" · "),
                                .span(.class("chip"), .text(inspection.state == .planned ? words.planned : words.done)))
                        })
            )
        }
    }
}
