import Foundation
import Testing

@testable import MinshengCore

/// The targets of the bundled 2019 Luoyang plan against those written by reading the document.
@Suite struct SeedTargetTests {
    struct Expected: Decodable {
        struct Item: Decodable {
            var targets: [[Value]]
            var parts: [[Value]]?
            var provisional: Bool?
            var milestones: Int?
        }
        var items: [String: Item]
    }

    enum Value: Decodable, Hashable {
        case number(Decimal)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .number(Decimal(string: String(try container.decode(Int.self)))!)
            }
        }
    }

    /// A target as the metric counts it: item, value, unit.
    struct Found: Hashable, CustomStringConvertible {
        var item: Int
        var value: Decimal
        var unit: String
        var description: String { "#\(item) \(DecimalText.format(value))\(unit)" }
    }

    let draft: PlanDraft
    let expected: Expected

    init() throws {
        draft = PlanTextParser().parse(try DemoPlan.text())
        expected = try JSONDecoder().decode(Expected.self, from: Fixtures.data("luoyang-2019-targets.json"))
    }

    var expectedTargets: [Found] {
        expected.items.flatMap { key, item -> [Found] in
            let number = Int(key)!
            let targets = item.targets.compactMap { pair -> Found? in
                guard case .number(let value) = pair[0], case .text(let unit) = pair[1] else { return nil }
                return Found(item: number, value: value, unit: unit)
            }
            let parts = (item.parts ?? []).compactMap { triple -> Found? in
                guard case .number(let value) = triple[1], case .text(let unit) = triple[2] else { return nil }
                return Found(item: number, value: value, unit: unit)
            }
            return targets + parts
        }
    }

    var foundTargets: [Found] {
        draft.items.flatMap { item in
            item.indicators.flatMap { Self.flatten($0, item: item.number) }
        }
    }

    static func flatten(_ indicator: IndicatorDraft, item: Int) -> [Found] {
        var result: [Found] = []
        if let target = indicator.target { result.append(Found(item: item, value: target, unit: indicator.unit)) }
        result += indicator.allocations.map { Found(item: item, value: $0.target, unit: indicator.unit) }
        result += indicator.children.flatMap { flatten($0, item: item) }
        return result
    }

    @Test func atLeast95PercentOfTargetsAreFoundWithValueAndUnit() {
        let expected = expectedTargets
        var remaining = foundTargets
        var missing: [Found] = []
        for target in expected {
            if let index = remaining.firstIndex(of: target) { remaining.remove(at: index) } else { missing.append(target) }
        }
        let recall = Double(expected.count - missing.count) / Double(expected.count)
        #expect(expected.count >= 80)
        #expect(recall >= 0.95, "missing: \(missing.sorted { $0.item < $1.item })")
    }

    @Test func atMostOneInTenFoundNumbersIsNotATarget() {
        var remaining = expectedTargets
        var extra: [Found] = []
        let found = foundTargets
        for target in found {
            if let index = remaining.firstIndex(of: target) { remaining.remove(at: index) } else { extra.append(target) }
        }
        #expect(Double(extra.count) / Double(found.count) <= 0.1, "not targets: \(extra.sorted { $0.item < $1.item })")
    }

    @Test func breakdownsAreChildrenOrAllocationsToPlaces() throws {
        let items = Dictionary(uniqueKeysWithValues: draft.items.map { ($0.number, $0) })
        let employment = try #require(items[17]?.indicators.first)
        #expect(employment.target == 98600)
        #expect(employment.unit == "人")
        #expect(employment.children.map(\.target) == [17900, 6000])
        #expect(employment.children.map(\.name) == ["失业人员再就业", "困难人员实现就业"])

        let tailings = try #require(items[29]?.indicators.first)
        #expect(tailings.target == 52)
        #expect(
            tailings.allocations == [
                AllocationDraft(to: "栾川", target: 31), AllocationDraft(to: "嵩县", target: 18), AllocationDraft(to: "汝阳", target: 3),
            ])

        let bus = try #require(items[33]?.indicators.first)
        #expect(bus.target == 36)
        #expect(bus.children.map(\.target) == [6, 30])
        #expect(bus.allocations.isEmpty)

        let toilets = try #require(items[50]?.indicators.first)
        #expect(toilets.allocations.map(\.to) == ["城市区", "县(市)"])
        #expect(toilets.allocations.map(\.target) == [65, 45])

        let study = try #require(items[11]?.indicators.first)
        #expect(study.allocations.map(\.to) == ["城市区", "县乡"])
    }

    @Test func multipliersComparatorsAndKinds() throws {
        let items = Dictionary(uniqueKeysWithValues: draft.items.map { ($0.number, $0) })
        #expect(items[19]?.indicators.first?.target == Decimal(string: "1500000000"))
        #expect(items[19]?.indicators.first?.unit == "元")
        #expect(items[30]?.indicators.contains { $0.target == 4_000_000 && $0.unit == "平方米" } == true)
        let heating = try #require(items[30]?.indicators.first { $0.target == 85 })
        #expect(heating.kind == .rate)
        #expect(heating.comparator == .atLeast)
        let points = try #require(items[20]?.indicators.first)
        #expect(points.unit == "个百分点")
        #expect(points.kind == .rate)
        let occupancy = try #require(items[21]?.indicators.first { $0.target == 60 })
        #expect(occupancy.deadline == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(occupancy.name.contains("入住率"))
    }

    @Test func provisionalTargetsAndMilestones() throws {
        let items = Dictionary(uniqueKeysWithValues: draft.items.map { ($0.number, $0) })
        for (key, item) in expected.items {
            let indicators = try #require(items[Int(key)!]?.indicators)
            if item.provisional == true {
                #expect(indicators.contains { $0.provisional }, "item \(key)")
            } else {
                #expect(!indicators.contains { $0.provisional }, "item \(key)")
            }
            if let milestones = item.milestones {
                #expect(indicators.filter { $0.kind == .milestone }.count == milestones, "item \(key)")
            }
        }
        #expect(items[1]?.indicators.first?.provisional == true)
        #expect(items[1]?.indicators.first?.target == 54000)
        #expect(items[12]?.indicators.first { $0.provisional }?.name == "县级人民医院提质升级数量")
        #expect(items[16]?.indicators.first { $0.provisional }?.name == "筛查人数")
        #expect(items[10]?.indicators.first?.kind == .qualitative)
    }
}
