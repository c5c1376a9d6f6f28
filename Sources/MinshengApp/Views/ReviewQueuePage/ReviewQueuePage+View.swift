import Foundation
import MinshengCore
import MinshengHTML

extension ReviewQueuePage {
    /// Renders the review queue: state tabs with counts, the filter form, the page of reports with boxes to accept
    /// them together, and the pages.
    struct View {
        var model: Model
        var page: PageContext

        var words: ReviewWords { ReviewWords(language: page.language) }
        var reporting: ReportingStrings { page.language.reporting }
        var periods: PeriodWords { PeriodWords(language: page.language) }

        func render() -> String {
            let content: Node = .group(
                .h1(.text(words.heading(model.total))),
                .p(.class("plan-meta"), .text(model.plan.title)),
                .unwrap(model.message) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) },
                stateTabs,
                filterForm,
                model.rows.isEmpty ? .p(.class("empty"), .text(words.noneMatch)) : bulkForm,
                pager
            )
            return Layout(title: reporting.reviewQueue, page: page, content: content).render()
        }

        private func link(_ filter: ReviewFilter, page: Int? = 1) -> String {
            SiteURL.reviewQueue.path + "?" + filter.query(planID: model.plan.id, page: page)
        }

        private var stateTabs: Node {
            let states: [ReportState?] = [.submitted, .returned, .accepted, .draft, nil]
            let total = model.countsByState.values.reduce(0, +)
            return .nav(
                .class("tabs"), .attribute(named: "aria-label", value: reporting.state),
                .forEach(states) { state in
                    var filter = model.filter
                    filter.state = state
                    let count = state.map { model.countsByState[$0] ?? 0 } ?? total
                    let name = state.map { reporting.stateName($0) } ?? words.allStates
                    return .a(
                        .href(link(filter)), .class(state == model.filter.state ? "tab current" : "tab"),
                        state == model.filter.state ? .attribute(named: "aria-current", value: "page") : .empty,
                        .text(name), .span(.class("count"), .text(String(count))))
                })
        }

        private var filterForm: Node {
            let months = model.countsByPeriod.keys.sorted(by: >)
            return .form(
                .class("filters"), .method(.get), .action(SiteURL.reviewQueue.path),
                .input(.type(.hidden), .name("plan"), .value(String(model.plan.id))),
                .input(.type(.hidden), .name("state"), .value(model.filter.state?.rawValue ?? "all")),
                choice(
                    "period", reporting.period, words.allMonths, model.filter.period?.description,
                    months.map { ($0.description, periods.name($0) + page.punctuation.aside(String(model.countsByPeriod[$0] ?? 0))) }),
                choice("unit", reporting.unit, words.allUnits, model.filter.unitID.map(String.init), model.units.map { (String($0.id), $0.name) }),
                choice(
                    "category", words.category, words.allCategories, model.filter.categoryID.map(String.init),
                    model.categories.map { (String($0.id), $0.name) }),
                choice(
                    "item", reporting.item, words.allItems, model.filter.itemID.map(String.init),
                    model.items.values.sorted { $0.number < $1.number }.map { (String($0.id), "\($0.number). \($0.title)") }),
                choice("sort", words.sort, nil, model.filter.sort.rawValue, ReviewFilter.Sort.allCases.map { ($0.rawValue, words.sortName($0)) }),
                .button(.type(.submit), .class("secondary"), .text(words.filter))
            )
        }

        private func choice(_ name: String, _ label: String, _ all: String?, _ selected: String?, _ options: [(String, String)]) -> Node {
            .div(
                .class("field"),
                .label(.for("filter-\(name)"), .text(label)),
                .select(
                    .id("filter-\(name)"), .attribute(named: "name", value: name),
                    .unwrap(all) { option("", $0, selected: selected == nil) },
                    .forEach(options) { option($0.0, $0.1, selected: selected == $0.0) }))
        }

        private func option(_ value: String, _ text: String, selected: Bool) -> Node {
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false), selected ? .attribute(named: "selected") : .empty,
                    .text(text),
                ])
        }

        private var bulkForm: Node {
            let acceptable = model.filter.state == .submitted
            return .form(
                .method(.post), .action(SiteURL.reviewQueue.path + "?" + model.filter.query(planID: model.plan.id)),
                .attribute(named: "data-confirm", value: words.confirmAccept),
                page.csrfField,
                .span(.id("bulk-label"), .class("visually-hidden"), .text(words.select)),
                .div(
                    .class("table-wrap"),
                    .table(
                        .class("dense sticky"),
                        .thead(header(acceptable)),
                        .tbody(.forEach(model.rows) { row($0, acceptable: acceptable) }))),
                .if(acceptable, .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(words.acceptSelected))))
            )
        }

        private func header(_ acceptable: Bool) -> Node {
            .tr(
                .if(
                    acceptable,
                    .th(
                        .input(
                            .type(.checkbox), .attribute(named: "data-select-all", value: "report"),
                            .attribute(named: "aria-label", value: words.selectAll)))),
                .th(.text(reporting.period)), .th(.text(reporting.item)), .th(.text(reporting.unit)), .th(.text(words.submittedAt)),
                .th(.text(reporting.state)), .th(.text(reporting.action)))
        }

        private func row(_ entry: ReviewFilter.Entry, acceptable: Bool) -> Node {
            let item = model.items[entry.itemID]
            let title = item.map { "\($0.number). \($0.title)" } ?? ""
            let href =
                SiteURL.report(planID: model.plan.id, period: entry.period, itemID: entry.itemID, unitID: entry.unitID).path + "?queue="
                + (model.filter.query(planID: model.plan.id).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return .tr(
                .if(
                    acceptable,
                    .td(
                        .input(
                            .type(.checkbox), .name("report"), .value("\(entry.reportID):\(model.locks[entry.reportID] ?? 0)"),
                            .attribute(named: "aria-labelledby", value: "bulk-label row-\(entry.reportID)")))),
                .td(.class("nowrap"), .text(periods.name(entry.period))),
                .td(.id("row-\(entry.reportID)"), .text(title)),
                .td(.text(model.unitNames[entry.unitID] ?? "")),
                .td(.class("nowrap"), .text(entry.submittedAt.map(page.time) ?? "—")),
                .td(.span(.class("chip chip-\(entry.state.rawValue)"), .text(reporting.stateName(entry.state)))),
                .td(.a(.href(href), .class("button small"), .text(words.review))))
        }

        private var pager: Node {
            guard model.pages > 1 else { return .empty }
            return .nav(
                .class("pager"), .attribute(named: "aria-label", value: words.pageOf(model.page, model.pages)),
                .if(
                    model.page > 1,
                    .a(.href(link(model.filter, page: model.page - 1)), .attribute(named: "rel", value: "prev"), .text(words.previousPage))),
                .span(.text(words.pageOf(model.page, model.pages))),
                .if(
                    model.page < model.pages,
                    .a(.href(link(model.filter, page: model.page + 1)), .attribute(named: "rel", value: "next"), .text(words.nextPage))))
        }
    }
}
