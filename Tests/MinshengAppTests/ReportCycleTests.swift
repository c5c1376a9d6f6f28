import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The reporting cycle through the service that pages and the API share.
@Suite struct ReportCycleTests {
    @Test(arguments: TestEngine.available)
    func draftSubmitReturnResubmitAccept(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            var audit = try await f.auditCount()
            let draft = try await f.saveLead(20)
            #expect(draft.state == .draft)
            #expect(draft.value(for: f.topIndicator.id)?.value == 20)
            #expect(try await f.auditCount() == audit + 1)
            audit += 1

            let submitted = try await f.service.act(
                .submit, reportID: draft.id, expectedLock: draft.lockVersion, reason: nil, by: f.actor("lead"), user: f.user("lead"))
            #expect(submitted.state == .submitted)
            #expect(submitted.submittedAt != nil)

            // A returned report needs a reason.
            await #expect(throws: AppError.self) {
                try await f.service.act(
                    .return, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: "", by: f.actor("admin"), user: f.user("admin"))
            }
            let returned = try await f.service.act(
                .return, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: "数据口径不一致",
                by: f.actor("admin"), user: f.user("admin"))
            #expect(returned.state == .returned)
            #expect(returned.returnReason == "数据口径不一致")
            // The return reaches the unit: a message in its inbox with the reason and the item.
            let inbox = try await database.read { try await ReminderStore().reminders(unitID: returned.unitID, on: $0) }
            #expect(inbox.first?.kind == .returned)
            #expect(inbox.first?.message == "数据口径不一致")
            #expect(inbox.first?.itemID == returned.itemID)
            #expect(inbox.first?.readAt == nil)

            let fixed = try await f.saveLead(22, submit: true, lock: returned.lockVersion)
            #expect(fixed.state == .submitted)
            let accepted = try await f.service.act(
                .accept, reportID: fixed.id, expectedLock: fixed.lockVersion, reason: nil, by: f.actor("admin"), user: f.user("admin"))
            #expect(accepted.state == .accepted)
            // create, submit, return, the unit's message, resubmit, accept
            #expect(try await f.auditCount() == audit + 6)

