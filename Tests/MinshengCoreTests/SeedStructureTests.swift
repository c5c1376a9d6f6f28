import Foundation
import Testing
@testable import MinshengCore

@Suite struct SeedStructureTests {
    @Test func dump() throws {
        let draft = PlanTextParser().parse(try DemoPlan.text())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(draft)
        try data.write(to: URL(fileURLWithPath: "/tmp/seed.json"))
        #expect(draft.items.count == 51)
    }
}
