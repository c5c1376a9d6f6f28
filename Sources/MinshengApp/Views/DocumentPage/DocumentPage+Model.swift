import MinshengCore

/// One document: its text for reading, downloads, and for a draft the editing form, refresh and issue.
struct DocumentPage {
    /// A stored document, with what the last action did.
    struct Model {
        var stored: StoredDocument
        var message: String?
    }
}

extension DocumentPage.Model {
    /// Reads a document.
    static func load(services: Services, documentID: Int64, language: Language) async throws -> DocumentPage.Model {
        DocumentPage.Model(stored: try await services.documents.document(id: documentID, language: language), message: nil)
    }
}
