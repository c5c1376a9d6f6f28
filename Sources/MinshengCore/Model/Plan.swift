/// A year's set of key livelihood commitments (工作方案) of one jurisdiction, with the notice that issued it.
package struct Plan: Sendable, Hashable, Codable, Identifiable {
    /// Where a plan stands in its life: prepared, being carried out, or finished for the year.
    package enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case draft
        case active
        case closed
    }

    package var id: Int64
    package var year: Int
    package var title: String
    package var jurisdictionID: Int64
    /// The bodies that issued the plan, in the order the notice names them.
    package var issuers: [String]
    package var issuedOn: CalendarDate?
    /// The document number (文号), such as 洛办〔2019〕5号, when the document carries one.
    package var documentNumber: String?
    /// The covering notice (通知) that issues the plan.
    package var notice: String
    /// The plan's own opening paragraph, before the first item.
    package var preamble: String
    package var state: State

    package init(
        id: Int64, year: Int, title: String, jurisdictionID: Int64, issuers: [String] = [],
        issuedOn: CalendarDate? = nil, documentNumber: String? = nil, notice: String = "",
        preamble: String = "", state: State = .active
    ) {
        self.id = id
        self.year = year
        self.title = title
        self.jurisdictionID = jurisdictionID
        self.issuers = issuers
        self.issuedOn = issuedOn
        self.documentNumber = documentNumber
        self.notice = notice
        self.preamble = preamble
        self.state = state
    }
}

/// A heading that groups items (一、脱贫攻坚).
package struct Category: Sendable, Hashable, Codable, Identifiable {
    package var id: Int64
    package var planID: Int64
    /// Position in the plan, from 1; a plan without headings has one category with ordinal 1 and an empty name.
    package var ordinal: Int
    package var name: String

    package init(id: Int64, planID: Int64, ordinal: Int, name: String) {
        self.id = id
        self.planID = planID
        self.ordinal = ordinal
        self.name = name
    }
}

/// One numbered commitment of a plan (民生实事).
package struct Item: Sendable, Hashable, Codable, Identifiable {
    package var id: Int64
    package var planID: Int64
    package var categoryID: Int64
    package var number: Int
    /// The commitment in full, as written.
    package var text: String
    /// A short title for lists, taken from the first sentence.
    package var title: String
    /// The title official documents name the item by: `ItemShortTitle` of the text when imported, then as the office
    /// edits it; never cut with an ellipsis.
    package var shortTitle: String
    /// The item's overall deadline when the text gives one.
    package var deadline: CalendarDate?

    /// An item; without a short title of its own it is named by its title.
    package init(
        id: Int64, planID: Int64, categoryID: Int64, number: Int, text: String, title: String, shortTitle: String? = nil,
        deadline: CalendarDate? = nil
    ) {
        self.id = id
        self.planID = planID
        self.categoryID = categoryID
        self.number = number
        self.text = text
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.deadline = deadline
    }
}
