import Foundation
import Hummingbird
import MinshengCore

/// The report page: a unit's report on an item for a month, its form, review, correction, attachments and history.
struct ReportController {
    let services: Services
    var service: ReportingService { services.reporting }

    func register(with routes: SiteRouter) {
        let report = SiteURL.report(plan: .key, period: .key, item: .key, unit: .key)
        routes.on(report, method: .get, use: show)
        routes.on(report, method: .post, use: save)
        routes.on(SiteURL.reportReview(plan: .key, period: .key, item: .key, unit: .key), method: .post, use: review)
        routes.on(SiteURL.reportCorrect(plan: .key, period: .key, item: .key, unit: .key), method: .post, use: correct)
        routes.on(SiteURL.reportAttachments(plan: .key, period: .key, item: .key, unit: .key), method: .post, use: attach)
        routes.on(SiteURL.attachment(.key), method: .get, use: download)
    }

    /// The plan, month, item and unit named by the path.
    struct Target {
        var planID: Int64
        var period: Period
        var itemID: Int64
        var unitID: Int64

        var url: SiteURL { SiteURL.report(planID: planID, period: period, itemID: itemID, unitID: unitID) }

        init(_ context: AppRequestContext) throws {
            planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
            itemID = try context.parameters.require(SiteURL.Key.itemID, as: Int64.self)
            unitID = try context.parameters.require(SiteURL.Key.unitID, as: Int64.self)
            let text = try context.parameters.require(SiteURL.Key.period)
            guard let period = Period(text), case .month = period else { throw FormRefusals.noPeriodNamed(text) }
            self.period = period
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let target = try Target(context)
        let fromParts = request.uri.queryParameters.get("from") == "parts"
        let done = request.uri.queryParameters.get("done").flatMap { ReportPage.Done(rawValue: String($0)) }
        let queue = request.uri.queryParameters.get("queue").map { String($0) }
        return HTMLPage(html: try await page(target, user: user, context: context, fromParts: fromParts, done: done, queue: queue))
    }

