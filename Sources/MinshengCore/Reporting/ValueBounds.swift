import Foundation

/// The values a report may carry for an indicator, by its kind: never negative, never beyond what any city could
/// reach (a quadrillion, six decimal places), a percentage at most a thousand per cent, and a milestone a date
/// rather than a number.
public enum ValueBounds {
    /// Why a value is refused.
    public enum Refusal: Error, Sendable, Equatable {
        case negative
        case tooLarge(limit: Decimal)
        case tooPrecise(places: Int)
        case numberForMilestone
    }

    /// The largest value of any indicator.
    public static let largest: Decimal = 1_000_000_000_000_000
    /// The largest percentage (over-fulfilment included).
    public static let largestPercentage: Decimal = 1000
    /// Decimal places kept.
    public static let places = 6

    /// Whether a measure is a percentage.
    public static func isPercentage(_ measure: String) -> Bool {
        measure.contains("%") || measure.contains("％")
    }

    /// Why a number is refused for an indicator of this kind and measure, or nil when it is acceptable.
    public static func refusal(_ value: Decimal, kind: Indicator.Kind, measure: String) -> Refusal? {
        if kind == .milestone { return .numberForMilestone }
        if value < 0 { return .negative }
        let limit = isPercentage(measure) ? largestPercentage : largest
        if value > limit { return .tooLarge(limit: limit) }
        var scaled = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, places, .plain)
        if rounded != value { return .tooPrecise(places: places) }
        return nil
    }
}
