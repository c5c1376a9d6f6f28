import Foundation
import MinshengCore

/// The official documents' use cases, shared by the web pages and the API: the draft is computed from one read and
/// only the insert or update and its audit entry take the writer.
extension DocumentService {
    /// Edits a draft may receive; nil leaves a part as it is.
    struct DraftEdit: Sendable {
        var title: String?
        var addressee: String?
        var issuer: String?
        var date: CalendarDate?
        /// New paragraphs by section index.
        var sections: [Int: [String]] = [:]
    }

    /// Drafts a document of a kind for a period from the data as it stands and stores it.
    func createDraft(
        kind: OfficialDocument.Kind, planID: Int64, period: Period, user: User, by actor: AuditActor, language: Language
    ) async throws -> StoredDocument {
        let words = DocumentUseCaseWords(language: language)
        guard kind.accepts(period) else { throw AppError.invalidInput(words.periodForKind(kind, period)) }
        let content = try await database.read { try await draft(kind: kind, planID: planID, period: period, on: $0) }
        return try await database.write { db in
            let stored = try await documents.insert(planID: planID, content: content, by: user.id, now: configuration.clock(), on: db)
            try await audit.record("document.draft", entity: "document", id: stored.id, after: ["title": content.title], by: actor, on: db)
            return stored
        }
    }

    /// The plan's documents, drafts and issued. Refused when there is no such plan.
    func documents(planID: Int64) async throws -> [StoredDocument] {
        try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            return try await documents.documents(planID: planID, on: db)
        }
    }

    /// A stored document.
    func document(id: Int64, language: Language) async throws -> StoredDocument {
        guard let stored = try await database.read({ try await documents.document(id: id, on: $0) }) else {
            throw AppError.notFound(DocumentUseCaseWords(language: language).noDocument(id))
        }
        return stored
    }

    /// Applies an edit to a draft.
    func edit(documentID: Int64, _ edit: DraftEdit, by actor: AuditActor, language: Language) async throws -> StoredDocument {
        let words = DocumentUseCaseWords(language: language)
        return try await database.write { db in
            guard var stored = try await documents.document(id: documentID, on: db) else { throw AppError.notFound(words.noDocument(documentID)) }
            guard stored.state == .draft else { throw AppError.conflict(words.issuedIsFrozen) }
            let before = stored.content
            if let title = edit.title { stored.content.title = title }
            if let addressee = edit.addressee { stored.content.addressee = addressee }
            if let issuer = edit.issuer { stored.content.issuer = issuer }
            if let date = edit.date { stored.content.date = date }
            for (index, paragraphs) in edit.sections where stored.content.sections.indices.contains(index) {
                stored.content.sections[index].paragraphs = paragraphs
            }
            guard try await documents.updateDraft(id: stored.id, content: stored.content, now: configuration.clock(), on: db) else {
                throw AppError.conflict(words.issuedIsFrozen)
            }
            try await audit.record("document.edit", entity: "document", id: stored.id, before: before, after: stored.content, by: actor, on: db)
            return stored
        }
    }

    /// Drafts a draft's content again from the data as it stands now.
    func refresh(documentID: Int64, by actor: AuditActor, language: Language) async throws -> StoredDocument {
        let words = DocumentUseCaseWords(language: language)
        var stored = try await document(id: documentID, language: language)
        guard stored.state == .draft else { throw AppError.conflict(words.issuedIsNeverRegenerated) }
        let before = stored.content
        let planID = stored.planID
        stored.content = try await database.read { try await draft(kind: before.kind, planID: planID, period: before.period, on: $0) }
        let refreshed = stored
        try await database.write { db in
            guard try await documents.updateDraft(id: refreshed.id, content: refreshed.content, now: configuration.clock(), on: db) else {
                throw AppError.conflict(words.issuedIsNeverRegenerated)
            }
            try await audit.record(
                "document.refresh", entity: "document", id: refreshed.id, before: before, after: refreshed.content, by: actor, on: db)
        }
        return refreshed
    }

    /// Issues a draft: numbers it in the plan's series and freezes it.
    func issue(documentID: Int64, user: User, by actor: AuditActor, language: Language) async throws -> StoredDocument {
        let words = DocumentUseCaseWords(language: language)
        return try await database.write { db in
            guard let stored = try await documents.document(id: documentID, on: db) else { throw AppError.notFound(words.noDocument(documentID)) }
            guard let plan = try await plans.plan(id: stored.planID, on: db),
                let jurisdiction = try await plans.jurisdiction(id: plan.jurisdictionID, on: db)
            else { throw AppError.notFound(words.planGone) }
            let settings = try await documents.settings(plan: plan, jurisdiction: jurisdiction.name, on: db)
            guard
                let issued = try await documents.issue(
                    id: stored.id, prefix: settings.numberPrefix, year: plan.year, by: user.id, now: configuration.clock(), on: db)
            else { throw AppError.conflict(words.issuedAlready) }
            try await audit.record(
                "document.issue", entity: "document", id: stored.id, after: ["number": issued.content.number ?? ""], by: actor, on: db)
            return issued
        }
    }

    /// A plan's document settings (issuer, addressee, number prefix, requirements).
    func settings(planID: Int64, language: Language) async throws -> (plan: Plan, settings: DocumentSettings) {
        try await database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db),
                let jurisdiction = try await plans.jurisdiction(id: plan.jurisdictionID, on: db)
            else { throw AppError.notFound(DocumentUseCaseWords(language: language).noPlan(planID)) }
            return (plan, try await documents.settings(plan: plan, jurisdiction: jurisdiction.name, on: db))
        }
    }

    /// Stores a plan's document settings.
    func saveSettings(_ settings: DocumentSettings, planID: Int64, by actor: AuditActor) async throws {
        try await database.write { db in
            try await documents.setSettings(settings, planID: planID, on: db)
            try await audit.record("plan.documentSettings", entity: "plan", id: planID, after: settings, by: actor, on: db)
        }
    }
}

