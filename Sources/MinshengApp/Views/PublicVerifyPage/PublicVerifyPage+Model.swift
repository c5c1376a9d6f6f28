import Foundation
import MinshengCore

/// Checks pasted publication JSON against its hashes, the chain and the copies kept here.
enum PublicVerifyPage {
    /// What a check found.
    struct Result {
        var report: ChainVerifier.Report
        /// Figures that differ from the published originals, by publication.
        var differences: [Phrase]

        var passed: Bool { report.passed && differences.isEmpty }
    }

    /// The form, and what the last check found or why the pasted text could not be read.
    struct Model {
        var site: PublicSite
        var pasted = ""
        var result: Result?
        var error: String?

        /// The empty form of a plan that has published.
        static func load(planID: Int64, language: Language, service: PublicService) async throws -> Model {
            Model(site: try await service.publishedSite(planID: planID, language: language))
        }

        /// The form after checking pasted text: the result, or why the text is not a publication file (with the
        /// first 2,000 characters kept in the field).
        static func checking(_ pasted: String, site: PublicSite, language: Language) -> Model {
            let words = PublicPageWords(language: language)
            do {
                let downloaded = try ChainVerifier.decode(Data(pasted.utf8))
                return Model(site: site, result: PublicVerifyPage.check(downloaded, against: site))
            } catch {
                return Model(site: site, pasted: String(pasted.prefix(2000)), error: words.notAPublicationFile + words.describe(error))
            }
        }
    }

    /// Verifies downloaded publications: their hashes and chain, then each against the original kept here.
    static func check(_ downloaded: [PublishedSnapshot], against site: PublicSite) -> Result {
        let report = ChainVerifier.verify(downloaded)
        var differences: [Phrase] = []
        for publication in downloaded {
            let sequence = publication.snapshot.sequence
            guard let original = site.publications.first(where: { $0.sequence == sequence }) else {
                differences.append(PublicPageWords.notKeptHere(sequence))
                continue
            }
            if original.hash != publication.hash || original.snapshot != publication.snapshot {
                let found = ChainVerifier.differences(publication.snapshot, from: original.snapshot)
                differences += PublicPageWords.differences(found, in: publication.snapshot)
            }
        }
        return Result(report: report, differences: differences)
    }
}
