import Foundation

#if canImport(CZlib)
    import CZlib
#else
    import zlib
#endif

extension BoundedZip {
    /// The bytes of a file entry, inflated under the limits.
    package func data(of entry: Entry) throws -> Data {
        var data = Data()
        // The declared size is within the limits once `stream` starts, so reserving it is safe.
        data.reserveCapacity(Int(min(entry.declaredSize, limits.entryBytes)))
        try stream(entry) { data.append($0.assumingMemoryBound(to: UInt8.self)) }
        return data
    }

    /// Extracts every entry into `directory`, one file at a time and a chunk at a time: folders and files only, on
    /// relative paths that stay inside the directory.
    package func extractAll(into directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for entry in entries {
            guard let components = Self.safeComponents(entry.path) else { throw ZipError.unsafePath(entry.path) }
            let target = components.reduce(directory) { $0.appendingPathComponent($1) }
            switch entry.kind {
            case .directory:
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
            case .file:
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: target.path, contents: nil) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
                }
                let handle = try FileHandle(forWritingTo: target)
                defer { try? handle.close() }
                try stream(entry) { try handle.write(contentsOf: Data($0)) }
            case .symlink, .special:
                throw ZipError.notAFile(entry.path)
            }
        }
    }

    /// The path's components, or nil when it is absolute, climbs with `..`, or holds a backslash or NUL.
    static func safeComponents(_ path: String) -> [String]? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let components = path.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !components.isEmpty, !components.contains("..") else { return nil }
        return components
    }

    /// Inflates a file entry a chunk at a time into `sink`, counting what comes out: more than the declared size (which
    /// is itself within the limits for an entry and for what is left of the total) stops it at once.
    func stream(_ entry: Entry, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard entry.kind == .file else { throw ZipError.notAFile(entry.path) }
        guard entry.flags & 1 == 0 else { throw ZipError.unsupported(entry.path, "已加密", "is encrypted") }
        guard entry.declaredSize <= limits.entryBytes else { throw ZipError.entryTooLarge(entry.path, limit: limits.entryBytes) }
        guard entry.declaredSize <= limits.totalBytes - inflatedBytes else { throw ZipError.totalTooLarge(entry.path, limit: limits.totalBytes) }
        let start = try dataStart(of: entry)
        var produced: UInt64 = 0
        var checksum = crc32(0, nil, 0)
        func emit(_ bytes: UnsafeRawBufferPointer) throws {
            produced += UInt64(bytes.count)
            guard produced <= entry.declaredSize else { throw ZipError.sizeMismatch(entry.path, declared: entry.declaredSize) }
            checksum = crc32(checksum, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
            try sink(bytes)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.declaredSize else { throw ZipError.sizeMismatch(entry.path, declared: entry.declaredSize) }
            var offset: UInt64 = 0
            while offset < entry.compressedSize {
                let chunk = try source.read(at: start + offset, count: Int(min(UInt64(Self.chunkSize), entry.compressedSize - offset)))
                offset += UInt64(chunk.count)
                try chunk.withUnsafeBytes(emit)
            }
        case 8:
            try inflateDeflated(entry, from: start, emit)
        default:
            throw ZipError.unsupported(entry.path, "使用了不支持的压缩方式 \(entry.method)", "uses compression method \(entry.method), which is not supported")
        }
        guard produced == entry.declaredSize else { throw ZipError.sizeMismatch(entry.path, declared: entry.declaredSize) }
        guard UInt32(truncatingIfNeeded: checksum) == entry.crc32 else { throw ZipError.damaged(entry.path, "的校验和不符", "fails its checksum") }
        inflatedBytes += produced
    }

    /// Where an entry's data starts, after its local header, which must name the same path as the central directory.
    private func dataStart(of entry: Entry) throws -> UInt64 {
        let header = LittleEndian(try source.read(at: entry.headerOffset, count: 30))
        guard header.u32(0) == 0x0403_4B50 else { throw ZipError.damaged(entry.path, "的本地文件头无效", "has an invalid local header") }
        let nameLength = Int(header.u16(26))
        let name = String(decoding: try source.read(at: entry.headerOffset + 30, count: nameLength), as: UTF8.self)
        guard name == entry.path else { throw ZipError.damaged(entry.path, "的本地文件头写的是另一个名字", "has a local header that names another file") }
        let start = entry.headerOffset + 30 + UInt64(nameLength) + UInt64(header.u16(28))
        guard start <= dataEnd, entry.compressedSize <= dataEnd - start else {
            throw ZipError.damaged(entry.path, "的数据超出了数据区", "runs past the archive's data")
        }
        return start
    }

    /// Raw deflate through zlib, fed no more than the entry's compressed bytes; a stream that needs more is damaged.
    private func inflateDeflated(_ entry: Entry, from start: UInt64, _ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        let damaged = ZipError.damaged(entry.path, "的压缩数据已损坏", "has damaged compressed data")
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw damaged }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset: UInt64 = 0
        var ended = false
        while !ended {
            guard offset < entry.compressedSize else { throw damaged }
            var input = try source.read(at: start + offset, count: Int(min(UInt64(Self.chunkSize), entry.compressedSize - offset)))
            offset += UInt64(input.count)
            try input.withUnsafeMutableBytes { (input: UnsafeMutableRawBufferPointer) in
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(input.count)
                repeat {
                    let availableIn = stream.avail_in
                    let status = output.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int32 in
                        stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
                        stream.avail_out = uInt(buffer.count)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw damaged }
                    let produced = output.count - Int(stream.avail_out)
                    // Every round consumes input or produces output, so the loop ends.
                    guard produced > 0 || stream.avail_in < availableIn || status == Z_STREAM_END else { throw damaged }
                    try output.withUnsafeBytes { try emit(UnsafeRawBufferPointer(rebasing: $0[..<produced])) }
                    ended = status == Z_STREAM_END
                } while !ended && (stream.avail_in > 0 || stream.avail_out == 0)
            }
        }
    }
}
