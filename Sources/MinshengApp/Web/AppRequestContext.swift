import Hummingbird
import Logging

/// The request context of Minsheng's routes: Hummingbird's core storage and the reader's language.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The language pages are rendered in, chosen by ``LanguageMiddleware``.
    public var language: Language

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.language = .zh
    }
}
