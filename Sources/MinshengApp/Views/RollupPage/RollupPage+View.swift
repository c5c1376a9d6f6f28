import Foundation
import MinshengCore
import MinshengHTML

extension RollupPage {
    /// Renders the rollup.
    struct View: Bilingual {
        var model: Model
        var page: PageContext

        var language: Language { page.language }
        private var rollup: RollupService.Rollup { model.rollup }

        func render() -> String {
            let content: Node = .group(
                .h1(.text(t("汇总视图", "Rollup") + page.punctuation.colon + (rollup.root?.name ?? t("全部地区", "All jurisdictions")))),
                trail,
                periodForm,
                .p(
                    .class("hint"),
                    .text(
                        t(
                            "各地区一行，汇总其本级及下辖全部方案；点地区名称下钻，点方案名称查看总览和各事项。",
                            """
                            One row per jurisdiction, summing its own plans and every plan below it; follow a name to drill down, a plan to its \
                            overview and items.
                            """
                        ))),
                table
            )
            return Layout(title: t("汇总视图", "Rollup"), page: page, content: content).render()
        }

        private var trail: Node {
            guard !rollup.trail.isEmpty else { return .empty }
            return .nav(
                .class("breadcrumb"), .attribute(named: "aria-label", value: t("层级", "Levels")),
                .forEach(rollup.trail) { jurisdiction in
                    .group(.a(.href(link(jurisdiction.id)), .text(jurisdiction.name)), .text(" › "))
                })
        }

        private var periodForm: Node {
            let options = Period.months(of: rollup.year).map(\.description)
            return .form(
                .class("period-form"), .method(.get), .action(SiteURL.rollup.path),
                .unwrap(rollup.root) { .input(.type(.hidden), .name("jurisdiction"), .value(String($0.id))) },
                SelectField.node(
                    id: "period", name: "period", label: page.language.reporting.period, options: options.map { ($0, $0) },
                    selected: rollup.period.description),
                .button(.type(.submit), .text(page.language.reporting.show))
            )
        }

        private var table: Node {
            let words = page.language.assessment
            let statuses: [ProgressStatus] = [.completed, .ahead, .onSchedule, .behind, .seriouslyBehind, .notReported]
            return .table(
                .class("list rollup"),
                .thead(
                    .tr(
                        .th(.text(t("地区 / 方案", "Jurisdiction / plan"))), .th(.text(t("方案数", "Plans"))), .th(.text(t("事项数", "Items"))),
                        .forEach(statuses) { .th(.text(words.status($0))) },
                        .th(.text(t("完成率", "Completed"))), .th(.text(words.progress)), .th(.text(words.onTimeRate))
                    )),
                .tbody(
                    .forEach(rollup.ownPlans) { line in
                        row(
                            name: .a(.href(SiteURL.overview.path + "?plan=\(line.planID)&period=\(rollup.period)"), .text(line.title)),
                            tally: line.tally, statuses: statuses, planID: line.planID)
                    },
                    .forEach(rollup.below) { line in
                        row(
                            name: .group(
                                .a(.href(link(line.jurisdiction.id)), .text(line.jurisdiction.name)),
                                .forEach(line.ownPlans) { id in
                                    .group(
                                        .text(" · "),
                                        .a(.href(SiteURL.overview.path + "?plan=\(id)&period=\(rollup.period)"), .text(t("本级方案", "own plan"))))
                                }),
                            tally: line.tally, statuses: statuses, planID: line.ownPlans.count == 1 ? line.ownPlans[0] : nil)
                    },
                    row(name: .strong(.text(t("合计", "Total"))), tally: rollup.total, statuses: statuses, planID: nil)
                )
            )
        }

        private func row(name: Node, tally: RollupTally, statuses: [ProgressStatus], planID: Int64?) -> Node {
            .tr(
                .td(name), .td(.text(String(tally.plans))), .td(.text(String(tally.items))),
                .forEach(statuses) { status in
                    let count = tally.count(status)
                    if let planID, count > 0, status == .behind || status == .seriouslyBehind || status == .notReported {
                        return .td(
                            .a(
                                .href(SiteURL.overview.path + "?plan=\(planID)&period=\(rollup.period)&status=\(status.rawValue)"),
                                .text(String(count))))
                    }
                    return .td(.text(String(count)))
                },
                .td(.text(Percent.text(tally.completionRate))), .td(.text(Percent.text(tally.meanProgress))),
                .td(.text(Percent.text(tally.onTimeRate)))
            )
        }

        private func link(_ jurisdictionID: Int64) -> String {
            SiteURL.rollup.path + "?jurisdiction=\(jurisdictionID)&period=\(rollup.period)"
        }
    }
}
