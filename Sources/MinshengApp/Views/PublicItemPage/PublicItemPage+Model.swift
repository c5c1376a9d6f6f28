import MinshengCore

/// A published item: the commitment in full, its units, targets and results, the public narrative and photos, its
/// history across publications, the public's verdicts and the answered messages, and the forms to rate and write.
enum PublicItemPage {
    /// An item of the latest publication, with the site it belongs to.
    struct Model {
        var site: PublicSite
        var item: PublicSnapshot.Item

        /// The item numbered so in a site, or not found in the reader's language.
        static func selecting(_ number: Int, in site: PublicSite, language: Language) throws -> Model {
            guard let item = site.snapshot.item(number: number) else {
                throw AppError.notFound(PublicPageWords(language: language).notPublished(number))
            }
            return Model(site: site, item: item)
        }

        /// The item numbered so in a plan's latest publication.
        static func load(planID: Int64, number: Int, language: Language, service: PublicService) async throws -> Model {
            try selecting(number, in: try await service.publishedSite(planID: planID, language: language), language: language)
        }
    }
}
