import Foundation
import MinshengCore

/// The public home: overall progress, counts by status, progress by category, the items, and the latest publication.
enum PublicHomePage {
    /// What the home shows of the latest publication.
    struct Model {
        var site: PublicSite

        var snapshot: PublicSnapshot { site.snapshot }

        /// Items per status, every status present.
        var counts: [ProgressStatus: Int] {
            Dictionary(uniqueKeysWithValues: ProgressStatus.allCases.map { ($0, snapshot.counts[$0.rawValue] ?? 0) })
        }

        /// Each category's progress, expected progress (the mean of its items') and worst status, as fractions.
        var categoryRows: [(name: String, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)] {
            snapshot.categories.map { category in
                let items = snapshot.items.filter { $0.category == category.number }
                let expected = items.compactMap(\.expected)
                return (
                    category.name, category.progress.map { Decimal($0) / 100 },
                    expected.isEmpty ? nil : Decimal(expected.reduce(0, +)) / Decimal(expected.count) / 100,
                    Self.worst(items.map(\.status))
                )
            }
        }

        /// The worst status of a group, leaving aside items whose targets are pending, as the office's pages do.
        static func worst(_ statuses: [ProgressStatus]) -> ProgressStatus? {
            let decided = statuses.filter { $0 != .pending }
            return (decided.isEmpty ? statuses : decided).max { $0.severity < $1.severity }
        }

        /// The home of a plan's latest publication.
        static func load(planID: Int64, language: Language, service: PublicService) async throws -> Model {
            Model(site: try await service.publishedSite(planID: planID, language: language))
        }
    }
}
