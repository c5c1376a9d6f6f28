/// An administrative division (行政区划) that adopts plans: a province, city, county or district.
package struct Jurisdiction: Sendable, Hashable, Codable, Identifiable {
    /// The tier of a jurisdiction in China's administrative hierarchy.
    package enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case province
        case city
        case county
        case district
    }

    package var id: Int64
    package var name: String
    package var level: Level
    package var parentID: Int64?

    package init(id: Int64, name: String, level: Level, parentID: Int64? = nil) {
        self.id = id
        self.name = name
        self.level = level
        self.parentID = parentID
    }
}

extension Jurisdiction.Level {
    /// Guesses the level from a name's final character (洛阳市 → city, 嵩县 → county).
    package static func guess(fromName name: String) -> Jurisdiction.Level {
        if name.hasSuffix("省") || name.hasSuffix("自治区") { return .province }
        if name.hasSuffix("县") || name.hasSuffix("旗") { return .county }
        if name.hasSuffix("区") { return .district }
        return .city
    }
}
