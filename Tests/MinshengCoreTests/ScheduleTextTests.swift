import Foundation
import MinshengCore
import Testing

/// The text form of schedules the office edits: nodes or a monthly curve, and the problems that name the line.
@Suite struct ScheduleTextTests {
    @Test func scheduleTextRoundTrips() throws {
        let text = "2019-03-31 开工 10%\n2019-09-30 主体完工 80%\n2019-12-31 建成投用"
        let schedule = try #require(try ScheduleText.parse(text, indicator: "x"))
        #expect(ScheduleText.format(schedule) == text)
        let curve = try #require(try ScheduleText.parse("3 10\n6 30\n12 60", indicator: "x"))
        #expect(curve == .monthlyCurve([3: 10, 6: 30, 12: 60]))
        #expect(try ScheduleText.parse("  ", indicator: "x") == nil)
        #expect(throws: ScheduleTextProblem(indicator: "x", line: 1, text: "2019-03-31 开工 120%", kind: .shareOutOfRange)) {
            try ScheduleText.parse("2019-03-31 开工 120%", indicator: "x")
        }
        #expect(throws: ScheduleTextProblem(indicator: "x", line: nil, text: "", kind: .nodesAndCurve)) {
            try ScheduleText.parse("2019-03-31 开工\n6 30", indicator: "x")
        }
    }

    @Test func aProblemNamesTheLineInBothLanguages() {
        let problem = ScheduleTextProblem(indicator: "新建学校", line: 2, text: "2019-03-31", kind: .missingName)
        #expect(problem.code == "schedule.missingName")
        #expect(problem.phrase.zh == "“新建学校”的计划进度第2行“2019-03-31”：缺少节点名称。")
        #expect(problem.phrase.en == "新建学校: line 2 of the planned path (2019-03-31): the node has no name.")
    }
}
