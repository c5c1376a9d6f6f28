import Foundation

/// Where Minsheng keeps its data: an embedded SQLite file in the data folder, or PostgreSQL.
enum DatabaseConfiguration: Sendable, Equatable {
    /// An SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL server, as a `postgres://` URL; `searchPath` selects a schema (used by tests).
    case postgres(url: String, searchPath: String? = nil)

    /// The file name of the embedded database inside the data folder.
    static let sqliteFileName = "minsheng.sqlite"

    /// PostgreSQL when `DATABASE_URL` names it, otherwise SQLite in `dataDirectory`.
    static func resolve(dataDirectory: String, environment: [String: String]) throws -> DatabaseConfiguration {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw AppError.badConfiguration("DATABASE_URL must start with postgres:// (got \(url.prefix(20))…)")
            }
            return .postgres(url: url)
        }
        return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent(sqliteFileName).path)
    }

    /// A description for logs that never shows a password.
    var redacted: String {
        switch self {
        case .sqlite(let path):
            return "SQLite \(path)"
        case .postgres(let url, _):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}
