import Foundation

/// A measurable target of an item (目标任务): a value, its unit of measure, a comparator and a kind.
package struct Indicator: Sendable, Hashable, Codable, Identifiable {
    /// How a reported value is compared with the target.
    package enum Comparator: String, Sendable, Hashable, Codable, CaseIterable {
        /// 不少于, 以上, 达到: the target is a floor.
        case atLeast
        /// The target must be met exactly.
        case exactly
        /// 不超过, 以下: the target is a ceiling.
        case atMost
    }

    /// What sort of quantity the indicator tracks.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A count that accumulates through the year (新建学校56所).
        case cumulative
        /// A rate or level reached at a point in time (覆盖率达到100%).
        case rate
        /// A dated step (开工, 建成投用).
        case milestone
        /// A commitment without a number.
        case qualitative
    }

    package var id: Int64
    package var itemID: Int64
    /// The indicator this one breaks down (其中 / bracketed parts), if any.
    package var parentID: Int64?
    /// Position among the item's indicators, from 1.
    package var ordinal: Int
    package var name: String
    /// The target value; nil for milestones, qualitative indicators and provisional targets not yet set.
    package var target: Decimal?
    /// Unit of measure as written: 人, 所, %, 平方米, 元, 个百分点…
    package var measure: String
    package var comparator: Comparator
    package var kind: Kind
    /// The target is set by a higher level (以省下达任务为准, 省定).
    package var provisional: Bool
    /// The place or unit this share of a parent target is allocated to (栾川31座).
    package var allocatedTo: String?
    /// The unit this share is allocated to, when it is a unit of the directory.
    package var allocatedUnitID: Int64?
    package var deadline: CalendarDate?
    /// The words of the plan the indicator came from.
    package var source: String

    package init(
        id: Int64, itemID: Int64, parentID: Int64? = nil, ordinal: Int, name: String,
        target: Decimal?, measure: String, comparator: Comparator = .atLeast, kind: Kind = .cumulative,
        provisional: Bool = false, allocatedTo: String? = nil, allocatedUnitID: Int64? = nil,
        deadline: CalendarDate? = nil, source: String = ""
    ) {
        self.id = id
        self.itemID = itemID
        self.parentID = parentID
        self.ordinal = ordinal
        self.name = name
        self.target = target
        self.measure = measure
        self.comparator = comparator
        self.kind = kind
        self.provisional = provisional
        self.allocatedTo = allocatedTo
        self.allocatedUnitID = allocatedUnitID
        self.deadline = deadline
        self.source = source
    }
}
