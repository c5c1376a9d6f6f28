import Foundation
import MinshengCore
import SQLKit

/// The demo's people and progress: Luoyang's county-level governments as members of the plan's group units,
/// demo accounts, and deterministic monthly reports for January to September 2019 that tell a story: most items on
/// track, a few lagging or seriously behind, one completed early, one unit (市人防办) that stopped reporting after May,
/// a report returned for revision, a corrected report, and reminders to the silent unit.
struct DemoStory {
    let plans = PlanStore()
    /// When the story is written down (its reports carry their own 2019 dates).
    let clock: @Sendable () -> Date

    /// Luoyang's county-level governments in 2019 (six districts, one county-level city, eight counties).
    static let districts = ["老城区政府", "西工区政府", "瀍河区政府", "涧西区政府", "吉利区政府", "洛龙区政府"]
    static let counties = ["偃师市政府", "孟津县政府", "新安县政府", "栾川县政府", "嵩县政府", "汝阳县政府", "宜阳县政府", "洛宁县政府", "伊川县政府"]

    /// Demo accounts besides the admin, all with the admin's password: role, unit.
    static let accounts: [(username: String, role: Role, unit: String?)] = [
        ("jiaoyu", .reporter, "市教育局"),
        ("renshe", .reporter, "市人力资源和社会保障局"),
        ("yingji", .reporter, "市应急管理局"),
        ("luanchuan", .reporter, "栾川县政府"),
        ("renfang", .reporter, "市人防办"),
        ("leader", .leader, nil),
        ("inspector", .inspector, nil),
    ]

    /// Items behind schedule, by number, with their pace against the time-proportional schedule.
    static let paces: [Int: Double] = [35: 0.55, 36: 0.6, 40: 0.5, 19: 0.35, 31: 0.85]
    static let completedEarly: Set<Int> = [24, 7]
    static let silentUnit = "市人防办"
    static let lastMonthOfSilentUnit = 5
    static let lastMonth = 9

    // MARK: Units and accounts

    func addUnits(plan: Plan, on db: any SQLDatabase) async throws {
        var ids: [String: Int64] = [:]
        for name in Self.districts + Self.counties {
            ids[name] = try await plans.unit(named: name, jurisdictionID: plan.jurisdictionID, on: db).id
        }
        let all = (Self.districts + Self.counties).compactMap { ids[$0] }
        let memberships: [String: [Int64]] = [
            "各县(市、区)政府": all, "相关县(市、区)政府": all,
            "相关城市区政府": Self.districts.compactMap { ids[$0] }, "各城市区政府": Self.districts.compactMap { ids[$0] },
            "相关县(市)政府": Self.counties.compactMap { ids[$0] },
        ]
        for unit in try await plans.units(jurisdictionID: plan.jurisdictionID, on: db) where unit.kind == .group {
            if let members = memberships[unit.name] { try await UnitStore().setMembers(groupID: unit.id, memberIDs: members, on: db) }
        }
    }

