import Foundation
import MinshengCore
import SQLKit

/// Reads and writes plans and everything in them: jurisdictions, categories, items, indicators, units, assignments.
///
/// Each function takes the `SQLDatabase` to run on, so that callers choose a read connection or a transaction.
public struct PlanStore: Sendable {
    public init() {}

    // MARK: Jurisdictions

    /// Stores a jurisdiction; the given id is ignored and the stored value returned.
    public func insert(_ jurisdiction: Jurisdiction, on db: any SQLDatabase) async throws -> Jurisdiction {
        var stored = jurisdiction
        stored.id = try await db.insert(into: "jurisdictions")
            .columns("name", "level", "parent_id")
            .values(SQLBind(jurisdiction.name), SQLBind(jurisdiction.level.rawValue), SQLBind(jurisdiction.parentID))
            .insertedID()
        return stored
    }

    /// The jurisdiction of that name and level, created under `parentID` if it does not exist.
    public func jurisdiction(named name: String, level: Jurisdiction.Level, parentID: Int64? = nil, on db: any SQLDatabase) async throws
        -> Jurisdiction
    {
        let row = try await db.select().column("*").from("jurisdictions")
            .where("name", .equal, name).where("level", .equal, level.rawValue).first()
        if let row { return try Self.jurisdiction(row) }
        return try await insert(Jurisdiction(id: 0, name: name, level: level, parentID: parentID), on: db)
    }

    public func jurisdiction(id: Int64, on db: any SQLDatabase) async throws -> Jurisdiction? {
        try await db.select().column("*").from("jurisdictions").where("id", .equal, id).first().map(Self.jurisdiction)
    }

    static func jurisdiction(_ row: any SQLRow) throws -> Jurisdiction {
        Jurisdiction(
            id: try row.int64("id"), name: try row.string("name"),
            level: try row.enumeration("level", as: Jurisdiction.Level.self), parentID: try row.optionalInt64("parent_id")
        )
    }

    // MARK: Plans

    /// Stores a plan's own fields; the given id is ignored and the stored value returned.
    public func insert(_ plan: Plan, now: Date, on db: any SQLDatabase) async throws -> Plan {
        var stored = plan
        let issuers = String(decoding: try JSONEncoder().encode(plan.issuers), as: UTF8.self)
        stored.id = try await db.insert(into: "plans")
            .columns("year", "title", "jurisdiction_id", "issuers", "issued_on", "document_number", "notice", "preamble", "state", "created_at")
            .values(
                SQLBind(plan.year), SQLBind(plan.title), SQLBind(plan.jurisdictionID), SQLBind(issuers),
                SQLBind(plan.issuedOn?.iso), SQLBind(plan.documentNumber), SQLBind(plan.notice), SQLBind(plan.preamble),
                SQLBind(plan.state.rawValue), SQLBind(Timestamp.string(from: now))
            )
            .insertedID()
        return stored
    }

    /// Every plan, newest year first.
    public func plans(on db: any SQLDatabase) async throws -> [Plan] {
        try await db.select().column("*").from("plans").orderBy("year", .descending).orderBy("id").all().map(Self.plan)
    }

    /// The plans a user may read, newest year first.
    public func plans(within reach: PlanReach, on db: any SQLDatabase) async throws -> [Plan] {
        let all = try await plans(on: db)
        return reach.isEverything ? all : all.filter { reach.canRead(planID: $0.id) }
    }

