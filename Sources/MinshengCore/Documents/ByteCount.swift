import Foundation

/// A byte count in words for messages: `20 MB`, `64 GB` (binary units, as the limits are set).
package enum ByteCount {
    package static func text(_ bytes: UInt64) -> String {
        let units: [(UInt64, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (size, name) in units where bytes >= size {
            if bytes % size == 0 { return "\(bytes / size) \(name)" }
            return String(format: "%.1f \(name)", Double(bytes) / Double(size))
        }
        return "\(bytes) B"
    }
}
