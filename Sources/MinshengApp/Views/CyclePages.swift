import MinshengCore
import MinshengHTML

/// A period chooser shared by the cycle pages.
struct PeriodForm {
    var action: String
    var period: Period
    var planID: Int64
    var extra: [(String, String)] = []
    var language: Language

    var node: Node {
        .form(
            .class("period-form"), .method(.get), .action(action),
            .input(.type(.hidden), .name("plan"), .value(String(planID))),
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
            .label(.for("period"), .text(language.reporting.period)),
            .input(.id("period"), .name("period"), .attribute(named: "type", value: "month"), .value(period.description)),
            .button(.type(.submit), .text(language.reporting.show))
        )
    }
}

/// 我的任务: the reports a unit owes this month, with state and due date.
struct TasksPage {
    var scope: PlanScope
    var tasks: [ReportTask]
    var unitNames: [Int64: String]
    /// The unit shown, for reporters and for the office viewing one unit.
    var unit: MinshengCore.Unit?
    var units: [MinshengCore.Unit]
    var canChooseUnit: Bool
    var message: String?
    var errors: [String]
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.tasks + (unit.map { "：\($0.name)" } ?? ""))),
            .p(.class("plan-meta"), .text(scope.plan.title)),
            PeriodForm(
                action: SiteURL.tasks.path, period: scope.period, planID: scope.plan.id, extra: unit.map { [("unit", String($0.id))] } ?? [],
                language: page.language
            ).node,
            unitChooser,
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .if(
                !errors.isEmpty,
                .div(
                    .class("alert"), .attribute(named: "role", value: "alert"), .p(.text(words.formErrors)), .ul(.forEach(errors) { .li(.text($0)) }))
            ),
            tasks.isEmpty ? .p(.text(words.noTasks)) : table,
            spreadsheet
        )
        return Layout(title: words.tasks, page: page, content: content).render()
    }

    private var unitChooser: Node {
        guard canChooseUnit else { return .empty }
        let words = page.language.reporting
        return .form(
            .class("period-form"), .method(.get), .action(SiteURL.tasks.path),
            .input(.type(.hidden), .name("plan"), .value(String(scope.plan.id))),
            .input(.type(.hidden), .name("period"), .value(scope.period.description)),
            .label(.for("unit"), .text(words.viewAsUnit)),
            .select(
                .id("unit"), .attribute(named: "name", value: "unit"),
                .element(named: "option", nodes: [.attribute(named: "value", value: ""), .text(words.allUnits)]),
                .forEach(units) { candidate in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: String(candidate.id)),
                            candidate.id == unit?.id ? .attribute(named: "selected") : .empty,
                            .text(candidate.name),
                        ])
                }
            ),
            .button(.type(.submit), .text(words.show))
        )
    }

    private var table: Node {
        let words = page.language.reporting
        return .table(
            .class("list"),
            .thead(
                .tr(
                    .th(.text(words.item)), .th(.text(words.unit)), .th(.text(words.role)), .th(.text(words.state)), .th(.text(words.dueDate)),
                    .th(.text(words.action)))),
            .tbody(
                .forEach(tasks) { task in
                    let link = SiteURL.report(planID: scope.plan.id, period: scope.period, itemID: task.item.id, unitID: task.obligation.unitID)
                    return .tr(
                        .td(.text("\(task.item.number). \(task.item.title)")),
                        .td(.text(unitNames[task.obligation.unitID] ?? "")),
                        .td(.text(words.roleName(task.obligation.role))),
                        .td(
                            .span(.class("state state-\(task.report?.state.rawValue ?? "none")"), .text(words.stateName(task.report?.state))),
                            .if(task.isOverdue, .span(.class("badge overdue"), .text(words.overdueBadge))),
                            .if(task.wasLate, .span(.class("badge late"), .text(words.lateBadge)))),
                        .td(.text(task.dueDate.iso)),
                        .td(.a(.href(link.path), .text(words.open)))
                    )
                })
        )
    }

    private var spreadsheet: Node {
        guard let unit, let principal = page.principal, ReportPolicy.canWrite(forUnit: unit.id, by: principal) else { return .empty }
        let words = page.language.reporting
        let query = "?plan=\(scope.plan.id)&period=\(scope.period)&unit=\(unit.id)"
        return .section(
            .class("spreadsheet"),
            .h2(.text("Excel")),
            .p(.text(words.formHint)),
            .p(.a(.href(SiteURL.taskForm.path + query), .text(words.downloadForm))),
            .form(
                .method(.post), .action(SiteURL.taskForm.path + query), .enctype(.multipartData),
                page.csrfField,
                .label(.for("form-file"), .text(words.uploadForm)),
                .input(.type(.file), .id("form-file"), .name("file"), .required(true), .attribute(named: "accept", value: ".xlsx")),
                .button(.type(.submit), .text(words.upload))
            )
        )
    }
}

