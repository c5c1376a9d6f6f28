/// An organisation that leads or carries out items: a department, a government, an enterprise,
/// or a group term such as 各县(市、区)政府 that stands for several units.
package struct Unit: Sendable, Hashable, Codable, Identifiable {
    /// What sort of organisation a unit is.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case department
        case government
        case enterprise
        case organisation
        case group
    }

    package var id: Int64
    /// The name as the plan writes it.
    package var name: String
    package var kind: Kind
    /// The jurisdiction whose unit directory holds this unit.
    package var jurisdictionID: Int64

    package init(id: Int64, name: String, kind: Kind, jurisdictionID: Int64) {
        self.id = id
        self.name = name
        self.kind = kind
        self.jurisdictionID = jurisdictionID
    }
}

/// The link between an item and a unit: lead (牵头单位) or responsible (责任单位), in the order written.
package struct Assignment: Sendable, Hashable, Codable {
    /// The part a unit plays in an item.
    package enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case lead
        case responsible
    }

    package var itemID: Int64
    package var unitID: Int64
    package var role: Role
    /// Position within the role's list, from 1, as written.
    package var ordinal: Int

    package init(itemID: Int64, unitID: Int64, role: Role, ordinal: Int) {
        self.itemID = itemID
        self.unitID = unitID
        self.role = role
        self.ordinal = ordinal
    }
}
