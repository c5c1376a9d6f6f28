import Foundation

/// How an inspection was made: announced (open) or unannounced (暗访).
public enum InspectionMode: String, Sendable, Hashable, Codable, CaseIterable {
    case open, unannounced

    public var chineseName: String { self == .open ? "现场检查" : "暗访" }
    public var englishName: String { self == .open ? "Announced visit" : "Unannounced visit" }
}

/// A figure an inspector checked: what the unit reported and what was found on site.
public struct CheckedValue: Sendable, Hashable, Codable {
    public var indicatorID: Int64
    /// The accepted value reported at the time of the inspection, if any.
    public var reported: Decimal?
    public var verified: Decimal

    public init(indicatorID: Int64, reported: Decimal?, verified: Decimal) {
        self.indicatorID = indicatorID
        self.reported = reported
        self.verified = verified
    }
}

/// When a verified value is "well below" the reported one: short by more than a share of the reported value.
public struct DiscrepancyRule: Sendable, Hashable, Codable {
    /// The tolerated shortfall as a share of the reported value (0.1 is 10%).
    public var tolerance: Decimal

    public init(tolerance: Decimal = Decimal(string: "0.1")!) {
        self.tolerance = tolerance
    }

    /// The shortfall as a share of the reported value, when the verified value is below the reported one.
    public func shortfall(_ value: CheckedValue) -> Decimal? {
        guard let reported = value.reported, reported > 0, value.verified < reported else { return nil }
        return (reported - value.verified) / reported
    }

    /// Whether the check found the reported figure overstated beyond the tolerance.
    public func isDiscrepancy(_ value: CheckedValue) -> Bool {
        guard let shortfall = shortfall(value) else { return false }
        return shortfall > tolerance
    }
}

/// Where a rectification (整改) stands: required, reported by the unit with evidence, closed by the inspector, or
/// reopened when the evidence does not satisfy.
public enum RectificationState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, reported, closed, reopened

    public var chineseName: String {
        switch self {
        case .open: return "待整改"
        case .reported: return "已报整改"
        case .closed: return "已销号"
        case .reopened: return "重新整改"
        }
    }

    public var englishName: String {
        switch self {
        case .open: return "Open"
        case .reported: return "Reported"
        case .closed: return "Closed"
        case .reopened: return "Reopened"
        }
    }

    /// What a rectification may do next.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case report, close, reopen
    }

    /// The state after an action, or nil when the action is not allowed now.
    public func after(_ action: Action) -> RectificationState? {
        switch (self, action) {
        case (.open, .report), (.reopened, .report): return .reported
        case (.reported, .close): return .closed
        case (.reported, .reopen): return .reopened
        default: return nil
        }
    }

    /// Still to be done (and so possibly overdue).
    public var isPending: Bool { self == .open || self == .reopened }
}
