import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a text file into a string: UTF-8 with or without BOM, UTF-16 (LE or BE, with or without BOM)
/// or GB18030/GBK, which many Chinese `.txt` files use.
package enum TextDecoding {
    /// The encodings recognised, for reports.
    package enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    package static func decode(_ data: Data, file: String) throws(ImportError) -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw .empty(file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { throw .binary(file) }
            return (text, .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes.dropFirst(2), littleEndian: true, file: file), .utf16LittleEndian) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes.dropFirst(2), littleEndian: false, file: file), .utf16BigEndian) }
        if let endianness = likelyUTF16(bytes) {
            return (try utf16(bytes[...], littleEndian: endianness, file: file), endianness ? .utf16LittleEndian : .utf16BigEndian)
        }
        if bytes.contains(0) { throw .binary(file) }
        if let text = String(validating: bytes, as: UTF8.self) { return (try checkedText(text, file: file), .utf8) }
        guard let text = iconvDecode(bytes, from: "GB18030") else { throw .binary(file) }
        return (try checkedText(text, file: file), .gb18030)
    }

    /// UTF-16 without BOM shows as many zero bytes at even (BE) or odd (LE) positions in ASCII-rich text.
    private static func likelyUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 5 > pairs && evenZeros * 20 < pairs { return true }
        if evenZeros * 5 > pairs && oddZeros * 20 < pairs { return false }
        return nil
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, file: String) throws(ImportError) -> String {
        guard bytes.count % 2 == 0 else { throw .corrupt(file, "UTF-16 文本的字节数是奇数 (odd number of bytes in UTF-16 text)") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .corrupt(file, "不是有效的 UTF-16 文本 (invalid UTF-16 text)")
        }
        return try checkedText(text, file: file)
    }

    /// Rejects text that is mostly control characters: a binary file that happened to decode.
    private static func checkedText(_ text: String, file: String) throws(ImportError) -> String {
        var controls = 0
        var total = 0
        for scalar in text.unicodeScalars.prefix(8192) {
            total += 1
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" { controls += 1 }
        }
        if total > 0 && controls * 20 > total { throw .binary(file) }
        return text
    }

    /// Converts bytes to UTF-8 with the C library's iconv; nil when they are not valid in that encoding.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inputPointer: UnsafeMutablePointer<CChar>? = inputBuffer.baseAddress
                var outputPointer: UnsafeMutablePointer<CChar>? = outputBuffer.baseAddress
                return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        guard result != -1, inputLeft == 0 else { return nil }
        let produced = output[0..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
        return String(validating: produced, as: UTF8.self)
    }
}
