import Foundation

/// The values a report may carry for an indicator, by its kind: never negative, never beyond what any city could
/// reach (a quadrillion, six decimal places), a percentage at most a thousand per cent, and a milestone a date
/// rather than a number.
package enum ValueBounds {
    /// Why a value is refused.
    package enum Refusal: CodedRefusal, Sendable, Equatable {
        case negative
        case tooLarge(limit: Decimal)
        case tooPrecise(places: Int)
        case numberForMilestone

        package var code: String {
            switch self {
            case .negative: return "value.negative"
            case .tooLarge: return "value.tooLarge"
            case .tooPrecise: return "value.tooPrecise"
            case .numberForMilestone: return "value.numberForMilestone"
            }
        }

        /// Why the value is refused; the caller names the indicator.
        package var phrase: Phrase {
            switch self {
            case .negative: return Phrase(zh: "数值不能为负。", en: "The value cannot be negative.")
            case .tooLarge(let limit):
                let text = DecimalText.format(limit)
                return Phrase(zh: "数值不能超过 \(text)。", en: "The value cannot exceed \(text).")
            case .tooPrecise(let places):
                return Phrase(zh: "数值最多保留 \(places) 位小数。", en: "Give the value with at most \(places) decimal places.")
            case .numberForMilestone:
                return Phrase(zh: "这是节点，请填写完成日期而不是数值。", en: "This is a milestone: give the date it was reached, not a number.")
            }
        }
    }

    /// The largest value of any indicator.
    package static let largest: Decimal = 1_000_000_000_000_000
    /// The largest percentage (over-fulfilment included).
    package static let largestPercentage: Decimal = 1000
    /// Decimal places kept.
    package static let places = 6

    /// Whether a measure is a percentage.
    package static func isPercentage(_ measure: String) -> Bool {
        measure.contains("%") || measure.contains("％")
    }

    /// Why a number is refused for an indicator of this kind and measure, or nil when it is acceptable.
    package static func refusal(_ value: Decimal, kind: Indicator.Kind, measure: String) -> Refusal? {
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
