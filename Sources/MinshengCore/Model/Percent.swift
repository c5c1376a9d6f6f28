import Foundation

/// The one way a share becomes a percentage, on every page, chart, document and export: rounded half up to a whole
/// number, except that nothing short of the whole is ever shown as 100% and nothing above none as 0% (99.6% on-time
/// reporting is 99%, not 100%, while one unit still owes reports).
package enum Percent {
    /// A share as a whole percentage (0.756 is 76).
    package static func of(_ share: Decimal) -> Int {
        var input = share * 100
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        let rounded = NSDecimalNumber(decimal: output).intValue
        if share > 0 && share < 1 { return min(max(rounded, 1), 99) }
        return rounded
    }

    /// A share as text: `76%`, or `—` when there is none.
    package static func text(_ share: Decimal?) -> String {
        share.map { "\(of($0))%" } ?? "—"
    }

    /// A share with one decimal place (`83.3%`), for scores whose points are explained to the decimal, under the
    /// same rule at the ends.
    package static func tenths(_ share: Decimal?) -> String {
        guard let share else { return "—" }
        var input = share * 100
        var output = Decimal()
        NSDecimalRound(&output, &input, 1, .plain)
        if share > 0 && share < 1 { output = min(max(output, Decimal(string: "0.1")!), Decimal(string: "99.9")!) }
        return "\(DecimalText.format(output))%"
    }

    /// A count over a total as a share, nil for an empty total.
    package static func share(_ count: Int, of total: Int) -> Decimal? {
        total > 0 ? Decimal(count) / Decimal(total) : nil
    }
}
