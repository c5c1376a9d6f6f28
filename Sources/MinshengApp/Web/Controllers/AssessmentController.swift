import Foundation
import Hummingbird
import MinshengCore
import MinshengHTML
import SQLKit

/// The assessment pages: 总览, 挂图作战, item pages, unit pages and ranking, and the office's settings.
struct AssessmentController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    let plans = PlanStore()
    let store = AssessmentStore()

    var service: AssessmentService { services.assessment }
    var reporting: ReportingService { services.reporting }
    var supervision: SupervisionService { services.supervision }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.overview, method: .get, use: overview)
        routes.on(SiteURL.battleMap, method: .get, use: battleMap)
        routes.on(SiteURL.item(plan: .key, number: .key), method: .get, use: item)
        routes.on(SiteURL.itemSettings(plan: .key, number: .key), method: .post, use: saveItemSettings)
        routes.on(SiteURL.unitPage(.key), method: .get, use: unit)
        routes.on(SiteURL.unitRanking, method: .get, use: ranking)
        routes.on(SiteURL.rollup, method: .get, use: rollup)
        routes.on(SiteURL.adminAssessment(.key), method: .get, use: settings)
        routes.on(SiteURL.adminAssessment(.key), method: .post, use: saveSettings)
    }

    /// The plan and period of an assessment page: `?plan=` and `?period=` (any period form), or the defaults.
    private func scope(_ request: Request, _ context: AppRequestContext, planID: Int64? = nil) async throws -> (Plan, Period) {
        let query = request.uri.queryParameters
        let requested = planID ?? query.get("plan").flatMap { Int64(String($0)) }
        let periodText = query.get("period").map { String($0) }
        return try await database.read { db in
            let plan: Plan?
            if let requested {
                plan = try await plans.plan(id: requested, on: db)
            } else {
                plan = try await plans.plans(within: context.reach, on: db).first
            }
            guard let plan else { throw AppError.notFound(context.language.reporting.noPlan) }
            if let periodText {
                guard let period = Period(periodText), period.year == plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: context.language).any(plan.year))
                }
                return (plan, period)
            }
            return (plan, try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db))
        }
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (plan, period) = try await scope(request, context)
        let query = request.uri.queryParameters
        let filters = (
            category: query.get("category").flatMap { Int64(String($0)) },
            status: query.get("status").flatMap { ProgressStatus(rawValue: String($0)) },
            unit: query.get("unit").flatMap { Int64(String($0)) }
        )
        let language = context.language
        let main = try await database.readReplica { db -> RenderedHTML in
            let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
            return try await database.rendered.value(planID: plan.id, revision: revision, key: "overview \(period) \(filters) \(language)") {
                let assessment = try await service.assess(planID: plan.id, period: period, on: db)
                guard let detail = try await service.detail(planID: plan.id, on: db) else { throw AppError.notFound("No plan.") }
                let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
                let assignments = Dictionary(grouping: detail.assignments, by: \.itemID)
                let categories = detail.categories.map { category -> (MinshengCore.Category, Decimal?, Decimal?, ProgressStatus?) in
                    let ids = Set(detail.items.filter { $0.categoryID == category.id }.map(\.id))
                    let expected = assessment.items.filter { ids.contains($0.itemID) }.compactMap(\.expected)
                    return (
                        category, assessment.progress(of: ids), expected.isEmpty ? nil : expected.reduce(0, +) / Decimal(expected.count),
                        assessment.status(of: ids)
                    )
                }
                let categoryNames = Dictionary(uniqueKeysWithValues: detail.categories.map { ($0.id, $0.name) })
                let rows = detail.items.compactMap { item -> OverviewPage.Row? in
                    guard let a = assessment.item(item.id) else { return nil }
                    if let category = filters.category, item.categoryID != category { return nil }
                    if let status = filters.status, a.status != status { return nil }
                    let units = assignments[item.id] ?? []
                    if let unit = filters.unit, !units.contains(where: { $0.unitID == unit }) { return nil }
                    let leads = units.filter { $0.role == .lead }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] }
                    return OverviewPage.Row(
                        item: item, category: categoryNames[item.categoryID] ?? "", leadUnits: leads.joined(separator: "、"), assessment: a)
                }
                let flagged = Set(
                    try await supervision.discrepancies(plan: plan, settings: try await SupervisionStore().settings(planID: plan.id, on: db), on: db)
                        .filter { $0.inspection.inspectedOn <= assessment.period.endDate }.map(\.indicator.itemID))
                let rowsWithFindings = rows.map { row -> OverviewPage.Row in
                    var row = row
                    row.discrepancy = flagged.contains(row.item.id)
                    return row
                }
                let usedUnits = Set(detail.assignments.map(\.unitID))
                return OverviewPage(
                    plan: plan, assessment: assessment, categories: categories.map { (category: $0.0, progress: $0.1, expected: $0.2, status: $0.3) },
                    rows: rowsWithFindings, units: detail.units.filter { usedUnits.contains($0.id) }, filters: filters,
                    page: PageContext(context, path: SiteURL.overview.path)
                ).renderMain()
            }
        }
        return HTMLPage(html: Layout.wrap(main: main, title: language.assessment.overview, page: PageContext(context, path: SiteURL.overview.path)))
    }

    @Sendable func battleMap(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (plan, period) = try await scope(request, context)
        let language = context.language
        let today = configuration.today
        let main = try await database.readReplica { db -> RenderedHTML in
            let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
            return try await database.rendered.value(planID: plan.id, revision: revision, key: "battle map \(period) \(today) \(language)") {
                let input = try await service.input(planID: plan.id, period: period, on: db)
                let lastMonth =
                    period.year == plan.year
                    ? max(
                        period.lastMonth.months.upperBound,
                        try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db).lastMonth.months.upperBound) : 12
                var cells: [Int64: [Int: BattleMapPage.Cell]] = [:]
                for month in 1...lastMonth {
                    for item in try await service.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db).items {
                        cells[item.itemID, default: [:]][month] = BattleMapPage.Cell(
                            status: item.status, progress: item.progress, expected: item.expected, nodes: [])
                    }
                }
                var nodes: [Int64: [Int: [String]]] = [:]
                for indicator in input.indicators {
                    if case .nodes(let scheduled) = input.schedules[indicator.id] ?? .timeProportional {
                        for node in scheduled where node.due.year == plan.year {
                            nodes[indicator.itemID, default: [:]][node.due.month, default: []].append(node.name)
                        }
                    } else if let deadline = indicator.deadline, deadline.year == plan.year,
                        indicator.kind == .milestone || indicator.kind == .qualitative
                    {
                        nodes[indicator.itemID, default: [:]][deadline.month, default: []].append(String(indicator.name.prefix(8)))
                    }
                }
                return BattleMapPage(
                    plan: plan, items: input.items.sorted { $0.number < $1.number }, months: Array(1...lastMonth), cells: cells, nodes: nodes,
                    page: PageContext(context, path: SiteURL.battleMap.path)
                ).renderMain()
            }
        }
        return HTMLPage(html: Layout.wrap(main: main, title: language.assessment.battleMap, page: PageContext(context, path: SiteURL.battleMap.path)))
    }

    @Sendable func item(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let (plan, period) = try await scope(request, context, planID: planID)
        return HTMLPage(html: try await itemPage(plan: plan, number: number, period: period, user: user, context: context, error: nil))
    }

    private func itemPage(plan: Plan, number: Int, period: Period, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db -> String in
            guard let detail = try await plans.detail(planID: plan.id, on: db), let item = detail.items.first(where: { $0.number == number }) else {
                throw AppError.notFound(AssessmentWords(language: context.language).noItem(number))
            }
            let assigned = detail.assignments.filter { $0.itemID == item.id }
            let reader = try await reporting.reader(for: user, planID: plan.id, on: db)
            let principal = reader.principal
            if !Policy.canOpen(itemAssignedTo: assigned.map(\.unitID), principal) {
                throw AppError.notFound(AssessmentWords(language: context.language).noItem(number))
            }
            let input = try await service.input(planID: plan.id, period: period, on: db)
            let assessment = try await service.assess(planID: plan.id, period: period, on: db)
            guard let itemAssessment = assessment.item(item.id) else { throw AppError.notFound("No item \(number).") }
            let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
            let indicators = detail.indicators.filter { $0.itemID == item.id }
            let lastMonth = period.lastMonth.months.upperBound
            let lines = ReportPage.Model.lines(indicators).map { line in
                ItemPage.IndicatorLine(
                    indicator: line.indicator, depth: line.depth, assessment: itemAssessment.indicators.first { $0.indicatorID == line.indicator.id },
                    schedule: input.schedules[line.indicator.id], weight: input.weights[line.indicator.id] ?? 1,
                    actual: input.accepted.filter { $0.indicatorID == line.indicator.id && $0.month <= lastMonth }.compactMap { value in
                        value.value.map { (month: value.month, value: $0) }
                    }.sorted { $0.month < $1.month }
                )
            }
            let reports = try await ReportStore().latestForItem(itemID: item.id, where: { ReportPolicy.canRead($0, by: reader) }, on: db)
                .filter { $0.period.lastMonth.months.upperBound <= lastMonth }
                .map { ItemPage.ReportLine(report: $0, unitName: names[$0.unitID] ?? "") }
            let settings = try await SupervisionStore().settings(planID: plan.id, on: db)
            var findings: [Int64: SupervisionService.Finding] = [:]
            for finding in try await supervision.discrepancies(plan: plan, settings: settings, on: db)
            where finding.indicator.itemID == item.id && finding.inspection.inspectedOn <= period.endDate {
                if findings[finding.indicator.id].map({ $0.inspection.inspectedOn < finding.inspection.inspectedOn }) ?? true {
                    findings[finding.indicator.id] = finding
                }
            }
            let notices = try await SupervisionStore().notices(planID: plan.id, itemID: item.id, on: db)
                .filter { SupervisionPolicy.canSee(addressedTo: $0.unitID, by: principal) }
            let day = try await supervision.day(plan: plan, on: db)
            let record = ItemPage.SupervisionRecord(
                findings: findings, notices: notices, noticeStandings: notices.map { $0.standing(today: day, rules: settings.notices) },
                inspections: SupervisionPolicy.canSeeInspections(principal)
                    ? try await SupervisionStore().inspections(planID: plan.id, itemID: item.id, on: db) : []
            )
            return ItemPage(
                plan: plan, item: item, category: detail.categories.first { $0.id == item.categoryID }?.name ?? "",
                leadUnits: assigned.filter { $0.role == .lead }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] },
                responsibleUnits: assigned.filter { $0.role == .responsible }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] },
                period: period, assessment: itemAssessment, settings: input.settings, lines: lines, reports: reports,
                isOffice: principal.isOffice, supervision: record, error: error,
                page: PageContext(context, path: SiteURL.item(plan: .value(plan.id), number: .value(number)).path)
            ).render()
        }
    }

    @Sendable func saveItemSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let period = form.text("period").flatMap(Period.init) else { throw AppError(.badRequest, "The form names no period.") }
        let plan = try await database.read { db -> Plan in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            return plan
        }
        do {
            let settings = try await parseItemSettings(form, planID: planID, number: number, language: context.language)
            try await services.assessmentSettings.saveItemSettings(settings, period: period, user: user, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            let html = try await itemPage(
                plan: plan, number: number, period: period, user: user, context: context, error: error.message(in: context.language))
            return try HTMLPage(html: html, status: .badRequest).response(from: request, context: context)
        }
        return .redirect(to: SiteURL.item(plan: .value(planID), number: .value(number)).path + "?period=\(period)", type: .normal)
    }

    private func parseItemSettings(_ form: FormFields, planID: Int64, number: Int, language: Language) async throws
        -> AssessmentSettingsService.ItemSettings
    {
        let (item, indicators) = try await services.assessmentSettings.item(planID: planID, number: number)
        let words = AssessmentSettingsWords(language: language)
        var override: StatusOverride?
        if let status = form.text("override").flatMap(ProgressStatus.init(rawValue:)) {
            guard let reason = form.text("reason") else {
                throw AppError.invalidInput(words.overrideNeedsReason)
            }
            override = StatusOverride(status: status, reason: reason)
        }
        var weights: [Int64: Decimal] = [:]
        var schedules: [Int64: Schedule?] = [:]
        for indicator in indicators {
            if let text = form.text("weight.\(indicator.id)") {
                guard let weight = DecimalText.parse(text), weight >= 0 else {
                    throw AppError.invalidInput(words.badWeight(indicator.name, text))
                }
                weights[indicator.id] = weight
            }
            do {
                schedules[indicator.id] = try ScheduleText.parse(form["schedule.\(indicator.id)"] ?? "", indicator: indicator.name)
            } catch {
                throw AppError(.invalidInput, error)
            }
        }
        return AssessmentSettingsService.ItemSettings(itemID: item.id, override: override, weights: weights, schedules: schedules)
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let unitID = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        if !Policy.canSee(unit: unitID, user.principal(reach: context.reach)) { throw AppError.notFound("No such unit.") }
        let (plan, period) = try await scope(request, context)
        let html = try await database.read { db -> String in
            guard let unit = try await plans.unit(id: unitID, on: db) else { throw AppError.notFound("No unit has id \(unitID).") }
            let assessment = try await service.assess(planID: plan.id, period: period, on: db)
            let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, $0) })
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            let groups = Set(members.filter { $0.value.contains(unitID) }.map(\.key))
            let rows = try await plans.assignments(planID: plan.id, on: db)
                .filter { $0.unitID == unitID || groups.contains($0.unitID) }
                .compactMap { assignment in
                    items[assignment.itemID].map { UnitPage.Row(item: $0, role: assignment.role, assessment: assessment.item($0.id)) }
                }
                .sorted { $0.item.number < $1.item.number }
            let onTime = try await reporting.onTimeReporting(
                planID: plan.id, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)[unitID]
            let settings = try await SupervisionStore().settings(planID: plan.id, on: db)
            let directory = SupervisionDirectory(
                plan: plan, items: items,
                units: Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) }),
                settings: settings, day: try await supervision.day(plan: plan, on: db)
            )
            let record = UnitPage.Record(
                directory: directory, notices: try await SupervisionStore().notices(planID: plan.id, unitID: unitID, on: db),
                rectifications: try await SupervisionStore().rectifications(planID: plan.id, unitID: unitID, on: db),
                cases: try await SupervisionStore().cases(planID: plan.id, unitID: unitID, on: db),
                score: try await supervision.scores(planID: plan.id, period: period, on: db).first { $0.unitID == unitID }
            )
            return UnitPage(
                plan: plan, unit: unit, period: period, rows: rows, onTime: onTime, record: record,
                page: PageContext(context, path: SiteURL.unitPage(.value(unitID)).path)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func rollup(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        let root = query.get("jurisdiction").flatMap { Int64(String($0)) }
        var period: Period?
        if let text = query.get("period").map({ String($0) }) {
            guard let parsed = Period(text), case .month = parsed else {
                throw AppError.invalidInput(PeriodWords(language: context.language).month())
            }
            period = parsed
        }
        let service = services.rollup
        let reach = context.reach
        let requested = period
        // Accounts of one jurisdiction (other than reporters, who have no rollup) share a reach.
        let key = "rollup \(String(describing: root)) \(String(describing: requested)) \(String(describing: reach.jurisdictionID))"
        let rollup = try await database.flights.run(key) {
            try await service.rollup(rootID: root, period: requested, reach: reach)
        }
        return HTMLPage(html: RollupPage(rollup: rollup, page: PageContext(context, path: SiteURL.rollup.path)).render())
    }

    @Sendable func ranking(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let (plan, period) = try await scope(request, context)
        let html = try await database.readReplica { db -> String in
            let assessment = try await service.assess(planID: plan.id, period: period, on: db)
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0) })
            let onTime = try await reporting.onTimeReporting(
                planID: plan.id, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)
            let led = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.unitID)
            let rows = led.compactMap { unitID, assignments -> UnitRankingPage.Row? in
                guard let unit = units[unitID] else { return nil }
                let ids = Set(assignments.map(\.itemID))
                let statuses = assessment.items.filter { ids.contains($0.itemID) }.map(\.status)
                let onTrack = statuses.filter { $0 == .completed || $0 == .ahead || $0 == .onSchedule }.count
                let tally = onTime[unitID]
                return UnitRankingPage.Row(
                    unit: unit, items: ids.count, onTrack: onTrack, worst: assessment.status(of: ids), progress: assessment.progress(of: ids),
                    onTimeRate: tally.flatMap { $0.owed > 0 ? Decimal($0.onTime) / Decimal($0.owed) : nil }
                )
            }
            // One ranking: the order of the units' scores (考核评分), the same on this page, the scores page and documents.
            let scores = try await supervision.scores(planID: plan.id, period: period, on: db)
            let rank = Dictionary(scores.enumerated().map { ($0.element.unitID, $0.offset) }, uniquingKeysWith: min)
            let totals = Dictionary(scores.map { ($0.unitID, $0.total) }, uniquingKeysWith: { first, _ in first })
            let ranked = rows.map { row in
                var row = row
                row.score = totals[row.unit.id]
                return row
            }
            .sorted { (rank[$0.unit.id] ?? Int.max, $0.unit.id) < (rank[$1.unit.id] ?? Int.max, $1.unit.id) }
            return UnitRankingPage(plan: plan, period: period, rows: ranked, page: PageContext(context, path: SiteURL.unitRanking.path)).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return HTMLPage(html: try await settingsPage(planID: planID, context: context, message: nil))
    }

    private func settingsPage(planID: Int64, context: AppRequestContext, message: String?) async throws -> String {
        try await database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            return AssessmentSettingsPage(
                plan: plan, settings: try await store.settings(planID: planID, on: db), message: message,
                page: PageContext(context, path: SiteURL.adminAssessment(.value(planID)).path)
            ).render()
        }
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let words = AssessmentSettingsWords(language: context.language)
        func number(_ name: String) throws -> Decimal {
            guard let value = form.text(name).flatMap(DecimalText.parse), value >= 0, value <= 100 else {
                throw AppError.invalidInput(words.thresholds)
            }
            return value
        }
        guard let month = form.text("completionMonth").flatMap(Int.init), (1...12).contains(month) else {
            throw AppError.invalidInput(words.completionMonth)
        }
        let settings = AssessmentSettings(
            yellowThreshold: try number("yellow"), redThreshold: try number("red"), aheadThreshold: try number("ahead"), completionMonth: month)
        try await services.assessmentSettings.saveSettings(settings, planID: planID, by: context.auditActor)
        return try HTMLPage(html: try await settingsPage(planID: planID, context: context, message: "✓")).response(from: request, context: context)
    }
}
