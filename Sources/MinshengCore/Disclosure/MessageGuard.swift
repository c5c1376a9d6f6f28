import Foundation

/// The spam guard of the public's ratings, suggestions, questions and objections: size limits, link and repeat
/// filters, and rate limits per address. Pure rules; the server supplies the counts.
package struct MessageGuard: Sendable, Hashable {
    /// Characters a message may have.
    package var maximumLength: Int
    /// Characters a message must have to say anything.
    package var minimumLength: Int
    /// Messages one address may send in the window.
    package var messagesPerWindow: Int
    /// Ratings one address may give in the window (a household or office shares an address).
    package var ratingsPerWindow: Int
    /// Ratings of one item in one publication from one address, however many devices it has.
    package var ratingsPerItemAndAddress: Int
    /// The window of the rate limits, in seconds.
    package var window: Int

    package init(
        maximumLength: Int = 500, minimumLength: Int = 4, messagesPerWindow: Int = 5, ratingsPerWindow: Int = 60,
        ratingsPerItemAndAddress: Int = 20, window: Int = 3600
    ) {
        self.maximumLength = maximumLength
        self.minimumLength = minimumLength
        self.messagesPerWindow = messagesPerWindow
        self.ratingsPerWindow = ratingsPerWindow
        self.ratingsPerItemAndAddress = ratingsPerItemAndAddress
        self.window = window
    }

    /// Why a message or rating is refused.
    package enum Refusal: CodedRefusal, Sendable, Hashable {
        case empty
        case tooShort(minimum: Int)
        case tooLong(maximum: Int, length: Int)
        case containsLink
        case repeated
        case tooManyMessages(limit: Int)
        case tooManyRatings(limit: Int)
        case badPhone

        package var code: String {
            switch self {
            case .empty: return "message.empty"
            case .tooShort: return "message.tooShort"
            case .tooLong: return "message.tooLong"
            case .containsLink: return "message.containsLink"
            case .repeated: return "message.repeated"
            case .tooManyMessages: return "message.tooMany"
            case .tooManyRatings: return "rating.tooMany"
            case .badPhone: return "message.badPhone"
            }
        }

        package var phrase: Phrase { Phrase(zh: chinese, en: english) }

        package var chinese: String {
            switch self {
            case .empty: return "请填写内容。"
            case .tooShort(let minimum): return "内容太短，请至少写\(minimum)个字。"
            case .tooLong(let maximum, let length): return "内容有\(length)个字，超过了\(maximum)字的上限。"
            case .containsLink: return "为防止垃圾信息，留言中不能包含网址链接。"
            case .repeated: return "相同的内容已经提交过，请勿重复提交。"
            case .tooManyMessages(let limit): return "提交太频繁：同一网络每小时最多留言\(limit)条，请稍后再试。"
            case .tooManyRatings(let limit): return "提交太频繁：同一网络在此期间最多评价\(limit)次，请稍后再试。"
            case .badPhone: return "手机号码应为11位数字。"
            }
        }

        package var english: String {
            switch self {
            case .empty: return "Please write something."
            case .tooShort(let minimum): return "Too short: write at least \(minimum) characters."
            case .tooLong(let maximum, let length): return "The text has \(length) characters, more than the limit of \(maximum)."
            case .containsLink: return "To keep out spam, messages may not contain links."
            case .repeated: return "The same text was already sent."
            case .tooManyMessages(let limit): return "Too many messages: at most \(limit) an hour from one network. Try again later."
            case .tooManyRatings(let limit): return "Too many ratings from one network at once (limit \(limit)). Try again later."
            case .badPhone: return "A mobile number has 11 digits."
            }
        }
    }

    /// The message as it will be stored: trimmed, with runs of blank lines collapsed; or the reason it is refused.
    package func clean(_ text: String) throws(Refusal) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) { kept.append(line) }
        let cleaned = kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty else { throw .empty }
        guard cleaned.count >= minimumLength else { throw .tooShort(minimum: minimumLength) }
        guard cleaned.count <= maximumLength else { throw .tooLong(maximum: maximumLength, length: cleaned.count) }
        guard !Self.containsLink(cleaned) else { throw .containsLink }
        return cleaned
    }

    /// Whether text carries a web address: a scheme, `www.`, or a domain with a common top-level name.
    package static func containsLink(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.contains("http://") || lowered.contains("https://") || lowered.contains("www.") { return true }
        let pattern = #"[a-z0-9-]+\.(com|cn|net|org|top|xyz|info|cc|io|me|vip|shop|site|online)\b"#
        return lowered.range(of: pattern, options: .regularExpression) != nil
    }

    /// The text reduced for the repeat filter: letters and digits only, lowercased, so that spacing and punctuation
    /// do not make a repeat look new.
    package static func fingerprint(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// A mobile number (11 digits starting with 1), spaces and dashes removed; nil for an empty one.
    package func phone(_ text: String) throws(Refusal) -> String? {
        let digits = text.filter { !$0.isWhitespace && $0 != "-" }
        guard !digits.isEmpty else { return nil }
        guard digits.count == 11, digits.first == "1", digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { throw .badPhone }
        return digits
    }

    /// Refuses a message when its address has used up the window's allowance or sent the same text before.
    package func checkMessage(recentFromAddress: Int, isRepeat: Bool) throws(Refusal) {
        guard !isRepeat else { throw .repeated }
        guard recentFromAddress < messagesPerWindow else { throw .tooManyMessages(limit: messagesPerWindow) }
    }

    /// Refuses a rating when its address has used up the window's allowance or the item's allowance.
    package func checkRating(recentFromAddress: Int, sameItemFromAddress: Int) throws(Refusal) {
        guard recentFromAddress < ratingsPerWindow else { throw .tooManyRatings(limit: ratingsPerWindow) }
        guard sameItemFromAddress < ratingsPerItemAndAddress else { throw .tooManyRatings(limit: ratingsPerItemAndAddress) }
    }
}
