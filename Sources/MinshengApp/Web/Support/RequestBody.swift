import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The whole body, up to `limit` bytes; a longer one is refused as ``AppError/contentTooLarge(limit:language:)``
    /// (413) in the reader's language. Every body Minsheng reads (forms, uploads, JSON) is read here.
    func body(upTo limit: Int, language: Language) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.contentTooLarge(limit: limit, language: language)
        }
    }
}

/// Decodes the API's JSON bodies (dates as ISO 8601, as Hummingbird's default decoder does) from a body read by
/// `Request.body(upTo:language:)` with the upload limit.
struct AppRequestDecoder: RequestDecoder {
    func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let language = (context as? AppRequestContext)?.language ?? .zh
        let buffer = try await request.body(upTo: context.maxUploadSize, language: language)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: buffer)
    }
}
