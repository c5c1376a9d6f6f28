import Foundation

/// Reads an item's targets from its text: quantities with their comparators, breakdowns (其中…, bracketed parts),
/// allocations to places, targets set by a higher level (以省下达任务为准), dated milestones and other commitments.
///
/// Numbers that are not targets stay out: ordinals (第三批), ages (80岁以上), names (4G), durations (用1年的时间),
/// years, equivalences (相当于1100个), multi-year totals (三年整治228座) and the scope words of a chain such as
/// 5个县14个行政村15个基站, where only the last number is the target.
///
/// The rules live in extensions: `TargetExtractor+Targets` (which numbers are targets), `TargetExtractor+Names` (names,
/// labels, comparators) and `TargetExtractor+Milestones` (indicators without numbers); `Sentence` splits the text.
package struct TargetExtractor: Sendable {
    /// The plan's year, for deadlines such as 12月底前.
    package var year: Int?

    package init(year: Int?) {
        self.year = year
    }

    /// The indicators of an item, given its text and the names of its units (to tell places from parts).
    package func indicators(in text: String, units: [String] = []) -> [IndicatorDraft] {
        var result: [IndicatorDraft] = []
        for sentence in Sentence.split(text) {
            read(sentence, into: &result, units: units)
        }
        if result.isEmpty {
            result.append(IndicatorDraft(name: ItemShortTitle.make(from: text), target: nil, unit: "", kind: .qualitative, source: text))
        }
        return result
    }

    /// The item with its indicators and deadline read from its text.
    package func completing(_ item: ItemDraft) -> ItemDraft {
        var item = item
        item.indicators = indicators(in: item.text, units: item.leadUnits + item.responsibleUnits)
        item.deadline = deadline(in: item.text)
        return item
    }

    /// The item's own deadline: the latest deadline its text names.
    package func deadline(in text: String) -> CalendarDate? {
        year.flatMap { Deadlines.find(in: text, year: $0) }
    }

    // MARK: Sentences

    private func read(_ sentence: Sentence, into result: inout [IndicatorDraft], units: [String]) {
        let chars = sentence.chars
        let isProvisional = sentence.brackets.contains { $0.kind == .provisional } || Self.mentionsHigherLevel(String(chars))
        let sentenceDeadline = year.flatMap { Deadlines.find(in: String(chars), year: $0) }
        var found: [(quantity: Quantity, clause: Clause)] = []
        for quantity in QuantityScanner.scan(chars) where !sentence.isInsideBracket(quantity.numberStart) {
            guard let clause = sentence.clause(containing: quantity.numberStart), isTarget(quantity, in: chars, clause: clause) else { continue }
            found.append((quantity, clause))
        }
        found = Self.droppingScopeChains(found, in: chars)

        let breakdownStart = Self.breakdownMarker(in: chars)
        var sentenceIndicators: [IndicatorDraft] = []
        var parentIndex: Int?
        if breakdownStart == 0, let last = result.indices.last, result[last].target != nil {
            parentIndex = -1 - last
        }
        for (quantity, clause) in found {
            var indicator = makeIndicator(quantity, clause: clause, in: sentence, sentenceDeadline: sentenceDeadline)
            if isProvisional { indicator.provisional = true }
            let afterBreakdown = breakdownStart.map { quantity.numberStart > $0 } ?? false
            if afterBreakdown, let parent = parentIndex {
                let label = Self.label(before: quantity, in: chars, from: max(breakdownStart! + 2, clause.range.lowerBound))
                if parent < 0 {
                    attach(indicator, label: label, toParent: &result[-1 - parent], units: units)
                } else {
                    attach(indicator, label: label, toParent: &sentenceIndicators[parent], units: units)
                }
                continue
            }
            if let bracket = sentence.brackets.first(where: { bracket in
                bracket.kind == .breakdown && bracket.range.lowerBound >= quantity.range.upperBound
                    && clause.range.contains(bracket.range.lowerBound)
                    && !found.contains { $0.quantity.numberStart > quantity.numberStart && $0.quantity.numberStart < bracket.range.lowerBound }
            }) {
                for part in bracket.parts(in: chars) {
                    var child = makeIndicator(part.quantity, clause: Clause(range: part.range), in: sentence, sentenceDeadline: sentenceDeadline)
                    child.provisional = indicator.provisional
                    attach(child, label: part.label, toParent: &indicator, units: units)
                }
            }
            sentenceIndicators.append(indicator)
            if breakdownStart.map({ quantity.numberStart < $0 }) ?? false { parentIndex = sentenceIndicators.count - 1 }
        }

        if sentenceIndicators.isEmpty {
            if isProvisional, let provisional = provisionalIndicator(in: sentence) {
                let known = result.contains { $0.provisional && ($0.name.contains(provisional.name) || provisional.name.contains($0.name)) }
                if !known { sentenceIndicators.append(provisional) }
            } else {
                sentenceIndicators += milestones(in: sentence)
            }
        }
        result += sentenceIndicators
    }

    /// Adds a part to its parent: an allocation when its label names a place, otherwise a child indicator.
    private func attach(_ part: IndicatorDraft, label: String, toParent parent: inout IndicatorDraft, units: [String]) {
        guard part.unit == parent.unit else {
            parent.children.append(part)
            return
        }
        if Self.isPlace(label, units: units) {
            parent.allocations.append(AllocationDraft(to: label, target: part.target ?? 0))
        } else {
            var child = part
            if !label.isEmpty { child.name = label }
            parent.children.append(child)
        }
    }

    private func makeIndicator(_ quantity: Quantity, clause: Clause, in sentence: Sentence, sentenceDeadline: CalendarDate?) -> IndicatorDraft {
        let chars = sentence.chars
        let name = Self.name(for: quantity, clause: Self.segment(of: quantity, in: clause, sentence: sentence), in: sentence)
        let isRate =
            quantity.unit == "%" || quantity.unit == "％" || quantity.unit == "‰" || quantity.unit.hasSuffix("百分点")
            || name.hasSuffix("率") || name.hasSuffix("比例") || name.hasSuffix("覆盖面")
        let clauseText = String(chars[clause.range])
        return IndicatorDraft(
            name: name,
            target: quantity.value,
            unit: quantity.unit == "％" ? "%" : quantity.unit,
            comparator: Self.comparator(around: quantity, in: chars, clause: clause),
            kind: isRate ? .rate : .cumulative,
            deadline: year.flatMap { Deadlines.find(in: clauseText, year: $0) } ?? sentenceDeadline,
            source: clauseText.trimmedSpaces
        )
    }
}
