import Foundation
import Testing
import ZIPFoundation

/// Archives made with ZIPFoundation and then changed as an attacker would change them: bombs of one repeated byte,
/// and headers patched to declare another size.
enum ZipTampering {
    /// A ZIP with the small entries as given and, last, `bombPath` holding `bombSize` copies of "A", deflated a chunk
    /// at a time (so the hundreds of MB never sit in memory).
    static func archive(_ entries: [(String, Data)], bombPath: String, bombSize: Int) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let chunk = Data(repeating: 0x41, count: 1 << 16)
        try archive.addEntry(with: bombPath, type: .file, uncompressedSize: Int64(bombSize), compressionMethod: .deflate, bufferSize: chunk.count) {
            _, size in
            chunk.prefix(size)
        }
        return try #require(archive.data)
    }

    /// Makes the central directory header of `path`, and the local header it points to, declare `size` uncompressed
    /// bytes.
    static func declare(_ size: UInt32, for path: String, in data: inout Data) throws {
        let bytes = [UInt8](data)
        let name = Array(path.utf8)
        var found = false
        for at in 0..<(bytes.count - 46) where bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 1 && bytes[at + 3] == 2 {
            let nameLength = Int(bytes[at + 28]) | Int(bytes[at + 29]) << 8
            guard Array(bytes[(at + 46)..<min(bytes.count, at + 46 + nameLength)]) == name else { continue }
            let local = Int(bytes[at + 42]) | Int(bytes[at + 43]) << 8 | Int(bytes[at + 44]) << 16 | Int(bytes[at + 45]) << 24
            write(size, at: at + 24, in: &data)
            write(size, at: local + 22, in: &data)
            found = true
        }
        #expect(found, "\(path) is not in the archive")
    }

    private static func write(_ value: UInt32, at offset: Int, in data: inout Data) {
        for index in 0..<4 { data[data.startIndex + offset + index] = UInt8((value >> (8 * index)) & 0xFF) }
    }
}
