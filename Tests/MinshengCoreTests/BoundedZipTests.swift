import Foundation
import Testing

@testable import MinshengCore

/// Zip bombs and lying archives are refused with a message naming the file, the part and the reason, before they
/// inflate to more than the limits; honest archives read as before.
@Suite struct BoundedZipTests {
    static let workbook = ZipBytes.Entry.stored(
        "xl/workbook.xml", Array(#"<workbook><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>"#.utf8))
    static let sheet = "xl/worksheets/sheet1.xml"

    static func importError(_ entries: [ZipBytes.Entry], file: String = "form.xlsx") -> ImportError? {
        do {
            _ = try PlanImporter().read(ZipBytes.archive(entries), fileName: file)
            return nil
        } catch {
            return error
        }
    }

    static func zipError(_ body: () throws -> Void) -> ZipError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ZipError
        }
    }

    @Test func aSheetThatInflatesToHundredsOfMegabytesButDeclaresAThousandBytesIsStoppedThere() throws {
        let bomb = ZipBytes.Entry.repeated(Self.sheet, count: 300 << 20, declaring: 1_000)
        #expect(bomb.payload.count < 2 << 20)
        let error = try #require(Self.importError([Self.workbook, bomb]))
        #expect(error.kind == .corrupt)
        #expect(error.description.hasPrefix("form.xlsx: "))
        #expect(error.description.contains("xl/worksheets/sheet1.xml 解压后的大小与文件头声明的 1000 字节不符"))
        #expect(error.description.contains("xl/worksheets/sheet1.xml does not inflate to the 1000 bytes its headers declare"))
    }

    @Test func aPartThatSaysItIsLargerThanTheLimitIsNotInflated() throws {
        let large = ZipBytes.Entry.repeated(Self.sheet, count: 300 << 20)
        let error = try #require(Self.importError([Self.workbook, large], file: "plan.xlsx"))
        #expect(error.kind == .tooLarge)
        #expect(error.description == "plan.xlsx: xl/worksheets/sheet1.xml 解压后超过 32 MB (xl/worksheets/sheet1.xml inflates beyond 32 MB)")
    }

    @Test func aPackageWithTooManyEntriesIsRefusedBeforeItsDirectoryIsRead() throws {
        let padding = (0..<5_000).map { ZipBytes.Entry.stored("xl/media/image\($0).png", []) }
        let error = try #require(Self.importError([Self.workbook] + padding, file: "plan.docx"))
        #expect(error.kind == .tooLarge)
        #expect(error.description == "plan.docx: 压缩包的条目超过 5000 个 (the archive has more than 5000 entries)")
        #expect(Self.importError([Self.workbook] + padding.dropLast())?.kind != .tooLarge)
    }

    @Test func everyEntryReadCountsTowardsOneTotal() throws {
        let content = [UInt8](repeating: 0x20, count: 400 << 10)
        let entries = (1...3).map { ZipBytes.Entry.stored("part\($0).xml", content) }
        let archive = try BoundedZip(data: ZipBytes.archive(entries), limits: .init(entries: 10, entryBytes: 512 << 10, totalBytes: 1 << 20))
        #expect(try archive.data(of: try #require(archive.entry("part1.xml"))) == Data(content))
        #expect(try archive.data(of: try #require(archive.entry("part1.xml"))) == Data(content))
        #expect(archive.inflatedBytes == 800 << 10)
        let third = try #require(archive.entry("part3.xml"))
        let error = try #require(Self.zipError { _ = try archive.data(of: third) })
        #expect(error.kind == .totalTooLarge)
        #expect(error.english == "the archive inflates beyond 1 MB in all by part3.xml")
        #expect(archive.inflatedBytes == 800 << 10)
    }

    @Test func anEntryIsStoppedAtTheFirstByteBeyondItsDeclaredSize() throws {
        let lying = ZipBytes.Entry.repeated("big.xml", count: 5 << 20, declaring: 100_000)
        let archive = try BoundedZip(data: ZipBytes.archive([lying]), limits: .officePackage)
        let big = try #require(archive.entry("big.xml"))
        var received = 0
        let error = try #require(Self.zipError { try archive.stream(big) { received += $0.count } })
        #expect(error.kind == .sizeMismatch)
        #expect(received <= 100_000)
        var stored = ZipBytes.Entry.stored("short.txt", Array("0123456789".utf8))
        stored.declaredSize = 5
        let storedArchive = try BoundedZip(data: ZipBytes.archive([stored]), limits: .officePackage)
        let short = try #require(storedArchive.entry("short.txt"))
        #expect(Self.zipError { _ = try storedArchive.data(of: short) }?.kind == .sizeMismatch)
    }

