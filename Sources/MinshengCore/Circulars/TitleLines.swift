/// A document title broken into lines as GB/T 9704-2012 asks of a title that does not fit one line (回行时，要做到词意
/// 完整，排列对称，长短适宜): breaks fall only between phrases (after 关于, around a date such as 2019年1—9月份, before
/// the words of a plan's titles such as 重点民生实事 and 进展情况, before the closing 的通报, around brackets and after
/// 、), never inside a word, a number or a bracket; of the fewest lines that fit, the most even ones are chosen, a
/// first line no wider than the rest (梯形 or 菱形) preferred.
package enum TitleLines {
    /// Words that begin a phrase in the titles of livelihood plans and their documents.
    static let phrases = ["重点民生实事", "民生实事", "进展情况", "完成情况", "办理情况", "落实情况", "推进情况", "工作方案", "实施方案", "督查情况"]
    /// Characters that continue a date or period after its digits.
    static let dateCharacters: Set<Character> = ["年", "月", "日", "份", "—", "–", "-", "~", "至", "季", "度"]
    static let opening: Set<Character> = ["（", "(", "《", "“", "〔", "【"]
    static let closing: Set<Character> = ["）", ")", "》", "”", "〕", "】"]

    /// The title's lines, each at most `limit` full characters wide (ASCII letters and digits count as half).
    package static func lines(_ title: String, limit: Int) -> [String] {
        let chars = Array(title)
        let widths = chars.map { $0.isASCII ? 1 : 2 }
        let limit = limit * 2
        guard widths.reduce(0, +) > limit else { return [title] }
        let candidates = breaks(in: chars)
        var best: (score: Int, breaks: [Int])?
        for count in 1...max(1, candidates.count) {
            search(candidates: candidates, widths: widths, limit: limit, count: count, from: 0, start: 0, chosen: []) { breaks, lineWidths in
                let score = ((lineWidths.max() ?? 0) - (lineWidths.min() ?? 0)) * 2 + (lineWidths[0] > lineWidths.dropFirst().max() ?? 0 ? 1 : 0)
                if best == nil || score < best!.score { best = (score, breaks) }
            }
            if best != nil { break }
        }
        let chosen = best?.breaks ?? greedyBreaks(widths: widths, limit: limit)
        return zip([0] + chosen, chosen + [chars.count]).map { String(chars[$0..<$1]) }
    }

    /// Every index a line may begin at, in order.
    static func breaks(in chars: [Character]) -> [Int] {
        var result = Set<Int>()
        var depth = 0
        var depths: [Int] = []
        for c in chars {
            if closing.contains(c) { depth = max(0, depth - 1) }
            depths.append(depth)
            if opening.contains(c) { depth += 1 }
        }
        let text = String(chars)
        if text.hasPrefix("关于") { result.insert(2) }
        var index = 0
        while index < chars.count {
            if chars[index].isASCII && chars[index].isNumber {
                let start = index
                while index < chars.count && ((chars[index].isASCII && chars[index].isNumber) || dateCharacters.contains(chars[index])) { index += 1 }
                result.formUnion([start, index])
                continue
            }
            if let phrase = phrases.first(where: { chars[index...].starts(with: $0) }) {
                result.insert(index)
                index += phrase.count
                continue
            }
            if opening.contains(chars[index]) { result.insert(index) }
            if closing.contains(chars[index]) || chars[index] == "、" || chars[index] == "，" { result.insert(index + 1) }
            if chars[index] == "的", chars.count - index <= 6, !chars[(index + 1)...].contains("的") { result.insert(index) }
            index += 1
        }
        return result.filter { $0 > 0 && $0 < chars.count && depths[$0] == 0 && !closing.contains(chars[$0]) }.sorted()
    }

    /// Calls `found` with every choice of `count` breaks whose lines fit the limit.
    private static func search(
        candidates: [Int], widths: [Int], limit: Int, count: Int, from: Int, start: Int, chosen: [Int],
        found: ([Int], [Int]) -> Void
    ) {
        if chosen.count == count {
            let lines = zip([0] + chosen, chosen + [widths.count]).map { widths[$0..<$1].reduce(0, +) }
            if lines.allSatisfy({ $0 <= limit }) { found(chosen, lines) }
            return
        }
        for position in from..<candidates.count {
            let next = candidates[position]
            guard widths[start..<next].reduce(0, +) <= limit else { return }
            search(
                candidates: candidates, widths: widths, limit: limit, count: count, from: position + 1, start: next, chosen: chosen + [next],
                found: found)
        }
    }

    /// Breaks wherever a line is full, for a title whose phrases are each too long for a line.
    private static func greedyBreaks(widths: [Int], limit: Int) -> [Int] {
        var breaks: [Int] = []
        var width = 0
        for (index, character) in widths.enumerated() {
            if width + character > limit, index > 0 {
                breaks.append(index)
                width = 0
            }
            width += character
        }
        return breaks
    }
}
