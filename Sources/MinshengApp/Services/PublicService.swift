import Crypto
import Foundation
import MinshengCore
import SQLKit

/// The public side of Minsheng: publishing snapshots (公示), the public's ratings, objections, suggestions and
/// questions, and the office's moderation. Every change is one transaction with its audit entry.
struct PublicService: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let cache: PublicPageCache?
    let store = PublicationStore()
    let plans = PlanStore()
    let guardRules: MessageGuard

    init(database: AppDatabase, configuration: AppConfiguration, cache: PublicPageCache? = nil, guardRules: MessageGuard = MessageGuard()) {
        self.database = database
        self.configuration = configuration
        self.cache = cache
        self.guardRules = guardRules
    }

    private var now: String { Timestamp.string(from: configuration.clock()) }

    // MARK: Publishing

    /// Publishes a period: freezes the snapshot, hashes it, chains it to the previous publication and stores it.
    @discardableResult
    func publish(planID: Int64, period: Period, objectionDays: Int?, by actor: AuditActor) async throws -> Publication {
        if let days = objectionDays, !(1...60).contains(days) {
            throw DisclosureRefusals.objectionDays(days)
        }
        let today = configuration.today
        if period.year == today.year, period.lastMonth.months.upperBound > today.month {
            throw DisclosureRefusals.periodInFuture(period, latest: Period.month(year: today.year, month: today.month))
        }
        let publication = try await database.write { db in
            try await Self.publish(
                planID: planID, period: period, publishedOn: today, objectionsUntil: objectionDays.map { today.adding(days: $0) },
                clock: configuration.clock, by: actor, on: db)
        }
        await cache?.invalidate(planID: planID)
        return publication
    }

    /// Freezes, hashes, chains and stores a publication; run inside a transaction.
    static func publish(
        planID: Int64, period: Period, publishedOn: CalendarDate, objectionsUntil: CalendarDate?, clock: @escaping @Sendable () -> Date,
        by actor: AuditActor, on db: any SQLDatabase
    ) async throws -> Publication {
        let createdAt = Timestamp.string(from: clock())
        guard let plan = try await PlanStore().plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        guard period.year == plan.year else { throw Refusals.otherYear(planYear: plan.year, period) }
        let store = PublicationStore()
        let previous = try await store.latest(planID: planID, on: db)
        if let previous, previous.snapshot.period.lastMonth.months.upperBound > period.lastMonth.months.upperBound {
            throw DisclosureRefusals.goesBack(sequence: previous.sequence, covers: previous.snapshot.period, requested: period)
        }
        let snapshot = try await snapshot(
            planID: planID, period: period, sequence: (previous?.sequence ?? 0) + 1, previousHash: previous?.hash ?? PublicSnapshot.genesisHash,
            publishedOn: publishedOn, objectionsUntil: objectionsUntil, on: db
        )
        let published = PublishedSnapshot(snapshot: snapshot, hash: try snapshot.hash())
        let stored = try await store.insert(planID: planID, published: published, by: actor.userID, at: createdAt, on: db)
        try await AuditLog(clock: clock).record(
            "publication.publish", entity: "publication", id: stored.id,
            after: ["sequence": String(snapshot.sequence), "period": period.description, "hash": published.hash], by: actor, on: db)
        return stored
    }

    /// What a publication of the period would show, from accepted data only.
    static func snapshot(
        planID: Int64, period: Period, sequence: Int, previousHash: String, publishedOn: CalendarDate, objectionsUntil: CalendarDate?,
        on db: any SQLDatabase
    ) async throws -> PublicSnapshot {
        guard let detail = try await PlanStore().detail(planID: planID, on: db) else { throw Refusals.noPlan(planID) }
        let input = try await AssessmentStore().input(planID: planID, period: period, on: db)
        let assessment = Assessor().assess(input, at: period)
        let lastMonth = period.lastMonth.months.upperBound
        let (narratives, reportsByItem) = try await narratives(detail: detail, throughMonth: lastMonth, on: db)
        var photos: [Int64: [PublicSnapshot.Photo]] = [:]
        for candidate in try await PublicationStore().photoCandidates(planID: planID, on: db)
        where candidate.isPublic && candidate.period.year == period.year && candidate.period.months.upperBound <= lastMonth
            && reportsByItem[candidate.itemID]?.contains(candidate.attachment.reportID) == true
        {
            photos[candidate.itemID, default: []].append(
                PublicSnapshot.Photo(
                    id: candidate.attachment.id, sha256: candidate.attachment.sha256, caption: Self.caption(candidate.attachment.fileName),
                    format: candidate.attachment.contentType == "image/png" ? "png" : "jpg"
                ))
        }
        let builder = PublicSnapshotBuilder(
            planTitle: detail.plan.title, year: detail.plan.year, jurisdiction: detail.jurisdiction.name, categories: detail.categories,
            items: detail.items, indicators: detail.indicators, units: detail.units, assignments: detail.assignments
        )
        return builder.build(
            assessment: assessment, accepted: input.accepted, narratives: narratives, photos: photos.mapValues { $0.sorted { $0.id < $1.id } },
            sequence: sequence, previousHash: previousHash, publishedOn: publishedOn, objectionsUntil: objectionsUntil
        )
    }

    /// Each item's public narrative (进展情况 of the lead unit's latest accepted report up to the month), and the ids
    /// of every accepted report version current at that month, whose approved photos may be shown.
    private static func narratives(detail: PlanDetail, throughMonth: Int, on db: any SQLDatabase) async throws -> (
        [Int64: PublicSnapshotBuilder.Narrative], [Int64: Set<Int64>]
    ) {
        let rows = try await db.select().column("id").column("item_id").column("unit_id").column("period").column("version").column("progress")
            .from("reports").where("plan_id", .equal, detail.plan.id).where("state", .equal, ReportState.accepted.rawValue)
            .orderBy("period").orderBy("version").all()
        var newest: [String: (id: Int64, itemID: Int64, unitID: Int64, month: Int, text: String)] = [:]
        for row in rows {
            guard let period = Period(try row.string("period")), period.year == detail.plan.year, period.months.upperBound <= throughMonth else {
                continue
            }
            let entry = (
                id: try row.int64("id"), itemID: try row.int64("item_id"), unitID: try row.int64("unit_id"), month: period.months.upperBound,
                text: try row.string("progress")
            )
            newest["\(entry.itemID)-\(entry.unitID)-\(entry.month)"] = entry
        }
        var reportIDs: [Int64: Set<Int64>] = [:]
        for entry in newest.values { reportIDs[entry.itemID, default: []].insert(entry.id) }
        let leads = Dictionary(grouping: detail.assignments.filter { $0.role == .lead }, by: \.itemID).mapValues {
            $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID)
        }
        var narratives: [Int64: PublicSnapshotBuilder.Narrative] = [:]
        for (itemID, entries) in Dictionary(grouping: newest.values, by: \.itemID) {
            guard let units = leads[itemID] else { continue }
            let rank = { (unitID: Int64) in -(units.firstIndex(of: unitID) ?? units.count) }
            let best = entries.filter { units.contains($0.unitID) && !$0.text.isEmpty }
                .max { ($0.month, rank($0.unitID)) < ($1.month, rank($1.unitID)) }
            if let best { narratives[itemID] = PublicSnapshotBuilder.Narrative(text: best.text, month: best.month) }
        }
        return (narratives, reportIDs)
    }

    /// A photo's caption from its file name, without the extension.
    static func caption(_ fileName: String) -> String {
        let base = (fileName as NSString).deletingPathExtension
        return base.isEmpty ? fileName : base
    }

    // MARK: The public's voice

    /// What a visitor sent, for the thank-you page.
    enum Outcome: Sendable, Equatable {
        case rated(SatisfactionVerdict)
        case alreadyRated(SatisfactionVerdict)
        case messageReceived(PublicMessage.Kind)
    }

    /// The salted hash that stands for a device cookie or a network address; the raw value is never stored.
    func fingerprint(_ value: String, on db: any SQLDatabase) async throws -> String {
        Self.saltedHash(value, salt: try await store.salt(on: db))
    }

    static func saltedHash(_ value: String, salt: String) -> String {
        PublicSnapshot.sha256(Data((salt + "\u{1F}" + value).utf8))
    }

    /// Records a verdict on an item of the plan's latest publication: one per device per item per publication.
    func rate(planID: Int64, itemNumber: Int, verdict: SatisfactionVerdict, device: String, address: String) async throws -> Outcome {
        let since = Timestamp.string(from: configuration.clock().addingTimeInterval(-Double(guardRules.window)))
        let outcome = try await database.write { db -> Outcome in
            let publication = try await latestPublication(planID: planID, itemNumber: itemNumber, on: db)
            let deviceHash = try await fingerprint("device:" + device, on: db)
            if let earlier = try await store.rating(publicationID: publication.id, itemNumber: itemNumber, deviceHash: deviceHash, on: db) {
                return .alreadyRated(earlier)
            }
            let addressHash = try await fingerprint("address:" + address, on: db)
            let counts = try await store.ratingCounts(
                addressHash: addressHash, since: since, publicationID: publication.id, itemNumber: itemNumber, on: db)
            do throws(MessageGuard.Refusal) {
                try guardRules.checkRating(recentFromAddress: counts.recent, sameItemFromAddress: counts.sameItem)
            } catch {
                throw PublicRefusal(error)
            }
            try await store.insertRating(
                publicationID: publication.id, itemNumber: itemNumber, verdict: verdict, deviceHash: deviceHash,
                addressHash: addressHash, at: now, on: db)
            return .rated(verdict)
        }
        if case .rated = outcome { await cache?.invalidate(planID: planID) }
        return outcome
    }

    /// Receives an objection, suggestion or question on an item of the latest publication, for moderation.
    /// Objections are accepted only during the publication's 公示期.
    func receive(planID: Int64, itemNumber: Int, kind: PublicMessage.Kind, text: String, phone: String, address: String) async throws
        -> Outcome
    {
        let cleaned: String
        let number: String?
        do throws(MessageGuard.Refusal) {
            cleaned = try guardRules.clean(text)
            number = try guardRules.phone(phone)
        } catch {
            throw PublicRefusal(error)
        }
        let since = Timestamp.string(from: configuration.clock().addingTimeInterval(-Double(guardRules.window)))
        let today = configuration.today
        return try await database.write { db -> Outcome in
            let publication = try await latestPublication(planID: planID, itemNumber: itemNumber, on: db)
            if kind == .objection {
                guard let until = publication.snapshot.objectionsUntil, today <= until else {
                    throw PublicRefusal(
                        .invalidInput, "本期公示不在公示期内，无法提出异议；您可以留言提出建议或问题。",
                        "This publication is not open to objections; leave a suggestion or question instead.")
                }
            }
            let addressHash = try await fingerprint("address:" + address, on: db)
            let counts = try await store.messageCounts(
                addressHash: addressHash, since: since, publicationID: publication.id,
                fingerprint: MessageGuard.fingerprint(cleaned), on: db)
            do throws(MessageGuard.Refusal) {
                try guardRules.checkMessage(recentFromAddress: counts.recent, isRepeat: counts.isRepeat)
            } catch {
                throw PublicRefusal(error)
            }
            let id = try await store.insertMessage(
                publicationID: publication.id, itemNumber: itemNumber, kind: kind, text: cleaned, phone: number,
                addressHash: addressHash, at: now, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "public.\(kind.rawValue)", entity: "public_message", id: id, after: ["item": String(itemNumber)],
                by: AuditActor(userID: nil, name: "public", address: String(addressHash.prefix(12)) + "…"), on: db)
            return .messageReceived(kind)
        }
    }

    private func latestPublication(planID: Int64, itemNumber: Int, on db: any SQLDatabase) async throws -> Publication {
        guard let publication = try await store.latest(planID: planID, on: db), publication.snapshot.item(number: itemNumber) != nil else {
            throw PublicRefusal(.notFound) { $0.notPublished(itemNumber) }
        }
        return publication
    }

    // MARK: Moderation

    /// A message as settled, with where it belongs.
    struct Settled: Sendable {
        var message: PublicMessage
        var planID: Int64
        /// The sequence number of the publication it was left on.
        var sequence: Int
    }

    /// Answers a message (the answer is published with it) or rejects it (it is never shown).
    @discardableResult
    func settle(messageID: Int64, answer: String?, by actor: AuditActor) async throws -> Settled {
        guard let userID = actor.userID else { throw DisclosureRefusals.onlyOfficeAnswers }
        let reply = answer?.trimmingCharacters(in: .whitespacesAndNewlines)
        let state: PublicMessage.State = (reply?.isEmpty ?? true) ? .rejected : .answered
        let settled = try await database.write { db -> Settled in
            guard let message = try await store.message(id: messageID, on: db) else {
                throw DisclosureRefusals.noMessage(messageID)
            }
            guard try await store.settle(messageID: messageID, state: state, reply: state == .answered ? reply : nil, by: userID, at: now, on: db)
            else {
                throw DisclosureRefusals.messageSettled(messageID)
            }
            try await AuditLog(clock: configuration.clock).record(
                "public.\(state == .answered ? "answer" : "reject")", entity: "public_message", id: messageID,
                before: ["state": message.state.rawValue], after: ["state": state.rawValue, "reply": reply ?? ""], by: actor, on: db)
            let publication = try await store.planAndSequence(publicationID: message.publicationID, on: db)
            let stored = try await store.message(id: messageID, on: db) ?? message
            return Settled(message: stored, planID: publication?.planID ?? 0, sequence: publication?.sequence ?? 0)
        }
        await cache?.invalidate(planID: settled.planID)
        return settled
    }

    /// Approves a photo for publication, or withdraws the approval (already published snapshots keep naming it,
    /// but the photo itself is no longer served).
    /// Returns the id of the photo's plan.
    @discardableResult
    func setPhotoPublic(_ isPublic: Bool, attachmentID: Int64, by actor: AuditActor) async throws -> Int64 {
        let planID = try await database.write { db -> Int64 in
            guard let attachment = try await ReportStore().attachment(id: attachmentID, on: db),
                let report = try await ReportStore().report(id: attachment.reportID, on: db)
            else {
                throw Refusals.noAttachment
            }
            guard attachment.contentType.hasPrefix("image/") else { throw DisclosureRefusals.notAPhoto(attachment.fileName) }
            guard report.state == .accepted else { throw DisclosureRefusals.photoOfAcceptedOnly }
            try await store.setPublic(isPublic, attachmentID: attachmentID, on: db)
            try await AuditLog(clock: configuration.clock).record(
                isPublic ? "photo.approve" : "photo.withdraw", entity: "attachment", id: attachmentID, after: ["public": String(isPublic)], by: actor,
                on: db)
            return report.planID
        }
        await cache?.invalidate(planID: planID)
        return planID
    }

    // MARK: Reading

    /// Everything the public pages of a plan show: its publications, the public's verdicts and the answered messages.
    func site(planID: Int64) async throws -> PublicSite? {
        try await database.readReplica { db in try await site(planID: planID, on: db) }
    }

    func site(planID: Int64, on db: any SQLDatabase) async throws -> PublicSite? {
        let publications = try await store.publications(planID: planID, on: db)
        guard !publications.isEmpty else { return nil }
        let ids = publications.map(\.id)
        var tallies: [Int64: [Int: SatisfactionTally]] = [:]
        for publication in publications { tallies[publication.id] = try await store.tally(publicationIDs: [publication.id], on: db) }
        let answered = try await store.messages(publicationIDs: ids, states: [.answered], on: db)
        let photos = Set(try await store.photoCandidates(planID: planID, on: db).filter(\.isPublic).map(\.attachment.id))
        return PublicSite(
            planID: planID, publications: publications, tallies: tallies, answered: answered, approvedPhotos: photos, today: configuration.today)
    }

    /// The public's verdicts per item number on the publications up to a period, for the office's documents.
    static func satisfaction(planID: Int64, through period: Period, on db: any SQLDatabase) async throws -> [Int: SatisfactionTally] {
        let store = PublicationStore()
        let ids = try await store.publications(planID: planID, on: db)
            .filter { $0.snapshot.period.lastMonth.months.upperBound <= period.lastMonth.months.upperBound }.map(\.id)
        return try await store.tally(publicationIDs: ids, on: db)
    }
}