    /// Saves or submits the form, urlencoded or (with files attached) multipart; the next page confirms it.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try Target(context)
        let (form, files) = try await Self.form(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let draft: ReportingService.Draft
        let attachments: [AttachmentStorage.Accepted]
        do {
            draft = try Self.draft(from: form, indicators: try await indicators(target), language: context.language)
            attachments = try files.map { try AttachmentStorage.check(fileName: $0.name, data: $0.data) }
        } catch let error as AppError {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: .badRequest, error: error.message(in: context.language))
        }
        do {
            _ = try await service.save(
                planID: target.planID, itemID: target.itemID, unitID: target.unitID, period: target.period, draft: draft,
                expectedLock: form.text("lock").flatMap(Int.init), submit: form["action"] == "submit", attachments: attachments,
                by: context.auditActor, user: user, idempotencyKey: form.text("_idempotency")
            )
        } catch is ReportConflict {
            return try await pageResponse(target, user: user, context: context, request: request, status: .conflict, conflict: draft)
        } catch let error as AppError where error.kind == .invalidInput || error.kind == .conflict {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: error.status, error: error.message(in: context.language))
        }
        let done: ReportPage.Done = form["action"] == "submit" ? .submitted : .saved
        return .redirect(to: target.url.path + "?done=\(done.rawValue)", type: .normal)
    }

    /// The fields of a report form and the non-empty files attached to it.
    static func form(_ request: Request, context: AppRequestContext) async throws -> (FormFields, [Multipart.File]) {
        guard request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true else {
            return (try await FormFields.read(request, context: context), [])
        }
        let parts = try await Multipart.parts(of: request, context: context)
        let fields = parts.parts.filter { $0.fileName == nil }.compactMap { part in part.name.map { ($0, String(decoding: part.data, as: UTF8.self)) }
        }
        let files = parts.parts.filter { $0.fileName != nil && !$0.data.isEmpty && $0.name == "file" }
            .map { Multipart.File(name: $0.fileName ?? "upload", data: $0.data) }
        return (FormFields(pairs: fields), files)
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try Target(context)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let reportID = form.text("report").flatMap(Int64.init), let lock = form.text("lock").flatMap(Int.init),
            let action = form["action"].flatMap(ReportAction.init(rawValue:)), action == .return || action == .accept
        else { throw FormRefusals.incomplete }
        do {
            _ = try await service.act(
                action, reportID: reportID, expectedLock: lock, reason: form.text("reason"), by: context.auditActor,
                user: user, idempotencyKey: form.text("_idempotency"))
        } catch is ReportConflict {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: .conflict, error: context.language.reporting.conflict)
        } catch let error as AppError where error.kind == .invalidInput || error.kind == .conflict {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: error.status, error: error.message(in: context.language))
        }
        let done: ReportPage.Done = action == .accept ? .accepted : .returned
        let queue = form.text("queue").flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "&queue=\($0)" } ?? ""
        return .redirect(to: target.url.path + "?done=\(done.rawValue)" + queue, type: .normal)
    }

    @Sendable func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try Target(context)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let reportID = form.text("report").flatMap(Int64.init) else { throw FormRefusals.incomplete }
        do {
            _ = try await service.correct(
                reportID: reportID, reason: form.text("reason") ?? "", by: context.auditActor, user: user,
                idempotencyKey: form.text("_idempotency"))
        } catch let error as AppError where error.kind == .invalidInput || error.kind == .conflict {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: error.status, error: error.message(in: context.language))
        }
        return .redirect(to: target.url.path, type: .normal)
    }

    @Sendable func attach(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try Target(context)
        let parts = try await Multipart.parts(of: request, context: context)
        try CSRF.check(parts.text(CSRF.fieldName), context: context)
        guard let file = parts.file("file") else { throw FormRefusals.noFile }
        let accepted: AttachmentStorage.Accepted
        do {
            accepted = try AttachmentStorage.check(fileName: file.name, data: file.data)
        } catch let error as AppError {
            return try await pageResponse(
                target, user: user, context: context, request: request, status: .badRequest, error: error.message(in: context.language))
        }
        try await service.attach(
            accepted, planID: target.planID, itemID: target.itemID, unitID: target.unitID, period: target.period, user: user,
            by: context.auditActor)
        return .redirect(to: target.url.path, type: .normal)
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let (attachment, data) = try await service.readableAttachment(id: id, user: user)
        return FileResponse.make(data, contentType: attachment.contentType, fileName: attachment.fileName)
    }

    // MARK: Helpers

    private func indicators(_ target: Target) async throws -> [Indicator] {
        try await service.indicators(planID: target.planID, itemID: target.itemID)
    }

    /// The values and narrative of a report form; an unreadable number or date names its indicator.
    static func draft(from form: FormFields, indicators: [Indicator], language: Language) throws -> ReportingService.Draft {
        var values: [ReportValue] = []
        for indicator in indicators {
            let number = try ReportValues.decimal(form.text("value.\(indicator.id)"), indicator: indicator, language: language)
            let date = try ReportValues.date(form.text("reached.\(indicator.id)"), indicator: indicator.name, language: language)
            if number != nil || date != nil { values.append(ReportValue(indicatorID: indicator.id, value: number, reachedOn: date)) }
        }
        return ReportingService.Draft(
            values: values, progress: form["progress"] ?? "", problems: form["problems"] ?? "", nextSteps: form["nextSteps"] ?? "")
    }

    private func pageResponse(
        _ target: Target, user: User, context: AppRequestContext, request: Request, status: HTTPResponse.Status,
        error: String? = nil, conflict: ReportingService.Draft? = nil
    ) async throws -> Response {
        try HTMLPage(html: try await page(target, user: user, context: context, error: error, conflict: conflict), status: status)
            .response(from: request, context: context)
    }

    private func page(
        _ target: Target, user: User, context: AppRequestContext, fromParts: Bool = false, done: ReportPage.Done? = nil,
        queue: String? = nil, error: String? = nil, conflict: ReportingService.Draft? = nil
    ) async throws -> String {
        let model = try await ReportPage.Model.load(
            services: services, user: user, planID: target.planID, period: target.period, itemID: target.itemID, unitID: target.unitID,
            fromParts: fromParts, done: done, queue: queue, error: error, conflict: conflict)
        return ReportPage.View(model: model, page: PageContext(context, path: target.url.path)).render()
    }
}

/// Reading numbers and dates typed into report forms and spreadsheets.
enum ReportValues {
    static func decimal(_ text: String?, indicator: Indicator, language: Language) throws -> Decimal? {
        guard let text else { return nil }
        let normalised = String(text.map { QuantityScanner.asciiDigit($0) ?? ($0 == "．" ? "." : $0) }).replacingOccurrences(of: ",", with: "")
        guard let value = DecimalText.parse(normalised) else {
            throw AppError.invalidInput(ReportValueWords(language: language).notANumber(indicator.name, text))
        }
        if let refusal = ValueBounds.refusal(value, kind: indicator.kind, measure: indicator.measure) {
            throw AppError.invalidInput(message(refusal, indicator: indicator.name, language: language))
        }
        return value
    }

    /// Why a value is refused, in the reader's language.
    static func message(_ refusal: ValueBounds.Refusal, indicator: String, language: Language) -> String {
        ReportValueWords(language: language).refusal(refusal, indicator: indicator)
    }

    static func date(_ text: String?, indicator: String, language: Language) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw AppError.invalidInput(ReportValueWords(language: language).badDate(indicator, text))
        }
        return date
    }
}

/// The parts of a multipart form.
struct Multipart {
    struct File {
        var name: String
        var data: Data
    }

    var parts: [(name: String?, fileName: String?, data: Data)]

    static func parts(of request: Request, context: AppRequestContext) async throws -> Multipart {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })
                .map({ String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) })
        else { throw FormRefusals.notMultipart }
        let body = try await request.body(upTo: context.maxUploadSize, language: context.language)
        let parsed = try ImportController.parts(of: body, boundary: boundary)
        return Multipart(parts: parsed.map { ($0.name, ImportController.fileName(of: $0), Data(buffer: $0.body)) })
    }

    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    func file(_ name: String) -> File? {
        parts.first { $0.name == name }.map { File(name: $0.fileName ?? "upload", data: $0.data) }
    }
}
