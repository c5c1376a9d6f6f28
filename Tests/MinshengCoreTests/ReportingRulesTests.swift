import Foundation
import Testing

@testable import MinshengCore

@Suite struct ReportingRulesTests {
    @Test func periodsAreWrittenOneWayEverywhere() {
        #expect(Period("2019-09") == .month(year: 2019, month: 9))
        #expect(Period("2019-Q3") == .quarter(year: 2019, quarter: 3))
        #expect(Period("2019-h1") == .half(year: 2019, half: 1))
        #expect(Period("2019") == .year(2019))
        for text in ["2019-13", "2019-Q5", "2019-H3", "19-09", "2019-9", "2019-09-01", ""] {
            #expect(Period(text) == nil, "\(text)")
        }
        #expect(Period.month(year: 2019, month: 9).description == "2019-09")
        #expect(Period.quarter(year: 2019, quarter: 3).months == 7...9)
        #expect(Period.half(year: 2019, half: 2).endDate.iso == "2019-12-31")
        #expect(Period.month(year: 2019, month: 12).nextMonth == .month(year: 2020, month: 1))
        #expect(Period.month(year: 2019, month: 1).previousMonth == .month(year: 2018, month: 12))
    }

    /// Every action from every state, by each actor: the legal moves and nothing else.
    @Test func theWorkflowAllowsExactlyTheLegalMoves() {
        let legal: [String: ReportState] = [
            "edit draft owningUnit": .draft, "edit returned owningUnit": .returned,
            "submit draft owningUnit": .submitted, "submit returned owningUnit": .submitted,
            "return submitted office": .returned, "accept submitted office": .accepted,
            "correct accepted owningUnit": .draft, "correct accepted office": .draft,
        ]
        for action in ReportAction.allCases {
            for state in ReportState.allCases {
                for (actorName, actor) in [("owningUnit", ReportActor.owningUnit), ("office", .office), ("other", .other)] {
                    let key = "\(action.rawValue) \(state.rawValue) \(actorName)"
                    let result = ReportWorkflow.apply(action, to: state, by: actor, reason: "因为")
                    switch result {
                    case .success(let next): #expect(legal[key] == next, "\(key) should be refused")
                    case .failure: #expect(legal[key] == nil, "\(key) should be allowed")
                    }
                }
            }
        }
    }

    @Test func returningAndCorrectingNeedAReason() {
        #expect(ReportWorkflow.apply(.return, to: .submitted, by: .office, reason: "  ") == .failure(.reasonRequired(.return)))
        #expect(ReportWorkflow.apply(.correct, to: .accepted, by: .owningUnit, reason: nil) == .failure(.reasonRequired(.correct)))
        #expect(ReportWorkflow.apply(.accept, to: .submitted, by: .office, reason: nil) == .success(.accepted))
    }

    @Test func obligationsFollowLeadsResponsibleUnitsGroupsAndCadence() {
        let assignments = [
            Assignment(itemID: 1, unitID: 10, role: .lead, ordinal: 1),
            Assignment(itemID: 1, unitID: 11, role: .responsible, ordinal: 1),
            Assignment(itemID: 1, unitID: 90, role: .responsible, ordinal: 2),
            Assignment(itemID: 1, unitID: 10, role: .responsible, ordinal: 3),
            Assignment(itemID: 2, unitID: 12, role: .lead, ordinal: 1),
            Assignment(itemID: 2, unitID: 91, role: .responsible, ordinal: 1),
        ]
        let members: [Int64: [Int64]] = [90: [20, 21, 22]]
        let september = Obligations.owed(in: .month(year: 2019, month: 9), assignments: assignments, members: members, cadences: [2: .quarterly])
        #expect(
            september.map { "\($0.itemID):\($0.unitID):\($0.role.rawValue)" } == [
                "1:10:lead", "1:11:responsible", "1:20:responsible", "1:21:responsible", "1:22:responsible",
                "2:12:lead", "2:91:responsible",
            ])
        #expect(september.first { $0.unitID == 21 }?.viaGroupID == 90)
        let august = Obligations.owed(in: .month(year: 2019, month: 8), assignments: assignments, members: members, cadences: [2: .quarterly])
        #expect(!august.contains { $0.itemID == 2 })
        #expect(Obligations.owed(in: .quarter(year: 2019, quarter: 3), assignments: assignments, members: members).isEmpty)
    }

    @Test func overdueMeansPastTheDueDay() throws {
        let calendar = ReportingCalendar(dueDay: 25)
        let september = Period.month(year: 2019, month: 9)
        #expect(calendar.dueDate(for: september).iso == "2019-09-25")
        #expect(!calendar.isOverdue(september, today: try #require(CalendarDate(year: 2019, month: 9, day: 25))))
        #expect(calendar.isOverdue(september, today: try #require(CalendarDate(year: 2019, month: 9, day: 26))))
        #expect(ReportingCalendar(dueDay: 31).dueDay == 28)
    }

    @Test func leadUnitsStartFromTheSumOfCounts() {
        #expect(ReportAggregation.leadStartingValue(kind: .cumulative, partValues: [31, 18, 3]) == 52)
        #expect(ReportAggregation.leadStartingValue(kind: .rate, partValues: [60, 80]) == nil)
        #expect(ReportAggregation.leadStartingValue(kind: .cumulative, partValues: []) == nil)
    }
}
