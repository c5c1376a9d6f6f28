import Foundation

/// What the importer understood of a plan document, before anything is stored.
///
/// Its JSON form is the stable output of `minsheng plan import --dry-run --json`.
package struct PlanDraft: Sendable, Hashable, Codable {
    package var title: String
    @NullCoded package var year: Int?
    /// The jurisdiction named by the title (洛阳市), when one can be read from it.
    @NullCoded package var jurisdiction: String?
    package var issuers: [String]
    @NullCoded package var issuedOn: CalendarDate?
    @NullCoded package var documentNumber: String?
    package var notice: String
    package var preamble: String
    package var warnings: [String]
    package var categories: [CategoryDraft]

    package init(
        title: String = "", year: Int? = nil, jurisdiction: String? = nil, issuers: [String] = [],
        issuedOn: CalendarDate? = nil, documentNumber: String? = nil, notice: String = "",
        preamble: String = "", warnings: [String] = [], categories: [CategoryDraft] = []
    ) {
        self.title = title
        self.year = year
        self.jurisdiction = jurisdiction
        self.issuers = issuers
        self.issuedOn = issuedOn
        self.documentNumber = documentNumber
        self.notice = notice
        self.preamble = preamble
        self.warnings = warnings
        self.categories = categories
    }

    /// Every item of every category, in order.
    package var items: [ItemDraft] { categories.flatMap(\.items) }

    /// The plan with only its first `count` items, in their categories (empty categories left out).
    package func keepingFirst(_ count: Int) -> PlanDraft {
        var kept = self
        var remaining = count
        kept.categories = categories.compactMap { category in
            guard remaining > 0 else { return nil }
            var trimmed = category
            trimmed.items = Array(category.items.prefix(remaining))
            remaining -= trimmed.items.count
            return trimmed
        }
        return kept
    }
}

/// A category heading and the items under it. A document without headings has one category
/// whose number and name are nil.
package struct CategoryDraft: Sendable, Hashable, Codable {
    @NullCoded package var number: Int?
    @NullCoded package var name: String?
    package var items: [ItemDraft]

    package init(number: Int?, name: String?, items: [ItemDraft] = []) {
        self.number = number
        self.name = name
        self.items = items
    }
}

/// One item as read from the document.
package struct ItemDraft: Sendable, Hashable, Codable {
    package var number: Int
    package var title: String
    package var text: String
    package var leadUnits: [String]
    package var responsibleUnits: [String]
    @NullCoded package var deadline: CalendarDate?
    package var warnings: [String]
    package var indicators: [IndicatorDraft]

    package init(
        number: Int, title: String, text: String, leadUnits: [String] = [], responsibleUnits: [String] = [],
        deadline: CalendarDate? = nil, warnings: [String] = [], indicators: [IndicatorDraft] = []
    ) {
        self.number = number
        self.title = title
        self.text = text
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.deadline = deadline
        self.warnings = warnings
        self.indicators = indicators
    }
}

/// A target as read from an item's text, with its breakdowns and allocations.
package struct IndicatorDraft: Sendable, Hashable, Codable {
    package var name: String
    package var target: Decimal?
    package var unit: String
    package var comparator: Indicator.Comparator
    package var kind: Indicator.Kind
    package var provisional: Bool
    package var deadline: CalendarDate?
    /// The words the indicator came from.
    package var source: String
    package var children: [IndicatorDraft]
    package var allocations: [AllocationDraft]

    package init(
        name: String, target: Decimal?, unit: String, comparator: Indicator.Comparator = .atLeast,
        kind: Indicator.Kind = .cumulative, provisional: Bool = false, deadline: CalendarDate? = nil,
        source: String, children: [IndicatorDraft] = [], allocations: [AllocationDraft] = []
    ) {
        self.name = name
        self.target = target
        self.unit = unit
        self.comparator = comparator
        self.kind = kind
        self.provisional = provisional
        self.deadline = deadline
        self.source = source
        self.children = children
        self.allocations = allocations
    }

    enum CodingKeys: String, CodingKey {
        case name, target, unit, comparator, kind, provisional, deadline, source, children, allocations
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        target = try c.decodeIfPresent(String.self, forKey: .target).map { try DecimalText.parse($0, codingPath: c.codingPath + [CodingKeys.target]) }
        unit = try c.decode(String.self, forKey: .unit)
        comparator = try c.decode(Indicator.Comparator.self, forKey: .comparator)
        kind = try c.decode(Indicator.Kind.self, forKey: .kind)
        provisional = try c.decode(Bool.self, forKey: .provisional)
        deadline = try c.decodeIfPresent(CalendarDate.self, forKey: .deadline)
        source = try c.decode(String.self, forKey: .source)
        children = try c.decodeIfPresent([IndicatorDraft].self, forKey: .children) ?? []
        allocations = try c.decodeIfPresent([AllocationDraft].self, forKey: .allocations) ?? []
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(target.map(DecimalText.format), forKey: .target)
        try c.encode(unit, forKey: .unit)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(kind, forKey: .kind)
        try c.encode(provisional, forKey: .provisional)
        try c.encode(deadline, forKey: .deadline)
        try c.encode(source, forKey: .source)
        try c.encode(children, forKey: .children)
        try c.encode(allocations, forKey: .allocations)
    }
}

/// The share of a target assigned to a place or unit (栾川31座).
package struct AllocationDraft: Sendable, Hashable, Codable {
    package var to: String
    package var target: Decimal

    package init(to: String, target: Decimal) {
        self.to = to
        self.target = target
    }

    enum CodingKeys: String, CodingKey { case to, target }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        to = try c.decode(String.self, forKey: .to)
        target = try DecimalText.parse(try c.decode(String.self, forKey: .target), codingPath: c.codingPath + [CodingKeys.target])
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(to, forKey: .to)
        try c.encode(DecimalText.format(target), forKey: .target)
    }
}
