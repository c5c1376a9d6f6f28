import Foundation
import MinshengCore

extension ReviewFilter {
    /// The filter read from a query (`period=2019-09&unit=3&item=5&category=2&state=submitted&sort=newest&page=2`);
    /// `state=all` for every state. Refused in the reader's language when a value cannot be read.
    static func read(_ value: (String) -> String?, language: Language) throws -> ReviewFilter {
        var filter = ReviewFilter()
        if let text = value("period"), !text.isEmpty {
            guard let period = Period(text), case .month = period else { throw AppError.invalidInput(PeriodWords(language: language).month()) }
            filter.period = period
        }
        filter.unitID = try number("unit", value, language)
        filter.itemID = try number("item", value, language)
        filter.categoryID = try number("category", value, language)
        if let text = value("state"), !text.isEmpty {
            if text == "all" {
                filter.state = nil
            } else {
                guard let state = ReportState(rawValue: text) else { throw FormRefusals.unreadable("state") }
                filter.state = state
            }
        }
        if let text = value("sort"), !text.isEmpty {
            guard let sort = Sort(rawValue: text) else { throw FormRefusals.unreadable("sort") }
            filter.sort = sort
        }
        filter.page = try number("page", value, language).map { max(1, Int($0)) } ?? 1
        return filter
    }

    private static func number(_ name: String, _ value: (String) -> String?, _ language: Language) throws -> Int64? {
        guard let text = value(name), !text.isEmpty else { return nil }
        guard let number = Int64(text) else { throw FormRefusals.unreadable(name) }
        return number
    }

    /// The filter as query parameters, with the plan; the page only when past the first.
    func query(planID: Int64, page: Int? = nil) -> String {
        var parts = ["plan=\(planID)"]
        if let period { parts.append("period=\(period)") }
        if let unitID { parts.append("unit=\(unitID)") }
        if let itemID { parts.append("item=\(itemID)") }
        if let categoryID { parts.append("category=\(categoryID)") }
        parts.append("state=\(state?.rawValue ?? "all")")
        if sort != .newest { parts.append("sort=\(sort.rawValue)") }
        let page = page ?? self.page
        if page > 1 { parts.append("page=\(page)") }
        return parts.joined(separator: "&")
    }
}
