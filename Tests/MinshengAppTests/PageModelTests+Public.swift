import Foundation
import MinshengCore
import Testing

@testable import MinshengApp

/// The public portal's page models, loaded without HTTP from the demo's publications.
@Suite struct PublicPageModelTests: DisclosureWebTesting {
    static func service(_ database: AppDatabase) -> PublicService {
        let configuration = TestDatabase.configuration(now: duringObjections)
        return Services(database: database, configuration: configuration, publicCache: PublicPageCache(clock: configuration.clock), notifier: nil)
            .disclosure
    }

    @Test(arguments: TestEngine.available)
    func theModelsShowTheLatestPublication(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let service = Self.service(database)
            let home = try await PublicHomePage.Model.load(planID: plan.id, language: .zh, service: service)
            #expect(home.snapshot.sequence == 3)
            #expect(home.counts.values.reduce(0, +) == 51)
            #expect(home.categoryRows.count == home.snapshot.categories.count)

            let item = try await PublicItemPage.Model.load(planID: plan.id, number: 7, language: .zh, service: service)
            #expect(item.item.status == .completed)
            let category = try await PublicCategoryPage.Model.load(planID: plan.id, number: 1, language: .zh, service: service)
            #expect(!category.items.isEmpty && category.items.allSatisfy { $0.category == 1 })

            let leader = try #require(item.item.leadUnits.first)
            let unit = try await PublicUnitPage.Model.load(planID: plan.id, unitID: leader, language: .zh, service: service)
            #expect(unit.led.contains { $0.number == 7 })
            #expect(!unit.shared.contains { unit.led.map(\.number).contains($0.number) })

            let search = try await PublicSearchPage.Model.load(planID: plan.id, query: item.item.title, language: .zh, service: service)
            #expect(search.found.map(\.number).contains(7))
            let publications = try await PublicPublicationsPage.Model.load(planID: plan.id, language: .zh, service: service)
            #expect(publications.site.publications.map(\.sequence) == [1, 2, 3])
        }
    }

    @Test(arguments: TestEngine.available)
    func whatIsNotPublishedIsNotFoundInTheReadersLanguage(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let service = Self.service(database)
            do {
                _ = try await PublicItemPage.Model.load(planID: plan.id, number: 999, language: .en, service: service)
                Issue.record("item 999 was found")
            } catch let error as AppError {
                #expect(error.kind == .notFound)
                #expect(error.message == "Item 999 is not in the publication.")
            }
            do {
                _ = try await PublicHomePage.Model.load(planID: plan.id + 1000, language: .zh, service: service)
                Issue.record("a plan that never published has a home")
            } catch let error as AppError {
                #expect(error.message == "该计划尚未发布公示。")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aCheckNamesWhatChangedInTheReadersLanguage(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let site = try await Self.service(database).publishedSite(planID: plan.id, language: .en)
            var publications = site.publications.map(\.published)
            let index = try #require(publications[1].snapshot.items.firstIndex { $0.number == 3 })
            publications[1].snapshot.items[index].targets[0].value = "999"
            let pasted = String(decoding: try ChainVerifier.encode(publications), as: UTF8.self)

            let english = try #require(PublicVerifyPage.Model.checking(pasted, site: site, language: .en).result)
            #expect(!english.passed)
            let lines = (english.report.problems + english.differences).map(\.en)
            #expect(lines.contains { $0.hasPrefix("Publication 2 (2019-Q2): item 3") })
            #expect(english.differences.map(\.en).contains { $0.contains("result:") && $0.hasSuffix("→ 999") })
            #expect(!lines.joined().contains("第"))

            let garbage = PublicVerifyPage.Model.checking("{\"snapshot\": 1}", site: site, language: .zh)
            #expect(garbage.result == nil)
            #expect(garbage.error?.hasPrefix("这不是公示文件：") == true)
            let why = try #require(garbage.error)
            #expect(why.contains("缺少") || why.contains("值类型不对"))
            #expect(!why.contains("is missing") && !why.contains("Expected"))
        }
    }
}
