import Foundation
import MinshengCore

extension PublicService {
    /// A file a visitor downloads: its bytes, media type and name.
    struct Download: Sendable {
        var data: Data
        var contentType: String
        var name: String
    }

    /// The plans that have published, oldest first.
    func publishedPlanIDs() async throws -> [Int64] {
        try await database.readReplica { try await store.publishedPlanIDs(on: $0) }
    }

    /// One publication as JSON or CSV, named by `N.json` or `N.csv`; not found in the reader's language otherwise.
    func publicationFile(planID: Int64, file: String, language: Language) async throws -> Download {
        let words = PublicPageWords(language: language)
        let parts = file.split(separator: ".")
        guard parts.count == 2, let sequence = Int(parts[0]), parts[1] == "json" || parts[1] == "csv" else {
            throw AppError.notFound(words.downloadName)
        }
        guard let publication = try await database.readReplica({ try await store.publication(planID: planID, sequence: sequence, on: $0) }) else {
            throw AppError.notFound(words.noPublication(sequence))
        }
        let name = "publication-\(sequence).\(parts[1])"
        if parts[1] == "json" {
            return Download(data: try ChainVerifier.encode(publication.published), contentType: "application/json; charset=utf-8", name: name)
        }
        return Download(data: Data(publication.snapshot.csv(hash: publication.hash).utf8), contentType: "text/csv; charset=utf-8", name: name)
    }

    /// Every publication of a plan as one JSON array, for verifying the chain.
    func chainFile(planID: Int64, language: Language) async throws -> Download {
        let all = try await database.readReplica { try await store.publications(planID: planID, on: $0) }
        guard !all.isEmpty else { throw AppError.notFound(PublicPageWords(language: language).nothingPublished) }
        return Download(data: try ChainVerifier.encode(all.map(\.published)), contentType: "application/json; charset=utf-8", name: "chain.json")
    }

    /// An approved photo of an accepted report, with its bytes.
    func publicPhoto(id: Int64, language: Language) async throws -> (attachment: ReportAttachment, data: Data) {
        guard let attachment = try await database.readReplica({ try await store.publicPhoto(id: id, on: $0) }) else {
            throw AppError.notFound(PublicPageWords(language: language).noPhoto)
        }
        return (attachment, try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: attachment.storageKey))
    }
}

extension PublicService {
    /// A plan's published site, or not found in the reader's language when it has published nothing.
    func publishedSite(planID: Int64, language: Language) async throws -> PublicSite {
        guard let site = try await site(planID: planID) else { throw AppError.notFound(PublicPageWords(language: language).nothingPublished) }
        return site
    }
}
