import Hummingbird

/// Security headers on every response, errors included: a content security policy without inline script, no
/// sniffing, no framing, a strict referrer policy, no powerful browser features, and HSTS behind HTTPS. A response
/// that sets its own policy (downloads, photos, the printable document) keeps it.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Pages load only their own stylesheet, script and images; inline SVG charts need nothing more.
    static let contentSecurityPolicy =
        """
        default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; \
        frame-ancestors 'none'
        """

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        Self.apply(to: &response.headers, https: AuthMiddleware.isHTTPS(request))
        return response
    }

    static func apply(to headers: inout HTTPFields, https: Bool) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = contentSecurityPolicy }
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "same-origin"
        headers[.init("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), payment=()"
        if https { headers[.init("Strict-Transport-Security")!] = "max-age=31536000" }
    }
}
