import MinshengCore

/// Search over item titles, text, targets and unit names. An export lists every item and filters in the browser.
enum PublicSearchPage {
    /// A query and the items it finds in the latest publication.
    struct Model {
        var site: PublicSite
        var query: String

        var found: [PublicSnapshot.Item] { PublicSearchPage.matches(query, in: site.snapshot) }

        /// A query over a plan's latest publication.
        static func load(planID: Int64, query: String, language: Language, service: PublicService) async throws -> Model {
            Model(site: try await service.publishedSite(planID: planID, language: language), query: query)
        }
    }

    /// The items a query finds: every word must occur in the item's title, text, targets or units.
    static func matches(_ query: String, in snapshot: PublicSnapshot) -> [PublicSnapshot.Item] {
        let separators: Set<Character> = [",", "，"]  // full-width: the Chinese comma separates words too.
        let terms = query.split(whereSeparator: { $0.isWhitespace || separators.contains($0) }).map { $0.lowercased() }
        guard !terms.isEmpty else { return snapshot.items }
        return snapshot.items.filter { item in
            let haystack = searchText(item, snapshot).lowercased()
            return terms.allSatisfy { haystack.contains($0) }
        }
    }

    /// The text a query is matched against: number, title, text, targets and unit names.
    static func searchText(_ item: PublicSnapshot.Item, _ snapshot: PublicSnapshot) -> String {
        ([String(item.number), item.title, item.text] + item.targets.map(\.name) + (item.leadUnits + item.responsibleUnits).map(snapshot.unitName))
            .joined(separator: " ")
    }
}
