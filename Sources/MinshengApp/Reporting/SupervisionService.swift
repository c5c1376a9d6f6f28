import Foundation
import MinshengCore
import SQLKit

/// Supervision and accountability, shared by pages, the API and the demo: notices proposed from the assessment and
/// issued by a person, the units' answers, inspections with checked figures, rectifications, accountability cases
/// and unit scores. Every change is one transaction with its audit entry.
public struct SupervisionService: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let store = SupervisionStore()
    let plans = PlanStore()

    public init(database: AppDatabase, configuration: AppConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    var today: CalendarDate { configuration.today }
    private var now: String { Timestamp.string(from: configuration.clock()) }

    /// The month supervision looks at: in the plan's year the latest month whose reports are due (this month once its
    /// due day has passed, else the month before), else the latest month with a report. Judging a month whose
    /// reports are not yet due would call every item unreported.
    func month(plan: Plan, on db: any SQLDatabase) async throws -> Period {
        guard today.year == plan.year else { return try await PlanScope.defaultPeriod(plan: plan, today: today, on: db).lastMonth }
        let calendar = try await plans.calendar(planID: plan.id, on: db)
        let current = Period.month(year: plan.year, month: today.month)
        if today > calendar.dueDate(for: current) || today.month == 1 { return current }
        return .month(year: plan.year, month: today.month - 1)
    }

    /// The day supervision judges on: today during the plan's year, else the last day of the month looked at (so
    /// that a past plan is judged as it stood, not years later).
    func day(plan: Plan, on db: any SQLDatabase) async throws -> CalendarDate {
        if today.year == plan.year { return today }
        let period = try await month(plan: plan, on: db)
        return today < period.endDate ? today : period.endDate
    }

    // MARK: Notices

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
    public func proposals(planID: Int64, on db: any SQLDatabase) async throws -> [NoticeProposal] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
        let settings = try await store.settings(planID: planID, on: db)
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: try await month(plan: plan, on: db), on: db)
        let open = Set(try await store.notices(planID: planID, on: db).filter { $0.answeredOn == nil && $0.closedOn == nil }.map(\.itemID))
        return NoticeProposer(rules: settings.notices).propose(
            assessment, deadlines: try await deadlines(planID: planID, on: db), today: try await day(plan: plan, on: db)
        )
        .filter { !open.contains($0.itemID) }
    }

    /// Issues a notice about an item to its lead units (group units stand for their members).
    public func issue(planID: Int64, itemID: Int64, grade: NoticeGrade, reason: String, requirement: String, by actor: AuditActor) async throws
        -> [SupervisionNotice]
    {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.invalidInput("A notice needs its reason.") }
        let createdAt = now
        return try await database.write { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            guard try await plans.items(planID: planID, on: db).contains(where: { $0.id == itemID }) else {
                throw AppError.notFound("The plan has no item \(itemID).")
            }
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            let leads = try await plans.assignments(planID: planID, on: db).filter { $0.itemID == itemID && $0.role == .lead }.sorted {
                $0.ordinal < $1.ordinal
            }
            var units: [Int64] = []
            for lead in leads { for unit in members[lead.unitID] ?? [lead.unitID] where !units.contains(unit) { units.append(unit) } }
            guard !units.isEmpty else { throw AppError.invalidInput("The item has no lead unit to notify.") }
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
    public func answer(noticeID: Int64, measures: String, promisedOn: CalendarDate, by user: User, address: String) async throws -> SupervisionNotice
    {
        let measures = measures.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !measures.isEmpty else { throw AppError.invalidInput("Write the measures the unit takes.") }
        let day = today
        return try await database.write { db in
            guard let notice = try await store.notice(id: noticeID, on: db) else { throw AppError.notFound("No notice has id \(noticeID).") }
            let principal = user.principal(reach: try await PlanReach.of(user, on: db))
            guard principal.reach.canRead(planID: notice.planID), SupervisionPolicy.canAnswer(noticeTo: notice.unitID, by: principal) else {
                throw AppError(.forbidden, "Only the notified unit answers its notice.")
            }
            guard try await store.answer(noticeID: noticeID, measures: measures, promisedOn: promisedOn, answeredOn: day, by: user.id, on: db) else {
                throw AppError.conflict("The notice was answered already.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "notice.answer", entity: "notice", id: noticeID, after: ["measures": measures, "promisedOn": promisedOn.iso],
                by: AuditActor(user: user, address: address), on: db)
            return try await store.notice(id: noticeID, on: db) ?? notice
        }
    }

    /// The office closes (办结) a notice.
    public func close(noticeID: Int64, by actor: AuditActor) async throws {
        let day = today
        try await database.write { db in
            guard let notice = try await store.notice(id: noticeID, on: db) else { throw AppError.notFound("No notice has id \(noticeID).") }
            guard notice.closedOn == nil else { throw AppError.conflict("The notice is closed already.") }
            try await store.close(noticeID: noticeID, on: day, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "notice.close", entity: "notice", id: noticeID, after: ["closedOn": day.iso], by: actor, on: db)
        }
    }

    // MARK: Inspections

    /// What an inspector enters: a planned inspection (what will be checked, where and when) or one done, with
    /// its findings and the figures verified.
    public struct InspectionInput: Sendable {
        public var itemID: Int64?
        public var unitID: Int64?
        public var inspectedOn: CalendarDate
        public var place: String
        public var mode: InspectionMode
        public var checked: String
        public var findings: String
        /// Verified values by indicator.
        public var verified: [Int64: Decimal]
        public var planned: Bool

        public init(
            itemID: Int64?, unitID: Int64?, inspectedOn: CalendarDate, place: String, mode: InspectionMode, checked: String, findings: String,
            verified: [Int64: Decimal], planned: Bool = false
        ) {
            self.itemID = itemID
            self.unitID = unitID
            self.inspectedOn = inspectedOn
            self.place = place
            self.mode = mode
            self.checked = checked
            self.findings = findings
            self.verified = verified
            self.planned = planned
        }
    }

    /// Plans an inspection, or records one done; each checked figure is stored beside the value accepted as of the
    /// inspection's month.
    public func record(planID: Int64, _ input: InspectionInput, by actor: AuditActor) async throws -> Inspection {
        guard input.itemID != nil || input.unitID != nil else { throw AppError.invalidInput("An inspection is of an item or of a unit.") }
        guard !input.checked.trimmingCharacters(in: .whitespaces).isEmpty else { throw AppError.invalidInput("Say what is checked.") }
        if input.planned {
            guard input.verified.isEmpty else {
                throw AppError.invalidInput("A planned inspection has no verified figures yet; record them when it is done.")
            }
        } else if input.inspectedOn > today {
            throw AppError.invalidInput("The inspection date \(input.inspectedOn) is in the future; plan it instead.")
        }
        let createdAt = now
        return try await database.write { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            guard input.inspectedOn.year == plan.year else { throw AppError.invalidInput("The inspection date is not in \(plan.year).") }
            if let unitID = input.unitID, try await plans.unit(id: unitID, on: db) == nil { throw AppError.notFound("No unit has id \(unitID).") }
            let values = try await checkedValues(plan: plan, itemID: input.itemID, on: input.inspectedOn, verified: input.verified, on: db)
            let inspection = try await store.insertInspection(
                Inspection(
                    id: 0, planID: planID, itemID: input.itemID, unitID: input.unitID, inspectedOn: input.inspectedOn, place: input.place,
                    mode: input.mode,
                    state: input.planned ? .planned : .done, checked: input.checked, findings: input.findings, inspectorID: actor.userID,
                    values: values
                ), at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                input.planned ? "inspection.plan" : "inspection.record", entity: "inspection", id: inspection.id,
                after: ["mode": input.mode.rawValue, "place": input.place, "values": String(values.count)], by: actor, on: db)
            return inspection
        }
    }

    /// Records the results of a planned inspection.
    public func complete(inspectionID: Int64, inspectedOn: CalendarDate, findings: String, verified: [Int64: Decimal], by actor: AuditActor)
        async throws -> Inspection
    {
        guard inspectedOn <= today else { throw AppError.invalidInput("The inspection date \(inspectedOn) is in the future.") }
        return try await database.write { db in
            guard let inspection = try await store.inspection(id: inspectionID, on: db) else {
                throw AppError.notFound("No inspection has id \(inspectionID).")
            }
            guard let plan = try await plans.plan(id: inspection.planID, on: db) else { throw AppError.notFound("The inspection's plan is gone.") }
            guard inspectedOn.year == plan.year else { throw AppError.invalidInput("The inspection date is not in \(plan.year).") }
            let values = try await checkedValues(plan: plan, itemID: inspection.itemID, on: inspectedOn, verified: verified, on: db)
            guard try await store.complete(inspectionID: inspectionID, on: inspectedOn, findings: findings, values: values, by: actor.userID, on: db)
            else {
                throw AppError.conflict("The inspection was recorded already.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "inspection.record", entity: "inspection", id: inspectionID, after: ["values": String(values.count)], by: actor, on: db)
            return try await store.inspection(id: inspectionID, on: db) ?? inspection
        }
    }

    /// The verified figures beside the values accepted as of the inspection's month.
    private func checkedValues(plan: Plan, itemID: Int64?, on day: CalendarDate, verified: [Int64: Decimal], on db: any SQLDatabase) async throws
        -> [CheckedValue]
    {
        guard !verified.isEmpty else { return [] }
        guard let itemID else { throw AppError.invalidInput("Figures are checked on an item; this inspection is of a unit.") }
        let indicators = try await plans.indicators(planID: plan.id, on: db).filter { $0.itemID == itemID }
        let assessment = try await AssessmentService(database: database).assess(
            planID: plan.id, period: .month(year: plan.year, month: day.month), on: db)
        let reported = Dictionary(uniqueKeysWithValues: (assessment.item(itemID)?.indicators ?? []).map { ($0.indicatorID, $0.value) })
        return try verified.sorted(by: { $0.key < $1.key }).map { indicatorID, value in
            guard indicators.contains(where: { $0.id == indicatorID }) else {
                throw AppError.invalidInput("Indicator \(indicatorID) is not the item's.")
            }
            guard value >= 0 else { throw AppError.invalidInput("A verified value cannot be negative.") }
            return CheckedValue(indicatorID: indicatorID, reported: reported[indicatorID] ?? nil, verified: value)
        }
    }

    /// Keeps a photo (or another file) with an inspection or a rectification's evidence.
    public func attach(_ file: AttachmentStorage.Accepted, to owner: SupervisionFile.Owner, id: Int64, by actor: AuditActor) async throws
        -> SupervisionFile
    {
        let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
        let key = try storage.store(file)
        let createdAt = now
        do {
            return try await database.write { db in
                let stored = try await store.addFile(
                    SupervisionFile(
                        id: 0, owner: owner, ownerID: id, fileName: file.fileName, contentType: file.contentType, size: Int64(file.data.count),
                        sha256: file.sha256, storageKey: key, createdAt: createdAt
                    ), by: actor.userID, on: db)
                try await AuditLog(clock: configuration.clock).record(
                    "\(owner.rawValue).attach", entity: owner.rawValue, id: id, after: ["file": file.fileName, "sha256": file.sha256], by: actor,
                    on: db)
                return stored
            }
        } catch {
            storage.remove(key: key)
            throw error
        }
    }

    // MARK: Rectifications

    /// Requires a unit to rectify what an inspection found.
    public func requireRectification(inspectionID: Int64, unitID: Int64, requirement: String, due: CalendarDate, by actor: AuditActor) async throws
        -> Rectification
    {
        let requirement = requirement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !requirement.isEmpty else { throw AppError.invalidInput("Say what must be rectified.") }
        guard due >= today else { throw AppError.invalidInput("The due date \(due) has passed.") }
        let createdAt = now
        return try await database.write { db in
            guard let inspection = try await store.inspection(id: inspectionID, on: db) else {
                throw AppError.notFound("No inspection has id \(inspectionID).")
            }
            guard try await plans.unit(id: unitID, on: db) != nil else { throw AppError.notFound("No unit has id \(unitID).") }
            let stored = try await store.insertRectification(
                Rectification(
                    id: 0, planID: inspection.planID, inspectionID: inspectionID, itemID: inspection.itemID, unitID: unitID, requirement: requirement,
                    due: due, state: .open, report: nil, updatedAt: createdAt
                ), by: actor.userID, at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "rectification.require", entity: "rectification", id: stored.id,
                after: ["unit": String(unitID), "due": due.iso], by: actor, on: db)
            return stored
        }
    }

    /// A step of a rectification: the unit reports with evidence; the inspector closes it or reopens it.
    public func act(rectificationID: Int64, action: RectificationState.Action, text: String, by user: User, address: String) async throws
        -> Rectification
    {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let at = now
        return try await database.write { db in
            guard let rectification = try await store.rectification(id: rectificationID, on: db) else {
                throw AppError.notFound("No rectification has id \(rectificationID).")
            }
            let principal = user.principal(reach: try await PlanReach.of(user, on: db))
            guard principal.reach.canRead(planID: rectification.planID) else {
                throw AppError.notFound("No rectification has id \(rectificationID).")
            }
            switch action {
            case .report:
                guard SupervisionPolicy.canReport(rectificationOf: rectification.unitID, by: principal) else {
                    throw AppError(.forbidden, "Only the unit reports its rectification.")
                }
                guard !text.isEmpty else { throw AppError.invalidInput("Describe what was rectified.") }
            case .close, .reopen:
                guard SupervisionPolicy.canReviewRectifications(principal) else {
                    throw AppError(.forbidden, "Only inspectors close or reopen rectifications.")
                }
                if action == .reopen && text.isEmpty { throw AppError.invalidInput("Say why the rectification is reopened.") }
            }
            guard let next = rectification.state.after(action) else {
                throw AppError.conflict("A rectification that is \(rectification.state.rawValue) cannot be \(action.rawValue)ed.")
            }
            guard
                try await store.transition(
                    rectificationID, from: rectification.state, to: next, action: action.rawValue,
                    report: action == .report ? text : nil, note: text.isEmpty ? nil : text, by: user.id, at: at, on: db)
            else {
                throw AppError.conflict("The rectification changed meanwhile; reload it.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "rectification.\(action.rawValue)", entity: "rectification", id: rectificationID,
                before: ["state": rectification.state.rawValue], after: ["state": next.rawValue], by: AuditActor(user: user, address: address), on: db
            )
            return try await store.rectification(id: rectificationID, on: db) ?? rectification
        }
    }

    // MARK: Accountability

    /// The facts the accountability rules read, up to the month supervision looks at.
    func facts(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> AccountabilityFacts {
        let lastMonth = try await month(plan: plan, on: db).months.upperBound
        let assessments = AssessmentService(database: database)
        var statuses: [Int64: [Int: ProgressStatus]] = [:]
        for month in 1...lastMonth {
            for item in try await assessments.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db).items {
                statuses[item.itemID, default: [:]][month] = item.status
            }
        }
        let leads = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        let day = try await day(plan: plan, on: db)
        let notices = try await store.notices(planID: plan.id, on: db).map {
            AccountabilityFacts.Notice(id: $0.id, itemID: $0.itemID, unitID: $0.unitID, standing: $0.standing(today: day, rules: settings.notices))
        }
        let rectifications = try await store.rectifications(planID: plan.id, on: db).map {
            AccountabilityFacts.Rectification(id: $0.id, itemID: $0.itemID, unitID: $0.unitID, due: $0.due, state: $0.state)
        }
        return AccountabilityFacts(
            monthlyStatuses: statuses, leads: leads, notices: notices, rectifications: rectifications,
            discrepancies: try await discrepancies(plan: plan, settings: settings, on: db).flatMap(\.fact))
    }

    /// A checked figure found overstated, with what it concerns.
    public struct Finding: Sendable {
        public var inspection: Inspection
        public var value: CheckedValue
        public var indicator: Indicator
        public var unitIDs: [Int64]

        var text: String {
            let reported = value.reported.map(DecimalText.format) ?? "—"
            return "\(inspection.inspectedOn.iso)\(inspection.mode.chineseName)：“\(indicator.name)”报送\(reported)\(indicator.measure)，"
                + "核查\(DecimalText.format(value.verified))\(indicator.measure)"
        }

        var fact: [AccountabilityFacts.Discrepancy] {
            unitIDs.map { AccountabilityFacts.Discrepancy(inspectionID: inspection.id, itemID: indicator.itemID, unitID: $0, text: text) }
        }
    }

    /// Every checked figure well below the reported one, found once per revision of the plan's data.
    public func discrepancies(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> [Finding] {
        let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
        return try await database.computed.value(planID: plan.id, revision: revision, key: "discrepancies") {
            try await findDiscrepancies(plan: plan, settings: settings, on: db)
        }
    }

    private func findDiscrepancies(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> [Finding] {
        let indicators = Dictionary(uniqueKeysWithValues: try await plans.indicators(planID: plan.id, on: db).map { ($0.id, $0) })
        let leads = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        var findings: [Finding] = []
        for inspection in try await store.inspections(planID: plan.id, on: db) {
            for value in inspection.values where settings.discrepancy.isDiscrepancy(value) {
                guard let indicator = indicators[value.indicatorID] else { continue }
                findings.append(Finding(inspection: inspection, value: value, indicator: indicator, unitIDs: leads[indicator.itemID] ?? []))
            }
        }
        return findings
    }

    /// The cases the rules call for, leaving out those already opened.
    public func caseProposals(planID: Int64, on db: any SQLDatabase) async throws -> [AccountabilityProposal] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
        let settings = try await store.settings(planID: planID, on: db)
        let opened = Set(try await store.cases(planID: planID, on: db).map(\.key))
        return AccountabilityProposer(settings: settings.accountability)
            .propose(try await facts(plan: plan, settings: settings, on: db), today: try await day(plan: plan, on: db), opened: opened)
    }

    /// Opens a case from a proposal (its grounds as proposed) or by hand.
    public func openCase(planID: Int64, unitID: Int64, itemID: Int64?, rule: AccountabilityRule, grounds: [Evidence], by actor: AuditActor)
        async throws -> AccountabilityCase
    {
        let day = today
        let createdAt = now
        return try await database.write { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw AppError.notFound("No plan has id \(planID).") }
            guard try await plans.unit(id: unitID, on: db) != nil else { throw AppError.notFound("No unit has id \(unitID).") }
            guard !grounds.isEmpty else { throw AppError.invalidInput("A case needs its grounds.") }
            let opened = try await store.openCase(
                planID: planID, unitID: unitID, itemID: itemID, rule: rule, grounds: grounds, openedOn: day,
                by: actor.userID, at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "case.open", entity: "case", id: opened.id, after: ["unit": String(unitID), "rule": rule.rawValue], by: actor, on: db)
            return opened
        }
    }

    public func decide(caseID: Int64, decision: AccountabilityDecision, note: String, by user: User, address: String) async throws
        -> AccountabilityCase
    {
        let day = today
        return try await database.write { db in
            guard try await store.accountabilityCase(id: caseID, on: db) != nil else { throw AppError.notFound("No case has id \(caseID).") }
            guard try await store.decide(caseID: caseID, decision: decision, note: note, on: day, by: user.id, on: db) else {
                throw AppError.conflict("The case was decided already.")
            }
            try await AuditLog(clock: configuration.clock).record(
                "case.decide", entity: "case", id: caseID, after: ["decision": decision.rawValue, "note": note],
                by: AuditActor(user: user, address: address), on: db)
            guard let decided = try await store.accountabilityCase(id: caseID, on: db) else { throw AppError.notFound("No case has id \(caseID).") }
            return decided
        }
    }

    // MARK: Scores

    /// Every lead unit's score at a period, ranked, with every point explained.
    public func scores(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [UnitScore] {
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
    public func documentParagraphs(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [String] {
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
