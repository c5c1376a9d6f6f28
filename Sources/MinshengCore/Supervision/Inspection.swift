import Foundation

/// How an inspection was made: announced (open) or unannounced (暗访).
package enum InspectionMode: String, Sendable, Hashable, Codable, CaseIterable {
    case open, unannounced

    package var chineseName: String { self == .open ? "现场检查" : "暗访" }
    package var englishName: String { self == .open ? "Announced visit" : "Unannounced visit" }
}

/// A figure an inspector checked: what the unit reported and what was found on site.
package struct CheckedValue: Sendable, Hashable, Codable {
    package var indicatorID: Int64
    /// The accepted value reported at the time of the inspection, if any.
    package var reported: Decimal?
    package var verified: Decimal

    package init(indicatorID: Int64, reported: Decimal?, verified: Decimal) {
        self.indicatorID = indicatorID
        self.reported = reported
        self.verified = verified
    }
}

/// When a verified value is "well below" the reported one: short by more than a share of the reported value.
package struct DiscrepancyRule: Sendable, Hashable, Codable {
    /// The tolerated shortfall as a share of the reported value (0.1 is 10%).
    package var tolerance: Decimal

    package init(tolerance: Decimal = Decimal(string: "0.1")!) {
        self.tolerance = tolerance
    }

    /// The shortfall as a share of the reported value, when the verified value is below the reported one.
    package func shortfall(_ value: CheckedValue) -> Decimal? {
        guard let reported = value.reported, reported > 0, value.verified < reported else { return nil }
        return (reported - value.verified) / reported
    }

    /// Whether the check found the reported figure overstated beyond the tolerance.
    package func isDiscrepancy(_ value: CheckedValue) -> Bool {
        guard let shortfall = shortfall(value) else { return false }
        return shortfall > tolerance
    }
}

/// Where a rectification (整改) stands: required, reported by the unit with evidence, closed by the inspector, or
/// reopened when the evidence does not satisfy.
package enum RectificationState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, reported, closed, reopened

    package var chineseName: String {
        switch self {
        case .open: return "待整改"
        case .reported: return "已报整改"
        case .closed: return "已销号"
        case .reopened: return "重新整改"
        }
    }

    package var englishName: String {
        switch self {
        case .open: return "Open"
        case .reported: return "Reported"
        case .closed: return "Closed"
        case .reopened: return "Reopened"
        }
    }

    /// What a rectification may do next.
    package enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case report, close, reopen
    }

    /// The state after an action, or nil when the action is not allowed now.
    package func after(_ action: Action) -> RectificationState? {
        switch (self, action) {
        case (.open, .report), (.reopened, .report): return .reported
        case (.reported, .close): return .closed
        case (.reported, .reopen): return .reopened
        default: return nil
        }
    }

    /// Still to be done (and so possibly overdue).
    package var isPending: Bool { self == .open || self == .reopened }
}
