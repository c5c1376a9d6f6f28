import Foundation
import Hummingbird

/// Form fields of an `application/x-www-form-urlencoded` body, in order, with repeated names kept.
struct FormFields: Sendable {
    var pairs: [(String, String)]

    init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    init(body: String) {
        pairs = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Reads a form body of up to `limit` bytes.
    static func read(_ request: Request, context: AppRequestContext, limit: Int = 4 * 1024 * 1024) async throws -> FormFields {
        let buffer = try await request.body(upTo: limit, language: context.language)
        return FormFields(body: String(buffer: buffer))
    }

    subscript(_ name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    /// The trimmed value, or nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
