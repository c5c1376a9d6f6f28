import Foundation

/// ZIP archives written byte by byte, so that their headers can declare whatever a test needs (an attacker's archive
/// says what it likes), and deflate streams of one repeated byte, the stuff of zip bombs.
struct ZipBytes {
    /// One entry as its headers will describe it.
    struct Entry {
        var name: String
        /// The bytes stored after the local header: deflated data for method 8, the content itself for method 0.
        var payload: [UInt8]
        var method: UInt16 = 8
        /// The uncompressed size both headers declare.
        var declaredSize: UInt32
        var crc: UInt32 = 0
        /// Made on Unix (3) with version 2.0, as Info-ZIP and ZIPFoundation write it.
        var madeBy: UInt16 = 0x0314
        var attributes: UInt32 = 0o100644 << 16
        /// Where the central directory says the local header is; nil for where this entry's header really is.
        var headerOffset: UInt32?

        /// A stored (uncompressed) entry that tells the truth about itself.
        static func stored(_ name: String, _ content: [UInt8]) -> Entry {
            Entry(name: name, payload: content, method: 0, declaredSize: UInt32(content.count), crc: ZipBytes.crc32(content))
        }

        /// A deflated entry of `count` copies of `byte` that declares `declaredSize` (by default, its true size); its
        /// checksum is left 0 for the test to set when the entry is to be read to its end.
        static func repeated(_ name: String, byte: UInt8 = 0x41, count: Int, declaring declaredSize: Int? = nil) -> Entry {
            Entry(name: name, payload: ZipBytes.deflate(repeating: byte, count: count), declaredSize: UInt32(clamping: declaredSize ?? count))
        }
    }

    /// The archive: local headers and data, then the central directory and its end record.
    static func archive(_ entries: [Entry]) -> Data {
        var out: [UInt8] = []
        var offsets: [UInt32] = []
        for entry in entries {
            offsets.append(UInt32(out.count))
            let name = Array(entry.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.payload.count)) + le32(entry.declaredSize) + le16(UInt16(name.count)) + le16(0)
            out += name + entry.payload
        }
        let directoryStart = UInt32(out.count)
        for (entry, offset) in zip(entries, offsets) {
            let name = Array(entry.name.utf8)
            out += le32(0x0201_4B50) + le16(entry.madeBy) + le16(20) + le16(0x0800) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.payload.count)) + le32(entry.declaredSize) + le16(UInt16(name.count)) + le16(0) + le16(0)
            out += le16(0) + le16(0) + le32(entry.attributes) + le32(entry.headerOffset ?? offset) + name
        }
        let directorySize = UInt32(out.count) - directoryStart
        let count = UInt16(clamping: entries.count)
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(directorySize) + le32(directoryStart) + le16(0)
        return Data(out)
    }

    /// A raw deflate stream (one block of fixed Huffman codes) of `count` copies of `byte` (below 144): the byte,
    /// then copies of the 258 bytes before, each in 13 bits, then the rest as literals.
    static func deflate(repeating byte: UInt8, count: Int) -> [UInt8] {
        precondition(byte < 144 && count > 0)
        var bits = BitWriter()
        bits.write(1, count: 1)  // the last block
        bits.write(1, count: 2)  // fixed Huffman codes
        let literal = 0x30 + UInt32(byte)  // literals 0…143 have the 8-bit codes 00110000 onwards
        bits.code(literal, length: 8)
        var remaining = count - 1
        while remaining >= 258 {
            bits.code(0xC5, length: 8)  // length 258 (code 285)
            bits.code(0, length: 5)  // distance 1
            remaining -= 258
        }
        for _ in 0..<remaining { bits.code(literal, length: 8) }
        bits.code(0, length: 7)  // end of block (code 256)
        return bits.bytes
    }

    /// CRC-32 as ZIP uses it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}

/// Packs bits the way deflate does: values from their low bit, Huffman codes from their high bit.
struct BitWriter {
    var bytes: [UInt8] = []
    private var used = 8

    mutating func write(_ value: UInt32, count: Int) {
        for index in 0..<count {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            bytes[bytes.count - 1] |= UInt8((value >> index) & 1) << used
            used += 1
        }
    }

    mutating func code(_ code: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for index in 0..<length { reversed |= ((code >> index) & 1) << (length - 1 - index) }
        write(reversed, count: length)
    }
}