/// 待审核: submitted reports awaiting the office, oldest first.
struct ReviewQueuePage {
    var scope: PlanScope
    var reports: [Report]
    var items: [Int64: Item]
    var unitNames: [Int64: String]
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.reviewQueue)),
            .p(.class("plan-meta"), .text(scope.plan.title)),
            reports.isEmpty
                ? .p(.text(words.nothingToReview))
                : .table(
                    .class("list"),
                    .thead(
                        .tr(
                            .th(.text(words.period)), .th(.text(words.item)), .th(.text(words.unit)), .th(.text(words.version)), .th(.text(words.at)),
                            .th(.text(words.action)))),
                    .tbody(
                        .forEach(reports) { report in
                            .tr(
                                .td(.text(report.period.description)),
                                .td(.text(items[report.itemID].map { "\($0.number). \($0.title)" } ?? "")),
                                .td(.text(unitNames[report.unitID] ?? "")),
                                .td(.text(String(report.version))),
                                .td(.text(report.submittedAt ?? "")),
                                .td(
                                    .a(
                                        .href(
                                            SiteURL.report(planID: report.planID, period: report.period, itemID: report.itemID, unitID: report.unitID)
                                                .path), .text(words.show)))
                            )
                        })
                )
        )
        return Layout(title: words.reviewQueue, page: page, content: content).render()
    }
}

/// 逾期未报: units that have not submitted by the due day, with the reminders already sent.
struct OverduePage {
    var scope: PlanScope
    var overdue: [(unit: MinshengCore.Unit, tasks: [ReportTask])]
    var reminders: [Reminder]
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.overdue)),
            .p(.class("plan-meta"), .text(scope.plan.title)),
            PeriodForm(action: SiteURL.overdue.path, period: scope.period, planID: scope.plan.id, language: page.language).node,
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            overdue.isEmpty ? .p(.text(words.nothingOverdue)) : form
        )
        return Layout(title: words.overdue, page: page, content: content).render()
    }

    private var form: Node {
        let words = page.language.reporting
        let remindedUnits = Set(reminders.map(\.unitID))
        return .form(
            .method(.post), .action(SiteURL.remind.path),
            page.csrfField,
            .input(.type(.hidden), .name("plan"), .value(String(scope.plan.id))),
            .input(.type(.hidden), .name("period"), .value(scope.period.description)),
            .table(
                .class("list"),
                .thead(.tr(.th(.text("")), .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.inbox)))),
                .tbody(
                    .forEach(overdue) { entry in
                        .tr(
                            .td(.input(.type(.checkbox), .id("unit-\(entry.unit.id)"), .name("unit"), .value(String(entry.unit.id)))),
                            .td(.label(.for("unit-\(entry.unit.id)"), .text(entry.unit.name))),
                            .td(.text(entry.tasks.map { String($0.item.number) }.joined(separator: "、"))),
                            .td(.text(remindedUnits.contains(entry.unit.id) ? "✓" : ""))
                        )
                    })
            ),
            .label(.for("message"), .text(words.message)),
            .textarea(
                .id("message"), .name("message"), .attribute(named: "rows", value: "2"), .text(words.defaultReminder(scope.period.description))),
            .div(
                .class("actions"),
                .button(.type(.submit), .name("scope"), .value("selected"), .text(words.remindSelected)),
                .button(.type(.submit), .name("scope"), .value("all"), .class("primary"), .text(words.remindAll))
            )
        )
    }
}

/// The unit's inbox of reminders.
struct InboxPage {
    var reminders: [Reminder]
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.inbox)),
            reminders.isEmpty
                ? .p(.text(words.noReminders))
                : .ul(
                    .class("inbox"),
                    .forEach(reminders) { reminder in
                        .li(
                            .class(reminder.readAt == nil ? "unread" : "read"),
                            .strong(.text("\(reminder.period) ")), .text(reminder.message),
                            .span(.class("plan-meta"), .text(" · \(reminder.createdAt)")))
                    }
                )
        )
        return Layout(title: words.inbox, page: page, content: content).render()
    }
}
