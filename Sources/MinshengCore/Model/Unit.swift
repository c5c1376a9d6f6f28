/// An organisation that leads or carries out items: a department, a government, an enterprise,
/// or a group term such as 各县(市、区)政府 that stands for several units.
public struct Unit: Sendable, Hashable, Codable, Identifiable {
    /// What sort of organisation a unit is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case department
        case government
        case enterprise
        case organisation
        case group
    }

    public var id: Int64
    /// The name as the plan writes it.
    public var name: String
    public var kind: Kind
    /// The jurisdiction whose unit directory holds this unit.
    public var jurisdictionID: Int64

    public init(id: Int64, name: String, kind: Kind, jurisdictionID: Int64) {
        self.id = id
        self.name = name
        self.kind = kind
        self.jurisdictionID = jurisdictionID
    }
}

/// The link between an item and a unit: lead (牵头单位) or responsible (责任单位), in the order written.
public struct Assignment: Sendable, Hashable, Codable {
    /// The part a unit plays in an item.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case lead
        case responsible
    }

    public var itemID: Int64
    public var unitID: Int64
    public var role: Role
    /// Position within the role's list, from 1, as written.
    public var ordinal: Int

    public init(itemID: Int64, unitID: Int64, role: Role, ordinal: Int) {
        self.itemID = itemID
        self.unitID = unitID
        self.role = role
        self.ordinal = ordinal
    }
}
