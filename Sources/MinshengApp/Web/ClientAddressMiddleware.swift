import Hummingbird

/// Finds the client's address behind trusted load balancers: when the peer is one of them, the right-most address
/// of `X-Forwarded-For` that is not also one of them. Throttling, public-page limits and the audit log use it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response
    {
        guard !trustedProxies.isEmpty, trustedProxies.contains(context.clientAddress) else { return try await next(request, context) }
        var context = context
        if let client = Self.client(forwardedFor: request.headers[values: .init("X-Forwarded-For")!], trusted: trustedProxies) {
            context.clientAddress = client
        }
        return try await next(request, context)
    }

    /// The right-most untrusted address of the `X-Forwarded-For` values (each proxy appends the address it saw).
    static func client(forwardedFor values: [String], trusted: Set<String>) -> String? {
        let hops = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trusted.contains($0) } ?? hops.first
    }
}
