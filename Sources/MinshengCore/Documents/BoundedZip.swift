import Foundation

/// A ZIP archive read under explicit limits: how many entries it may have, and how many bytes one entry and all
/// entries together may inflate to. The bytes inflation actually produces are counted as they come, and reading stops
/// the moment a limit, or the size an entry's headers declare, is passed; headers are never trusted to be honest.
/// Every ZIP Minsheng opens (Office packages, backups) is read through this type.
package final class BoundedZip {
    /// The limits an archive is read under.
    package struct Limits: Sendable, Equatable {
        package var entries: Int
        package var entryBytes: UInt64
        package var totalBytes: UInt64

        package init(entries: Int, entryBytes: UInt64, totalBytes: UInt64) {
            self.entries = entries
            self.entryBytes = entryBytes
            self.totalBytes = totalBytes
        }

        /// A Word or Excel file: a plan document or a unit's form. Its XML parts are a few MB at most (pictures are
        /// never inflated), so 32 MB a part and 64 MB in all leave room and keep an upload's memory near its size.
        package static let officePackage = Limits(entries: 5_000, entryBytes: 32 << 20, totalBytes: 64 << 20)
    }

    /// An entry of the central directory.
    package struct Entry: Sendable {
        /// What an entry is; only files and folders are ever read or extracted.
        package enum Kind: Sendable {
            case file, directory, symlink, special
        }

        package let path: String
        package let kind: Kind
        /// The uncompressed size the central directory declares.
        package let declaredSize: UInt64
        let compressedSize: UInt64
        let crc32: UInt32
        let method: UInt16
        let flags: UInt16
        let headerOffset: UInt64
        let nameLength: Int
    }

    package let limits: Limits
    /// The entries in the central directory's order.
    package let entries: [Entry]
    /// The bytes inflated so far, over every entry read.
    package internal(set) var inflatedBytes: UInt64 = 0
    let source: any ZipSource
    /// Where the central directory starts: every entry's data ends before it.
    let dataEnd: UInt64
    private let index: [String: Int]
    static let chunkSize = 64 * 1024

    /// Opens an archive held in memory (an upload).
    package convenience init(data: Data, limits: Limits) throws {
        try self.init(source: DataSource(data: data), limits: limits)
    }

    /// Opens an archive file (a backup), read a chunk at a time.
    package convenience init(contentsOf url: URL, limits: Limits) throws {
        try self.init(source: try FileSource(url: url), limits: limits)
    }

    init(source: any ZipSource, limits: Limits) throws {
        self.source = source
        self.limits = limits
        let directory = try Self.centralDirectory(in: source)
        guard directory.count <= UInt64(limits.entries) else { throw ZipError.tooManyEntries(limit: limits.entries) }
        guard directory.count <= directory.size / 46 else {
            throw ZipError.damaged(nil, "的中央目录条目数与大小不符", "has a central directory too small for its entries")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(directory.count))
        var position = directory.offset
        let end = directory.offset + directory.size
        for _ in 0..<directory.count {
            let (entry, next) = try Self.entry(at: position, end: end, in: source)
            entries.append(entry)
            position = next
        }
        var index: [String: Int] = [:]
        for (number, entry) in entries.enumerated() {
            guard index.updateValue(number, forKey: entry.path) == nil else {
                throw ZipError.damaged(entry.path, "在压缩包中出现了两次", "appears twice in the archive")
            }
        }
        try Self.checkLayout(entries, dataEnd: directory.offset)
        self.entries = entries
        self.index = index
        self.dataEnd = directory.offset
    }

    /// The entry with this path, if any.
    package func entry(_ path: String) -> Entry? {
        index[path].map { entries[$0] }
    }

    // MARK: Reading the directory

    /// Finds the end of central directory record (and its ZIP64 form) and returns where the directory is.
    static func centralDirectory(in source: any ZipSource) throws -> (offset: UInt64, size: UInt64, count: UInt64) {
        guard source.size >= 22 else { throw ZipError.notAnArchive() }
        let tailLength = Int(min(source.size, 22 + 0xFFFF))
        let tailStart = source.size - UInt64(tailLength)
        let tail = LittleEndian(try source.read(at: tailStart, count: tailLength))
        guard
            let record = stride(from: tailLength - 22, through: 0, by: -1).first(where: { at in
                tail.u32(at) == 0x0605_4B50 && at + 22 + Int(tail.u16(at + 20)) <= tailLength
            })
        else { throw ZipError.notAnArchive() }
        guard tail.u16(record + 4) == 0, tail.u16(record + 6) == 0 else {
            throw ZipError.unsupported(nil, "是分卷压缩包，不受支持", "is part of a multi-volume archive, which is not supported")
        }
        var count = UInt64(tail.u16(record + 10))
        var size = UInt64(tail.u32(record + 12))
        var offset = UInt64(tail.u32(record + 16))
        var directoryEnd = tailStart + UInt64(record)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, record >= 20, tail.u32(record - 20) == 0x0706_4B50 {
            let zip64Offset = tail.u64(record - 20 + 8)
            guard directoryEnd >= 56, zip64Offset <= directoryEnd - 56 else {
                throw ZipError.damaged(nil, "的 ZIP64 目录结尾记录位置无效", "has a misplaced ZIP64 end of central directory")
            }
            let zip64 = LittleEndian(try source.read(at: zip64Offset, count: 56))
            guard zip64.u32(0) == 0x0606_4B50 else { throw ZipError.damaged(nil, "缺少 ZIP64 目录结尾记录", "lacks its ZIP64 end of central directory") }
            count = zip64.u64(32)
            size = zip64.u64(40)
            offset = zip64.u64(48)
            directoryEnd = zip64Offset
        }
        guard offset <= directoryEnd, size <= directoryEnd - offset else {
            throw ZipError.damaged(nil, "的中央目录超出了文件范围", "has a central directory outside the file")
        }
        return (offset, size, count)
    }

    /// Reads one central directory header; returns the entry and where the next header starts.
    static func entry(at position: UInt64, end: UInt64, in source: any ZipSource) throws -> (Entry, UInt64) {
        let truncated = ZipError.damaged(nil, "的中央目录不完整", "has a truncated central directory")
        guard position <= end, end - position >= 46 else { throw truncated }
        let header = LittleEndian(try source.read(at: position, count: 46))
        guard header.u32(0) == 0x0201_4B50 else { throw ZipError.damaged(nil, "的中央目录文件头无效", "has an invalid central directory header") }
        let nameLength = Int(header.u16(28))
        let variableLength = nameLength + Int(header.u16(30)) + Int(header.u16(32))
        guard end - position - 46 >= UInt64(variableLength) else { throw truncated }
        let variable = try source.read(at: position + 46, count: variableLength)
        let path = String(decoding: variable.prefix(nameLength), as: UTF8.self)
        var compressedSize = UInt64(header.u32(20))
        var declaredSize = UInt64(header.u32(24))
        var headerOffset = UInt64(header.u32(42))
        if compressedSize == 0xFFFF_FFFF || declaredSize == 0xFFFF_FFFF || headerOffset == 0xFFFF_FFFF {
            // The ZIP64 extra field holds, in this order, each of the three that its 32-bit field cannot.
            let extra = LittleEndian(variable.dropFirst(nameLength).prefix(Int(header.u16(30))))
            var at = 0
            while at + 4 <= extra.count, extra.u16(at) != 0x0001 { at += 4 + Int(extra.u16(at + 2)) }
            guard at + 4 <= extra.count else { throw ZipError.damaged(path, "缺少 ZIP64 扩展字段", "lacks its ZIP64 extra field") }
            var field = at + 4
            let fieldEnd = min(extra.count, field + Int(extra.u16(at + 2)))
            func next() throws -> UInt64 {
                guard field + 8 <= fieldEnd else { throw ZipError.damaged(path, "的 ZIP64 扩展字段不完整", "has a truncated ZIP64 extra field") }
                defer { field += 8 }
                return extra.u64(field)
            }
            if declaredSize == 0xFFFF_FFFF { declaredSize = try next() }
            if compressedSize == 0xFFFF_FFFF { compressedSize = try next() }
            if headerOffset == 0xFFFF_FFFF { headerOffset = try next() }
        }
        let entry = Entry(
            path: path, kind: kind(path: path, madeBy: header.u16(4), attributes: header.u32(38)), declaredSize: declaredSize,
            compressedSize: compressedSize, crc32: header.u32(16), method: header.u16(10), flags: header.u16(8),
            headerOffset: headerOffset, nameLength: nameLength
        )
        return (entry, position + 46 + UInt64(variableLength))
    }

    /// A Unix-made entry says its type in the mode bits; others mark folders by a trailing slash or the DOS attribute.
    static func kind(path: String, madeBy: UInt16, attributes: UInt32) -> Entry.Kind {
        let mode = (attributes >> 16) & 0o170000
        if madeBy >> 8 == 3 || madeBy >> 8 == 19, mode != 0 {
            switch mode {
            case 0o120000: return .symlink
            case 0o040000: return .directory
            case 0o100000: return path.hasSuffix("/") ? .directory : .file
            default: return .special
            }
        }
        return path.hasSuffix("/") || attributes & 0x10 != 0 ? .directory : .file
    }

    /// Entries lie one after another before the central directory: data that two entries share (the overlapping
    /// kind of zip bomb) or that reaches past the directory is refused.
    static func checkLayout(_ entries: [Entry], dataEnd: UInt64) throws {
        let spans = entries.map { entry -> (start: UInt64, end: UInt64, path: String) in
            let start = entry.headerOffset
            let length = 30 + UInt64(entry.nameLength)
            let (end, overflow) = start.addingReportingOverflow(length)
            return (start, overflow || entry.compressedSize > UInt64.max - end ? UInt64.max : end + entry.compressedSize, entry.path)
        }.sorted { $0.start < $1.start }
        var previousEnd: UInt64 = 0
        for span in spans {
            guard span.start >= previousEnd, span.end <= dataEnd else {
                throw ZipError.damaged(span.path, "与其他条目重叠或超出了数据区", "overlaps another entry or runs past the archive's data")
            }
            previousEnd = span.end
        }
    }
}