/// Why the public's rating or message was refused, in both languages; the page picks the reader's.
struct PublicRefusal: Error, Sendable, CustomStringConvertible {
    var kind: AppError.Kind
    var chinese: String
    var english: String

    init(_ kind: AppError.Kind, _ chinese: String, _ english: String) {
        self.kind = kind
        self.chinese = chinese
        self.english = english
    }

    /// A refusal worded by the public portal's catalogue, in both languages.
    init(_ kind: AppError.Kind, _ words: (PublicPageWords) -> String) {
        self.init(kind, words(PublicPageWords(language: .zh)), words(PublicPageWords(language: .en)))
    }

    init(_ refusal: MessageGuard.Refusal) {
        switch refusal {
        case .tooManyMessages, .tooManyRatings: kind = .tooManyRequests
        case .repeated: kind = .conflict
        default: kind = .invalidInput
        }
        chinese = refusal.chinese
        english = refusal.english
    }

    /// Why the request is refused, in Chinese and English.
    var phrase: Phrase { Phrase(zh: chinese, en: english) }

    var description: String { "\(chinese) \(english)" }
}

/// What the public pages of a plan are rendered from.
struct PublicSite: Sendable {
    var planID: Int64
    /// Oldest first; never empty.
    var publications: [Publication]
    /// Verdicts per publication id and item number.
    var tallies: [Int64: [Int: SatisfactionTally]]
    /// Messages the office answered, oldest first.
    var answered: [PublicMessage]
    /// Photos whose approval stands; a withdrawn photo stays named in its snapshot but is no longer shown.
    var approvedPhotos: Set<Int64>
    var today: CalendarDate

    var latest: Publication { publications[publications.count - 1] }
    var snapshot: PublicSnapshot { latest.snapshot }

    /// The verdicts on an item in the latest publication.
    func currentTally(_ number: Int) -> SatisfactionTally {
        tallies[latest.id]?[number] ?? SatisfactionTally()
    }

    /// The verdicts on an item over every publication.
    func totalTally(_ number: Int) -> SatisfactionTally {
        SatisfactionTally.sum(tallies.values.compactMap { $0[number] })
    }

    /// The verdicts on every item over every publication.
    var overallTally: SatisfactionTally {
        SatisfactionTally.sum(tallies.values.flatMap(\.values))
    }

    /// Whether the latest publication still takes objections.
    var objectionsOpen: Bool {
        guard let until = snapshot.objectionsUntil else { return false }
        return today <= until
    }
}
