import Foundation
import Testing

@testable import MinshengApp

/// The audit log reads as sentences: every action code the application writes has its words in both languages.
@Suite struct AuditWordsTests {
    /// The literal action codes passed to `record(` anywhere in the application's sources.
    static func writtenCodes() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MinshengApp")
        let pattern = try NSRegularExpression(pattern: #"record\(\s*"([a-zA-Z]+\.[a-zA-Z+.]+|login|logout)""#)
        var codes: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }

    @Test func everyActionHasItsSentence() throws {
        let codes = try Self.writtenCodes()
        #expect(codes.count > 40, "found \(codes.count) codes")
        let zh = AuditWords(language: .zh)
        let en = AuditWords(language: .en)
        for code in codes {
            #expect(zh.action(code) != zh.action("no.suchAction"), "\(code) has no Chinese words")
            #expect(en.action(code) != en.action("no.suchAction"), "\(code) has no English words")
        }
        #expect(zh.sentence(actor: "admin", code: "report.accept", entity: "report", id: "12") == "admin 审核通过了 报告 #12")
        #expect(en.sentence(actor: "admin", code: "report.accept", entity: "report", id: "12") == "admin accepted report #12")
        #expect(zh.action("rectification.close") == "整改（销号）")
    }
}