            let events = try await database.read { try await ReportStore().events(reportIDs: [accepted.id], on: $0) }[accepted.id] ?? []
            #expect(events.map(\.action) == ["create", "submit", "return", "submit", "accept"])
        }
    }

    @Test(arguments: TestEngine.available)
    func illegalMovesAreRefusedAndChangeNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let draft = try await f.saveLead(5)
            // The office cannot accept or return a draft; a unit cannot accept its own report.
            for (action, user) in [(ReportAction.accept, "admin"), (.return, "admin"), (.accept, "lead")] {
                await #expect(throws: AppError.self) {
                    try await f.service.act(
                        action, reportID: draft.id, expectedLock: draft.lockVersion, reason: "理由", by: f.actor(user), user: f.user(user))
                }
            }
            let submitted = try await f.service.act(
                .submit, reportID: draft.id, expectedLock: draft.lockVersion, reason: nil, by: f.actor("lead"), user: f.user("lead"))
            // A submitted report cannot be edited, submitted again or corrected.
            await #expect(throws: AppError.self) { try await f.saveLead(6, lock: submitted.lockVersion) }
            await #expect(throws: AppError.self) {
                try await f.service.act(
                    .submit, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: nil, by: f.actor("lead"), user: f.user("lead"))
            }
            await #expect(throws: AppError.self) {
                try await f.service.correct(reportID: submitted.id, reason: "更正", by: f.actor("lead"), user: f.user("lead"))
            }
            // Leaders and inspectors change nothing; another unit cannot see it at all.
            for name in ["leader", "inspector"] {
                await #expect(throws: AppError.self) {
                    try await f.service.act(
                        .accept, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: nil, by: f.actor(name), user: f.user(name))
                }
            }
            do {
                _ = try await f.service.act(
                    .accept, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: nil, by: f.actor("foreign"), user: f.user("foreign")
                )
                Issue.record("a foreign unit accepted a report")
            } catch let error as AppError {
                #expect(error.kind == .notFound)
            }
            let current = try #require(try await database.read { try await ReportStore().report(id: submitted.id, on: $0) })
            #expect(current.state == .submitted)
            #expect(current.lockVersion == submitted.lockVersion)
        }
    }

    @Test(arguments: TestEngine.available)
    func anAcceptedReportIsCorrectedByANewVersion(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let submitted = try await f.saveLead(30, submit: true)
            let accepted = try await f.service.act(
                .accept, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: nil, by: f.actor("admin"), user: f.user("admin"))
            await #expect(throws: AppError.self) { try await f.saveLead(31, lock: accepted.lockVersion) }
            let correction = try await f.service.correct(reportID: accepted.id, reason: "统计口径更正", by: f.actor("lead"), user: f.user("lead"))
            #expect(correction.version == 2)
            #expect(correction.state == .draft)
            #expect(correction.correctionReason == "统计口径更正")
            #expect(correction.value(for: f.topIndicator.id)?.value == 30)
            _ = try await f.saveLead(28, submit: true, lock: correction.lockVersion)
            let versions = try await database.read {
                try await ReportStore().versions(itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, on: $0)
            }
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0].state == .accepted)
            #expect(versions[0].value(for: f.topIndicator.id)?.value == 30)
            #expect(versions[1].state == .submitted)
            #expect(versions[1].value(for: f.topIndicator.id)?.value == 28)
        }
    }

    @Test(arguments: TestEngine.available)
    func aSecondEditorGetsAConflictAndNothingIsLost(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let opened = try await f.saveLead(10)
            // Two people opened the form at the same version; the first saves.
            let first = try await f.saveLead(11, lock: opened.lockVersion)
            #expect(first.lockVersion == opened.lockVersion + 1)
            do {
                try await f.saveLead(12, lock: opened.lockVersion)
                Issue.record("the stale save went through")
            } catch let conflict as ReportConflict {
                #expect(conflict.current.value(for: f.topIndicator.id)?.value == 11)
            }
            let stored = try #require(try await database.read { try await ReportStore().report(id: opened.id, on: $0) })
            #expect(stored.value(for: f.topIndicator.id)?.value == 11)
        }
    }

    @Test(arguments: TestEngine.available)
    func aRepeatedSubmissionIsAppliedOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let first = try await f.saveLead(40, submit: true, key: "retry-1")
            let audit = try await f.auditCount()
            let again = try await f.saveLead(40, submit: true, key: "retry-1")
            #expect(again.id == first.id)
            #expect(again.lockVersion == first.lockVersion)
            #expect(try await f.auditCount() == audit)
            let versions = try await database.read {
                try await ReportStore().versions(itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, on: $0)
            }
            #expect(versions.count == 1)
            let events = try await database.read { try await ReportStore().events(reportIDs: [first.id], on: $0) }[first.id] ?? []
            #expect(events.filter { $0.action == "submit" }.count == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func overdueFollowsTheClock(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let before = try await ReportingFixture.make(database, now: ReportingFixture.beforeDue)
            let tasksBefore = try await database.read {
                try await before.service.tasks(planID: before.plan.id, period: ReportingFixture.september, on: $0)
            }
            #expect(!tasksBefore.isEmpty)
            #expect(tasksBefore.allSatisfy { !$0.isOverdue })
            try await before.saveLead(1, submit: true)

            let after = ReportingService(
                database: database,
                configuration: AppConfiguration(dataDirectory: before.configuration.dataDirectory, clock: { ReportingFixture.afterDue }))
            let tasksAfter = try await database.read { try await after.tasks(planID: before.plan.id, period: ReportingFixture.september, on: $0) }
            let lead = try #require(tasksAfter.first { $0.obligation.unitID == before.leadUnit.id && $0.item.id == before.item.id })
            #expect(!lead.isOverdue)
            let county = try #require(tasksAfter.first { $0.obligation.unitID == before.responsibleUnit.id && $0.item.id == before.item.id })
            #expect(county.isOverdue)
            #expect(tasksAfter.filter(\.isOverdue).count == tasksAfter.count - 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func theLeadUnitStartsFromItsPartsAndSeesThem(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let allocation = try #require(f.indicators.first { $0.allocatedTo == "栾川" })
            _ = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.responsibleUnit.id, period: ReportingFixture.september,
                draft: .init(
                    values: [ReportValue(indicatorID: allocation.id, value: 25), ReportValue(indicatorID: f.topIndicator.id, value: 25)],
                    progress: "栾川完成25座", problems: "", nextSteps: ""),
                expectedLock: nil, submit: true, by: f.actor("county"), user: f.user("county")
            )
            let parts = try await database.read {
                try await f.service.partsForLead(planID: f.plan.id, itemID: f.item.id, period: ReportingFixture.september, on: $0)
            }
            #expect(parts.parts.count == 1)
            #expect(parts.starting[f.topIndicator.id] == 25)
            let part = try #require(parts.parts.first)
            let lead = try await database.read { try await f.service.reader(for: f.user("lead"), planID: f.plan.id, on: $0) }
            #expect(ReportPolicy.canRead(part, by: lead))
            let foreign = try await database.read { try await f.service.reader(for: f.user("foreign"), planID: f.plan.id, on: $0) }
            #expect(!ReportPolicy.canRead(part, by: foreign))
        }
    }

    @Test(arguments: TestEngine.available)
    func theAuditLogCannotBeChanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.saveLead(3)
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.update("audit_log").set("actor", to: SQLBind("someone else")).run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.delete(from: "audit_log").run() }
            }
            #expect(try await f.auditCount() > 0)
        }
    }
}
