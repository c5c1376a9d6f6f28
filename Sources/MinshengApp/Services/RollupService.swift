import Foundation
import MinshengCore
import SQLKit

/// A higher level's view of the plans below it: each jurisdiction directly below, with the plans of its whole
/// subtree summed, beside the level's own plans. Assessments and reporting records are computed once per plan
/// revision.
struct RollupService: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration

    /// A plan's line: where it belongs and its tally.
    struct PlanLine: Sendable {
        var planID: Int64
        var title: String
        var jurisdiction: Jurisdiction
        var tally: RollupTally
    }

    /// A jurisdiction below the viewed one, with its subtree's plans summed.
    struct JurisdictionLine: Sendable {
        var jurisdiction: Jurisdiction
        var tally: RollupTally
        /// The jurisdiction's own plans (not those below it).
        var ownPlans: [Int64]
    }

    /// What the rollup page shows.
    struct Rollup: Sendable {
        /// The jurisdiction viewed; nil for the whole instance.
        var root: Jurisdiction?
        /// From the top of the user's reach down to the root, for the breadcrumb.
        var trail: [Jurisdiction]
        var year: Int
        var period: Period
        var ownPlans: [PlanLine]
        var below: [JurisdictionLine]
        var total: RollupTally
    }

    /// A plan as the rollup needs it.
    struct PlanRow: Sendable {
        var id: Int64
        var title: String
        var year: Int
        var jurisdiction: Int64
    }

    /// What the rollup reads in one go: the tree, the plans, the period and every plan's revision.
    struct Structure: Sendable {
        var jurisdictions: [Jurisdiction]
        var plans: [PlanRow]
        var period: Period
        var revisions: [Int64: Int64]
    }

    /// The rollup at `rootID` (default: the user's jurisdiction, or the top for instance-wide users).
    ///
    /// The tree and every plan's revision are read in one go; the tallies not yet kept for their revision are then
    /// computed two plans at a time, each on its own connection; the page is assembled from the kept tallies.
    func rollup(rootID requested: Int64?, period requestedPeriod: Period?, reach: PlanReach) async throws -> Rollup {
        let structure = try await database.readReplica { db in
            let jurisdictions = try await db.select().column("*").from("jurisdictions").all().map(PlanStore.jurisdiction)
            let plans = try await db.select().columns("id", "title", "year", "jurisdiction_id").from("plans").all().map {
                PlanRow(
                    id: try $0.int64("id"), title: try $0.string("title"), year: try $0.int("year"), jurisdiction: try $0.int64("jurisdiction_id"))
            }
            let period = try await resolvePeriod(requestedPeriod, years: plans.map(\.year), on: db)
            let revisions = try await Dictionary(
                db.select().columns("plan_id", "revision").from("plan_revisions").all().map { (try $0.int64("plan_id"), try $0.int64("revision")) },
                uniquingKeysWith: max
            )
            return Structure(jurisdictions: jurisdictions, plans: plans, period: period, revisions: revisions)
        }
        let jurisdictions = structure.jurisdictions
        let period = structure.period
        let byID = Dictionary(uniqueKeysWithValues: jurisdictions.map { ($0.id, $0) })
        let children = Dictionary(grouping: jurisdictions.filter { $0.parentID != nil }, by: { $0.parentID! })
        let rootID = requested ?? reach.jurisdictionID
        if let rootID, byID[rootID] == nil || !reach.covers(jurisdictionID: rootID) {
            throw Refusals.noJurisdiction(rootID)
        }
        let plansOfYear = Dictionary(grouping: structure.plans.filter { $0.year == period.year && reach.canRead(planID: $0.id) }, by: \.jurisdiction)
        func subtree(_ id: Int64) -> [Int64] { [id] + (children[id] ?? []).flatMap { subtree($0.id) } }
        let shown = (rootID.map(subtree) ?? jurisdictions.map(\.id)).flatMap { (plansOfYear[$0] ?? []).map(\.id) }
        let tallies = try await self.tallies(of: shown, revisions: structure.revisions, period: period)

        func lines(of jurisdictionID: Int64) -> [PlanLine] {
            guard let jurisdiction = byID[jurisdictionID] else { return [] }
            return (plansOfYear[jurisdictionID] ?? []).compactMap { plan in
                tallies[plan.id].map { PlanLine(planID: plan.id, title: plan.title, jurisdiction: jurisdiction, tally: $0) }
            }
        }
        let ownPlans = rootID.map(lines) ?? []
        let belowIDs = rootID.map { children[$0] ?? [] } ?? jurisdictions.filter { $0.parentID == nil }
        var below: [JurisdictionLine] = []
        for child in belowIDs.sorted(by: { $0.id < $1.id }) {
            var sum = RollupTally()
            for id in subtree(child.id) {
                for line in lines(of: id) { sum.add(line.tally) }
            }
            guard sum.plans > 0 else { continue }
            below.append(JurisdictionLine(jurisdiction: child, tally: sum, ownPlans: (plansOfYear[child.id] ?? []).map(\.id)))
        }
        var total = RollupTally()
        for line in ownPlans { total.add(line.tally) }
        for line in below { total.add(line.tally) }
        var trail: [Jurisdiction] = []
        var cursor = rootID.flatMap { byID[$0] }
        while let current = cursor {
            trail.insert(current, at: 0)
            if current.id == reach.jurisdictionID { break }
            cursor = current.parentID.flatMap { byID[$0] }
        }
        return Rollup(
            root: rootID.flatMap { byID[$0] }, trail: trail, year: period.year, period: period, ownPlans: ownPlans, below: below, total: total)
    }

    /// Each plan's tally, kept per revision, period and day; those missing are computed two at a time.
    private func tallies(of planIDs: [Int64], revisions: [Int64: Int64], period: Period) async throws -> [Int64: RollupTally] {
        let today = configuration.today
        let key = "tally \(period) \(today)"
        let service = self
        var kept: [Int64: RollupTally] = [:]
        var missing: [Int64] = []
        for planID in planIDs {
            if let tally = database.summaries.cached(planID: planID, revision: revisions[planID] ?? 0, key: key, as: RollupTally.self) {
                kept[planID] = tally
            } else {
                missing.append(planID)
            }
        }
        guard !missing.isEmpty else { return kept }
        let found = kept
        return try await withThrowingTaskGroup(of: (Int64, RollupTally).self) { group in
            var pending = missing[...]
            func startNext() {
                guard let planID = pending.popFirst() else { return }
                let revision = revisions[planID] ?? 0
                group.addTask {
                    let tally = try await service.database.summaries.value(planID: planID, revision: revision, key: key) {
                        try await service.database.readReplica { db in try await service.tally(planID: planID, period: period, on: db) }
                    }
                    return (planID, tally)
                }
            }
            startNext()
            startNext()
            var result = found
            while let (planID, tally) = try await group.next() {
                result[planID] = tally
                startNext()
            }
            return result
        }
    }

    private func tally(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> RollupTally {
        var result = RollupTally()
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: period, on: db)
        let reporting = try await onTime(planID: planID, period: period, on: db)
        result.add(assessment, reportsOwed: reporting.owed, onTime: reporting.onTime)
        return result
    }

    /// The requested month, else the latest month with a report in the newest year.
    private func resolvePeriod(_ requested: Period?, years: [Int], on db: any SQLDatabase) async throws -> Period {
        if let requested { return requested }
        let year = years.max() ?? configuration.today.year
        if configuration.today.year == year { return .month(year: year, month: configuration.today.month) }
        let latest = try await db.select().column(SQLFunction("MAX", args: SQLColumn("period")), as: "period").from("reports")
            .where("period", .like, "\(year)-%").first()
        if let text = try latest?.optionalString("period"), let period = Period(text) { return period }
        return .month(year: year, month: configuration.today.year > year ? 12 : 1)
    }

    /// Reports owed and on time through the period, all units together, once per plan revision and day.
    private func onTime(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> OnTimeCount {
        let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
        let today = configuration.today
        return try await database.computed.value(planID: planID, revision: revision, key: "on-time \(period) \(today)") {
            let byUnit = try await ReportingService(database: database, configuration: configuration)
                .onTimeReporting(planID: planID, year: period.year, throughMonth: period.lastMonth.months.upperBound, on: db)
            return OnTimeCount(owed: byUnit.values.map(\.owed).reduce(0, +), onTime: byUnit.values.map(\.onTime).reduce(0, +))
        }
    }

    struct OnTimeCount: Sendable {
        var owed: Int
        var onTime: Int
    }
}
