import Foundation
import Testing

@testable import MinshengCore

@Suite struct ValueTests {
    @Test func calendarDates() throws {
        #expect(CalendarDate(iso: "2019-02-18") == CalendarDate(year: 2019, month: 2, day: 18))
        #expect(CalendarDate(year: 2019, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CalendarDate.endOfMonth(year: 2019, month: 9)?.iso == "2019-09-30")
        #expect(CalendarDate(iso: "2019-2-18") == nil)
        // Early years keep four digits, so every date read back is the date written (schemathesis found 0133-03-10).
        for text in ["0133-03-10", "0999-05-01", "0001-01-01", "2019-12-31"] {
            #expect(CalendarDate(iso: text)?.iso == text, "\(text)")
        }
        let date = try #require(CalendarDate(year: 2019, month: 12, day: 31))
        let json = try JSONEncoder().encode([date])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2019-12-31\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [date])
    }

    @Test(arguments: ["98600", "1500000000", "9.86", "0.5", "-3", "100"])
    func decimalsRoundTripAsText(_ text: String) throws {
        let value = try #require(DecimalText.parse(text))
        #expect(DecimalText.format(value) == text)
    }

    @Test(arguments: ["", "1e5", "9,86", "abc", "1.2.3", "--1"])
    func malformedDecimalsAreRejected(_ text: String) {
        #expect(DecimalText.parse(text) == nil)
    }

    @Test func chineseNumerals() {
        #expect(ChineseText.numeralValue("十一") == 11)
        #expect(ChineseText.numeralValue("二十") == 20)
        #expect(ChineseText.numeralValue("一百零五") == 105)
        #expect(ChineseText.numeralValue("二〇一九") == 2019)
        #expect(ChineseText.wholeDate("二〇一九年二月十八日") == CalendarDate(year: 2019, month: 2, day: 18))
    }
}
