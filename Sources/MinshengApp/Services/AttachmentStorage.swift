import Crypto
import Foundation

/// Report attachments on disk, in the data folder's `uploads` folder, outside any web root. Only photos, PDF,
/// Word and Excel files are accepted, recognised by their content as well as their name.
struct AttachmentStorage: Sendable {
    /// The most an attachment may weigh.
    static let maximumSize = 10 * 1024 * 1024

    /// An accepted kind of file: its content type and how its bytes begin.
    struct Kind {
        var contentType: String
        var extensions: [String]
        var magic: [[UInt8]]
        /// Whether browsers may show it in the page; everything else downloads.
        var inline: Bool
    }

    static let kinds: [Kind] = [
        Kind(contentType: "image/jpeg", extensions: ["jpg", "jpeg"], magic: [[0xFF, 0xD8, 0xFF]], inline: true),
        Kind(contentType: "image/png", extensions: ["png"], magic: [[0x89, 0x50, 0x4E, 0x47]], inline: true),
        Kind(contentType: "application/pdf", extensions: ["pdf"], magic: [[0x25, 0x50, 0x44, 0x46]], inline: false),
        Kind(
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"],
            magic: [[0x50, 0x4B, 0x03, 0x04]], inline: false),
        Kind(
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"],
            magic: [[0x50, 0x4B, 0x03, 0x04]], inline: false),
        Kind(contentType: "application/msword", extensions: ["doc"], magic: [[0xD0, 0xCF, 0x11, 0xE0]], inline: false),
        Kind(contentType: "application/vnd.ms-excel", extensions: ["xls"], magic: [[0xD0, 0xCF, 0x11, 0xE0]], inline: false),
    ]

    let folder: URL

    /// A checked file, ready to store.
    struct Accepted: Sendable {
        var fileName: String
        var contentType: String
        var data: Data
        var sha256: String
    }

    /// Checks a file's size, name and content; the error says which rule it broke.
    static func check(fileName: String, data: Data) throws -> Accepted {
        guard !data.isEmpty else { throw AttachmentRefusals.empty(fileName) }
        guard data.count <= maximumSize else { throw AttachmentRefusals.tooLarge(fileName) }
        let name = sanitisedName(fileName)
        let ext = (name as NSString).pathExtension.lowercased()
        guard let kind = kinds.first(where: { $0.extensions.contains(ext) }) else {
            throw AttachmentRefusals.kindRefused(fileName)
        }
        let head = [UInt8](data.prefix(8))
        guard kind.magic.contains(where: { head.starts(with: $0) }) else {
            throw AttachmentRefusals.contentMismatch(fileName, ext: ext)
        }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return Accepted(fileName: name, contentType: kind.contentType, data: data, sha256: digest)
    }

    /// Writes the file under a random key; returns the key.
    func store(_ file: Accepted) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = Tokens.random()
        try file.data.write(to: folder.appendingPathComponent(key), options: .atomic)
        return key
    }

    func read(key: String) throws -> Data {
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw Refusals.noAttachment
        }
        return try Data(contentsOf: folder.appendingPathComponent(key))
    }

    func remove(key: String) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(key))
    }

    /// Whether a stored content type may be shown inline.
    static func isInline(_ contentType: String) -> Bool {
        kinds.first { $0.contentType == contentType }?.inline ?? false
    }

    /// The base name without path, control characters or quotes.
    static func sanitisedName(_ name: String) -> String {
        let base = (name.replacingOccurrences(of: "\\", with: "/") as NSString).lastPathComponent
        let cleaned = base.filter { !$0.isNewline && $0 != "\"" && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        return cleaned.isEmpty ? "attachment" : String(cleaned.prefix(120))
    }
}
