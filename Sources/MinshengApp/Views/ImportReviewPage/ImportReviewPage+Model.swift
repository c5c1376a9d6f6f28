import Foundation
import MinshengCore

/// What the import review page shows: each item's source text with its numbers marked, beside editable fields.
struct ImportReviewPage {
    struct Model {
        /// A stretch of source text, marked when it is a number.
        struct Segment: Equatable {
            enum Mark { case none, target, ignored }
            var text: String
            var mark: Mark
        }

        /// One editable row of an item's indicators: an indicator at some depth, or an allocation.
        struct IndicatorRow {
            var key: String
            var depth: Int
            var indicator: IndicatorDraft?
            var allocation: AllocationDraft?
        }

        struct ItemRow {
            var item: ItemDraft
            var category: String?
            var segments: [Segment]
            var rows: [IndicatorRow]
        }

        var importDraft: ImportDraft
        var items: [ItemRow]
        /// The stored plan this import would replace or update, and how they differ.
        var existing: (plan: Plan, diff: PlanDiff)?
        /// Whether that plan has reports: then changes are accepted one by one instead of replacing the plan.
        var existingHasReports: Bool
        var error: String?

        init(importDraft: ImportDraft, existing: (plan: Plan, diff: PlanDiff)?, existingHasReports: Bool = false, error: String? = nil) {
            self.importDraft = importDraft
            self.existing = existing
            self.existingHasReports = existingHasReports
            self.error = error
            items = importDraft.draft.categories.flatMap { category in
                category.items.map { item in
                    ItemRow(item: item, category: category.name, segments: Self.segments(of: item), rows: IndicatorEdits.rows(of: item.indicators))
                }
            }
        }

        var draft: PlanDraft { importDraft.draft }

        /// The item's text cut into plain stretches and numbers, the numbers marked by whether they became targets.
        static func segments(of item: ItemDraft) -> [Segment] {
            let chars = Array(item.text)
            var targets: [String] = []
            func collect(_ indicator: IndicatorDraft) {
                if let target = indicator.target { targets.append(DecimalText.format(target) + indicator.unit) }
                targets += indicator.allocations.map { DecimalText.format($0.target) + indicator.unit }
                indicator.children.forEach(collect)
            }
            item.indicators.forEach(collect)
            var segments: [Segment] = []
            var position = 0
            for quantity in QuantityScanner.scan(chars) {
                if quantity.range.lowerBound > position {
                    segments.append(Segment(text: String(chars[position..<quantity.range.lowerBound]), mark: .none))
                }
                let unit = quantity.unit == "％" ? "%" : quantity.unit
                let key = DecimalText.format(quantity.value) + unit
                let isTarget = targets.firstIndex(of: key).map { targets.remove(at: $0) } != nil
                segments.append(Segment(text: String(chars[quantity.range]), mark: isTarget ? .target : .ignored))
                position = quantity.range.upperBound
            }
            if position < chars.count { segments.append(Segment(text: String(chars[position...]), mark: .none)) }
            return segments
        }
    }
}

extension ImportReviewPage.Model {
    /// Reads the stored plan `importDraft` would replace or update, and shows the draft beside it.
    static func load(services: Services, importDraft: ImportDraft, error: String? = nil) async throws -> ImportReviewPage.Model {
        let existing = try await services.importDrafts.comparison(importDraft)
        return ImportReviewPage.Model(
            importDraft: importDraft, existing: existing.map { (plan: $0.plan, diff: $0.diff) }, existingHasReports: existing?.hasReports ?? false,
            error: error)
    }
}

