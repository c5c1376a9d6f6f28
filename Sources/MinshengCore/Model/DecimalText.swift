import Foundation

/// Exact text form of `Decimal` values, as stored in the database and written in JSON ("98600", "9.86").
///
/// Targets and reported values never pass through `Double`.
package enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The plain decimal notation of a value, without exponent or grouping.
    package static func format(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, posix)
    }

    /// A computed quantity (a planned path, a forecast) as shown to people: at most two decimal places, half up,
    /// without trailing zeros (`1.99999…92` is `2`). Reported and target values are shown exactly with ``format(_:)``.
    package static func display(_ value: Decimal) -> String {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return format(output)
    }

    /// Parses plain decimal notation ("98600", "-1.5", "9.86"); nil for anything else.
    package static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var sawDigit = false
        var sawPoint = false
        for (index, scalar) in trimmed.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case ".":
                if sawPoint { return nil }
                sawPoint = true
            case "-", "+": if index != 0 { return nil }
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return Decimal(string: trimmed, locale: posix)
    }

    static func parse(_ text: String, codingPath: [any CodingKey]) throws -> Decimal {
        guard let value = parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "Expected a decimal number as text, got \(text)"))
        }
        return value
    }
}
