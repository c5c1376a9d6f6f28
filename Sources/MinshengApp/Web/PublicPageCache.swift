import Crypto
import Foundation
import Hummingbird

/// Rendered public pages held in memory, so that a burst of readers costs a dictionary lookup. Entries are dropped
/// when this process changes the plan's public data (a publication, a rating, an answer, a photo approval) and expire
/// after `lifetime` seconds, which bounds how stale a page can be when another server process made the change.
final class PublicPageCache: @unchecked Sendable {
    /// A rendered page with its validator.
    struct Entry: Sendable {
        var body: ByteBuffer
        var contentType: String
        /// A strong ETag: the quoted start of the body's SHA-256.
        var etag: String
        var storedAt: Date
        /// The response headers every reader of the page gets, built once.
        var headers: HTTPFields = [:]
    }

    private let lock = NSLock()
    private var entries: [Int64: [String: Entry]] = [:]
    private let lifetime: TimeInterval
    private let clock: @Sendable () -> Date

    init(lifetime: TimeInterval = 10, clock: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.clock = clock
    }

    /// The cached page, or the freshly rendered one, which is stored for the next reader.
    /// `render` gives the page, its type and the headers sent with it besides its type and ETag.
    func page(
        planID: Int64, key: String, render: () async throws -> (body: String, contentType: String, headers: HTTPFields)
    ) async throws -> Entry {
        let now = clock()
        if let entry = lookup(planID: planID, key: key), now.timeIntervalSince(entry.storedAt) < lifetime { return entry }
        let rendered = try await render()
        let digest = SHA256.hash(data: Data(rendered.body.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        var entry = Entry(body: ByteBuffer(string: rendered.body), contentType: rendered.contentType, etag: "\"\(digest)\"", storedAt: now)
        entry.headers = [.contentType: entry.contentType, .eTag: entry.etag]
        entry.headers.append(contentsOf: rendered.headers)
        store(entry, planID: planID, key: key)
        return entry
    }

    /// Drops every page of a plan.
    func invalidate(planID: Int64) {
        lock.lock()
        entries[planID] = nil
        lock.unlock()
    }

    private func lookup(planID: Int64, key: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[planID]?[key]
    }

    private func store(_ entry: Entry, planID: Int64, key: String) {
        lock.lock()
        entries[planID, default: [:]][key] = entry
        lock.unlock()
    }
}
