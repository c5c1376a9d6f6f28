import Foundation

/// Reads a plan written as plain text or Markdown into a ``PlanDraft``.
///
/// It copes with the artefacts of real documents: the covering notice interleaved inside an item
/// by a page break, words and unit names split across lines, newspaper trailers after the last item.
package struct PlanTextParser: Sendable {
    /// The plan's year when the caller knows it; otherwise it is read from the title or the notice's date.
    package var year: Int?

    package init(year: Int? = nil) {
        self.year = year
    }

    package func parse(_ text: String) -> PlanDraft {
        let lines = DocumentLine.lines(of: text)
        var builder = Builder(itemStyle: Self.dominantItemStyle(in: lines), year: year)
        for line in lines {
            builder.consume(line)
        }
        return builder.finish()
    }

    /// The numbering style used by most candidate item lines.
    static func dominantItemStyle(in lines: [DocumentLine]) -> Markers.ItemStyle {
        var counts: [Markers.ItemStyle: Int] = [:]
        for line in lines {
            if let marker = Markers.itemMarker(line.text) { counts[marker.style, default: 0] += 1 }
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != .arabic) }?.key ?? .arabic
    }
}

/// The state of one pass over a document's lines.
private struct Builder {
    /// Where a following fragment of text continues.
    enum Continuation {
        case preamble
        case itemText
        case unitLine(index: Int)
        case afterUnits
    }

    let itemStyle: Markers.ItemStyle
    let givenYear: Int?
    var draft = PlanDraft()
    var inNotice = false
    var noticeParagraphs: [String] = []
    var preambleParagraphs: [String] = []
    var categories: [CategoryDraft] = []
    var item: ItemInProgress?
    var continuation = Continuation.preamble
    var lastItemNumber = 0
    var categoryStartedSinceLastItem = false
    var warnings: [String] = []

    init(itemStyle: Markers.ItemStyle, year: Int?) {
        self.itemStyle = itemStyle
        self.givenYear = year
    }

    mutating func consume(_ line: DocumentLine) {
        if inNotice {
            consumeNotice(line)
            return
        }
        let text = line.text
        if isNoticeHeading(text) {
            startNotice(line)
        } else if draft.title.isEmpty && item == nil && isTitle(line) {
            draft.title = text
        } else if let heading = Markers.categoryHeading(text) {
            closeItem()
            categories.append(CategoryDraft(number: heading.number, name: heading.name))
            categoryStartedSinceLastItem = true
            continuation = .afterUnits
        } else if let marker = Markers.itemMarker(text), marker.style == itemStyle, isNextItemNumber(marker.number) {
            closeItem()
            item = ItemInProgress(number: marker.number, line: line.number, text: marker.rest)
            lastItemNumber = marker.number
            categoryStartedSinceLastItem = false
            continuation = .itemText
        } else if Markers.startsWithUnitLabel(text) {
            guard item != nil else {
                warnings.append("第\(line.number)行：单位行不属于任何事项，已忽略：\(text)")
                return
            }
            item!.unitLines.append(text)
            continuation = .unitLine(index: item!.unitLines.count - 1)
        } else {
            consumeText(line)
        }
    }

    private mutating func consumeText(_ line: DocumentLine) {
        let text = line.text
        switch continuation {
        case .preamble:
            Self.appendParagraph(text, to: &preambleParagraphs, warnings: &warnings, line: line.number)
        case .itemText:
            guard item != nil else { return }
            if let last = item!.text.last, !ChineseText.terminalPunctuation.contains(last) {
                item!.text = Self.joinFragments(item!.text, text, warnings: &warnings, line: line.number)
            } else {
                item!.text += "\n" + text
            }
        case .unitLine(let index):
            if UnitListParser.looksIncomplete(item!.unitLines[index]) {
                item!.unitLines[index] = Self.joinFragments(item!.unitLines[index], text, warnings: &warnings, line: line.number)
            } else {
                strayText(line)
            }
        case .afterUnits:
            strayText(line)
        }
    }

