/// Reads deadlines written in plans: 年底前, 12月底前, 9月投入使用, 6月30日前, 上半年, 三季度.
package enum Deadlines {
    /// The latest deadline named in a text, in the plan's year; nil when it names none.
    package static func find(in text: String, year: Int) -> CalendarDate? {
        let chars = Array(text)
        var found: [CalendarDate] = []
        var index = 0
        while index < chars.count {
            if let (date, end) = read(at: index, in: chars, year: year) {
                found.append(date)
                index = end
            } else {
                index += 1
            }
        }
        return found.max()
    }

    /// Words that name the end of a period, with the month that period ends.
    private static let periodWords: [(word: [Character], month: Int)] = [
        (Array("年底"), 12), (Array("年末"), 12), (Array("上半年"), 6), (Array("一季度"), 3), (Array("二季度"), 6),
        (Array("三季度"), 9), (Array("四季度"), 12),
    ]
    private static let periodInitials: Set<Character> = Set(periodWords.map { $0.word[0] })

    private static func read(at index: Int, in chars: [Character], year: Int) -> (CalendarDate, Int)? {
        let first = chars[index]
        if periodInitials.contains(first) {
            for (word, month) in periodWords where chars.hasWord(word, at: index) {
                return CalendarDate.endOfMonth(year: year, month: month).map { ($0, index + word.count) }
            }
        }
        guard QuantityScanner.asciiDigit(first) != nil || ChineseText.isChineseNumeral(first) else { return nil }
        // N月底, N月末, N月N日, N月份, N月
        if index > 0, QuantityScanner.asciiDigit(chars[index - 1]) != nil || ChineseText.isChineseNumeral(chars[index - 1]) { return nil }
        var end = index
        var digits = ""
        while end < chars.count, let d = QuantityScanner.asciiDigit(chars[end]) {
            digits.append(d)
            end += 1
        }
        var month: Int?
        if digits.isEmpty {
            while end < chars.count, ChineseText.isChineseNumeral(chars[end]) { end += 1 }
            month = end > index ? ChineseText.numeralValue(String(chars[index..<end])) : nil
        } else {
            month = Int(digits)
        }
        guard let month, (1...12).contains(month), end < chars.count, chars[end] == "月" else { return nil }
        // A preceding year such as 2019年9月 is fine; a count of months (3个月) is not a date.
        if index > 0, chars[index - 1] == "个" { return nil }
        end += 1
        var dayDigits = ""
        var dayEnd = end
        while dayEnd < chars.count, let d = QuantityScanner.asciiDigit(chars[dayEnd]) {
            dayDigits.append(d)
            dayEnd += 1
        }
        if !dayDigits.isEmpty, dayEnd < chars.count, chars[dayEnd] == "日" || chars[dayEnd] == "号",
            let day = Int(dayDigits), let date = CalendarDate(year: year, month: month, day: day)
        {
            return (date, dayEnd + 1)
        }
        if end < chars.count, chars[end] == "前" {
            // 6月前 is before June begins.
            guard month > 1 else { return nil }
            return CalendarDate.endOfMonth(year: year, month: month - 1).map { ($0, end + 1) }
        }
        return CalendarDate.endOfMonth(year: year, month: month).map { ($0, end) }
    }
}

extension Array where Element == Character {
    /// Whether `word` appears at `index`.
    func hasWord(_ word: [Character], at index: Int) -> Bool {
        guard index + word.count <= count else { return false }
        for offset in 0..<word.count where self[index + offset] != word[offset] { return false }
        return true
    }
}