    @Test func aDeflateStreamThatRunsOutOfInputIsDamagedAndDoesNotHang() throws {
        // A stored block that promises 65,535 bytes and has six.
        let truncated = ZipBytes.Entry(name: Self.sheet, payload: [0x00, 0xFF, 0xFF, 0x00, 0x00, 1, 2, 3, 4, 5, 6], declaredSize: 100)
        let error = try #require(Self.importError([Self.workbook, truncated]))
        #expect(error.kind == .corrupt)
        #expect(error.description.contains("xl/worksheets/sheet1.xml has damaged compressed data"))
    }

    @Test func entriesThatShareTheirDataOrFailTheirChecksumAreDamaged() throws {
        var second = ZipBytes.Entry.repeated("b.xml", count: 1_000)
        second.headerOffset = 0
        let overlapping = Self.zipError {
            _ = try BoundedZip(data: ZipBytes.archive([.repeated("a.xml", count: 1_000), second]), limits: .officePackage)
        }
        #expect(overlapping?.kind == .damaged)
        #expect(overlapping?.english.contains("overlaps another entry") == true)
        var wrong = ZipBytes.Entry.stored("a.xml", Array("<a/>".utf8))
        wrong.crc ^= 1
        let archive = try BoundedZip(data: ZipBytes.archive([wrong]), limits: .officePackage)
        let entry = try #require(archive.entry("a.xml"))
        #expect(Self.zipError { _ = try archive.data(of: entry) }?.english == "a.xml fails its checksum")
        #expect(Self.zipError { _ = try BoundedZip(data: Data("PK not really".utf8), limits: .officePackage) }?.kind == .notAnArchive)
    }

    @Test func extractionWritesFilesAndFoldersAndRefusesEscapesAndLinks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var folder = ZipBytes.Entry.stored("uploads/", [])
        folder.attributes = 0o040755 << 16
        var photo = ZipBytes.Entry.repeated("uploads/key-1", count: 70_000)
        photo.crc = ZipBytes.crc32([UInt8](repeating: 0x41, count: 70_000))
        let good = [ZipBytes.Entry.stored("manifest.json", Array("{}".utf8)), folder, photo]
        try BoundedZip(data: ZipBytes.archive(good), limits: .officePackage).extractAll(into: directory.appendingPathComponent("good"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("good/uploads/key-1")) == Data(repeating: 0x41, count: 70_000))
        #expect(try Data(contentsOf: directory.appendingPathComponent("good/manifest.json")) == Data("{}".utf8))

        var link = ZipBytes.Entry.stored("uploads/link", Array("/etc/passwd".utf8))
        link.attributes = 0o120777 << 16
        let cases: [(ZipBytes.Entry, ZipError.Kind)] = [
            (.stored("../escaped.txt", Array("x".utf8)), .unsafePath), (.stored("uploads/../../escaped.txt", Array("x".utf8)), .unsafePath),
            (.stored("/tmp/escaped.txt", Array("x".utf8)), .unsafePath), (link, .notAFile),
        ]
        for (entry, kind) in cases {
            let target = directory.appendingPathComponent("bad/inside")
            let error = Self.zipError { try BoundedZip(data: ZipBytes.archive([entry]), limits: .officePackage).extractAll(into: target) }
            #expect(error?.kind == kind, "\(entry.name)")
            #expect(error?.entry == entry.name)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("escaped.txt").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad/escaped.txt").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("bad/inside").path).isEmpty)
    }

    @Test func byteCountsInWords() {
        #expect(ByteCount.text(20 << 20) == "20 MB")
        #expect(ByteCount.text(64 << 30) == "64 GB")
        #expect(ByteCount.text(1_500_000) == "1.4 MB")
        #expect(ByteCount.text(512) == "512 B")
    }
}