    public func plan(id: Int64, on db: any SQLDatabase) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("id", .equal, id).first().map(Self.plan)
    }

    public func planCount(on db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("plans").first()
        return try row?.int("n") ?? 0
    }

    static func plan(_ row: any SQLRow) throws -> Plan {
        let issuersJSON = try row.string("issuers")
        let issuers = try JSONDecoder().decode([String].self, from: Data(issuersJSON.utf8))
        return Plan(
            id: try row.int64("id"), year: try row.int("year"), title: try row.string("title"),
            jurisdictionID: try row.int64("jurisdiction_id"), issuers: issuers, issuedOn: try row.optionalDate("issued_on"),
            documentNumber: try row.optionalString("document_number"), notice: try row.string("notice"),
            preamble: try row.string("preamble"), state: try row.enumeration("state", as: Plan.State.self)
        )
    }

    // MARK: Categories and items

    public func insert(_ category: MinshengCore.Category, on db: any SQLDatabase) async throws -> MinshengCore.Category {
        var stored = category
        stored.id = try await db.insert(into: "categories")
            .columns("plan_id", "ordinal", "name")
            .values(SQLBind(category.planID), SQLBind(category.ordinal), SQLBind(category.name))
            .insertedID()
        return stored
    }

    public func categories(planID: Int64, on db: any SQLDatabase) async throws -> [MinshengCore.Category] {
        try await db.select().column("*").from("categories").where("plan_id", .equal, planID).orderBy("ordinal").all().map { row in
            MinshengCore.Category(
                id: try row.int64("id"), planID: try row.int64("plan_id"), ordinal: try row.int("ordinal"), name: try row.string("name"))
        }
    }

    public func insert(_ item: Item, on db: any SQLDatabase) async throws -> Item {
        var stored = item
        stored.id = try await db.insert(into: "items")
            .columns("plan_id", "category_id", "number", "text", "title", "deadline")
            .values(
                SQLBind(item.planID), SQLBind(item.categoryID), SQLBind(item.number), SQLBind(item.text),
                SQLBind(item.title), SQLBind(item.deadline?.iso)
            )
            .insertedID()
        return stored
    }

    public func items(planID: Int64, on db: any SQLDatabase) async throws -> [Item] {
        try await db.select().column("*").from("items").where("plan_id", .equal, planID).orderBy("number").all().map(Self.item)
    }

    static func item(_ row: any SQLRow) throws -> Item {
        Item(
            id: try row.int64("id"), planID: try row.int64("plan_id"), categoryID: try row.int64("category_id"),
            number: try row.int("number"), text: try row.string("text"), title: try row.string("title"),
            deadline: try row.optionalDate("deadline")
        )
    }

    // MARK: Indicators

    public func insert(_ indicator: Indicator, on db: any SQLDatabase) async throws -> Indicator {
        var stored = indicator
        stored.id = try await db.insert(into: "indicators")
            .columns(
                "item_id", "parent_id", "ordinal", "name", "target", "measure", "comparator", "kind", "provisional",
                "allocated_to", "allocated_unit_id", "deadline", "source"
            )
            .values(
                SQLBind(indicator.itemID), SQLBind(indicator.parentID), SQLBind(indicator.ordinal), SQLBind(indicator.name),
                SQLBind(indicator.target.map(DecimalText.format)), SQLBind(indicator.measure),
                SQLBind(indicator.comparator.rawValue), SQLBind(indicator.kind.rawValue), SQLBind(indicator.provisional),
                SQLBind(indicator.allocatedTo), SQLBind(indicator.allocatedUnitID), SQLBind(indicator.deadline?.iso),
                SQLBind(indicator.source)
            )
            .insertedID()
        return stored
    }

    /// The indicators of every item of a plan, by item and position.
    public func indicators(planID: Int64, on db: any SQLDatabase) async throws -> [Indicator] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("indicators"))).from("indicators")
            .join("items", on: SQLColumn("item_id", table: "indicators"), .equal, SQLColumn("id", table: "items"))
            .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID))
            .orderBy(SQLColumn("item_id", table: "indicators")).orderBy(SQLColumn("ordinal", table: "indicators"))
            .all().map(Self.indicator)
    }

    static func indicator(_ row: any SQLRow) throws -> Indicator {
        Indicator(
            id: try row.int64("id"), itemID: try row.int64("item_id"), parentID: try row.optionalInt64("parent_id"),
            ordinal: try row.int("ordinal"), name: try row.string("name"), target: try row.optionalDecimal("target"),
            measure: try row.string("measure"), comparator: try row.enumeration("comparator", as: Indicator.Comparator.self),
            kind: try row.enumeration("kind", as: Indicator.Kind.self), provisional: try row.bool("provisional"),
            allocatedTo: try row.optionalString("allocated_to"), allocatedUnitID: try row.optionalInt64("allocated_unit_id"),
            deadline: try row.optionalDate("deadline"), source: try row.string("source")
        )
    }

    // MARK: Units and assignments

    public func insert(_ unit: MinshengCore.Unit, on db: any SQLDatabase) async throws -> MinshengCore.Unit {
        var stored = unit
        stored.id = try await db.insert(into: "units")
            .columns("jurisdiction_id", "name", "kind")
            .values(SQLBind(unit.jurisdictionID), SQLBind(unit.name), SQLBind(unit.kind.rawValue))
            .insertedID()
        return stored
    }

    /// The unit of that name in a jurisdiction's directory, created if it does not exist.
    public func unit(named name: String, jurisdictionID: Int64, on db: any SQLDatabase) async throws -> MinshengCore.Unit {
        let row = try await db.select().column("*").from("units")
            .where("jurisdiction_id", .equal, jurisdictionID).where("name", .equal, name).first()
        if let row { return try Self.unit(row) }
        let unit = MinshengCore.Unit(id: 0, name: name, kind: UnitListParser.kind(of: name), jurisdictionID: jurisdictionID)
        return try await insert(unit, on: db)
    }

    public func unit(id: Int64, on db: any SQLDatabase) async throws -> MinshengCore.Unit? {
        try await db.select().column("*").from("units").where("id", .equal, id).first().map(Self.unit)
    }

    /// Every unit of a jurisdiction's directory, by name.
    /// Every unit of every jurisdiction's directory.
    public func allUnits(on db: any SQLDatabase) async throws -> [MinshengCore.Unit] {
        try await db.select().column("*").from("units").orderBy("id").all().map(Self.unit)
    }

    public func units(jurisdictionID: Int64, on db: any SQLDatabase) async throws -> [MinshengCore.Unit] {
        try await db.select().column("*").from("units").where("jurisdiction_id", .equal, jurisdictionID)
            .orderBy("id").all().map(Self.unit)
    }

    static func unit(_ row: any SQLRow) throws -> MinshengCore.Unit {
        MinshengCore.Unit(
            id: try row.int64("id"), name: try row.string("name"),
            kind: try row.enumeration("kind", as: MinshengCore.Unit.Kind.self), jurisdictionID: try row.int64("jurisdiction_id")
        )
    }

    public func insert(_ assignment: Assignment, on db: any SQLDatabase) async throws {
        try await db.insert(into: "assignments")
            .columns("item_id", "unit_id", "role", "ordinal")
            .values(SQLBind(assignment.itemID), SQLBind(assignment.unitID), SQLBind(assignment.role.rawValue), SQLBind(assignment.ordinal))
            .run()
    }

    /// The assignments of every item of a plan, by item, role and position.
    public func assignments(planID: Int64, on db: any SQLDatabase) async throws -> [Assignment] {
        try await db.select()
            .column(SQLColumn("item_id", table: "assignments")).column(SQLColumn("unit_id", table: "assignments"))
            .column(SQLColumn("role", table: "assignments")).column(SQLColumn("ordinal", table: "assignments"))
            .from("assignments")
            .join("items", on: SQLColumn("item_id", table: "assignments"), .equal, SQLColumn("id", table: "items"))
            .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID))
            .orderBy(SQLColumn("item_id", table: "assignments")).orderBy(SQLColumn("role", table: "assignments"))
            .orderBy(SQLColumn("ordinal", table: "assignments"))
            .all().map { row in
                Assignment(
                    itemID: try row.int64("item_id"), unitID: try row.int64("unit_id"),
                    role: try row.enumeration("role", as: Assignment.Role.self), ordinal: try row.int("ordinal")
                )
            }
    }

    // MARK: Whole plans

    /// A plan with everything in it, or nil when there is no such plan.
    public func detail(planID: Int64, on db: any SQLDatabase) async throws -> PlanDetail? {
        guard let plan = try await plan(id: planID, on: db),
            let jurisdiction = try await jurisdiction(id: plan.jurisdictionID, on: db)
        else { return nil }
        return PlanDetail(
            plan: plan, jurisdiction: jurisdiction,
            categories: try await categories(planID: planID, on: db),
            items: try await items(planID: planID, on: db),
            indicators: try await indicators(planID: planID, on: db),
            units: try await units(jurisdictionID: plan.jurisdictionID, on: db),
            assignments: try await assignments(planID: planID, on: db)
        )
    }

    /// Stores an imported plan with its categories, items, indicators, units and assignments.
    /// Run it inside one transaction (``AppDatabase/write(_:)``) so that a failure stores nothing.
    public func insert(
        _ draft: PlanDraft, jurisdiction: Jurisdiction, state: Plan.State = .active, now: Date, on db: any SQLDatabase
    ) async throws -> Plan {
        let plan = try await insert(Self.plan(from: draft, id: 0, jurisdictionID: jurisdiction.id, state: state), now: now, on: db)
        try await insertContents(of: draft, planID: plan.id, jurisdictionID: jurisdiction.id, on: db)
        return plan
    }

    /// Replaces a plan's fields and contents with an imported draft, keeping its id. Run it inside one transaction.
    public func replace(planID: Int64, with draft: PlanDraft, on db: any SQLDatabase) async throws -> Plan {
        guard let existing = try await plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
        let plan = try Self.plan(from: draft, id: planID, jurisdictionID: existing.jurisdictionID, state: existing.state)
        let issuers = String(decoding: try JSONEncoder().encode(plan.issuers), as: UTF8.self)
        try await db.update("plans")
            .set("year", to: SQLBind(plan.year)).set("title", to: SQLBind(plan.title)).set("issuers", to: SQLBind(issuers))
            .set("issued_on", to: SQLBind(plan.issuedOn?.iso)).set("document_number", to: SQLBind(plan.documentNumber))
            .set("notice", to: SQLBind(plan.notice)).set("preamble", to: SQLBind(plan.preamble))
            .where("id", .equal, planID)
            .run()
        try await db.delete(from: "categories").where("plan_id", .equal, planID).run()
        try await insertContents(of: draft, planID: planID, jurisdictionID: existing.jurisdictionID, on: db)
        return plan
    }

    /// The plan of a jurisdiction for a year, if there is one.
    public func plan(jurisdictionID: Int64, year: Int, on db: any SQLDatabase) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("jurisdiction_id", .equal, jurisdictionID)
            .where("year", .equal, year).orderBy("id").first().map(Self.plan)
    }

    static func plan(from draft: PlanDraft, id: Int64, jurisdictionID: Int64, state: Plan.State) throws -> Plan {
        guard let year = draft.year else {
            throw AppError.invalidInput("The plan has no year: give one in the title or with --year.")
        }
        return Plan(
            id: id, year: year, title: draft.title, jurisdictionID: jurisdictionID, issuers: draft.issuers,
            issuedOn: draft.issuedOn, documentNumber: draft.documentNumber, notice: draft.notice,
            preamble: draft.preamble, state: state
        )
    }

    private func insertContents(of draft: PlanDraft, planID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        for (index, categoryDraft) in draft.categories.enumerated() {
            let category = try await insert(
                MinshengCore.Category(id: 0, planID: planID, ordinal: categoryDraft.number ?? index + 1, name: categoryDraft.name ?? ""),
                on: db
            )
            for itemDraft in categoryDraft.items {
                try await insertItem(itemDraft, planID: planID, categoryID: category.id, jurisdictionID: jurisdictionID, on: db)
            }
        }
    }

    /// Stores one item with its indicators and assignments.
    func insertItem(_ itemDraft: ItemDraft, planID: Int64, categoryID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        let item = try await insert(
            Item(
                id: 0, planID: planID, categoryID: categoryID, number: itemDraft.number, text: itemDraft.text, title: itemDraft.title,
                deadline: itemDraft.deadline),
            on: db
        )
        var ordinal = 0
        for indicatorDraft in itemDraft.indicators {
            try await insertIndicator(indicatorDraft, itemID: item.id, parentID: nil, ordinal: &ordinal, on: db)
        }
        try await insertAssignments(of: itemDraft, itemID: item.id, jurisdictionID: jurisdictionID, on: db)
    }

    /// Links an item to its lead and responsible units, found or created in the jurisdiction's directory.
    func insertAssignments(of itemDraft: ItemDraft, itemID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        for (role, names) in [(Assignment.Role.lead, itemDraft.leadUnits), (.responsible, itemDraft.responsibleUnits)] {
            var position = 0
            var seen: Set<Int64> = []
            for name in names {
                let unitID = try await unit(named: name, jurisdictionID: jurisdictionID, on: db).id
                // A unit written twice in one list keeps its first place.
                guard seen.insert(unitID).inserted else { continue }
                position += 1
                try await insert(Assignment(itemID: itemID, unitID: unitID, role: role, ordinal: position), on: db)
            }
        }
    }

    /// An indicator tree in storage order: each indicator, then its children, then its allocations.
    struct FlatIndicator {
        var indicator: Indicator
        /// Position of the parent in the flattened list.
        var parentIndex: Int?
        var allocatedTo: String?
    }

    static func flatten(_ drafts: [IndicatorDraft]) -> [FlatIndicator] {
        var result: [FlatIndicator] = []
        func add(_ draft: IndicatorDraft, parent: Int?) {
            let index = result.count
            result.append(
                FlatIndicator(
                    indicator: Indicator(
                        id: 0, itemID: 0, ordinal: index + 1, name: draft.name, target: draft.target, measure: draft.unit,
                        comparator: draft.comparator, kind: draft.kind, provisional: draft.provisional, deadline: draft.deadline, source: draft.source
                    ),
                    parentIndex: parent, allocatedTo: nil
                ))
            for child in draft.children { add(child, parent: index) }
            for allocation in draft.allocations {
                result.append(
                    FlatIndicator(
                        indicator: Indicator(
                            id: 0, itemID: 0, ordinal: result.count + 1, name: "\(draft.name)（\(allocation.to)）", target: allocation.target,
                            measure: draft.unit, comparator: draft.comparator, kind: draft.kind, deadline: draft.deadline, source: draft.source),
                        parentIndex: index, allocatedTo: allocation.to
                    ))
            }
        }
        for draft in drafts { add(draft, parent: nil) }
        return result
    }

    func insertIndicator(_ draft: IndicatorDraft, itemID: Int64, parentID: Int64?, ordinal: inout Int, on db: any SQLDatabase) async throws {
        ordinal += 1
        let stored = try await insert(
            Indicator(
                id: 0, itemID: itemID, parentID: parentID, ordinal: ordinal, name: draft.name, target: draft.target,
                measure: draft.unit, comparator: draft.comparator, kind: draft.kind, provisional: draft.provisional,
                deadline: draft.deadline, source: draft.source
            ),
            on: db
        )
        for child in draft.children {
            try await insertIndicator(child, itemID: itemID, parentID: stored.id, ordinal: &ordinal, on: db)
        }
        for allocation in draft.allocations {
            ordinal += 1
            _ = try await insert(
                Indicator(
                    id: 0, itemID: itemID, parentID: stored.id, ordinal: ordinal, name: "\(draft.name)（\(allocation.to)）",
                    target: allocation.target, measure: draft.unit, comparator: draft.comparator, kind: draft.kind,
                    allocatedTo: allocation.to, deadline: draft.deadline, source: draft.source
                ),
                on: db
            )
        }
    }
}

