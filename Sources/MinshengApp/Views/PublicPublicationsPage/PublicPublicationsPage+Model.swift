import MinshengCore

/// The list of publications with their hashes and downloads: the public record of what was published when.
enum PublicPublicationsPage {
    /// A plan's publications, oldest first.
    struct Model {
        var site: PublicSite

        /// The publications of a plan that has published.
        static func load(planID: Int64, language: Language, service: PublicService) async throws -> Model {
            Model(site: try await service.publishedSite(planID: planID, language: language))
        }
    }
}
