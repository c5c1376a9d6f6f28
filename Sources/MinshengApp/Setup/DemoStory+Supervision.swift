import Foundation
import MinshengCore
import SQLKit

extension DemoStory {
    /// The demo's supervision, fitting its story: red notices in early September for the four items seriously behind
    /// and a yellow one for the item behind, answered except by 市机关事务管理局 (青年人才公寓); three inspections and one planned, of
    /// which an unannounced visit to the pedestrian bridges found two fewer than reported; the rectification that
    /// followed, reported and closed; and an interview (约谈) of the unit that let its red notice lapse.
    func addSupervision(plan: Plan, adminID: Int64, on db: any SQLDatabase) async throws {
        let store = SupervisionStore()
        let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.number, $0) })
        let indicators = Dictionary(grouping: try await plans.indicators(planID: plan.id, on: db), by: \.itemID)
        let leads = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        let users = try await UserStore().users(on: db)
        let inspector = users.first { $0.username == "inspector" }?.id
        let reporterOf = { (unitID: Int64) in users.first { $0.unitID == unitID }?.id ?? adminID }
        func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: plan.year, month: month, day: day)! }

        // Notices after the August assessment.
        let notices: [(number: Int, grade: NoticeGrade, answered: (CalendarDate, String, CalendarDate)?)] = [
            (19, .red, (day(9, 10), "成立创业担保贷款工作专班，每周调度放贷进度，简化审批手续。", day(11, 30))),
            (31, .yellow, (day(9, 9), "对进度滞后的县区逐一约谈，集中力量推进农村公路建设。", day(11, 20))),
            (35, .red, (day(9, 7), "协调管线迁改单位倒排工期，增加施工班组，分段同步施工。", day(12, 20))),
            (36, .red, (day(9, 8), "对未开工路段逐一落实征迁责任，实行日报告制度。", day(12, 25))),
            (40, .red, nil),
        ]
        for notice in notices {
            guard let item = items[notice.number], let units = leads[item.id] else { continue }
            let reason = notice.grade == .red ? "8月底严重滞后，落后序时进度超过15个百分点。" : "8月底进度偏慢，落后序时进度超过5个百分点。"
            let issued = try await store.issueNotices(
                planID: plan.id, itemID: item.id, unitIDs: units, grade: notice.grade, reason: reason,
                requirement: SupervisionService.requirement(notice.grade), issuedOn: day(9, 5), by: adminID,
                at: Self.timestamp(month: 9, day: 5), on: db)
            guard let answer = notice.answered else { continue }
            for sent in issued {
                _ = try await store.answer(
                    noticeID: sent.id, measures: answer.1, promisedOn: answer.2, answeredOn: answer.0, by: reporterOf(sent.unitID), on: db)
            }
        }

        // Inspections, with the accepted figures as of their month beside what was found.
        let input = try await AssessmentStore().input(planID: plan.id, period: .month(year: plan.year, month: Self.lastMonth), on: db)
        func reported(_ indicatorID: Int64, month: Int) -> Decimal? {
            Assessor().assess(input, at: .month(year: plan.year, month: month)).items.flatMap(\.indicators).first { $0.indicatorID == indicatorID }?
                .value
        }
        var bridgeInspection: Inspection?
        let visits: [(number: Int, on: CalendarDate, place: String, mode: InspectionMode, checked: String, findings: String, shortfall: Decimal)] = [
            (
                13, day(7, 18), "嵩县、汝阳县村卫生室", .unannounced, "随机抽查村卫生室改造提升情况",
                "抽查点位改造完成，设备到位，与报送情况一致。", 0
            ),
            (
                35, day(8, 20), "滨河南路沿线", .unannounced, "人行天桥（下穿通道）建成数量和施工进度",
                "现场核查已建成7座，另2座仅完成桩基施工，报送时将在建工程计入建成数。", 2
            ),
            (
                24, day(9, 12), "汝阳县", .open, "“留守儿童之家”建设和开放情况",
                "抽查的“留守儿童之家”均已挂牌并按时开放，台账齐全。", 0
            ),
        ]
        for visit in visits {
            guard let item = items[visit.number], let indicator = (indicators[item.id] ?? []).first(where: { $0.parentID == nil && $0.target != nil })
            else { continue }
            let reportedValue = reported(indicator.id, month: visit.on.month)
            let verified = max(0, (reportedValue ?? 0) - visit.shortfall)
            let inspection = try await store.insertInspection(
                Inspection(
                    id: 0, planID: plan.id, itemID: item.id, unitID: leads[item.id]?.first, inspectedOn: visit.on, place: visit.place,
                    mode: visit.mode, state: .done,
                    checked: visit.checked, findings: visit.findings, inspectorID: inspector,
                    values: [CheckedValue(indicatorID: indicator.id, reported: reportedValue, verified: verified)]
                ), at: Self.timestamp(month: visit.on.month, day: visit.on.day), on: db)
            if visit.number == 35 { bridgeInspection = inspection }
        }

        // The next visit on the inspectors' schedule: unannounced, so never shown to the unit.
        if let item = items[36] {
            _ = try await store.insertInspection(
                Inspection(
                    id: 0, planID: plan.id, itemID: item.id, unitID: leads[item.id]?.first, inspectedOn: day(10, 15), place: "浅井西路、龙翔路施工现场",
                    mode: .unannounced, state: .planned, checked: "断头路打通工程开工和征迁进展", findings: "", inspectorID: inspector, values: []
                ), at: Self.timestamp(month: 9, day: 20), on: db)
        }

        // The rectification of the overstated bridges: required, reported, closed.
        if let inspection = bridgeInspection, let unit = leads[inspection.itemID ?? 0]?.first {
            let rectification = try await store.insertRectification(
                Rectification(
                    id: 0, planID: plan.id, inspectionID: inspection.id, itemID: inspection.itemID, unitID: unit,
                    requirement: "按实际建成数量更正报送数据，说明误报原因，并加快剩余天桥建设。", due: day(9, 10), state: .open, report: nil,
                    updatedAt: Self.timestamp(month: 8, day: 22)
                ), by: inspector, at: Self.timestamp(month: 8, day: 22), on: db)
            _ = try await store.transition(
                rectification.id, from: .open, to: .reported, action: "report",
                report: "已按实际建成7座更正8月报送数据；误报系将主体完工未验收的2座计入，已建立验收后方可计数的台账制度。",
                note: nil, by: reporterOf(unit), at: Self.timestamp(month: 9, day: 6), on: db)
            _ = try await store.transition(
                rectification.id, from: .reported, to: .closed, action: "close", report: nil,
                note: "复核数据已更正，台账制度已建立，同意销号。", by: inspector, at: Self.timestamp(month: 9, day: 9), on: db)
        }

        // The interview of the unit whose red notice lapsed.
        if let item = items[40], let unit = leads[item.id]?.first {
            let grounds = [
                Evidence(kind: .assessment, reference: 7, text: "7月严重滞后"), Evidence(kind: .assessment, reference: 8, text: "8月严重滞后"),
                Evidence(
                    kind: .notice, reference: try await store.notices(planID: plan.id, itemID: item.id, on: db).first?.id ?? 0,
                    text: "红色督办单应于2019-09-08前反馈，至今未反馈"),
            ]
            let opened = try await store.openCase(
                planID: plan.id, unitID: unit, itemID: item.id, rule: .redNoticeUnanswered, grounds: grounds,
                openedOn: day(9, 16), by: adminID, at: Self.timestamp(month: 9, day: 16), on: db)
            _ = try await store.decide(
                caseID: opened.id, decision: .interview, note: "由市政府分管副秘书长约谈市机关事务管理局主要负责同志，责令限期整改。",
                on: day(9, 25), by: adminID, on: db)
        }
        try await AuditLog(clock: clock).record(
            "demo.supervision", entity: "plan", id: plan.id, after: ["notices": notices.count, "inspections": visits.count], by: .system, on: db)
    }
}
