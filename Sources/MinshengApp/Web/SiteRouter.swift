import Hummingbird
import MinshengCore

/// Registers the routes of the table: each behind its ``PlanGateMiddleware``, `HEAD` answered like `GET` without a
/// body, and every other method of a known path answered 405 with `Allow`.
final class SiteRouter {
    let router: Router<AppRequestContext>
    let gates: RequestGates
    /// The methods registered for each path pattern, in registration order.
    private var methods: [String: [HTTPRequest.Method]] = [:]
    private var patterns: [String] = []
    /// Every route of the table registered, with each method, in registration order.
    private(set) var registered: [(url: SiteURL, method: HTTPRequest.Method)] = []

    init(router: Router<AppRequestContext>, gates: RequestGates) {
        self.router = router
        self.gates = gates
    }

    /// Registers a route of the table for a method it declares in ``SiteURL/capability(_:)``.
    func on(
        _ url: SiteURL, method: HTTPRequest.Method,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) {
        guard let capability = url.capability(method) else {
            preconditionFailure("\(url.routerPath) \(method) has no capability in SiteURL+Capability.swift")
        }
        let gated = router.group().add(middleware: PlanGateMiddleware(capability: capability, gate: url.planGate, gates: gates))
        gated.on(url.routerPath, method: method, use: handler)
        record(url, method)
        registered.append((url, method))
        if method == .get {
            gated.on(url.routerPath, method: HTTPRequest.Method.head) { (request: Request, context: AppRequestContext) -> Response in
                var response = try await handler(request, context).response(from: request, context: context)
                let length = response.body.contentLength
                response.body = ResponseBody()
                if let length { response.headers[.contentLength] = String(length) }
                return response
            }
            record(url, .head)
        }
    }

    /// Answers 405 with `Allow` for the methods a known path does not take. Call once every route is registered.
    func finish() {
        let others: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        for pattern in patterns {
            let allowed = methods[pattern] ?? []
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in others where !allowed.contains(method) {
                router.on(RouterPath(stringLiteral: pattern), method: method) { _, context -> Response in
                    let message = RequestWords(language: context.language).methodNotAllowed
                    throw MethodNotAllowed(allow: allow, message: message)
                }
            }
        }
    }

    private func record(_ url: SiteURL, _ method: HTTPRequest.Method) {
        let pattern = url.routerPath.description
        if methods[pattern] == nil { patterns.append(pattern) }
        methods[pattern, default: []].append(method)
    }
}

/// A request with a method its path does not take; the error middleware answers 405 with `Allow`.
struct MethodNotAllowed: Error {
    var allow: String
    var message: String
}
