import Foundation
import MinshengCore
import SQLKit

/// Unit scores and the supervision paragraphs of the official documents.
extension SupervisionService {
    /// Every lead unit's score at a period, ranked, with every point explained.
    func scores(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [UnitScore] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
        let settings = try await store.settings(planID: planID, on: db)
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: period, on: db)
        let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0) })
        let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0) })
        let led = Dictionary(grouping: try await plans.assignments(planID: planID, on: db).filter { $0.role == .lead }, by: \.unitID)
        let onTime = try await ReportingService(database: database, configuration: configuration)
            .onTimeReporting(planID: planID, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)
        let satisfaction = try await PublicService.satisfaction(planID: planID, through: period, on: db)
        let end = period.endDate
        let findings = try await discrepancies(plan: plan, settings: settings, on: db).filter { $0.inspection.inspectedOn <= end }
        let rectifications = try await store.rectifications(planID: planID, on: db)
        let judgedOn = min(try await day(plan: plan, on: db), end)
        let notices = try await store.notices(planID: planID, on: db).filter { $0.issuedOn <= end }
        let cases = try await store.cases(planID: planID, on: db).filter { ($0.decidedOn.map { $0 <= end }) ?? false }
        let records = led.compactMap { unitID, assignments -> UnitRecord? in
            guard let unit = units[unitID] else { return nil }
            let ledItems = assignments.compactMap { items[$0.itemID] }.sorted { $0.number < $1.number }
            let tally = onTime[unitID]
            return UnitRecord(
                unitID: unitID, name: unit.name,
                items: ledItems.compactMap { item in
                    assessment.item(item.id).map { UnitRecord.LedItem(number: item.number, progress: $0.progress, status: $0.status) }
                },
                reportsOnTime: tally?.onTime ?? 0, reportsOwed: tally?.owed ?? 0,
                satisfaction: SatisfactionTally.sum(ledItems.compactMap { satisfaction[$0.number] }),
                discrepancies: findings.filter { $0.unitIDs.contains(unitID) }.count,
                overdueRectifications: rectifications.filter { $0.unitID == unitID && $0.isOverdue(today: judgedOn) }.count,
                redNotices: notices.filter { $0.unitID == unitID && $0.standing(today: judgedOn, rules: settings.notices).grade == .red }.count,
                decisions: cases.filter { $0.unitID == unitID }.compactMap(\.decision)
            )
        }
        return UnitScorer(scheme: settings.scoring).score(records)
    }

    // MARK: Documents

    /// The 督查检查和问责情况 paragraphs of a document for a period: notices, inspections, discrepancies,
    /// rectifications and cases up to the period's end.
    func documentParagraphs(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [String] {
        guard let plan = try await plans.plan(id: planID, on: db) else { return [] }
        let settings = try await store.settings(planID: planID, on: db)
        let end = period.endDate
        let unitNames = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
        let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0) })
        func item(_ id: Int64?) -> String { id.flatMap { items[$0] }.map { "第\($0.number)项“\($0.title)”" } ?? "" }
        var paragraphs: [String] = []
        let notices = try await store.notices(planID: planID, on: db).filter { $0.issuedOn <= end }
        if !notices.isEmpty {
            let judgedOn = min(today, end)
            let standings = notices.map { ($0, $0.standing(today: judgedOn, rules: settings.notices)) }
            let counts = NoticeGrade.allCases.map { grade in "\(grade.chineseName)\(standings.filter { $0.1.grade == grade }.count)件" }.joined(
                separator: "、")
            var text = "共发出督办单\(notices.count)件（\(counts)），已反馈\(notices.filter { $0.answeredOn.map { $0 <= end } ?? false }.count)件。"
            let overdue = standings.filter { $0.1.redOverdue }
            if !overdue.isEmpty {
                text += "逾期未反馈的红色督办：" + overdue.map { "\(unitNames[$0.0.unitID] ?? "")（\(item($0.0.itemID))）" }.joined(separator: "、") + "。"
            }
            paragraphs.append(text)
        }
        let inspections = try await store.inspections(planID: planID, on: db).filter { $0.state == .done && $0.inspectedOn <= end }
        if !inspections.isEmpty {
            let unannounced = inspections.filter { $0.mode == .unannounced }.count
            var text = "开展抽查暗访\(inspections.count)次（其中暗访\(unannounced)次）。"
            let findings = try await discrepancies(plan: plan, settings: settings, on: db).filter { $0.inspection.inspectedOn <= end }
            if !findings.isEmpty {
                text +=
                    "发现报送数据与核查不符\(findings.count)处："
                    + findings.map { finding in
                        "\(finding.unitIDs.compactMap { unitNames[$0] }.joined(separator: "、"))\(item(finding.indicator.itemID))，\(finding.text)"
                    }.joined(separator: "；") + "。"
            }
            paragraphs.append(text)
        }
        let rectifications = try await store.rectifications(planID: planID, on: db).filter { $0.due <= end.adding(days: 366) }
            .filter { rectification in inspections.contains { $0.id == rectification.inspectionID } }
        if !rectifications.isEmpty {
            let judgedOn = min(today, end)
            let closed = rectifications.filter { $0.state == .closed }.count
            let overdue = rectifications.filter { $0.isOverdue(today: judgedOn) }
            var text = "下发整改要求\(rectifications.count)项，已整改销号\(closed)项"
            text +=
                overdue.isEmpty
                ? "。" : "，逾期未整改\(overdue.count)项：" + overdue.map { "\(unitNames[$0.unitID] ?? "")（应于\($0.due.iso)前完成）" }.joined(separator: "、") + "。"
            paragraphs.append(text)
        }
        let cases = try await store.cases(planID: planID, on: db).filter { $0.openedOn <= end }
        if !cases.isEmpty {
            paragraphs.append(
                "启动问责\(cases.count)件："
                    + cases.reversed().map { entry in
                        let decision =
                            entry.decision.flatMap { decision in entry.decidedOn.map { $0 <= end ? decision.chineseName : nil } ?? nil } ?? "正在调查处理"
                        return "\(unitNames[entry.unitID] ?? "")\(item(entry.itemID))\(entry.rule.chineseName)，\(decision)"
                    }.joined(separator: "；") + "。")
        }
        return paragraphs
    }
}
