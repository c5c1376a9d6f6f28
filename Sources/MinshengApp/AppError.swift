import Foundation
import Hummingbird
import MinshengCore

/// Every failure Minsheng reports: shown as an HTML error page on the web and as a JSON problem body
/// (RFC 9457) in the API, and printed by commands.
struct AppError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in a form that picks the HTTP status.
    enum Kind: String, Sendable {
        case badRequest
        case unauthorized
        case forbidden
        case notFound
        case conflict
        case tooManyRequests
        case contentTooLarge
        case badConfiguration
        case databaseUnavailable
        case invalidInput
        case internalError
    }

    var kind: Kind
    /// A sentence for the person who caused or must fix the problem (in English when ``phrase`` gives both
    /// languages).
    var message: String
    /// A stable code naming the error, for the API's problem body, logs and tests: the refusal's code when the error
    /// comes from the core's rules, else the kind.
    var code: String
    /// The message in both languages, when the error comes from a coded refusal; ``message(in:)`` picks one.
    var phrase: Phrase?

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
        self.code = kind.rawValue
    }

    /// An error from one of the core's coded refusals, said in the reader's language where it is shown.
    init(_ kind: Kind, _ refusal: some CodedRefusal) {
        self.kind = kind
        self.message = refusal.phrase.en
        self.code = refusal.code
        self.phrase = refusal.phrase
    }

    /// The message in a language: the phrase's form when there is one.
    func message(in language: Language) -> String {
        phrase.map(language.text) ?? message
    }

    static func badConfiguration(_ message: String) -> AppError { AppError(.badConfiguration, message) }
    static func databaseUnavailable(_ message: String) -> AppError { AppError(.databaseUnavailable, message) }
    static func notFound(_ message: String) -> AppError { AppError(.notFound, message) }
    static func invalidInput(_ message: String) -> AppError { AppError(.invalidInput, message) }
    static func conflict(_ message: String) -> AppError { AppError(.conflict, message) }

    /// A request body (an upload, a form, a JSON body) over the limit of `limit` bytes, named in words.
    static func contentTooLarge(limit: Int, language: Language) -> AppError {
        let size = ByteCount.text(UInt64(max(0, limit)))
        return AppError(.contentTooLarge, language.strings.contentTooLarge(size))
    }

    var status: HTTPResponse.Status {
        switch kind {
        case .badRequest, .invalidInput: return .badRequest
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .tooManyRequests: return .tooManyRequests
        case .contentTooLarge: return .contentTooLarge
        case .databaseUnavailable: return .serviceUnavailable
        case .badConfiguration, .internalError: return .internalServerError
        }
    }

    var description: String { message }
}
