import Foundation
import Hummingbird
import MinshengCore

/// The languages of the interface: Chinese by default, English available.
enum Language: String, Sendable, CaseIterable {
    case zh = "zh-CN"
    case en

    /// The value of the `lang` query parameter and cookie.
    var code: String {
        switch self {
        case .zh: return "zh"
        case .en: return "en"
        }
    }

    init?(code: String) {
        switch code.lowercased() {
        case "zh", "zh-cn", "cn": self = .zh
        case "en", "en-us", "en-gb": self = .en
        default: return nil
        }
    }

    var strings: Strings {
        switch self {
        case .zh: return .zh
        case .en: return .en
        }
    }
}

extension Language {
    /// A core phrase in this language.
    func text(_ phrase: Phrase) -> String {
        switch self {
        case .zh: return phrase.zh
        case .en: return phrase.en
        }
    }
}

/// Words that pick their Chinese or English form by the reader's language.
protocol Bilingual {
    var language: Language { get }
}

extension Bilingual {
    /// The Chinese or the English text.
    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// A text that carries both languages, in the reader's.
    func text(_ phrase: Phrase) -> String { t(phrase.zh, phrase.en) }
}

/// Chooses the language: a `lang` query parameter (remembered in a cookie), else the cookie, else Chinese.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "lang"
    /// The zone in which pages write times.
    var timeZone: TimeZone

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.timeZone = timeZone
        context.cookies = AppRequestContext.parseCookies(request.headers[values: .cookie])
        let chosen = request.uri.queryParameters.get("lang").flatMap { Language(code: String($0)) }
        if let chosen {
            context.language = chosen
        } else if let cookie = context.cookie(Self.cookieName, of: request), let remembered = Language(code: cookie) {
            context.language = remembered
        }
        var response = try await next(request, context)
        if let chosen {
            response.setCookie(Cookie(name: Self.cookieName, value: chosen.code, maxAge: 365 * 24 * 3600, path: "/", sameSite: .lax))
        }
        return response
    }
}
