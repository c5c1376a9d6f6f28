import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

@Suite struct RoundTripTests {
    let store = PlanStore()

    @Test(arguments: TestEngine.available)
    func everyModelRoundTripsWithExactDecimals(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await database.write { db in
                let province = try await store.insert(Jurisdiction(id: 0, name: "河南省", level: .province), on: db)
                let city = try await store.insert(Jurisdiction(id: 0, name: "洛阳市", level: .city, parentID: province.id), on: db)
                #expect(try await store.jurisdiction(id: city.id, on: db) == city)

                let plan = try await store.insert(
                    Plan(
                        id: 0, year: 2019, title: "2019年洛阳市重点民生实事工作方案", jurisdictionID: city.id,
                        issuers: ["中共洛阳市委办公室", "洛阳市人民政府办公室"], issuedOn: CalendarDate(year: 2019, month: 2, day: 18),
                        documentNumber: "洛办〔2019〕5号", notice: "通知正文", preamble: "市委、市政府决定", state: .draft
                    ),
                    now: Date(), on: db
                )
                #expect(try await store.plan(id: plan.id, on: db) == plan)

                let category = try await store.insert(MinshengCore.Category(id: 0, planID: plan.id, ordinal: 5, name: "就业创业"), on: db)
                #expect(try await store.categories(planID: plan.id, on: db) == [category])

                let item = try await store.insert(
                    Item(
                        id: 0, planID: plan.id, categoryID: category.id, number: 17, text: "确保全市新增城镇就业9.86万人。",
                        title: "新增城镇就业", deadline: CalendarDate(year: 2019, month: 12, day: 31)),
                    on: db
                )
                #expect(try await store.items(planID: plan.id, on: db) == [item])

                let unit = try await store.insert(MinshengCore.Unit(id: 0, name: "市人力资源和社会保障局", kind: .department, jurisdictionID: city.id), on: db)
                let group = try await store.insert(MinshengCore.Unit(id: 0, name: "各县(市、区)政府", kind: .group, jurisdictionID: city.id), on: db)
                #expect(try await store.units(jurisdictionID: city.id, on: db) == [unit, group])

                let parent = try await store.insert(
                    Indicator(
                        id: 0, itemID: item.id, ordinal: 1, name: "新增城镇就业", target: Decimal(string: "98600")!,
                        measure: "人", comparator: .atLeast, kind: .cumulative, source: "新增城镇就业9.86万人"),
                    on: db
                )
                let loans = try await store.insert(
                    Indicator(
                        id: 0, itemID: item.id, ordinal: 2, name: "创业担保贷款", target: Decimal(string: "1500000000")!,
                        measure: "元", comparator: .exactly, kind: .cumulative, source: "发放创业担保贷款15亿元"),
                    on: db
                )
                let rate = try await store.insert(
                    Indicator(
                        id: 0, itemID: item.id, parentID: parent.id, ordinal: 3, name: "比率", target: Decimal(string: "9.86")!,
                        measure: "%", comparator: .atMost, kind: .rate, provisional: true, allocatedTo: "栾川县",
                        allocatedUnitID: group.id, deadline: CalendarDate(year: 2019, month: 6, day: 30), source: "9.86%"),
                    on: db
                )
                let milestone = try await store.insert(
                    Indicator(id: 0, itemID: item.id, ordinal: 4, name: "建成投用", target: nil, measure: "", kind: .milestone, source: "建成投用"),
                    on: db
                )
                let stored = try await store.indicators(planID: plan.id, on: db)
                #expect(stored == [parent, loans, rate, milestone])
                #expect(stored.map { $0.target.map(DecimalText.format) } == ["98600", "1500000000", "9.86", nil])

                let assignment = Assignment(itemID: item.id, unitID: unit.id, role: .lead, ordinal: 1)
                let responsible = Assignment(itemID: item.id, unitID: group.id, role: .responsible, ordinal: 1)
                try await store.insert(assignment, on: db)
                try await store.insert(responsible, on: db)
                #expect(try await store.assignments(planID: plan.id, on: db) == [assignment, responsible])
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aFailedWriteStoresNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await database.write { db in
                    _ = try await store.insert(Jurisdiction(id: 0, name: "洛阳市", level: .city), on: db)
                    throw Boom()
                }
            }
            let count = try await database.read { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("jurisdictions").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }
}