    private mutating func strayText(_ line: DocumentLine) {
        let owner = item.map { "第\($0.number)项之后" } ?? "事项之外"
        warnings.append("第\(line.number)行：\(owner)的文字不属于任何事项，未导入：\(line.text)")
        continuation = .afterUnits
    }

    private func isNextItemNumber(_ number: Int) -> Bool {
        if number == lastItemNumber + 1 { return true }
        // Numbering that restarts under each category heading.
        return number == 1 && (lastItemNumber == 0 || categoryStartedSinceLastItem)
    }

    private func isTitle(_ line: DocumentLine) -> Bool {
        let text = line.text
        guard text.count <= 60, Markers.categoryHeading(text) == nil, Markers.itemMarker(text) == nil else { return false }
        let looksLikePlan = ["方案", "计划", "实事", "清单", "项目"].contains { text.has($0) }
        return line.headingLevel != nil ? true : looksLikePlan && !text.contains("，") && !text.contains(",")
    }

    private func isNoticeHeading(_ text: String) -> Bool {
        text.count <= 120 && text.hasSuffix("通知") && (text.has("关于") || text.has("印发"))
    }

    // MARK: Notice

    private mutating func startNotice(_ line: DocumentLine) {
        inNotice = true
        noticeParagraphs.append(line.text)
        if let about = line.text.range(of: "关于") {
            let issuers = line.text[..<about.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
            if draft.issuers.isEmpty { draft.issuers = issuers }
        }
        if let quoted = PlanHeading.bookTitle(in: line.text), draft.title.isEmpty, item == nil {
            draft.title = quoted
        }
    }

    private mutating func consumeNotice(_ line: DocumentLine) {
        if let date = ChineseText.wholeDate(line.text) {
            noticeParagraphs.append(line.text)
            if draft.issuedOn == nil { draft.issuedOn = date }
            inNotice = false
            return
        }
        if line.headingLevel != nil, isTitle(line), line.text.has("方案") || line.text.has("计划") {
            inNotice = false
            consume(line)
            return
        }
        Self.appendParagraph(line.text, to: &noticeParagraphs, warnings: &warnings, line: line.number)
    }

    // MARK: Items

    private mutating func closeItem() {
        guard let finished = item else { return }
        item = nil
        if categories.isEmpty { categories.append(CategoryDraft(number: nil, name: nil)) }
        categories[categories.count - 1].items.append(finished.draft(warnings: &warnings))
    }

    mutating func finish() -> PlanDraft {
        closeItem()
        if inNotice {
            warnings.append("通知没有落款日期，通知之后的文字都归入了通知。")
        }
        draft.categories = categories
        draft.notice = noticeParagraphs.joined(separator: "\n")
        draft.preamble = preambleParagraphs.joined(separator: "\n")
        if draft.title.isEmpty { warnings.append("未找到方案标题。") }
        draft.year = givenYear ?? PlanHeading.year(in: draft.title) ?? draft.issuedOn?.year
        draft.jurisdiction = PlanHeading.jurisdiction(in: draft.title)
        draft.documentNumber = PlanHeading.documentNumber(in: draft.notice) ?? PlanHeading.documentNumber(in: draft.preamble)
        draft.categories = draft.categories.map { category in
            var category = category
            category.items = category.items.map { TargetExtractor(year: draft.year).completing($0) }
            return category
        }
        if draft.items.isEmpty { warnings.append("未找到任何编号事项。") }
        draft.warnings = warnings
        return draft
    }

    // MARK: Text helpers

    /// Appends a line as a new paragraph, or joins it to the last one when that was cut off mid-sentence.
    static func appendParagraph(_ text: String, to paragraphs: inout [String], warnings: inout [String], line: Int) {
        if let last = paragraphs.last, let end = last.last, !ChineseText.terminalPunctuation.contains(end),
            !isStandalone(last)
        {
            paragraphs[paragraphs.count - 1] = joinFragments(last, text, warnings: &warnings, line: line)
        } else {
            paragraphs.append(text)
        }
    }

    /// Lines such as headings or salutations that stand alone though they end without a full stop.
    private static func isStandalone(_ text: String) -> Bool {
        text.hasSuffix("通知") || ChineseText.wholeDate(text) != nil || text.count <= 12
    }

    /// Joins two fragments split by a page break. A character repeated on both sides of the break
    /// before punctuation (路线 + 线、) is a typesetting artefact and is kept once.
    static func joinFragments(_ head: String, _ tail: String, warnings: inout [String], line: Int) -> String {
        let tailChars = Array(tail)
        if let last = head.last, tailChars.count > 1, tailChars[0] == last, ChineseText.isHan(last),
            ChineseText.punctuation.contains(tailChars[1])
        {
            warnings.append("第\(line)行：跨页重复的“\(last)”只保留一个。")
            return head + String(tailChars.dropFirst())
        }
        return head + tail
    }
}

/// An item being read, before its text and unit lines are final.
private struct ItemInProgress {
    var number: Int
    var line: Int
    var text: String
    var unitLines: [String] = []

