import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// Official documents: draft from the data, edit, regenerate a draft, issue (number and freeze), the archive and
/// downloads in every format; and the plan's document settings.
struct DocumentController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    let store = DocumentStore()
    let plans = PlanStore()

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
        let html = try await database.readReplica { db -> String in
            let plan: Plan?
            if let requested {
                plan = try await plans.plan(id: requested, on: db)
            } else {
                plan = try await plans.plans(within: context.reach, on: db).first
            }
            guard let plan else { throw AppError.notFound(context.language.reporting.noPlan) }
            return DocumentsPage(
                plan: plan, documents: try await store.documents(planID: plan.id, on: db), page: PageContext(context, path: SiteURL.documents.path)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let planID = form.text("plan").flatMap(Int64.init), let kind = form["kind"].flatMap(OfficialDocument.Kind.init(rawValue:)) else {
            throw AppError(.badRequest, "The form is incomplete.")
        }
        try context.requirePlan(planID, changing: true)
        guard let period = form.text("period").flatMap(Period.init) else {
            throw AppError.invalidInput(
                context.language == .zh ? "期间应写作 2019-09、2019-Q3、2019-H1 或 2019。" : "Write the period as 2019-09, 2019-Q3, 2019-H1 or 2019.")
        }
        let actor = context.auditActor
        let stored = try await database.write { db -> StoredDocument in
            let content = try await service.draft(kind: kind, planID: planID, period: period, on: db)
            let stored = try await store.insert(planID: planID, content: content, by: user.id, now: configuration.clock(), on: db)
            try await AuditLog(clock: configuration.clock).record(
                "document.draft", entity: "document", id: stored.id, after: ["title": content.title], by: actor, on: db)
            return stored
        }
        return .redirect(to: SiteURL.document(.value(stored.id)).path, type: .normal)
    }

    private func load(_ context: AppRequestContext, on db: any SQLDatabase) async throws -> StoredDocument {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        guard let stored = try await store.document(id: id, on: db) else { throw AppError.notFound("No document has id \(id).") }
        return stored
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let stored = try await database.read { try await load(context, on: $0) }
        return HTMLPage(
            html: DocumentPage(stored: stored, message: nil, page: PageContext(context, path: SiteURL.document(.value(stored.id)).path)).render())
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let actor = context.auditActor
        let stored = try await database.write { db -> StoredDocument in
            var stored = try await load(context, on: db)
            guard stored.state == .draft else {
                throw AppError.conflict(context.language == .zh ? "已印发的公文不能修改。" : "An issued document cannot be changed.")
            }
            let before = stored.content
            if let title = form.text("title") { stored.content.title = title }
            stored.content.addressee = form.text("addressee") ?? ""
            if let issuer = form.text("issuer") { stored.content.issuer = issuer }
            if let text = form.text("date") {
                guard let date = CalendarDate(iso: text) else {
                    throw AppError.invalidInput(context.language == .zh ? "成文日期应写作 2019-10-08。" : "Write the date as 2019-10-08.")
                }
                stored.content.date = date
            }
            for index in stored.content.sections.indices {
                guard let text = form["section.\(index)"] else { continue }
                stored.content.sections[index].paragraphs = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
            guard try await store.updateDraft(id: stored.id, content: stored.content, now: configuration.clock(), on: db) else {
                throw AppError.conflict("The document is no longer a draft.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "document.edit", entity: "document", id: stored.id, before: before, after: stored.content, by: actor, on: db)
            return stored
        }
        return try HTMLPage(
            html: DocumentPage(
                stored: stored, message: context.language.documents.saved, page: PageContext(context, path: SiteURL.document(.value(stored.id)).path)
            ).render()
        )
        .response(from: request, context: context)
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let actor = context.auditActor
        let stored = try await database.write { db -> StoredDocument in
            var stored = try await load(context, on: db)
            guard stored.state == .draft else {
                throw AppError.conflict(context.language == .zh ? "已印发的公文不会重新生成。" : "An issued document is never regenerated.")
            }
            let before = stored.content
            stored.content = try await service.draft(kind: before.kind, planID: stored.planID, period: before.period, on: db)
            guard try await store.updateDraft(id: stored.id, content: stored.content, now: configuration.clock(), on: db) else {
                throw AppError.conflict("The document is no longer a draft.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "document.refresh", entity: "document", id: stored.id, before: before, after: stored.content, by: actor, on: db)
            return stored
        }
        return try HTMLPage(
            html: DocumentPage(
                stored: stored, message: context.language.documents.refreshed,
                page: PageContext(context, path: SiteURL.document(.value(stored.id)).path)
            ).render()
        )
        .response(from: request, context: context)
    }

    @Sendable func issue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let actor = context.auditActor
        let issued = try await database.write { db -> StoredDocument in
            let stored = try await load(context, on: db)
            guard let plan = try await plans.plan(id: stored.planID, on: db),
                let jurisdiction = try await plans.jurisdiction(id: plan.jurisdictionID, on: db)
            else {
                throw AppError.notFound("The document's plan is gone.")
            }
            let settings = try await store.settings(plan: plan, jurisdiction: jurisdiction.name, on: db)
            guard
                let issued = try await store.issue(
                    id: stored.id, prefix: settings.numberPrefix, year: plan.year, by: user.id, now: configuration.clock(), on: db)
            else {
                throw AppError.conflict(context.language == .zh ? "这份公文已经印发。" : "This document has been issued already.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "document.issue", entity: "document", id: stored.id, after: ["number": issued.content.number ?? ""], by: actor, on: db)
            return issued
        }
        let message = context.language.documents.issuedAs(issued.content.number ?? "")
        return try HTMLPage(
            html: DocumentPage(stored: issued, message: message, page: PageContext(context, path: SiteURL.document(.value(issued.id)).path)).render()
        )
        .response(from: request, context: context)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let formatText = try context.parameters.require(SiteURL.Key.format)
        guard let format = DocumentService.Format(rawValue: formatText) else { throw AppError.notFound("No format \(formatText).") }
        let stored = try await database.read { try await load(context, on: $0) }
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
        try await database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db),
                let jurisdiction = try await plans.jurisdiction(id: plan.jurisdictionID, on: db)
            else {
                throw AppError.notFound("No plan has id \(planID).")
            }
            return DocumentSettingsPage(
                plan: plan, settings: try await store.settings(plan: plan, jurisdiction: jurisdiction.name, on: db), message: message,
                page: PageContext(context, path: SiteURL.documentSettings(.value(planID)).path)
            ).render()
        }
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let issuer = form.text("issuer"), let prefix = form.text("prefix") else {
            throw AppError.invalidInput(context.language == .zh ? "请填写发文机关和发文字号前缀。" : "Give the issuer and the number prefix.")
        }
        let settings = DocumentSettings(
            issuer: issuer, addressee: form.text("addressee") ?? "", numberPrefix: prefix,
            requirements: (form["requirements"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        )
        let actor = context.auditActor
        try await database.write { db in
            try await store.setSettings(settings, planID: planID, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "plan.documentSettings", entity: "plan", id: planID, after: settings, by: actor, on: db)
        }
        return try HTMLPage(html: try await settingsPage(planID: planID, context: context, message: context.language.documents.saved)).response(
            from: request, context: context)
    }
}
