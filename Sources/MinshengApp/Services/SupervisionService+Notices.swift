import Foundation
import MinshengCore
import SQLKit

/// Supervision notices (督办单): proposed from the deadlines and the assessment, issued, answered, closed.
extension SupervisionService {
    /// Every dated deadline of the plan's items: their own, their indicators', and the nodes of their schedules.
    func deadlines(planID: Int64, on db: any SQLDatabase) async throws -> [ItemDeadline] {
        var deadlines: [ItemDeadline] = []
        for item in try await plans.items(planID: planID, on: db) {
            if let due = item.deadline { deadlines.append(ItemDeadline(itemID: item.id, name: item.title, due: due)) }
        }
        let schedules = try await AssessmentStore().schedules(planID: planID, on: db)
        for indicator in try await plans.indicators(planID: planID, on: db) {
            if let due = indicator.deadline { deadlines.append(ItemDeadline(itemID: indicator.itemID, name: indicator.name, due: due)) }
            if case .nodes(let nodes) = schedules[indicator.id] {
                deadlines += nodes.map { ItemDeadline(itemID: indicator.itemID, name: $0.name, due: $0.due) }
            }
        }
        return deadlines
    }

    /// The notices the assessment calls for, leaving out items with a notice still open.
    func proposals(planID: Int64, on db: any SQLDatabase) async throws -> [NoticeProposal] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let settings = try await store.settings(planID: planID, on: db)
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: try await month(plan: plan, on: db), on: db)
        let open = Set(try await store.notices(planID: planID, on: db).filter { $0.answeredOn == nil && $0.closedOn == nil }.map(\.itemID))
        return NoticeProposer(rules: settings.notices).propose(
            assessment, deadlines: try await deadlines(planID: planID, on: db), today: try await day(plan: plan, on: db)
        )
        .filter { !open.contains($0.itemID) }
    }

    /// Issues a notice about an item to its lead units (group units stand for their members).
    func issue(planID: Int64, itemID: Int64, grade: NoticeGrade, reason: String, requirement: String, by actor: AuditActor) async throws
        -> [SupervisionNotice]
    {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SupervisionRefusals.noticeNeedsReason }
        let createdAt = now
        return try await database.write { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            guard try await plans.items(planID: planID, on: db).contains(where: { $0.id == itemID }) else {
                throw Refusals.noItemID(itemID)
            }
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            let leads = try await plans.assignments(planID: planID, on: db).filter { $0.itemID == itemID && $0.role == .lead }.sorted {
                $0.ordinal < $1.ordinal
            }
            var units: [Int64] = []
            for lead in leads { for unit in members[lead.unitID] ?? [lead.unitID] where !units.contains(unit) { units.append(unit) } }
            guard !units.isEmpty else { throw SupervisionRefusals.noLeadToNotify }
            let notices = try await store.issueNotices(
                planID: planID, itemID: itemID, unitIDs: units, grade: grade, reason: reason,
                requirement: requirement.isEmpty ? Self.requirement(grade) : requirement,
                issuedOn: today, by: actor.userID, at: createdAt, on: db)
            for notice in notices {
                try await AuditLog(clock: configuration.clock).record(
                    "notice.issue", entity: "notice", id: notice.id,
                    after: ["grade": grade.rawValue, "item": String(itemID), "unit": String(notice.unitID)], by: actor, on: db)
            }
            return notices
        }
    }

    /// The default requirement of a notice of a colour.
    static func requirement(_ grade: NoticeGrade) -> String {
        switch grade {
        case .blue: return "请对照节点要求抓紧推进，确保按期完成，并反馈推进措施和完成时限。"
        case .yellow: return "请分析进度偏慢原因，制定赶超措施，明确完成时限，按期反馈。"
        case .red: return "请主要负责同志亲自研究，倒排工期、挂图作战，于反馈期限内书面反馈整改措施和完成时限。逾期未反馈的，将启动问责程序。"
        }
    }

    /// The unit's answer: measures and the date it promises completion.
    func answer(noticeID: Int64, measures: String, promisedOn: CalendarDate, by user: User, address: String) async throws -> SupervisionNotice {
        let measures = measures.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !measures.isEmpty else { throw SupervisionRefusals.measuresRequired }
        let day = today
        return try await database.write { db in
            guard let notice = try await store.notice(id: noticeID, on: db) else { throw SupervisionRefusals.noNotice(noticeID) }
            let principal = user.principal(reach: try await PlanReach.of(user, on: db))
            guard principal.reach.canRead(planID: notice.planID), SupervisionPolicy.canAnswer(noticeTo: notice.unitID, by: principal) else {
                throw SupervisionRefusals.onlyNotifiedUnitAnswers
            }
            guard try await store.answer(noticeID: noticeID, measures: measures, promisedOn: promisedOn, answeredOn: day, by: user.id, on: db) else {
                throw SupervisionRefusals.noticeAnswered
            }
            try await AuditLog(clock: configuration.clock).record(
                "notice.answer", entity: "notice", id: noticeID, after: ["measures": measures, "promisedOn": promisedOn.iso],
                by: AuditActor(user: user, address: address), on: db)
            return try await store.notice(id: noticeID, on: db) ?? notice
        }
    }

    /// The office closes (办结) a notice.
    func close(noticeID: Int64, by actor: AuditActor) async throws {
        let day = today
        try await database.write { db in
            guard let notice = try await store.notice(id: noticeID, on: db) else { throw SupervisionRefusals.noNotice(noticeID) }
            guard notice.closedOn == nil else { throw SupervisionRefusals.noticeClosed }
            try await store.close(noticeID: noticeID, on: day, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "notice.close", entity: "notice", id: noticeID, after: ["closedOn": day.iso], by: actor, on: db)
        }
    }
}
