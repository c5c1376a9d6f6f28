import Foundation
import MinshengCore

/// A plan in the API's list.
struct APIPlanSummary: Encodable {
    var id: Int64
    var year: Int
    var title: String
    var state: String
    var jurisdiction: APIJurisdiction
    var url: String

    init(plan: Plan, jurisdiction: Jurisdiction) {
        id = plan.id
        year = plan.year
        title = plan.title
        state = plan.state.rawValue
        self.jurisdiction = APIJurisdiction(jurisdiction)
        url = SiteURL.api(.plan(.value(plan.id))).path
    }
}

struct APIJurisdiction: Encodable {
    var id: Int64
    var name: String
    var level: String
    @NullCoded var parentId: Int64?

    init(_ jurisdiction: Jurisdiction) {
        id = jurisdiction.id
        name = jurisdiction.name
        level = jurisdiction.level.rawValue
        parentId = jurisdiction.parentID
    }
}

/// A plan with its categories, items, indicators and units.
struct APIPlan: Encodable {
    var id: Int64
    var year: Int
    var title: String
    var state: String
    var jurisdiction: APIJurisdiction
    var issuers: [String]
    @NullCoded var issuedOn: String?
    @NullCoded var documentNumber: String?
    var notice: String
    var preamble: String
    /// The latest closed month, which pages show unless asked for another.
    var currentPeriod: String
    var categories: [APICategory]
    var units: [APIUnit]

    init(_ detail: PlanDetail, currentPeriod: Period) {
        let plan = detail.plan
        self.currentPeriod = currentPeriod.description
        id = plan.id
        year = plan.year
        title = plan.title
        state = plan.state.rawValue
        jurisdiction = APIJurisdiction(detail.jurisdiction)
        issuers = plan.issuers
        issuedOn = plan.issuedOn?.iso
        documentNumber = plan.documentNumber
        notice = plan.notice
        preamble = plan.preamble
        let itemsByCategory = Dictionary(grouping: detail.items, by: \.categoryID)
        let indicatorsByItem = Dictionary(grouping: detail.indicators, by: \.itemID)
        let assignmentsByItem = Dictionary(grouping: detail.assignments, by: \.itemID)
        categories = detail.categories.map { category in
            APICategory(
                id: category.id, ordinal: category.ordinal, name: category.name,
                items: (itemsByCategory[category.id] ?? []).map { item in
                    APIItem(item, indicators: indicatorsByItem[item.id] ?? [], assignments: assignmentsByItem[item.id] ?? [])
                }
            )
        }
        let usedUnits = Set(detail.assignments.map(\.unitID))
        units = detail.units.filter { usedUnits.contains($0.id) }.map(APIUnit.init)
    }
}

struct APICategory: Encodable {
    var id: Int64
    var ordinal: Int
    var name: String
    var items: [APIItem]
}

struct APIItem: Encodable {
    var id: Int64
    var number: Int
    var title: String
    var text: String
    @NullCoded var deadline: String?
    var leadUnitIds: [Int64]
    var responsibleUnitIds: [Int64]
    var indicators: [APIIndicator]

    init(_ item: Item, indicators: [Indicator], assignments: [Assignment]) {
        id = item.id
        number = item.number
        title = item.title
        text = item.text
        deadline = item.deadline?.iso
        let sorted = assignments.sorted { $0.ordinal < $1.ordinal }
        leadUnitIds = sorted.filter { $0.role == .lead }.map(\.unitID)
        responsibleUnitIds = sorted.filter { $0.role == .responsible }.map(\.unitID)
        self.indicators = indicators.map(APIIndicator.init)
    }
}

struct APIIndicator: Encodable {
    var indicator: Indicator

    init(_ indicator: Indicator) { self.indicator = indicator }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicator.id, forKey: .id)
        try c.encode(indicator.parentID, forKey: .parentId)
        try c.encode(indicator.ordinal, forKey: .ordinal)
        try c.encode(indicator.name, forKey: .name)
        try c.encode(indicator.target.map(DecimalText.format), forKey: .target)
        try c.encode(indicator.measure, forKey: .unit)
        try c.encode(indicator.comparator.rawValue, forKey: .comparator)
        try c.encode(indicator.kind.rawValue, forKey: .kind)
        try c.encode(indicator.provisional, forKey: .provisional)
        try c.encode(indicator.allocatedTo, forKey: .allocatedTo)
        try c.encode(indicator.allocatedUnitID, forKey: .allocatedUnitId)
        try c.encode(indicator.deadline?.iso, forKey: .deadline)
        try c.encode(indicator.source, forKey: .source)
    }

    enum CodingKeys: String, CodingKey {
        case id, parentId, ordinal, name, target, unit, comparator, kind, provisional, allocatedTo, allocatedUnitId, deadline, source
    }
}

struct APIUnit: Encodable {
    var id: Int64
    var name: String
    var kind: String

    init(_ unit: MinshengCore.Unit) {
        id = unit.id
        name = unit.name
        kind = unit.kind.rawValue
    }
}
