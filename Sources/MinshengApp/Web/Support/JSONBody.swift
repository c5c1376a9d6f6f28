import Foundation
import Hummingbird

/// A JSON response with Minsheng's encoding: camelCase keys, dates as `YYYY-MM-DD`, decimals as exact strings.
struct JSONBody<Value: Encodable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok
    var contentType = "application/json; charset=utf-8"

    init(_ value: Value, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") {
        self.value = value
        self.status = status
        self.contentType = contentType
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    func response() -> Response {
        let data: Data
        do {
            data = try Self.encoder.encode(value)
        } catch {
            return Response(
                status: .internalServerError, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "Encoding failed")))
        }
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }
}
