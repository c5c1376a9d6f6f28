import Foundation
import MinshengCore
import SQLKit

/// The office's settings of the assessment: a plan's thresholds, and an item's override, weights and schedules, and
/// the short title official documents name it by.
struct AssessmentSettingsService: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    let plans = PlanStore()
    let store = AssessmentStore()
    var audit: AuditLog { AuditLog(clock: clock) }

    /// The office's settings of an item, as submitted.
    struct ItemSettings: Sendable {
        var itemID: Int64
        var override: StatusOverride?
        var weights: [Int64: Decimal]
        var schedules: [Int64: Schedule?]
        /// A new short title for the documents; nil leaves it as it is.
        var shortTitle: String? = nil
    }

    /// An item of a plan by number, with its top-level indicators (those the settings form names).
    func item(planID: Int64, number: Int) async throws -> (item: Item, indicators: [Indicator]) {
        try await database.read { db in
            guard let item = try await plans.items(planID: planID, on: db).first(where: { $0.number == number }) else {
                throw Refusals.noItem(number)
            }
            return (item, try await plans.indicators(planID: planID, on: db).filter { $0.itemID == item.id && $0.parentID == nil })
        }
    }

    /// Stores an item's override for a period, its indicators' weights and schedules and its short title, in one
    /// transaction.
    /// A changed short title is checked (`ItemRefusals`) and audited on its own.
    func saveItemSettings(_ settings: ItemSettings, period: Period, user: User, by actor: AuditActor) async throws {
        let shortTitle = try settings.shortTitle.map(ItemRefusals.checked)
        try await database.write { db in
            if let shortTitle {
                guard let item = try await plans.item(id: settings.itemID, on: db) else { throw Refusals.noItemID(settings.itemID) }
                if item.shortTitle != shortTitle {
                    try await plans.setShortTitle(shortTitle, itemID: item.id, on: db)
                    try await audit.record(
                        "item.shortTitle", entity: "item", id: item.id, before: ["shortTitle": item.shortTitle], after: ["shortTitle": shortTitle],
                        by: actor, on: db)
                }
            }
            let before = try await snapshot(itemID: settings.itemID, period: period, on: db)
            try await store.setOverride(settings.override, itemID: settings.itemID, period: period, by: user.id, now: clock(), on: db)
            for (indicator, weight) in settings.weights { try await store.setWeight(weight, indicatorID: indicator, on: db) }
            for (indicator, schedule) in settings.schedules { try await store.setSchedule(schedule, indicatorID: indicator, on: db) }
            let after = try await snapshot(itemID: settings.itemID, period: period, on: db)
            try await audit.record("item.assessment", entity: "item", id: settings.itemID, before: before, after: after, by: actor, on: db)
        }
    }

    /// Stores a plan's assessment thresholds.
    func saveSettings(_ settings: AssessmentSettings, planID: Int64, by actor: AuditActor) async throws {
        try await database.write { db in
            let before = try await store.settings(planID: planID, on: db)
            try await store.setSettings(settings, planID: planID, on: db)
            try await audit.record("plan.assessmentSettings", entity: "plan", id: planID, before: before, after: settings, by: actor, on: db)
        }
    }

    /// What the audit log records of an item's assessment settings.
    private func snapshot(itemID: Int64, period: Period, on db: any SQLDatabase) async throws -> [String: String] {
        let planID = try await db.select().column("plan_id").from("items").where("id", .equal, itemID).first()?.int64("plan_id") ?? 0
        let indicators = Set(try await db.select().column("id").from("indicators").where("item_id", .equal, itemID).all().map { try $0.int64("id") })
        let schedules = try await store.schedules(planID: planID, on: db).filter { indicators.contains($0.key) }
        let weights = try await store.weights(planID: planID, on: db).filter { indicators.contains($0.key) }
        let override = try await store.overrides(planID: planID, period: period, on: db)[itemID]
        return [
            "override": override.map { "\($0.status.rawValue): \($0.reason)" } ?? "",
            "weights": weights.sorted { $0.key < $1.key }.map { "\($0.key)=\(DecimalText.format($0.value))" }.joined(separator: ","),
            "schedules": schedules.sorted { $0.key < $1.key }.map { "\($0.key): \(ScheduleText.format($0.value))" }.joined(separator: "; "),
        ]
    }
}

/// The words of the assessment settings' errors.
struct AssessmentSettingsWords: Bilingual {
    let language: Language

    var overrideNeedsReason: String { t("人工调整状态必须写明原因。", "An override needs a reason.") }
    var thresholds: String { t("阈值应为 0 到 100 之间的数。", "Thresholds are numbers from 0 to 100.") }
    var completionMonth: String { t("全面完成月份应为 1 到 12。", "The month of full completion is 1 to 12.") }

    func badWeight(_ indicator: String, _ text: String) -> String {
        t("“\(indicator)”的权重“\(text)”不是非负数。", "\(indicator): the weight \(text) is not a number of zero or more.")
    }
}
