import Foundation
import Hummingbird
import MinshengCore

/// Official documents: draft from the data, edit, regenerate a draft, issue (number and freeze), the archive and
/// downloads in every format; and the plan's document settings.
struct DocumentController {
    let services: Services

    var service: DocumentService { services.documents }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.documents, method: .get, use: list)
        routes.on(SiteURL.documents, method: .post, use: create)
        routes.on(SiteURL.document(.key), method: .get, use: show)
        routes.on(SiteURL.document(.key), method: .post, use: save)
        routes.on(SiteURL.documentRefresh(.key), method: .post, use: refresh)
        routes.on(SiteURL.documentIssue(.key), method: .post, use: issue)
        routes.on(SiteURL.documentFile(.key, .key), method: .get, use: download)
        routes.on(SiteURL.documentSettings(.key), method: .get, use: settings)
        routes.on(SiteURL.documentSettings(.key), method: .post, use: saveSettings)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let requested = request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }
        let model = try await DocumentsPage.Model.load(services: services, reach: context.reach, planID: requested, language: context.language)
        return HTMLPage(html: DocumentsPage.View(model: model, page: PageContext(context, path: SiteURL.documents.path)).render())
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let planID = form.text("plan").flatMap(Int64.init), let kind = form["kind"].flatMap(OfficialDocument.Kind.init(rawValue:)) else {
            throw FormRefusals.incomplete
        }
        try context.requirePlan(planID, changing: true)
        let words = DocumentUseCaseWords(language: context.language)
        guard let period = form.text("period").flatMap(Period.init) else { throw AppError.invalidInput(words.periodFormat) }
        let stored = try await service.createDraft(
            kind: kind, planID: planID, period: period, user: user, by: context.auditActor, language: context.language)
        return .redirect(to: SiteURL.document(.value(stored.id)).path, type: .normal)
    }

    private func documentID(_ context: AppRequestContext) throws -> Int64 {
        try context.parameters.require(SiteURL.Key.id, as: Int64.self)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let model = try await DocumentPage.Model.load(services: services, documentID: try documentID(context), language: context.language)
        return HTMLPage(
            html: DocumentPage.View(model: model, page: PageContext(context, path: SiteURL.document(.value(model.stored.id)).path)).render())
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let words = DocumentUseCaseWords(language: context.language)
        var edit = DocumentService.DraftEdit(title: form.text("title"), addressee: form.text("addressee") ?? "", issuer: form.text("issuer"))
        if let text = form.text("date") {
            guard let date = CalendarDate(iso: text) else { throw AppError.invalidInput(words.dateFormat) }
            edit.date = date
        }
        for (name, text) in form.pairs where name.hasPrefix("section.") && edit.sections[Int(name.dropFirst(8)) ?? -1] == nil {
            guard let index = Int(name.dropFirst("section.".count)) else { continue }
            edit.sections[index] = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let stored = try await service.edit(documentID: try documentID(context), edit, by: context.auditActor, language: context.language)
        return try HTMLPage(
            html: DocumentPage.View(
                model: .init(stored: stored, message: context.language.documents.saved),
                page: PageContext(context, path: SiteURL.document(.value(stored.id)).path)
            ).render()
        )
        .response(from: request, context: context)
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let stored = try await service.refresh(documentID: try documentID(context), by: context.auditActor, language: context.language)
        return try HTMLPage(
            html: DocumentPage.View(
                model: .init(stored: stored, message: context.language.documents.refreshed),
                page: PageContext(context, path: SiteURL.document(.value(stored.id)).path)
            ).render()
        )
        .response(from: request, context: context)
    }

    @Sendable func issue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let issued = try await service.issue(documentID: try documentID(context), user: user, by: context.auditActor, language: context.language)
        let message = context.language.documents.issuedAs(issued.content.number ?? "")
        return try HTMLPage(
            html: DocumentPage.View(
                model: .init(stored: issued, message: message), page: PageContext(context, path: SiteURL.document(.value(issued.id)).path)
            )
            .render()
        )
        .response(from: request, context: context)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let formatText = try context.parameters.require(SiteURL.Key.format)
        guard let format = DocumentService.Format(rawValue: formatText) else { throw FormRefusals.noFormat(formatText) }
        let stored = try await service.document(id: try documentID(context), language: context.language)
        let data = try DocumentService.render(stored.content, as: format)
        let name = "document-\(stored.id).\(format.rawValue)"
        let encoded = (stored.content.title + "." + format.rawValue).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "private, no-store"]
        if format == .html {
            // The printable document carries its own stylesheet so that it prints from a saved file too.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
        } else {
            headers[.contentDisposition] = "attachment; filename=\"\(name)\"; filename*=UTF-8''\(encoded)"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return HTMLPage(html: try await settingsPage(planID: planID, context: context, message: nil))
    }

    private func settingsPage(planID: Int64, context: AppRequestContext, message: String?) async throws -> String {
        let model = try await DocumentSettingsPage.Model.load(services: services, planID: planID, language: context.language, message: message)
        return DocumentSettingsPage.View(model: model, page: PageContext(context, path: SiteURL.documentSettings(.value(planID)).path)).render()
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let issuer = form.text("issuer"), let prefix = form.text("prefix") else {
            throw AppError.invalidInput(DocumentUseCaseWords(language: context.language).issuerAndPrefix)
        }
        let settings = DocumentSettings(
            issuer: issuer, addressee: form.text("addressee") ?? "", numberPrefix: prefix,
            requirements: (form["requirements"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        )
        try await service.saveSettings(settings, planID: planID, by: context.auditActor)
        return try HTMLPage(html: try await settingsPage(planID: planID, context: context, message: context.language.documents.saved)).response(
            from: request, context: context)
    }
}
