import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Office Open XML package (.docx, .xlsx): a ZIP archive of XML parts, read under ``BoundedZip/Limits/officePackage``
/// so that only the parts asked for are inflated, and never beyond the limits.
struct OfficePackage {
    /// The cells a workbook's sheets, or a document's tables, may spread to once merged and spanned cells are
    /// filled in: a thousand times a large form, and at most a few tens of MB of empty cells.
    static let maxCells = 1_000_000

    let archive: BoundedZip
    let file: String

    /// Opens the bytes as a package, telling encrypted and legacy files (OLE compound documents) from corrupt ones.
    init(data: Data, file: String) throws(ImportError) {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .encrypted(file) }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .corrupt(file, "不是 ZIP 压缩包 (not a ZIP archive)") }
        do {
            archive = try BoundedZip(data: data, limits: .officePackage)
        } catch {
            throw Self.refusal(error, file: file)
        }
        self.file = file
    }

    func contains(_ path: String) -> Bool { archive.entry(path) != nil }

    /// The bytes of a part, or nil when the package has no such part.
    func part(_ path: String) throws(ImportError) -> Data? {
        guard let entry = archive.entry(path) else { return nil }
        do {
            return try archive.data(of: entry)
        } catch {
            throw Self.refusal(error, file: file)
        }
    }

    /// The import error for an archive the reader refused: too large, or damaged.
    static func refusal(_ error: any Error, file: String) -> ImportError {
        guard let error = error as? ZipError else { return .corrupt(file, "无法解压 (cannot extract: \(error))") }
        let why = "\(error.chinese) (\(error.english))"
        switch error.kind {
        case .tooManyEntries, .entryTooLarge, .totalTooLarge: return .tooLarge(file, why)
        default: return .corrupt(file, why)
        }
    }

    func requiredPart(_ path: String) throws(ImportError) -> Data {
        guard let data = try part(path) else { throw .corrupt(file, "缺少 \(path) (\(path) is missing)") }
        return data
    }

    /// Parses a part with a SAX handler; a malformed part is a corrupt file.
    func parse(_ path: String, with handler: some XMLHandler) throws(ImportError) {
        try Self.parse(try requiredPart(path), name: path, file: file, with: handler)
    }

    /// The part is fed to the parser a chunk at a time: handed all at once, libxml2 refuses parts over 10 MB and keeps
    /// copies of the whole part while it parses.
    static func parse(_ data: Data, name: String, file: String, with handler: some XMLHandler) throws(ImportError) {
        let parser = XMLParser(stream: InputStream(data: data))
        let delegate = XMLDelegate(handler: handler)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0)" } ?? "unknown"
            throw .corrupt(file, "\(name) 不是有效的 XML (\(name) is not valid XML: \(reason))")
        }
    }
}

/// Receives SAX events with qualified element names (`w:p`).
protocol XMLHandler: AnyObject {
    func start(_ name: String, attributes: [String: String])
    func end(_ name: String)
    func text(_ string: String)
}

private final class XMLDelegate: NSObject, XMLParserDelegate {
    let handler: any XMLHandler

    init(handler: any XMLHandler) {
        self.handler = handler
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        handler.start(qName ?? elementName, attributes: attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        handler.end(qName ?? elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.text(string)
    }
}
