import Foundation

/// The bundled demo plan: 《2019年洛阳市重点民生实事工作方案》, byte for byte as published.
package enum DemoPlan {
    /// The document's text.
    package static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "luoyang-2019", withExtension: "txt") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
