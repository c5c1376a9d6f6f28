import MinshengCore
import MinshengHTML

extension TasksPage {
    /// Renders the tasks page.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.tasks + (model.unit.map { "\(page.punctuation.colon)\($0.name)" } ?? ""))),
                .p(.class("plan-meta"), .text(model.scope.plan.title)),
                PeriodForm(
                    action: SiteURL.tasks.path, period: model.scope.period, planID: model.scope.plan.id,
                    extra: model.unit.map { [("unit", String($0.id))] } ?? [],
                    language: page.language
                ).node,
                unitChooser,
                returnedSection,
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .if(
                    !model.errors.isEmpty,
                    .div(
                        .class("alert"), .attribute(named: "role", value: "alert"), .p(.text(words.formErrors)),
                        .ul(.forEach(model.errors) { .li(.text($0)) }))
                ),
                model.tasks.isEmpty ? .p(.text(words.noTasks)) : table,
                spreadsheet
            )
            return Layout(title: words.tasks, page: page, content: content).render()
        }

        /// The unit's returned reports, each with the reason and a link to revise it.
        private var returnedSection: Node {
            guard !model.returned.isEmpty else { return .empty }
            let words = MessageWords(language: page.language)
            let periods = PeriodWords(language: page.language)
            return .section(
                .class("alert returned-list"), .attribute(named: "aria-labelledby", value: "returned"),
                .h2(.id("returned"), .text(words.toRevise(model.returned.count))),
                .ul(
                    .forEach(model.returned) { entry in
                        let link = SiteURL.report(
                            planID: model.scope.plan.id, period: entry.report.period, itemID: entry.item.id, unitID: entry.report.unitID)
                        return .li(
                            .a(
                                .href(link.path),
                                .text(
                                    words.returnedReport(
                                        number: entry.item.number, title: entry.item.title, period: periods.name(entry.report.period)))),
                            .p(.text(words.reason(entry.report.returnReason ?? ""))))
                    })
            )
        }

        private var unitChooser: Node {
            guard model.canChooseUnit else { return .empty }
            let words = page.language.reporting
            return .form(
                .class("period-form"), .method(.get), .action(SiteURL.tasks.path),
                .input(.type(.hidden), .name("plan"), .value(String(model.scope.plan.id))),
                .input(.type(.hidden), .name("period"), .value(model.scope.period.description)),
                .label(.for("unit"), .text(words.viewAsUnit)),
                .select(
                    .id("unit"), .attribute(named: "name", value: "unit"),
                    .element(named: "option", nodes: [.attribute(named: "value", value: ""), .text(words.allUnits)]),
                    .forEach(model.units) { candidate in
                        .element(
                            named: "option",
                            nodes: [
                                .attribute(named: "value", value: String(candidate.id)),
                                candidate.id == model.unit?.id ? .attribute(named: "selected") : .empty,
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
                    .forEach(model.tasks) { task in
                        let link = SiteURL.report(
                            planID: model.scope.plan.id, period: model.scope.period, itemID: task.item.id, unitID: task.obligation.unitID)
                        return .tr(
                            .td(.text("\(task.item.number). \(task.item.title)")),
                            .td(.text(model.unitNames[task.obligation.unitID] ?? "")),
                            .td(.text(words.roleName(task.obligation.role))),
                            .td(
                                .span(.class("state state-\(task.report?.state.rawValue ?? "none")"), .text(words.stateName(task.report?.state))),
                                .if(task.isOverdue, .span(.class("badge overdue"), .text(words.overdueBadge))),
                                .if(task.wasLate, .span(.class("badge late"), .text(words.lateBadge)))),
                            .td(.text(PeriodWords(language: page.language).day(task.dueDate))),
                            .td(.a(.href(link.path), .text(words.open)))
                        )
                    })
            )
        }

        private var spreadsheet: Node {
            guard let unit = model.unit, let principal = page.principal, ReportPolicy.canWrite(forUnit: unit.id, by: principal) else { return .empty }
            let words = page.language.reporting
            let query = "?plan=\(model.scope.plan.id)&period=\(model.scope.period)&unit=\(unit.id)"
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
}