/// Where an archive's bytes come from: memory (an upload) or a file (a backup).
protocol ZipSource {
    var size: UInt64 { get }
    /// Exactly `count` bytes at `offset`, or an error when the archive ends first.
    func read(at offset: UInt64, count: Int) throws -> Data
}

/// An archive in memory.
struct DataSource: ZipSource {
    let data: Data

    var size: UInt64 { UInt64(data.count) }

    func read(at offset: UInt64, count: Int) throws -> Data {
        guard offset <= size, UInt64(count) <= size - offset else { throw ZipError.damaged(nil, "在中途结束", "ends too early") }
        let start = data.startIndex + Int(offset)
        return data.subdata(in: start..<start + count)
    }
}

/// An archive file, read where asked.
final class FileSource: ZipSource {
    let handle: FileHandle
    let size: UInt64

    init(url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
        size = try handle.seekToEnd()
    }

    deinit { try? handle.close() }

    func read(at offset: UInt64, count: Int) throws -> Data {
        guard offset <= size, UInt64(count) <= size - offset else { throw ZipError.damaged(nil, "在中途结束", "ends too early") }
        try handle.seek(toOffset: offset)
        let data = try handle.read(upToCount: count) ?? Data()
        guard data.count == count else { throw ZipError.damaged(nil, "在中途结束", "ends too early") }
        return data
    }
}

/// Little-endian integers at byte offsets.
struct LittleEndian {
    let bytes: [UInt8]

    init(_ data: some Sequence<UInt8>) {
        bytes = Array(data)
    }

    var count: Int { bytes.count }

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
