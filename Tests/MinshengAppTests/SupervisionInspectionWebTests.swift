import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Inspections and rectifications on the demo: discrepancies found and shown, rectifications round the loop, visits
/// planned and their results recorded later.
@Suite struct SupervisionInspectionWebTests: SupervisionWebTesting {
    @Test(arguments: TestEngine.available)
    func anInspectionFindsADiscrepancyAndARectificationGoesRoundTheLoop(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let item3 = try await Self.item(3, plan: plan, database)
            let education = try await Self.unit("市教育局", plan: plan, database)
            let indicator = try #require(
                try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }.first {
                    $0.itemID == item3.id && $0.parentID == nil
                })
            try await Self.app(database).test(.router) { client in
                var inspector = WebSession(client: client)
                let token = try #require(try await inspector.login("inspector", Self.password))
                let form = Self.text(try await inspector.get("/inspections/new?plan=\(plan.id)&item=3"))
                let reportedText = try #require(form.components(separatedBy: "<td>").dropFirst(2).first?.prefix { $0.isNumber })
                let reported = try #require(Decimal(string: String(reportedText)))
                let bad = try await inspector.post(
                    "/inspections",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item3.id)), ("inspectedOn", "2019-10-11"),
                        ("place", "孟津县"), ("mode", "unannounced"), ("checked", "寄宿制学校建设"), ("verified.\(indicator.id)", "abc"),
                    ])
                #expect(bad.status == .badRequest)
                #expect(Self.text(bad).contains("不是数字"))
                let recorded = try await inspector.post(
                    "/inspections",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item3.id)), ("inspectedOn", "2019-10-11"), ("place", "孟津县"),
                        ("mode", "unannounced"), ("checked", "寄宿制学校建设"), ("findings", "部分学校尚未完工即计入完成数。"),
                        ("verified.\(indicator.id)", DecimalText.format(reported - 10)),
                    ])
                #expect(recorded.status == .seeOther)
                let inspectionPath = try #require(recorded.headers[.location])
                let inspectionPage = Self.text(try await inspector.get(inspectionPath))
                #expect(inspectionPage.contains("核查不符"))
                #expect(inspectionPage.contains("\(DecimalText.format(reported))所"))

                // The discrepancy shows wherever the reported value appears to the office.
                var admin = WebSession(client: client)
                let adminToken = try #require(try await admin.login("admin", Self.password))
                #expect(
                    Self.text(try await admin.get("/plans/\(plan.id)/items/3?period=2019-10")).contains(
                        "核查不符：核查值 \(DecimalText.format(reported - 10))所"))
                #expect(Self.text(try await admin.get("/overview?period=2019-10")).contains("badge discrepancy"))
                let proposals = try await database.read { try await Self.service(database).caseProposals(planID: plan.id, on: $0) }
                #expect(proposals.contains { $0.rule == .discrepancy && $0.unitID == education && $0.itemID == item3.id })

                // The rectification: required, reported with evidence, reopened, reported again, closed.
                let inspectionID = try #require(Int64(inspectionPath.split(separator: "/").last ?? ""))
                #expect(
                    try await inspector.post(
                        "\(inspectionPath)/rectifications",
                        form: [
                            ("_csrf", token), ("unit", String(education)),
                            ("requirement", "按实际完工数更正报送数据。"), ("due", "2019-10-01"),
                        ]
                    ).status == .badRequest)
                #expect(
                    try await inspector.post(
                        "\(inspectionPath)/rectifications",
                        form: [
                            ("_csrf", token), ("unit", String(education)),
                            ("requirement", "按实际完工数更正报送数据。"), ("due", "2019-10-20"),
                        ]
                    ).status == .seeOther)
                let rectification = try #require(
                    try await database.read { try await SupervisionStore().rectifications(planID: plan.id, inspectionID: inspectionID, on: $0) }.first
                )
                let path = "/rectifications/\(rectification.id)"
                var stranger = WebSession(client: client)
                _ = try #require(try await stranger.login("renfang", Self.password))
                #expect(try await stranger.get(path).status == .notFound)
                var unit = WebSession(client: client)
                let unitToken = try #require(try await unit.login("jiaoyu", Self.password))
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(1), count: 32))
                let reported1 = try await unit.postMultipart(
                    "\(path)/report", fields: [("_csrf", unitToken), ("text", "已更正9月报送数据。")], file: ("验收单.png", png))
                #expect(reported1.status == .seeOther)
                #expect(try await unit.post("\(path)/review", form: [("_csrf", unitToken), ("action", "close")]).status == .forbidden)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "reopen"), ("text", "")]).status == .badRequest)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "reopen"), ("text", "缺少验收单以外的佐证。")]).status
                        == .seeOther)
                #expect(
                    try await unit.postMultipart(
                        "\(path)/report", fields: [("_csrf", unitToken), ("text", "补充提交竣工验收报告。")], file: ("竣工验收报告.png", png)
                    ).status == .seeOther)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "close"), ("text", "同意销号。")]).status == .seeOther)
                #expect(try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "close"), ("text", "")]).status == .conflict)
                let page = Self.text(try await unit.get(path))
                for step in ["待整改", "已报整改", "重新整改", "已销号", "缺少验收单以外的佐证。", "竣工验收报告.png"] { #expect(page.contains(step), "\(step)") }
                let files = try await database.read {
                    try await SupervisionStore().files(owner: .rectification, ownerIDs: [rectification.id], on: $0)
                }
                #expect(files.count == 2)
                #expect(try await unit.get("/supervision/files/\(files[0].id)").status == .ok)
                #expect(try await stranger.get("/supervision/files/\(files[0].id)").status == .notFound)
                _ = adminToken
                // The discrepancy costs the unit points.
                let scores = try await database.read {
                    try await Self.service(database).scores(planID: plan.id, period: .month(year: 2019, month: 10), on: $0)
                }
                let score = try #require(scores.first { $0.unitID == education })
                #expect(score.lines.first { $0.criterion == "督查扣分" }?.points == -3)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func inspectorsPlanVisitsAndRecordTheResultsLater(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let planned = try #require(
                try await database.read { try await SupervisionStore().inspections(planID: plan.id, on: $0) }.first { $0.state == .planned })
            let civilDefence = try await Self.unit("市人防办", plan: plan, database)
            try await Self.app(database).test(.router) { client in
                var inspector = WebSession(client: client)
                let token = try #require(try await inspector.login("inspector", Self.password))
                let list = Self.text(try await inspector.get("/inspections"))
                #expect(list.contains("检查计划（1）"))
                #expect(list.contains("浅井西路、龙翔路施工现场"))
                var unit = WebSession(client: client)
                _ = try #require(try await unit.login("renfang", Self.password))
                #expect(try await unit.get("/inspections").status == .forbidden, "units never see the inspectors' schedule")
                #expect(try await unit.get("/inspections/\(planned.id)").status == .forbidden)

                // The planned visit is done: its results are recorded beside the figures reported.
                let page = Self.text(try await inspector.get("/inspections/\(planned.id)"))
                #expect(page.contains("录入检查结果"))
                let indicator = try #require(
                    try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }
                        .first { $0.itemID == planned.itemID && $0.parentID == nil && $0.target != nil })
                let done = try await inspector.post(
                    "/inspections/\(planned.id)/results",
                    form: [
                        ("_csrf", token), ("inspectedOn", "2019-10-11"),
                        ("findings", "两条道路已打通，其余正在征迁。"), ("verified.\(indicator.id)", "1"),
                    ])
                #expect(done.status == .seeOther)
                let recorded = try #require(try await database.read { try await SupervisionStore().inspection(id: planned.id, on: $0) })
                #expect(recorded.state == .done)
                #expect(recorded.inspectedOn == CalendarDate(year: 2019, month: 10, day: 11))
                #expect(recorded.values.first?.reported != nil)
                #expect(
                    try await inspector.post(
                        "/inspections/\(planned.id)/results", form: [("_csrf", token), ("inspectedOn", "2019-10-11"), ("findings", "")]
                    ).status == .conflict)

                // A unit can be inspected too; a visit in the future can only be planned.
                #expect(Self.text(try await inspector.get("/inspections/new?plan=\(plan.id)&unit=\(civilDefence)")).contains("市人防办"))
                let future = [
                    ("_csrf", token), ("plan", String(plan.id)), ("unit", String(civilDefence)), ("inspectedOn", "2019-11-05"), ("place", "市人防办"),
                    ("mode", "open"), ("checked", "报送台账和工作进展"),
                ]
                let refused = try await inspector.post("/inspections", form: future + [("submit", "done")])
                #expect(refused.status == .badRequest)
                #expect(Self.text(refused).contains("尚未到来，请改为计划检查"))
                #expect(try await inspector.post("/inspections", form: future + [("submit", "plan")]).status == .seeOther)
                let plannedNow = try await database.read { try await SupervisionStore().inspections(planID: plan.id, on: $0) }.filter {
                    $0.state == .planned
                }
                #expect(plannedNow.map(\.unitID) == [civilDefence])
                #expect(plannedNow.first?.itemID == nil)
            }
        }
    }
}
