import Foundation
import MinshengCore

/// Writes a plan's public portal as a static site: the same pages as the server in Chinese and English, with flat
/// relative links, the stylesheet, a search script, every publication's JSON and CSV, the chain, and the approved
/// photos. No server is needed to read it, so it can be hosted on the government website or a CDN. The site is
/// written to a temporary folder beside the target and moved into place only when complete.
struct StaticSiteExporter: Sendable {
    /// What an export wrote.
    struct Summary: Sendable, Equatable {
        var pages: Int
        var files: Int
        var folder: URL
    }

    let site: PublicSite
    let photos: @Sendable (Int64) throws -> Data?

    /// `photos` returns an approved photo's bytes by attachment id.
    init(site: PublicSite, photos: @escaping @Sendable (Int64) throws -> Data?) {
        self.site = site
        self.photos = photos
    }

    /// Every file of the site by relative name.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for language in Language.allCases {
            let links = PublicLinks(mode: .exported, planID: site.planID, language: language)
            func page(_ name: String, _ html: String) { files[name] = Data(html.utf8) }
            page(links.home, PublicHomePage.View(model: .init(site: site), links: links).render())
            for item in site.snapshot.items {
                page(links.item(item.number), PublicItemPage.View(model: .init(site: site, item: item), links: links).render())
            }
            for category in site.snapshot.categories {
                page(links.category(category.number), PublicCategoryPage.View(model: .init(site: site, category: category), links: links).render())
            }
            for unit in site.snapshot.units {
                page(links.unit(unit.id), PublicUnitPage.View(model: .init(site: site, unit: unit), links: links).render())
            }
            page(links.search, PublicSearchPage.View(model: .init(site: site, query: ""), links: links).render())
            page(links.publications, PublicPublicationsPage.View(model: .init(site: site), links: links).render())
            page(links.verify, PublicVerifyPage.View(model: .init(site: site), links: links).render())
        }
        let links = PublicLinks(mode: .exported, planID: site.planID, language: .zh)
        files[links.stylesheet] = Data(Stylesheet.css.utf8)
        files[links.script] = Data(PublicSearchPage.script.utf8)
        for publication in site.publications {
            files[links.publicationFile(publication.sequence, "json")] = try ChainVerifier.encode(publication.published)
            files[links.publicationFile(publication.sequence, "csv")] = Data(publication.snapshot.csv(hash: publication.hash).utf8)
        }
        files[links.chain] = try ChainVerifier.encode(site.publications.map(\.published))
        let shown = site.snapshot.items.flatMap(\.photos).filter { site.approvedPhotos.contains($0.id) }
        for photo in shown {
            guard let data = try photos(photo.id) else { continue }
            files[links.photo(photo)] = data
        }
        return files
    }

    /// Writes the site into `folder`, replacing an earlier export there. Refuses a folder that holds anything else.
    func write(to folder: URL) throws -> Summary {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw AppError.invalidInput("\(folder.path) is a file, not a folder.")  // console: the export-site command
            }
            let contents = try manager.contentsOfDirectory(atPath: folder.path)
            guard contents.isEmpty || contents.contains("chain.json") else {
                throw AppError.invalidInput(  // console: the export-site command
                    "\(folder.path) is not empty and holds no earlier export (no chain.json); choose an empty folder.")
            }
        }
        let files = try files()
        let parent = folder.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for (name, data) in files { try data.write(to: staging.appendingPathComponent(name)) }
            if manager.fileExists(atPath: folder.path) { try manager.removeItem(at: folder) }
            try manager.moveItem(at: staging, to: folder)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        return Summary(pages: files.keys.filter { $0.hasSuffix(".html") }.count, files: files.count, folder: folder)
    }
}
