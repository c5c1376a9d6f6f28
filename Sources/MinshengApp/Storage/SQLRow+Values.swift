import Foundation
import MinshengCore
import SQLKit

/// Decoding helpers for the column types Minsheng stores.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try decode(column: column, as: Int64.self) }
    func optionalInt64(_ column: String) throws -> Int64? { try decode(column: column, as: Int64?.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    /// A `Decimal` stored as exact text.
    func optionalDecimal(_ column: String) throws -> Decimal? {
        guard let text = try optionalString(column) else { return nil }
        guard let value = DecimalText.parse(text) else {
            throw AppError(.internalError, "Column \(column) holds \(text), which is not a decimal number")
        }
        return value
    }

    /// A date stored as `YYYY-MM-DD`.
    func optionalDate(_ column: String) throws -> CalendarDate? {
        guard let text = try optionalString(column) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw AppError(.internalError, "Column \(column) holds \(text), which is not a date")
        }
        return date
    }

    /// A value of a string-backed enumeration.
    func enumeration<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string(column)
        guard let value = E(rawValue: raw) else {
            throw AppError(.internalError, "Column \(column) holds \(raw), which is not a \(E.self)")
        }
        return value
    }
}

extension SQLInsertBuilder {
    /// Runs the insert and returns the `id` the database assigned.
    func insertedID() async throws -> Int64 {
        guard let row = try await returning("id").first() else {
            throw AppError(.internalError, "The database returned no id for an insert")
        }
        return try row.int64("id")
    }
}
