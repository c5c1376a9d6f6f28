/// The short title an item is named by in lists and official documents: a whole phrase of its text, never cut with an
/// ellipsis. It is the first clause of the first sentence that is not a framing one (围绕…, 按照…标准), without bracketed
/// asides of five characters or more (short ones such as 县(市) belong to the name); leading adverbs (继续, 进一步 …)
/// go, and a leading verb (实施, 推进 …) goes when what remains names a project (…工程, …项目, …行动). A clause too
/// short to name anything keeps the clause after it; in a clause too long for a table cell a list closed by 等 keeps
/// its first member (对A、B、C等扶持 → 对A等扶持). The office may replace it by hand.
package enum ItemShortTitle {
    /// A title shorter than this (in characters) is too short to stand alone and takes the next clause.
    static let minimumLength = 4
    /// A title longer than this (in characters) has its lists shortened to their first member.
    static let listLength = 24

    /// Words that open a clause framing the commitment (its basis or aim) rather than stating it.
    static let framingWords = ["围绕", "按照", "根据", "依据", "为了", "立足", "聚焦", "本着"]
    /// Adverbs that lead a commitment and say nothing of what it is.
    static let leadingAdverbs = ["进一步", "继续", "积极", "大力", "全力", "着力", "深入", "持续", "切实"]
    /// Verbs that only announce a project; they go when the rest ends with one of `projectNouns`.
    static let leadingVerbs = ["实施", "推进", "开展", "启动", "组织"]
    static let projectNouns = ["工程", "项目", "行动", "计划", "活动"]

    static let sentenceEnds: Set<Character> = ["。", "；", ";", "！", "!", "？", "?"]
    static let clauseEnds: Set<Character> = ["，", ",", "：", ":"]

    /// The short title of an item's text.
    package static func make(from text: String) -> String {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        var sentence = ""
        for c in ChineseText.removingBracketed(firstLine) {
            if sentenceEnds.contains(c) { break }
            sentence.append(c)
        }
        let clauses = sentence.split(whereSeparator: clauseEnds.contains).map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
        let framing = clauses.prefix { clause in framingWords.contains(where: clause.hasPrefix) }.count
        guard var title = clauses.dropFirst(min(framing, clauses.count - 1)).first else { return sentence.trimmedSpaces }
        var next = min(framing, clauses.count - 1) + 1
        while title.count < minimumLength, next < clauses.count {
            title += "，" + clauses[next]
            next += 1
        }
        return droppingLeadingWords(title.count > listLength ? firstOfLists(title) : title)
    }

    /// The title with each list closed by 等 (A、B、C等) shortened to its first member (A等).
    static func firstOfLists(_ title: String) -> String {
        var chars = Array(title)
        while let first = chars.firstIndex(of: "、"), let end = chars[first...].firstIndex(of: "等") {
            chars.removeSubrange(first..<end)
        }
        return String(chars)
    }

    /// The title without the leading adverbs and, before a project's name, the leading verb.
    static func droppingLeadingWords(_ title: String) -> String {
        var title = title
        var changed = true
        while changed {
            changed = false
            for adverb in leadingAdverbs where title.hasPrefix(adverb) && title.count - adverb.count >= minimumLength {
                title = String(title.dropFirst(adverb.count))
                changed = true
            }
        }
        guard projectNouns.contains(where: title.hasSuffix) else { return title }
        for verb in leadingVerbs where title.hasPrefix(verb) && title.count - verb.count >= minimumLength {
            return String(title.dropFirst(verb.count))
        }
        return title
    }
}