/// A plan with everything in it, as pages and the API show it.
public struct PlanDetail: Sendable {
    public var plan: Plan
    public var jurisdiction: Jurisdiction
    public var categories: [MinshengCore.Category]
    public var items: [Item]
    public var indicators: [Indicator]
    /// The units of the plan's jurisdiction.
    public var units: [MinshengCore.Unit]
    public var assignments: [Assignment]
}

// MARK: Reporting calendar

extension PlanStore {
    /// The plan's reporting calendar.
    public func calendar(planID: Int64, on db: any SQLDatabase) async throws -> ReportingCalendar {
        let row = try await db.select().column("report_due_day").from("plans").where("id", .equal, planID).first()
        return ReportingCalendar(dueDay: try row?.int("report_due_day") ?? 25)
    }

    public func setDueDay(planID: Int64, dueDay: Int, on db: any SQLDatabase) async throws {
        try await db.update("plans").set("report_due_day", to: SQLBind(dueDay)).where("id", .equal, planID).run()
    }

    /// Items reported on another cadence than monthly.
    public func cadences(planID: Int64, on db: any SQLDatabase) async throws -> [Int64: Cadence] {
        let rows = try await db.select().column("id").column("cadence").from("items").where("plan_id", .equal, planID)
            .where("cadence", .notEqual, Cadence.monthly.rawValue).all()
        var result: [Int64: Cadence] = [:]
        for row in rows { result[try row.int64("id")] = try row.enumeration("cadence", as: Cadence.self) }
        return result
    }

    public func setCadence(itemID: Int64, cadence: Cadence, on db: any SQLDatabase) async throws {
        try await db.update("items").set("cadence", to: SQLBind(cadence.rawValue)).where("id", .equal, itemID).run()
    }
}
