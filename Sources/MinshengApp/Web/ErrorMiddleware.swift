import Foundation
import Hummingbird
import Logging

/// Turns every error into the answer its caller expects: a JSON problem body (RFC 9457) under `/api`,
/// an HTML error page elsewhere. Unexpected errors are logged and shown without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as MethodNotAllowed {
            var response =
                SiteURL.isAPI(request.uri.path)
                ? Self.problem(status: .methodNotAllowed, detail: error.message)
                : Response(
                    status: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: error.message))
                )
            response.headers[.allow] = error.allow
            return response
        } catch {
            let (status, message, code) = Self.describe(error, context: context)
            if SiteURL.isAPI(request.uri.path) {
                return Self.problem(status: status, detail: message, code: code)
            }
            if status == .unauthorized, request.method == .get {
                let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Response.redirect(to: "\(SiteURL.login.path)?next=\(next)", type: .normal)
            }
            let page = ErrorPage.View(model: .init(status: Int(status.code), message: message), page: PageContext(context, path: request.uri.path))
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page.render()))
            )
        }
    }

    /// The status, the message in the reader's language and the stable code of an error.
    static func describe(_ error: any Error, context: AppRequestContext) -> (HTTPResponse.Status, String, String) {
        switch error {
        case let error as AppError:
            let words = RequestWords(language: context.language)
            switch error.kind {
            case .internalError:
                context.logger.error("\(error.code): \(error.message)")
                return (error.status, words.internalError, error.code)
            case .databaseUnavailable:
                context.logger.error("\(error.code): \(error.message)")
                return (error.status, words.databaseUnavailable, error.code)
            default:
                return (error.status, error.message(in: context.language), error.code)
            }
        case let error as HTTPError:
            return (error.status, RequestWords(language: context.language).status(Int(error.status.code)), "http.\(error.status.code)")
        default:
            context.logger.error("Unexpected error: \(String(reflecting: error))")
            return (.internalServerError, RequestWords(language: context.language).internalError, AppError.Kind.internalError.rawValue)
        }
    }

    /// A JSON problem body, with the error's stable code.
    static func problem(status: HTTPResponse.Status, detail: String, code: String? = nil) -> Response {
        let problem = Problem(
            title: status.reasonPhrase, status: Int(status.code), detail: detail, code: code ?? "http.\(status.code)")
        return JSONBody(problem, status: status, contentType: "application/problem+json").response()
    }
}

/// An RFC 9457 problem body.
struct Problem: Encodable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// A stable code naming the error (`report.return.reasonRequired`, `invalidInput`, …).
    var code: String
}
