import MinshengCore

/// A unit's published items, led and shared, with the public's verdicts on the items it leads.
enum PublicUnitPage {
    /// A unit of the latest publication and its items.
    struct Model {
        var site: PublicSite
        var unit: PublicSnapshot.Unit

        /// The items the unit leads.
        var led: [PublicSnapshot.Item] { site.snapshot.items.filter { $0.leadUnits.contains(unit.id) } }
        /// The items it shares without leading them.
        var shared: [PublicSnapshot.Item] {
            site.snapshot.items.filter { $0.responsibleUnits.contains(unit.id) && !$0.leadUnits.contains(unit.id) }
        }
        /// The public's verdicts on the items it leads, over every publication.
        var tally: SatisfactionTally { SatisfactionTally.sum(led.map { site.totalTally($0.number) }) }

        /// The unit with this id in a site, or not found in the reader's language.
        static func selecting(_ id: Int64, in site: PublicSite, language: Language) throws -> Model {
            guard let unit = site.snapshot.units.first(where: { $0.id == id }) else {
                throw AppError.notFound(PublicPageWords(language: language).noUnit)
            }
            return Model(site: site, unit: unit)
        }

        /// The unit with this id in a plan's latest publication.
        static func load(planID: Int64, unitID: Int64, language: Language, service: PublicService) async throws -> Model {
            try selecting(unitID, in: try await service.publishedSite(planID: planID, language: language), language: language)
        }
    }
}
