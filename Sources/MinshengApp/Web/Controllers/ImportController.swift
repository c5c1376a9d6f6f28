import Foundation
import Hummingbird
import MinshengCore
import MultipartKit

/// The admin's plan import: upload a document, review and correct what was understood, confirm to store it.
struct ImportController {
    let services: Services
    var service: ImportDraftService { services.importDrafts }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.newImport, method: .get, use: newImport)
        routes.on(SiteURL.imports, method: .post, use: upload)
        routes.on(SiteURL.importDraft(.key), method: .get, use: review)
        routes.on(SiteURL.importPlanFields(.key), method: .post, use: updatePlanFields)
        routes.on(SiteURL.importItem(.key, .key), method: .post, use: updateItem)
        routes.on(SiteURL.importConfirm(.key), method: .post, use: confirm)
    }

    @Sendable func newImport(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        return HTMLPage(html: ImportUploadPage.View(model: .init(), page: PageContext(context, path: SiteURL.newImport.path)).render())
    }

    /// The fields of the upload form.
    struct UploadForm {
        var fileName: String?
        var file: Data
        var year: String?
        var jurisdiction: String?
        var _csrf: String?
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await Self.decodeUpload(request, context: context)
        try CSRF.check(form._csrf, context: context)
        let fileName = form.fileName ?? "plan.txt"
        let data = form.file
        let year = form.year.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let jurisdiction = form.jurisdiction.flatMap {
            $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces)
        }
        let draft: PlanDraft
        let format: PlanImporter.Format
        do {
            format = try PlanImporter.format(of: data, fileName: fileName)
            draft = try PlanImporter(year: year, jurisdiction: jurisdiction).read(data, fileName: fileName)
        } catch {
            let page = ImportUploadPage.View(model: .init(error: error.description), page: PageContext(context, path: SiteURL.newImport.path))
            return try HTMLPage(html: page.render(), status: .badRequest).response(from: request, context: context)
        }
        let id = try await service.keep(
            draft, fileName: fileName, format: format, user: user, officeJurisdictionID: context.reach.jurisdictionID, by: context.auditActor)
        return .redirect(to: SiteURL.importDraft(.value(id)).path, type: .normal)
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let importDraft = try await load(context)
        return HTMLPage(html: try await reviewPage(importDraft, context: context, error: nil))
    }

    @Sendable func updatePlanFields(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let importDraft = try await load(context)
        try Self.requireOpen(importDraft, context: context)
        var draft = importDraft.draft
        if let title = form.text("title") { draft.title = title }
        if let yearText = form.text("year") {
            guard let year = Int(yearText), (1900...2200).contains(year) else {
                return try await invalid(
                    importDraft, context: context, request: request,
                    message: ImportWords(language: context.language).badYear(yearText))
            }
            draft.year = year
        }
        draft.jurisdiction = form.text("jurisdiction")
        draft.issuers = IndicatorEdits.units(form["issuers"] ?? "")
        draft.documentNumber = form.text("documentNumber")
        if let issued = form.text("issuedOn") {
            guard let date = CalendarDate(iso: issued) else {
                return try await invalid(
                    importDraft, context: context, request: request,
                    message: ImportWords(language: context.language).badIssueDate(issued))
            }
            draft.issuedOn = date
        } else {
            draft.issuedOn = nil
        }
        do {
            draft = try Self.applyItems(form, to: draft, language: context.language)
        } catch let error as AppError {
            return try await invalid(importDraft, context: context, request: request, message: error.message(in: context.language))
        }
        let id = importDraft.id
        try await service.update(importDraft, to: draft, before: importDraft.draft, after: draft, by: context.auditActor)
        return .redirect(to: SiteURL.importDraft(.value(id)).path, type: .normal)
    }

    /// The draft with the corrections of every item the page's one form carries (`item3.title` …).
    static func applyItems(_ form: FormFields, to draft: PlanDraft, language: Language) throws -> PlanDraft {
        var draft = draft
        for categoryIndex in draft.categories.indices {
            for itemIndex in draft.categories[categoryIndex].items.indices {
                let prefix = "item\(draft.categories[categoryIndex].items[itemIndex].number)."
                let fields = form.pairs.compactMap { $0.0.hasPrefix(prefix) ? (String($0.0.dropFirst(prefix.count)), $0.1) : nil }
                guard !fields.isEmpty else { continue }
                draft.categories[categoryIndex].items[itemIndex] = try IndicatorEdits.apply(
                    FormFields(pairs: fields), to: draft.categories[categoryIndex].items[itemIndex], language: language)
            }
        }
        return draft
    }

    @Sendable func updateItem(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let importDraft = try await load(context)
        try Self.requireOpen(importDraft, context: context)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        var draft = importDraft.draft
        guard let (categoryIndex, itemIndex) = Self.position(of: number, in: draft) else {
            throw AppError.notFound(ImportWords(language: context.language).noItem(number))
        }
        do {
            draft.categories[categoryIndex].items[itemIndex] = try IndicatorEdits.apply(
                form, to: draft.categories[categoryIndex].items[itemIndex], language: context.language)
        } catch let error as AppError {
            return try await invalid(importDraft, context: context, request: request, message: error.message(in: context.language))
        }
        let id = importDraft.id
        try await service.update(
            importDraft, to: draft, before: importDraft.draft.items.first { $0.number == number },
            after: draft.items.first { $0.number == number }, by: context.auditActor)
        return .redirect(to: SiteURL.importDraft(.value(id)).path + "#item-\(number)", type: .normal)
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let importDraft = try await load(context)
        try Self.requireOpen(importDraft, context: context)
        if let own = context.reach.jurisdictionID {
            let name = try await service.jurisdictionName(own) ?? ""
            guard importDraft.draft.jurisdiction == name else {
                let message = ImportWords(language: context.language).ownJurisdictionOnly(name)
                return try await invalid(importDraft, context: context, request: request, message: message)
            }
        }
        if let existing = try await service.existingPlan(importDraft), try await service.hasReports(planID: existing.id) {
            return try await merge(importDraft, into: existing, form: form, request: request, context: context)
        }
        let outcome: PlanImportService.Outcome
        do {
            outcome = try await service.confirmAsPlan(importDraft, by: context.auditActor)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await invalid(importDraft, context: context, request: request, message: error.message(in: context.language))
        }
        return .redirect(to: SiteURL.plan(.value(outcome.plan.id)).path, type: .normal)
    }

    /// Applies the changes the person ticked to a plan that has reports.
    private func merge(_ importDraft: ImportDraft, into plan: Plan, form: FormFields, request: Request, context: AppRequestContext) async throws
        -> Response
    {
        let accepted = Set(form.all("accept").compactMap(Int.init))
        let planFields = form["planFields"] != nil
        guard !accepted.isEmpty || planFields else {
            return try await invalid(
                importDraft, context: context, request: request, message: ImportWords(language: context.language).tickChanges)
        }
        let outcome = try await service.merge(importDraft, into: plan, accepting: accepted, planFields: planFields, by: context.auditActor)
        let message = context.language.strings.changesApplied(outcome.applied, outcome.refused.sorted { $0.key < $1.key }.map(\.value))
        guard outcome.refused.isEmpty else {
            let confirmed = try await load(context)
            return try HTMLPage(html: try await reviewPage(confirmed, context: context, error: message), status: .ok).response(
                from: request, context: context)
        }
        return .redirect(to: SiteURL.plan(.value(plan.id)).path, type: .normal)
    }

    // MARK: Helpers

    private func load(_ context: AppRequestContext) async throws -> ImportDraft {
        let id = try context.parameters.require(SiteURL.Key.importID, as: Int64.self)
        let principal = try context.requirePrincipal()
        guard let importDraft = try await service.draft(id: id, for: principal) else {
            throw AppError.notFound(ImportWords(language: context.language).noImport(id))
        }
        return importDraft
    }

    private static func requireOpen(_ importDraft: ImportDraft, context: AppRequestContext) throws {
        guard importDraft.confirmedPlanID == nil else {
            throw AppError.conflict(context.language.strings.alreadyConfirmed)
        }
    }

    private func reviewPage(_ importDraft: ImportDraft, context: AppRequestContext, error: String?) async throws -> String {
        let model = try await ImportReviewPage.Model.load(services: services, importDraft: importDraft, error: error)
        return ImportReviewPage.View(model: model, page: PageContext(context, path: SiteURL.importDraft(.value(importDraft.id)).path)).render()
    }

    private func invalid(_ importDraft: ImportDraft, context: AppRequestContext, request: Request, message: String) async throws -> Response {
        try HTMLPage(html: try await reviewPage(importDraft, context: context, error: message), status: .badRequest)
            .response(from: request, context: context)
    }

    static func position(of number: Int, in draft: PlanDraft) -> (Int, Int)? {
        for (categoryIndex, category) in draft.categories.enumerated() {
            if let itemIndex = category.items.firstIndex(where: { $0.number == number }) { return (categoryIndex, itemIndex) }
        }
        return nil
    }

    static func decodeUpload(_ request: Request, context: AppRequestContext) async throws -> UploadForm {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") }).map({
                    String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                })
        else {
            throw FormRefusals.notMultipart
        }
        let body = try await request.body(upTo: context.maxUploadSize, language: context.language)
        let parts = try Self.parts(of: body, boundary: boundary)
        guard let file = parts.first(where: { $0.name == "file" }) else {
            throw AppError(.badRequest, ImportWords(language: context.language).uploadIncomplete)
        }
        func text(_ name: String) -> String? { parts.first { $0.name == name }.map { String(buffer: $0.body) } }
        return UploadForm(
            fileName: Self.fileName(of: file), file: Data(buffer: file.body), year: text("year"),
            jurisdiction: text("jurisdiction"), _csrf: text(CSRF.fieldName))
    }

    /// Splits a multipart body into its parts.
    static func parts(of body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var current = MultipartPart(body: ByteBuffer())
        parser.onHeader = { name, value in current.headers.add(name: name, value: value) }
        parser.onBody = { chunk in current.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(current)
            current = MultipartPart(body: ByteBuffer())
        }
        do {
            try parser.execute(body)
        } catch {
            throw FormRefusals.unreadableMultipart
        }
        return parts
    }

    /// The file name a browser sent in the part's Content-Disposition.
    static func fileName(of part: MultipartPart) -> String? {
        guard let disposition = part.headers.first(name: "Content-Disposition") else { return nil }
        for parameter in disposition.split(separator: ";") {
            let trimmed = parameter.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("filename*=") {
                let value = trimmed.dropFirst("filename*=".count)
                if let encoded = value.split(separator: "'", maxSplits: 2).last { return String(encoded).removingPercentEncoding }
            }
            if trimmed.lowercased().hasPrefix("filename=") {
                let name = trimmed.dropFirst("filename=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (name as NSString).lastPathComponent
            }
        }
        return nil
    }
}