/// The words of the documents' use cases.
struct DocumentUseCaseWords: Bilingual {
    let language: Language

    var issuedIsFrozen: String { t("已印发的公文不能修改。", "An issued document cannot be changed.") }
    var issuedIsNeverRegenerated: String { t("已印发的公文不会重新生成。", "An issued document is never regenerated.") }
    var issuedAlready: String { t("这份公文已经印发。", "This document has been issued already.") }
    var planGone: String { t("这份公文所属的方案已不存在。", "The document's plan is gone.") }
    var periodFormat: String { PeriodWords(language: language).any() }
    var dateFormat: String { t("成文日期应写作 2019-10-08。", "Write the date as 2019-10-08.") }
    var issuerAndPrefix: String { t("请填写发文机关和发文字号前缀。", "Give the issuer and the number prefix.") }
    var kindList: String { t("公文种类应为 monthly、quarterly、halfYear 或 annual。", "kind must be monthly, quarterly, halfYear or annual.") }
    func noDocument(_ id: Int64) -> String { t("没有编号为 \(id) 的公文。", "No document has id \(id).") }
    func noPlan(_ id: Int64) -> String { t("没有编号为 \(id) 的方案。", "No plan has id \(id).") }

    func periodForKind(_ kind: OfficialDocument.Kind, _ period: Period) -> String {
        let example = DocumentService.example(kind)
        return t(
            "\(language.documents.kindName(kind))的期间应为\(periodFormZh(kind))，如 \(example)；收到的是 \(period)。",
            "A \(kind.rawValue) document is for a \(DocumentService.periodForm(kind)) period, such as \(example); got \(period).")
    }

    private func periodFormZh(_ kind: OfficialDocument.Kind) -> String {
        switch kind {
        case .monthly: return "月份"
        case .quarterly: return "季度"
        case .halfYear: return "半年"
        case .annual: return "全年"
        }
    }
}