    func draft(warnings: inout [String]) -> ItemDraft {
        var lead: [String] = []
        var responsible: [String] = []
        var body = text
        if let inline = InlineUnits.extract(from: body) {
            body = inline.remainingText
            lead += inline.lead
            responsible += inline.responsible
        }
        for line in unitLines {
            let parsed = InlineUnits.clauses(in: Array(line))
            lead += parsed.lead
            responsible += parsed.responsible
        }
        var itemWarnings: [String] = []
        if lead.isEmpty { itemWarnings.append("未找到牵头单位。") }
        return ItemDraft(
            number: number, title: ItemShortTitle.make(from: body), text: body,
            leadUnits: lead, responsibleUnits: responsible, warnings: itemWarnings
        )
    }
}

/// Unit clauses written inside an item's text: `（牵头单位：…；责任单位：…）` or `主办单位:X,协办单位:Y。`.
enum InlineUnits {
    struct Result {
        var remainingText: String
        var lead: [String]
        var responsible: [String]
    }

    static func extract(from text: String) -> Result? {
        let chars = Array(text)
        let labels = Markers.unitLabels(in: chars)
        guard let first = labels.first else { return nil }
        var clauseStart = first.start
        var clauseEnd = chars.count
        if clauseStart > 0, chars[clauseStart - 1] == "（" || chars[clauseStart - 1] == "(" {
            clauseStart -= 1
            var depth = 0
            for index in clauseStart..<chars.count {
                if chars[index] == "（" || chars[index] == "(" { depth += 1 }
                if chars[index] == "）" || chars[index] == ")" {
                    depth -= 1
                    if depth == 0 {
                        clauseEnd = index + 1
                        break
                    }
                }
            }
        }
        let parsed = clauses(in: Array(chars[clauseStart..<clauseEnd]))
        var remaining = String(chars[..<clauseStart]) + String(chars[clauseEnd...])
        remaining = remaining.trimmedSpaces
        while let last = remaining.last, last == "，" || last == "," || last == "；" {
            remaining.removeLast()
        }
        return Result(remainingText: remaining, lead: parsed.lead, responsible: parsed.responsible)
    }

    /// Reads every `label:units` clause in a piece of text.
    static func clauses(in chars: [Character]) -> (lead: [String], responsible: [String]) {
        var chars = chars
        if chars.first == "（" || chars.first == "(" { chars.removeFirst() }
        if chars.last == "）" || chars.last == ")" { chars.removeLast() }
        let labels = Markers.unitLabels(in: chars)
        var lead: [String] = []
        var responsible: [String] = []
        for (index, label) in labels.enumerated() {
            let end = index + 1 < labels.count ? labels[index + 1].start : chars.count
            var segment = String(chars[label.contentStart..<end]).trimmedSpaces
            while let last = segment.last, "；;，,。.".contains(last) { segment.removeLast() }
            let names = UnitListParser.parse(segment)
            switch label.role {
            case .lead: lead += names
            case .responsible: responsible += names
            }
        }
        return (lead, responsible)
    }
}
