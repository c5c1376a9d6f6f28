import Foundation
import Hummingbird
import MinshengCore

/// The public portal: no login, pages rendered from published snapshots and served from memory with ETag and
/// Cache-Control, downloads of every publication, verification, photos, and the public's ratings and messages.
struct PublicController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    var cache: PublicPageCache { services.publicCache }

    var service: PublicService { services.disclosure }

    static let deviceCookie = "minsheng_device"
    /// Browsers and proxies may store public pages but must revalidate them with the ETag before each use, so a
    /// visitor who has just rated an item sees it counted; an unchanged page costs a 304 from memory.
    static let pageCacheControl = "public, no-cache"
    static let deviceCookieAttributes = "; Max-Age=31536000; Path=/public; HttpOnly; SameSite=Lax"
    /// How long the chain download may be reused without asking.
    static let chainMaxAge = 60
    /// Search pages a plan keeps in memory at most.
    static let searchEntries = 200

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.publicIndex, method: .get, use: index)
        routes.on(SiteURL.publicScript, method: .get, use: script)
        routes.on(SiteURL.publicHome(.key), method: .get, use: home)
        routes.on(SiteURL.publicItem(plan: .key, number: .key), method: .get, use: item)
        routes.on(SiteURL.publicRate(plan: .key, number: .key), method: .post, use: rate)
        routes.on(SiteURL.publicMessage(plan: .key, number: .key), method: .post, use: message)
        routes.on(SiteURL.publicCategory(plan: .key, number: .key), method: .get, use: category)
        routes.on(SiteURL.publicUnit(plan: .key, id: .key), method: .get, use: unit)
        routes.on(SiteURL.publicSearch(.key), method: .get, use: search)
        routes.on(SiteURL.publicPublications(.key), method: .get, use: publications)
        routes.on(SiteURL.publicPublicationFile(plan: .key, file: .key), method: .get, use: publicationFile)
        routes.on(SiteURL.publicChain(.key), method: .get, use: chain)
        routes.on(SiteURL.publicVerify(.key), method: .get, use: verifyForm)
        routes.on(SiteURL.publicVerify(.key), method: .post, use: verify)
        routes.on(SiteURL.publicPhoto(.key), method: .get, use: photo)
    }

    private func planID(_ context: AppRequestContext) throws -> Int64 {
        try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
    }

    private func links(_ planID: Int64, _ context: AppRequestContext) -> PublicLinks {
        PublicLinks(mode: .server, planID: planID, language: context.language)
    }

    // MARK: Pages

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let latest = try await service.publishedPlanIDs().last {
            return .redirect(to: SiteURL.publicHome(.value(latest)).path, type: .found)
        }
        return try HTMLPage(html: PublicEmptyPage.View(links: links(0, context)).render()).response(from: request, context: context)
    }

    @Sendable func script(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: PublicSearchPage.script)))
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        return try await cached(request, context, planID: planID, key: "home") { site in
            PublicHomePage.View(model: .init(site: site), links: links(planID, context)).render()
        }
    }

    @Sendable func item(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        return try await cached(request, context, planID: planID, key: "item/\(number)") { site in
            PublicItemPage.View(model: try .selecting(number, in: site, language: context.language), links: links(planID, context)).render()
        }
    }

    @Sendable func category(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        return try await cached(request, context, planID: planID, key: "category/\(number)") { site in
            PublicCategoryPage.View(model: try .selecting(number, in: site, language: context.language), links: links(planID, context)).render()
        }
    }

    @Sendable func unit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return try await cached(request, context, planID: planID, key: "unit/\(id)") { site in
            PublicUnitPage.View(model: try .selecting(id, in: site, language: context.language), links: links(planID, context)).render()
        }
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let query = String((request.uri.queryParameters.get("q").map { String($0) } ?? "").prefix(100)).trimmingCharacters(in: .whitespaces)
        return try await cached(request, context, planID: planID, key: "search/\(query)") { site in
            PublicSearchPage.View(model: .init(site: site, query: query), links: links(planID, context)).render()
        }
    }

    @Sendable func publications(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        return try await cached(request, context, planID: planID, key: "publications") { site in
            PublicPublicationsPage.View(model: .init(site: site), links: links(planID, context)).render()
        }
    }

    /// A rendered page from the cache, answering `If-None-Match` with 304.
    private func cached(
        _ request: Request, _ context: AppRequestContext, planID: Int64, key: String,
        render: @escaping (PublicSite) throws -> String
    ) async throws -> Response {
        let entry = try await cache.page(planID: planID, key: "\(context.language.code)|\(key)") {
            let site = try await service.publishedSite(planID: planID, language: context.language)
            let headers: HTTPFields = [.cacheControl: Self.pageCacheControl, .vary: "Cookie", .contentLanguage: context.language.rawValue]
            return (try render(site), "text/html; charset=utf-8", headers)
        }
        return respond(entry, request: request, context: context)
    }

    private func respond(_ entry: PublicPageCache.Entry, request: Request, context: AppRequestContext) -> Response {
        let headers = entry.headers
        let matched =
            request.headers[.ifNoneMatch].map { value in
                value == entry.etag || value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == entry.etag }
            } ?? false
        var response =
            matched ? Response(status: .notModified, headers: headers) : Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
        if context.cookie(Self.deviceCookie, of: request) == nil {
            // A first visit gets its device cookie (365 days, for counting one rating per device).
            let attributes = AuthMiddleware.isHTTPS(request) ? Self.deviceCookieAttributes + "; Secure" : Self.deviceCookieAttributes
            response.headers[.setCookie] = Self.deviceCookie + "=" + Tokens.random() + attributes
        }
        return response
    }

    // MARK: Downloads

    @Sendable func publicationFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let file = try context.parameters.require(SiteURL.Key.format)
        return download(try await service.publicationFile(planID: try planID(context), file: file, language: context.language))
    }

    @Sendable func chain(_ request: Request, context: AppRequestContext) async throws -> Response {
        var response = download(try await service.chainFile(planID: try planID(context), language: context.language))
        response.headers[.cacheControl] = "public, max-age=\(Self.chainMaxAge)"
        return response
    }

    private func download(_ file: PublicService.Download) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.contentType, .contentDisposition: "inline; filename=\"\(file.name)\"",
                .cacheControl: "public, max-age=31536000, immutable", .init("X-Content-Type-Options")!: "nosniff",
            ], body: .init(byteBuffer: ByteBuffer(data: file.data)))
    }

    @Sendable func photo(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let (attachment, data) = try await service.publicPhoto(id: id, language: context.language)
        return Response(
            status: .ok,
            headers: [
                .contentType: attachment.contentType, .cacheControl: "public, max-age=86400", .eTag: "\"\(attachment.sha256.prefix(24))\"",
                .init("X-Content-Type-Options")!: "nosniff", .contentSecurityPolicy: "default-src 'none'",
            ], body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    // MARK: Verification

    @Sendable func verifyForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        return try await cached(request, context, planID: planID, key: "verify") { site in
            PublicVerifyPage.View(model: .init(site: site), links: links(planID, context)).render()
        }
    }

    @Sendable func verify(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let planID = try planID(context)
        let form = try await FormFields.read(request, context: context, limit: 32 * 1024 * 1024)
        let site = try await service.publishedSite(planID: planID, language: context.language)
        let model = PublicVerifyPage.Model.checking(form["json"] ?? "", site: site, language: context.language)
        return HTMLPage(
            html: PublicVerifyPage.View(model: model, links: links(planID, context)).render(), status: model.error == nil ? .ok : .badRequest)
    }

    // MARK: The public's voice

    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let form = try await FormFields.read(request, context: context, limit: 16 * 1024)
        return try await outcome(request, context, planID: planID, number: number) { device in
            guard let verdict = form.text("verdict").flatMap(SatisfactionVerdict.init(rawValue:)) else {
                throw AppError.invalidInput(PublicPageWords(language: context.language).chooseVerdict)
            }
            return try await service.rate(planID: planID, itemNumber: number, verdict: verdict, device: device, address: context.clientAddress)
        }
    }

    @Sendable func message(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let number = try context.parameters.require(SiteURL.Key.itemNumber, as: Int.self)
        let form = try await FormFields.read(request, context: context, limit: 64 * 1024)
        return try await outcome(request, context, planID: planID, number: number) { _ in
            guard let kind = form.text("kind").flatMap(PublicMessage.Kind.init(rawValue:)) else {
                throw AppError.invalidInput(PublicPageWords(language: context.language).chooseMessageKind)
            }
            return try await service.receive(
                planID: planID, itemNumber: number, kind: kind, text: form["text"] ?? "", phone: form["phone"] ?? "",
                address: context.clientAddress)
        }
    }

    /// Runs a visitor's submission and shows what came of it. The device cookie must be present: it is set when a
    /// public page is read and, being SameSite=Lax, is not sent with a form posted from another site.
    private func outcome(
        _ request: Request, _ context: AppRequestContext, planID: Int64, number: Int,
        work: (String) async throws -> PublicService.Outcome
    ) async throws -> Response {
        let links = links(planID, context)
        let words = context.language.publicWords
        do {
            guard let device = context.cookie(Self.deviceCookie, of: request), !device.isEmpty else {
                throw AppError(.forbidden, PublicPageWords(language: context.language).openItemFirst)
            }
            let result = try await work(device)
            return try HTMLPage(
                html: PublicOutcomePage.View(model: .init(message: words.outcome(result), isError: false, item: number), links: links).render()
            )
            .response(from: request, context: context)
        } catch let refusal as PublicRefusal {
            let error = AppError(refusal.kind, PublicPageWords(language: context.language).text(refusal.phrase))
            return try refused(error, request, context, number: number, links: links)
        } catch let error as AppError where [.invalidInput, .forbidden, .notFound].contains(error.kind) {
            return try refused(error, request, context, number: number, links: links)
        }
    }

    private func refused(_ error: AppError, _ request: Request, _ context: AppRequestContext, number: Int, links: PublicLinks) throws -> Response {
        var response = try HTMLPage(
            html: PublicOutcomePage.View(model: .init(message: error.message(in: context.language), isError: true, item: number), links: links)
                .render(),
            status: error.status
        )
        .response(from: request, context: context)
        if error.kind == .tooManyRequests { response.headers[.retryAfter] = "600" }
        return response
    }
}