    func addAccounts(plan: Plan, passwordHash: String, on db: any SQLDatabase) async throws {
        let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.name, $0.id) })
        for account in Self.accounts {
            let user = try await UserStore().insert(
                username: account.username, passwordHash: passwordHash, role: account.role, unitID: account.unit.flatMap { units[$0] }, now: clock(),
                on: db
            )
            try await AuditLog(clock: clock).record("user.create", entity: "user", id: user.id, after: UserSnapshot(user), by: .system, on: db)
        }
    }

    // MARK: Reports

    /// One report to store, with its values and history.
    struct Planned {
        var itemID: Int64
        var unitID: Int64
        var role: Assignment.Role
        var month: Int
        var version: Int
        var state: ReportState
        var values: [ReportValue]
        var progress: String
        var problems: String
        var nextSteps: String
        var submitted: String?
        var reviewed: String?
        var returnReason: String?
        var correctionReason: String?
    }

    func addReports(plan: Plan, adminID: Int64, on db: any SQLDatabase) async throws {
        let detail = try await plans.detail(planID: plan.id, on: db)!
        let units = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.name, $0.id) })
        let unitNames = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
        let indicatorsByItem = Dictionary(grouping: detail.indicators, by: \.itemID)
        let items = Dictionary(uniqueKeysWithValues: detail.items.map { ($0.id, $0) })
        let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
        var planned: [Planned] = []
        for month in 1...Self.lastMonth {
            let owed = Obligations.owed(in: .month(year: plan.year, month: month), assignments: detail.assignments, members: members)
            let partsPerItem = Dictionary(grouping: owed.filter { $0.role == .responsible }, by: \.itemID).mapValues(\.count)
            for obligation in owed {
                guard let item = items[obligation.itemID] else { continue }
                if obligation.unitID == units[Self.silentUnit], month > Self.lastMonthOfSilentUnit { continue }
                let indicators = indicatorsByItem[item.id] ?? []
                if obligation.role == .lead {
                    planned += reports(item: item, unitID: obligation.unitID, role: .lead, month: month, indicators: indicators)
                } else {
                    planned.append(
                        part(
                            item: item, unitID: obligation.unitID, unitName: unitNames[obligation.unitID] ?? "",
                            month: month, indicators: indicators, shares: partsPerItem[item.id] ?? 1))
                }
            }
        }
        try await store(planned, plan: plan, adminID: adminID, on: db)
        let silent = units[Self.silentUnit]
        for month in (Self.lastMonthOfSilentUnit + 1)...Self.lastMonth {
            guard let silent else { continue }
            let reminder = try await ReminderStore().insert(
                planID: plan.id, unitID: silent, period: .month(year: plan.year, month: month),
                message: "请尽快报送\(plan.year)年\(month)月民生实事进展情况。", by: adminID, now: clock(), on: db
            )
            try await AuditLog(clock: clock).record("reminder.send", entity: "unit", id: silent, after: reminder, by: .system, on: db)
        }
        for report in try await ReportStore().reports(planID: plan.id, state: .returned, on: db) {
            let month = report.period.lastMonth.months.upperBound
            _ = try await ReminderStore().insertReturn(
                report: report, reason: report.returnReason ?? "", by: adminID, now: Self.instant(month: month, day: 28), on: db)
        }
        try await closeMonths(plan: plan, adminID: adminID, on: db)
    }

    /// The office closed January to September as each month's reporting was done; the story stops there, so its
    /// months never close themselves and an early October report changes nothing pages show.
    private func closeMonths(plan: Plan, adminID: Int64, on db: any SQLDatabase) async throws {
        try await plans.setAutoCloseDays(planID: plan.id, days: nil, on: db)
        for month in 1...Self.lastMonth {
            try await plans.closeMonth(planID: plan.id, month: month, by: adminID, now: Self.instant(month: month, day: 28), on: db)
        }
        try await AuditLog(clock: clock).record(
            "month.close", entity: "plan", id: plan.id, after: Period.month(year: plan.year, month: Self.lastMonth).description,
            by: .system, on: db)
    }

    /// A responsible unit's part: its allocation when the plan gives it one (栾川 for 栾川县政府), otherwise an even
    /// share of each count, at the item's pace. Accepted, except September's, which await review.
    private func part(item: Item, unitID: Int64, unitName: String, month: Int, indicators: [Indicator], shares: Int) -> Planned {
        let pace = Self.paces[item.number] ?? (Self.completedEarly.contains(item.number) ? 1.6 : 1.03)
        let fraction = Double(month) / 12 * pace
        let allocations = indicators.filter { indicator in
            indicator.allocatedTo.map { place in unitName.hasPrefix(place) || place.hasPrefix(unitName.replacingOccurrences(of: "政府", with: "")) }
                ?? false
        }
        var values: [ReportValue] = allocations.compactMap { allocation in
            allocation.target.map { ReportValue(indicatorID: allocation.id, value: Self.cumulative($0, fraction: fraction)) }
        }
        if allocations.isEmpty {
            values = indicators.filter { $0.parentID == nil && $0.kind == .cumulative }.compactMap { indicator in
                indicator.target.map { ReportValue(indicatorID: indicator.id, value: Self.cumulative($0 / Decimal(shares), fraction: fraction)) }
            }
        }
        let september = month == Self.lastMonth
        return Planned(
            itemID: item.id, unitID: unitID, role: .responsible, month: month, version: 1, state: september ? .submitted : .accepted,
            values: values, progress: "截至\(month)月底，本单位按分工推进\(item.title)相关工作。", problems: "无。",
            nextSteps: "继续配合牵头单位推进。", submitted: Self.timestamp(month: month, day: 18),
            reviewed: september ? nil : Self.timestamp(month: month, day: 26)
        )
    }

    /// The lead unit's report on an item for a month, by the story.
    private func reports(item: Item, unitID: Int64, role: Assignment.Role, month: Int, indicators: [Indicator]) -> [Planned] {
        var random = SplitMix64(seed: UInt64(item.number * 100 + month))
        var itemRandom = SplitMix64(seed: UInt64(item.number))
        let pace = Self.paces[item.number] ?? (Self.completedEarly.contains(item.number) ? 1.6 : 1.03 + Double(itemRandom.next() % 10) / 100)
        let fraction = Double(month) / 12 * pace
        var values: [ReportValue] = []
        for indicator in indicators {
            switch indicator.kind {
            case .cumulative:
                if let target = indicator.target {
                    values.append(ReportValue(indicatorID: indicator.id, value: Self.cumulative(target, fraction: fraction)))
                }
            case .rate:
                if let target = indicator.target {
                    let level = Self.cumulative(target, fraction: min(1, 0.7 + 0.3 * fraction))
                    values.append(ReportValue(indicatorID: indicator.id, value: level))
                }
            case .milestone, .qualitative:
                let dueMonth = indicator.deadline?.month ?? 12
                let reachedMonth = max(2, Int((Double(dueMonth) * (pace < 0.8 ? 1.3 : 0.7)).rounded()))
                if month >= reachedMonth, reachedMonth <= 12, let day = CalendarDate(year: 2019, month: reachedMonth, day: 15) {
                    values.append(ReportValue(indicatorID: indicator.id, reachedOn: day))
                }
            }
        }
        let behind = pace < 0.8
        let progress = "截至\(month)月底，" + Self.narrative(values: values, indicators: indicators)
        let problems = behind ? "项目前期手续办理慢，资金到位滞后，进度低于序时。" : "无。"
        let nextSteps = behind ? "召开专题协调会，倒排工期，确保年底前完成。" : "继续按计划推进，确保按期完成。"
        let late = item.number == 30 && month % 2 == 0
        var report = Planned(
            itemID: item.id, unitID: unitID, role: role, month: month, version: 1, state: .accepted, values: values,
            progress: progress, problems: problems, nextSteps: nextSteps,
            submitted: Self.timestamp(month: month, day: late ? 27 : 20 + Int(random.next() % 5)), reviewed: Self.timestamp(month: month, day: 28)
        )
        guard month == Self.lastMonth else {
            if item.number == 13 && month == 6 {
                // A correction: June's accepted figure was wrong and a second version replaced it.
                var corrected = report
                corrected.version = 2
                corrected.correctionReason = "6月培训人数统计时重复计算，更正为实际人数。"
                corrected.submitted = Self.timestamp(month: 7, day: 3)
                corrected.reviewed = Self.timestamp(month: 7, day: 5)
                var first = report
                first.values = first.values.map {
                    ReportValue(indicatorID: $0.indicatorID, value: $0.value.map { $0 + 150 }, reachedOn: $0.reachedOn)
                }
                return [first, corrected]
            }
            return [report]
        }
        // September: most await review, one was returned, a few are still drafts.
        switch item.number {
        case 27:
            report.state = .returned
            report.returnReason = "养老床位数与民政统计口径不一致，请核实后重新报送。"
        case 33, 45:
            // Submitted after the due day: late, not missing.
            report.state = .submitted
            report.submitted = Self.timestamp(month: month, day: 28)
            report.reviewed = nil
        case 3, 17, 24:
            report.state = .accepted
        default:
            report.state = .submitted
            report.reviewed = nil
        }
        return [report]
    }

    /// What the lead unit writes of its progress: the figures it reports, each beside its target, so that the words
    /// never say other than the numbers shown next to them.
    static func narrative(values: [ReportValue], indicators: [Indicator]) -> String {
        let figures = indicators.filter { $0.parentID == nil }.compactMap { indicator -> String? in
            guard let value = values.first(where: { $0.indicatorID == indicator.id })?.value, let target = indicator.target else { return nil }
            let verb = indicator.kind == .rate ? "达到" : "完成"
            return "\(indicator.name)\(verb)\(DecimalText.format(value))\(indicator.measure)（年度目标\(DecimalText.format(target))\(indicator.measure)）"
        }
        return figures.isEmpty ? "各项工作正在推进。" : figures.prefix(2).joined(separator: "，") + "。"
    }

    static func cumulative(_ target: Decimal, fraction: Double) -> Decimal {
        let share = Decimal(Int((min(1, max(0, fraction)) * 1000).rounded())) / 1000
        var value = target * share
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded
    }

    /// A moment of the story, as a date (for what the story stamps with a clock).
    static func instant(month: Int, day: Int) -> Date {
        (try? Date(timestamp(month: month, day: day), strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static func timestamp(month: Int, day: Int) -> String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "2019-\(monthText)-\(dayText)T02:00:00Z"
    }

    /// Stores the planned reports with multi-row inserts, then their values and history; the audit log records it
    /// as `action`.
    func store(_ planned: [Planned], plan: Plan, adminID: Int64, action: String = "demo.reports", on db: any SQLDatabase) async throws {
        for chunk in stride(from: 0, to: planned.count, by: 200) {
            var insert = db.insert(into: "reports").columns(
                "plan_id", "item_id", "unit_id", "period", "version", "role", "state", "progress", "problems", "next_steps",
                "correction_reason", "return_reason", "lock_version", "created_by", "created_at", "updated_at", "submitted_at",
                "reviewed_at", "reviewed_by"
            )
            for report in planned[chunk..<min(chunk + 200, planned.count)] {
                let created = Self.timestamp(month: report.month, day: 15)
                insert = insert.values(
                    SQLBind(plan.id), SQLBind(report.itemID), SQLBind(report.unitID),
                    SQLBind(Period.month(year: plan.year, month: report.month).description),
                    SQLBind(report.version), SQLBind(report.role.rawValue), SQLBind(report.state.rawValue), SQLBind(report.progress),
                    SQLBind(report.problems), SQLBind(report.nextSteps), SQLBind(report.correctionReason), SQLBind(report.returnReason),
                    SQLBind(1), SQLBind(Int64?.none), SQLBind(created), SQLBind(report.reviewed ?? report.submitted ?? created),
                    SQLBind(report.submitted), SQLBind(report.reviewed), SQLBind(report.reviewed == nil ? nil : adminID)
                )
            }
            try await insert.run()
        }
        var ids: [String: Int64] = [:]
        for row in try await db.select().column("id").column("item_id").column("unit_id").column("period").column("version")
            .from("reports").where("plan_id", .equal, plan.id).all()
        {
            ids["\(try row.int64("item_id"))-\(try row.int64("unit_id"))-\(try row.string("period"))-\(try row.int("version"))"] = try row.int64("id")
        }
        var values: [(Int64, ReportValue)] = []
        var events: [(Int64, String, ReportState, Int64?, String, String?)] = []
        for report in planned {
            let key = "\(report.itemID)-\(report.unitID)-\(Period.month(year: plan.year, month: report.month))-\(report.version)"
            guard let id = ids[key] else { continue }
            values += report.values.map { (id, $0) }
            events.append(
                (id, report.version > 1 ? "correct" : "create", .draft, nil, Self.timestamp(month: report.month, day: 15), report.correctionReason))
            if let submitted = report.submitted { events.append((id, "submit", .submitted, nil, submitted, nil)) }
            if let reviewed = report.reviewed {
                let returned = report.state == .returned
                events.append((id, returned ? "return" : "accept", returned ? .returned : .accepted, adminID, reviewed, report.returnReason))
            }
        }
        for chunk in stride(from: 0, to: values.count, by: 300) {
            var insert = db.insert(into: "report_values").columns("report_id", "indicator_id", "value", "reached_on")
            for (id, value) in values[chunk..<min(chunk + 300, values.count)] {
                insert = insert.values(
                    SQLBind(id), SQLBind(value.indicatorID), SQLBind(value.value.map(DecimalText.format)), SQLBind(value.reachedOn?.iso))
            }
            try await insert.run()
        }
        for chunk in stride(from: 0, to: events.count, by: 300) {
            var insert = db.insert(into: "report_events").columns("report_id", "action", "state", "actor_id", "at", "reason")
            for event in events[chunk..<min(chunk + 300, events.count)] {
                insert = insert.values(
                    SQLBind(event.0), SQLBind(event.1), SQLBind(event.2.rawValue), SQLBind(event.3), SQLBind(event.4), SQLBind(event.5))
            }
            try await insert.run()
        }
        try await AuditLog(clock: clock).record(action, entity: "plan", id: plan.id, after: ["reports": planned.count], by: .system, on: db)
    }
}
