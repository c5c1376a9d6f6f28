import Foundation

/// Files under `Tests/MinshengCoreTests/Fixtures`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// The expected categories and unit lists of the seed plan, written from the document.
    struct SeedUnits: Decodable {
        struct Item: Decodable {
            var number: Int
            var category: String
            var lead: [String]
            var responsible: [String]
        }
        var categories: [String]
        var items: [Item]
    }

    static func seedUnits() throws -> SeedUnits {
        try JSONDecoder().decode(SeedUnits.self, from: data("luoyang-2019-units.json"))
    }
}
