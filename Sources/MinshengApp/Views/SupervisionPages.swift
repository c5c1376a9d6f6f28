import Foundation
import MinshengCore
import MinshengHTML
import SQLKit

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

extension SupervisionDirectory {
    /// The plan a page is about (the one asked for, else the first within the principal's reach) and what its pages
    /// need to name things; a plan the principal may not read answers as if it did not exist.
    static func load(services: Services, principal: Principal, planID: Int64?, language: Language, on db: any SQLDatabase) async throws
        -> SupervisionDirectory
    {
        let plans = PlanStore()
        let plan = if let planID { try await plans.plan(id: planID, on: db) } else { try await plans.plans(within: principal.reach, on: db).first }
        guard let plan else { throw AppError.notFound(language.reporting.noPlan) }
        guard Policy.canRead(planID: plan.id, principal) else { throw AppError.notFound(RequestWords(language: language).outOfReach) }
        return SupervisionDirectory(
            plan: plan, items: Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, $0) }),
            units: Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) }),
            settings: try await SupervisionStore().settings(planID: plan.id, on: db), day: try await services.supervision.day(plan: plan, on: db)
        )
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
        let text =
            words.gradeName(standing.grade) + (standing.escalations.isEmpty ? "" : words.language.punctuation.aside(words.escalations(standing)))
        return .element(named: "span", nodes: [.attribute(named: "class", value: "grade \(standing.grade.cssName)"), .text(text)])
    }
}
