import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The static export and photos on the demo: the export is complete and works offline; approved photos are published,
/// served and exported.
@Suite struct DisclosureExportWebTests: DisclosureWebTesting {
    @Test(arguments: TestEngine.available)
    func theStaticExportIsCompleteAndWorksOffline(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let site = try #require(
                try await PublicService(database: database, configuration: TestDatabase.configuration(now: Self.duringObjections)).site(
                    planID: plan.id))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-export-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let summary = try StaticSiteExporter(site: site) { _ in nil }.write(to: folder)
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            for number in 1...51 {
                #expect(names.contains("item-\(number).html"), "item \(number)")
                #expect(names.contains("item-\(number).en.html"), "item \(number) in English")
            }
            for file in [
                "index.html", "index.en.html", "search.html", "publications.html", "verify.html", "minsheng.css", "minsheng-public.js", "chain.json",
                "publication-1.json", "publication-3.csv",
            ] {
                #expect(names.contains(file), "\(file)")
            }
            #expect(summary.pages == names.filter { $0.hasSuffix(".html") }.count)
            // Every link and source is relative and names a file of the export.
            for name in names where name.hasSuffix(".html") {
                let html = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                #expect(!html.contains("<form method=\"post\""), "\(name) has a form that needs a server")
                #expect(Self.links(in: html).count >= 6, "\(name): the stylesheet and the navigation")
                for link in Self.links(in: html) {
                    #expect(!link.hasPrefix("/") && !link.contains("://"), "\(name) links to \(link)")
                    let file = String(
                        link.split(separator: "#", omittingEmptySubsequences: false)[0].split(separator: "?", omittingEmptySubsequences: false)[0])
                    if !file.isEmpty { #expect(names.contains(file), "\(name) links to missing \(file)") }
                }
            }
            let chain = try ChainVerifier.decode(try Data(contentsOf: folder.appendingPathComponent("chain.json")))
            #expect(ChainVerifier.verify(chain).passed)
            // A second export replaces the first; an unrelated folder is refused.
            _ = try StaticSiteExporter(site: site) { _ in nil }.write(to: folder)
            let unrelated = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-unrelated-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: unrelated) }
            try Data("keep".utf8).write(to: unrelated.appendingPathComponent("notes.txt"))
            #expect(throws: AppError.self) { try StaticSiteExporter(site: site) { _ in nil }.write(to: unrelated) }
            #expect(FileManager.default.fileExists(atPath: unrelated.appendingPathComponent("notes.txt").path))
        }
    }

    @Test(arguments: TestEngine.available)
    func approvedPhotosArePublishedServedAndExported(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let configuration = TestDatabase.configuration(now: Self.duringObjections)
            let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64))
            let item24 = try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.number == 24 })
            // Photos on August's accepted report of item 24, and one on a September report still awaiting review.
            let (accepted, waiting) = try await database.read { db -> (Report, Report) in
                let august = try await ReportStore().latest(planID: plan.id, period: .month(year: 2019, month: 8), itemIDs: [item24.id], on: db).first
                { $0.role == .lead }
                let september = try await ReportStore().latest(planID: plan.id, period: .month(year: 2019, month: 9), on: db).first {
                    $0.state == .submitted
                }
                return (try #require(august), try #require(september))
            }
            var stored: [ReportAttachment] = []
            for (report, name) in [(accepted, "留守儿童之家挂牌.png"), (accepted, "未批准的照片.png"), (waiting, "待审核报告的照片.png")] {
                let file = try AttachmentStorage.check(fileName: name, data: png)
                let key = try storage.store(file)
                let attachment = ReportAttachment(
                    id: 0, reportID: report.id, fileName: file.fileName, contentType: file.contentType, size: Int64(png.count),
                    sha256: file.sha256, storageKey: key, createdAt: "2019-08-20T02:00:00Z")
                stored.append(try await database.write { try await ReportStore().addAttachment(attachment, by: nil, on: $0) })
            }
            let attachments = stored
            try await Application(router: buildRouter(database: database, configuration: configuration)).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let queue = Self.text(try await admin.get("/admin/photos?plan=\(plan.id)"))
                #expect(queue.contains("留守儿童之家挂牌.png"))
                #expect(!queue.contains("待审核报告的照片"), "a photo of a report not yet accepted is offered")
                #expect(try await admin.post("/admin/photos/\(attachments[0].id)", form: [("_csrf", token), ("public", "true")]).status == .seeOther)
                #expect(
                    try await admin.post("/admin/photos/\(attachments[2].id)", form: [("_csrf", token), ("public", "true")]).status == .badRequest)
                #expect(
                    try await admin.post("/admin/publications", form: [("_csrf", token), ("plan", String(plan.id)), ("period", "2019-09")]).status
                        == .ok)

                let latest = try #require(try await database.read { try await PublicationStore().latest(planID: plan.id, on: $0) })
                let photos = try #require(latest.snapshot.item(number: 24)).photos
                #expect(photos.map(\.id) == [attachments[0].id])
                #expect(photos.first?.sha256 == attachments[0].sha256)
                #expect(photos.first?.caption == "留守儿童之家挂牌")
                let page = Self.text(try await client.execute(uri: "/public/plans/\(plan.id)/items/24", method: .get))
                #expect(page.contains("src=\"/public/photos/\(attachments[0].id)\""))
                #expect(page.contains("alt=\"留守儿童之家挂牌\""))
                let served = try await client.execute(uri: "/public/photos/\(attachments[0].id)", method: .get)
                #expect(served.status == .ok)
                #expect(served.headers[.contentType] == "image/png")
                #expect(Data(served.body.readableBytesView) == png)
                for hidden in attachments.dropFirst() {
                    #expect(try await client.execute(uri: "/public/photos/\(hidden.id)", method: .get).status == .notFound)
                }

                let site = try #require(try await PublicService(database: database, configuration: configuration).site(planID: plan.id))
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-export-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                let keys = [attachments[0].id: attachments[0].storageKey]
                _ = try StaticSiteExporter(site: site) { id in try keys[id].map { try storage.read(key: $0) } }.write(to: folder)
                #expect(try Data(contentsOf: folder.appendingPathComponent("photo-\(attachments[0].id).png")) == png)
                #expect(
                    try String(contentsOf: folder.appendingPathComponent("item-24.html"), encoding: .utf8).contains(
                        "src=\"photo-\(attachments[0].id).png\""))

                // Withdrawn, the photo is no longer shown or served, though the snapshot still names it.
                #expect(
                    try await admin.post("/admin/photos/\(attachments[0].id)", form: [("_csrf", token), ("public", "false")]).status == .seeOther)
                #expect(try await client.execute(uri: "/public/photos/\(attachments[0].id)", method: .get).status == .notFound)
                #expect(!Self.text(try await client.execute(uri: "/public/plans/\(plan.id)/items/24", method: .get)).contains("/public/photos/"))
            }
        }
    }

    /// Every `href` and `src` of a page.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                found.append(String(value[..<end]))
                rest = value[end...]
            }
        }
        return found.filter { !$0.hasPrefix("#") && !$0.hasPrefix("http://www.w3.org") }
    }
}
