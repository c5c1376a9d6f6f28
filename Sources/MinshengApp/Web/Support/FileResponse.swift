import Foundation
import Hummingbird

/// An uploaded file sent back to a signed-in user: inline only for types a browser shows safely, sandboxed, never
/// cached.
enum FileResponse {
    static func make(_ data: Data, contentType: String, fileName: String) -> Response {
        let disposition = AttachmentStorage.isInline(contentType) ? "inline" : "attachment"
        let encodedName = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        return Response(
            status: .ok,
            headers: [
                .contentType: contentType,
                .contentDisposition: "\(disposition); filename=\"attachment\"; filename*=UTF-8''\(encodedName)",
                .contentSecurityPolicy: "default-src 'none'; sandbox",
                .cacheControl: "private, no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
