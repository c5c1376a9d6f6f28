import Foundation

/// Why ``BoundedZip`` refused an archive or one of its entries, in Chinese and in English, naming the entry.
package struct ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of refusal.
    package enum Kind: String, Sendable {
        /// Not a ZIP archive at all.
        case notAnArchive
        /// More entries than the limit.
        case tooManyEntries
        /// An entry that inflates (or says it inflates) beyond the limit for one entry.
        case entryTooLarge
        /// Entries that inflate beyond the limit for the whole archive.
        case totalTooLarge
        /// An entry that inflates to another size than its headers declare.
        case sizeMismatch
        /// An entry whose path is absolute or climbs out with `..`.
        case unsafePath
        /// A symbolic link or special file where only files and folders are taken.
        case notAFile
        /// Encrypted, or compressed with a method other than stored and deflate.
        case unsupported
        /// Headers or data that do not hold together.
        case damaged
    }

    package var kind: Kind
    /// The entry's path, when the refusal concerns one.
    package var entry: String?
    package var chinese: String
    package var english: String

    package var description: String { english }

    static func notAnArchive() -> ZipError {
        ZipError(kind: .notAnArchive, chinese: "不是 ZIP 压缩包", english: "not a ZIP archive")
    }

    static func tooManyEntries(limit: Int) -> ZipError {
        ZipError(kind: .tooManyEntries, chinese: "压缩包的条目超过 \(limit) 个", english: "the archive has more than \(limit) entries")
    }

    static func entryTooLarge(_ path: String, limit: UInt64) -> ZipError {
        let size = ByteCount.text(limit)
        return ZipError(kind: .entryTooLarge, entry: path, chinese: "\(path) 解压后超过 \(size)", english: "\(path) inflates beyond \(size)")
    }

    static func totalTooLarge(_ path: String, limit: UInt64) -> ZipError {
        let size = ByteCount.text(limit)
        return ZipError(
            kind: .totalTooLarge, entry: path, chinese: "解压到 \(path) 时总量超过 \(size)",
            english: "the archive inflates beyond \(size) in all by \(path)")
    }

    static func sizeMismatch(_ path: String, declared: UInt64) -> ZipError {
        ZipError(
            kind: .sizeMismatch, entry: path, chinese: "\(path) 解压后的大小与文件头声明的 \(declared) 字节不符",
            english: "\(path) does not inflate to the \(declared) bytes its headers declare")
    }

    static func unsafePath(_ path: String) -> ZipError {
        ZipError(kind: .unsafePath, entry: path, chinese: "\(path) 的路径不安全（绝对路径或含 ..）", english: "\(path) has an unsafe path (absolute, or with ..)")
    }

    static func notAFile(_ path: String) -> ZipError {
        ZipError(kind: .notAFile, entry: path, chinese: "\(path) 是符号链接或特殊文件", english: "\(path) is a symbolic link or special file")
    }

    static func unsupported(_ path: String?, _ chinese: String, _ english: String) -> ZipError {
        ZipError(
            kind: .unsupported, entry: path, chinese: (path.map { $0 + " " } ?? "压缩包") + chinese, english: (path ?? "the archive") + " " + english)
    }

    static func damaged(_ path: String?, _ chinese: String, _ english: String) -> ZipError {
        ZipError(kind: .damaged, entry: path, chinese: (path.map { $0 + " " } ?? "压缩包") + chinese, english: (path ?? "the archive") + " " + english)
    }
}