/// Turns an item's indicator tree into form rows and form fields back into a tree.
///
/// Rows are keyed by their path: `i0` is the first indicator, `i0.c1` its second child, `i0.a0` its first allocation.
enum IndicatorEdits {
    static func rows(of indicators: [IndicatorDraft]) -> [ImportReviewPage.Model.IndicatorRow] {
        var rows: [ImportReviewPage.Model.IndicatorRow] = []
        func add(_ indicator: IndicatorDraft, key: String, depth: Int) {
            rows.append(.init(key: key, depth: depth, indicator: indicator, allocation: nil))
            for (index, child) in indicator.children.enumerated() { add(child, key: "\(key).c\(index)", depth: depth + 1) }
            for (index, allocation) in indicator.allocations.enumerated() {
                rows.append(.init(key: "\(key).a\(index)", depth: depth + 1, indicator: nil, allocation: allocation))
            }
        }
        for (index, indicator) in indicators.enumerated() { add(indicator, key: "i\(index)", depth: 0) }
        return rows
    }

    /// The item with the form's corrections; throws an error naming the first bad field.
    static func apply(_ form: FormFields, to item: ItemDraft, language: Language) throws -> ItemDraft {
        var item = item
        if let title = form.text("title") { item.title = title }
        item.leadUnits = units(form["leadUnits"] ?? "")
        item.responsibleUnits = units(form["responsibleUnits"] ?? "")
        item.deadline = try date(form.text("deadline"), field: language.strings.deadlineField, item: item.number, language: language)
        var indicators: [IndicatorDraft] = []
        for (index, indicator) in item.indicators.enumerated() {
            if let edited = try apply(form, to: indicator, key: "i\(index)", item: item.number, language: language) {
                indicators.append(edited)
            }
        }
        if let name = form.text("name.new") {
            let blank = IndicatorDraft(name: name, target: nil, unit: "", source: "")
            if let added = try apply(form, to: blank, key: "new", item: item.number, language: language) { indicators.append(added) }
        }
        item.indicators = indicators
        return item
    }

    private static func apply(_ form: FormFields, to indicator: IndicatorDraft, key: String, item: Int, language: Language) throws -> IndicatorDraft?
    {
        if form["delete.\(key)"] != nil { return nil }
        var edited = indicator
        if let name = form.text("name.\(key)") { edited.name = name }
        edited.target = try decimal(form.text("target.\(key)"), indicator: edited.name, item: item, language: language)
        edited.unit = form.text("unit.\(key)") ?? ""
        if let comparator = form["comparator.\(key)"].flatMap(Indicator.Comparator.init(rawValue:)) { edited.comparator = comparator }
        if let kind = form["kind.\(key)"].flatMap(Indicator.Kind.init(rawValue:)) { edited.kind = kind }
        edited.provisional = form["provisional.\(key)"] != nil
        edited.deadline = try date(form.text("deadline.\(key)"), field: edited.name, item: item, language: language)
        var children: [IndicatorDraft] = []
        for (index, child) in indicator.children.enumerated() {
            if let kept = try apply(form, to: child, key: "\(key).c\(index)", item: item, language: language) { children.append(kept) }
        }
        edited.children = children
        var allocations: [AllocationDraft] = []
        for (index, allocation) in indicator.allocations.enumerated() {
            let allocationKey = "\(key).a\(index)"
            guard form["delete.\(allocationKey)"] == nil else { continue }
            let to = form.text("to.\(allocationKey)") ?? allocation.to
            let target = try decimal(
                form.text("target.\(allocationKey)"), indicator: language.strings.allocationField(edited.name, to), item: item, language: language)
            allocations.append(AllocationDraft(to: to, target: target ?? allocation.target))
        }
        edited.allocations = allocations
        return edited
    }

    static func units(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func decimal(_ text: String?, indicator: String, item: Int, language: Language) throws -> Decimal? {
        guard let text else { return nil }
        let normalised = String(text.map { QuantityScanner.asciiDigit($0) ?? ($0 == "．" ? "." : $0) }).replacingOccurrences(of: ",", with: "")
        guard let value = DecimalText.parse(normalised) else {
            throw AppError.invalidInput(language.strings.targetNotANumber(item, indicator, text))
        }
        return value
    }

    private static func date(_ text: String?, field: String, item: Int, language: Language) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw AppError.invalidInput(language.strings.badDate(item, field, text))
        }
        return date
    }
}
