import MinshengCore

/// A category's published items.
enum PublicCategoryPage {
    /// A category of the latest publication and its items.
    struct Model {
        var site: PublicSite
        var category: PublicSnapshot.Category

        var items: [PublicSnapshot.Item] { site.snapshot.items.filter { $0.category == category.number } }

        /// The category numbered so in a site, or not found in the reader's language.
        static func selecting(_ number: Int, in site: PublicSite, language: Language) throws -> Model {
            guard let category = site.snapshot.categories.first(where: { $0.number == number }) else {
                throw AppError.notFound(PublicPageWords(language: language).noCategory)
            }
            return Model(site: site, category: category)
        }

        /// The category numbered so in a plan's latest publication.
        static func load(planID: Int64, number: Int, language: Language, service: PublicService) async throws -> Model {
            try selecting(number, in: try await service.publishedSite(planID: planID, language: language), language: language)
        }
    }
}
