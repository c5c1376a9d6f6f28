import Crypto
import Foundation

/// What the public may see of a plan at a period (公示): items, targets, accepted progress, status, the public part of
/// each report's narrative and approved photos. Frozen when published; its canonical JSON is hashed and chained to
/// the previous snapshot, so that any later change to a published figure is detectable.
package struct PublicSnapshot: Sendable, Hashable, Codable {
    /// The format version of the canonical JSON.
    package var format: Int
    package var planTitle: String
    package var year: Int
    package var jurisdiction: String
    package var period: Period
    /// Position in the plan's chain of publications, from 1.
    package var sequence: Int
    package var publishedOn: CalendarDate
    /// The 公示期 end, when the publication invites objections.
    @NullCoded package var objectionsUntil: CalendarDate?
    /// The hash of the previous publication of the plan, or 64 zeros for the first.
    package var previousHash: String
    package var counts: [String: Int]
    /// Mean progress of the items, as a whole percentage.
    @NullCoded package var progress: Int?
    package var categories: [Category]
    /// The units named by the items, with the ids their public pages use.
    package var units: [Unit]
    package var items: [Item]

    /// A unit named by the plan.
    package struct Unit: Sendable, Hashable, Codable {
        package var id: Int64
        package var name: String

        package init(id: Int64, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A category with its mean progress.
    package struct Category: Sendable, Hashable, Codable {
        package var number: Int
        package var name: String
        @NullCoded package var progress: Int?

        package init(number: Int, name: String, progress: Int?) {
            self.number = number
            self.name = name
            self.progress = progress
        }
    }

    /// One item as published.
    package struct Item: Sendable, Hashable, Codable {
        package var number: Int
        package var category: Int
        package var title: String
        package var text: String
        package var leadUnits: [Int64]
        package var responsibleUnits: [Int64]
        package var status: ProgressStatus
        @NullCoded package var progress: Int?
        @NullCoded package var expected: Int?
        package var targets: [Target]
        /// The public part of the answering unit's latest accepted report (进展情况).
        package var narrative: String
        @NullCoded package var narrativeMonth: Int?
        package var photos: [Photo]
        /// SHA-256 of this item's canonical JSON without this field: names the item a change touched.
        package var digest: String

        package init(
            number: Int, category: Int, title: String, text: String, leadUnits: [Int64], responsibleUnits: [Int64], status: ProgressStatus,
            progress: Int?, expected: Int?, targets: [Target], narrative: String, narrativeMonth: Int?, photos: [Photo], digest: String = ""
        ) {
            self.number = number
            self.category = category
            self.title = title
            self.text = text
            self.leadUnits = leadUnits
            self.responsibleUnits = responsibleUnits
            self.status = status
            self.progress = progress
            self.expected = expected
            self.targets = targets
            self.narrative = narrative
            self.narrativeMonth = narrativeMonth
            self.photos = photos
            self.digest = digest
        }
    }

    /// A target and the accepted figure reached.
    package struct Target: Sendable, Hashable, Codable {
        package var name: String
        @NullCoded package var target: String?
        package var unit: String
        /// Whether the figure breaks down another target of the item (其中).
        package var breakdown: Bool
        /// The target is set by a higher level and not yet known (以上级下达为准).
        package var provisional: Bool
        @NullCoded package var value: String?
        @NullCoded package var reachedOn: CalendarDate?
        @NullCoded package var asOfMonth: Int?
        @NullCoded package var progress: Int?

        package init(
            name: String, target: String?, unit: String, breakdown: Bool, provisional: Bool, value: String?, reachedOn: CalendarDate?,
            asOfMonth: Int?, progress: Int?
        ) {
            self.name = name
            self.target = target
            self.unit = unit
            self.breakdown = breakdown
            self.provisional = provisional
            self.value = value
            self.reachedOn = reachedOn
            self.asOfMonth = asOfMonth
            self.progress = progress
        }
    }

    /// An approved photo, with the hash of its bytes so that a copy can be checked too.
    package struct Photo: Sendable, Hashable, Codable {
        package var id: Int64
        package var sha256: String
        package var caption: String
        /// The file extension of its format: `jpg` or `png`.
        package var format: String

        package init(id: Int64, sha256: String, caption: String, format: String) {
            self.id = id
            self.sha256 = sha256
            self.caption = caption
            self.format = format
        }
    }

    package init(
        planTitle: String, year: Int, jurisdiction: String, period: Period, sequence: Int, publishedOn: CalendarDate, objectionsUntil: CalendarDate?,
        previousHash: String, counts: [String: Int], progress: Int?, categories: [Category], units: [Unit], items: [Item]
    ) {
        format = 1
        self.planTitle = planTitle
        self.year = year
        self.jurisdiction = jurisdiction
        self.period = period
        self.sequence = sequence
        self.publishedOn = publishedOn
        self.objectionsUntil = objectionsUntil
        self.previousHash = previousHash
        self.counts = counts
        self.progress = progress
        self.categories = categories
        self.units = units
        self.items = items.map { item in
            var sealed = item
            sealed.digest = Self.digest(of: item)
            return sealed
        }
    }

    /// The name of a unit by id.
    package func unitName(_ id: Int64) -> String {
        units.first { $0.id == id }?.name ?? ""
    }

    package func item(number: Int) -> Item? {
        items.first { $0.number == number }
    }

    package static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical JSON: keys sorted, no whitespace, slashes unescaped, UTF-8.
    package static func canonical<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The item's digest: the hash of its canonical JSON with an empty digest.
    package static func digest(of item: Item) -> String {
        var blank = item
        blank.digest = ""
        return (try? canonical(blank)).map(sha256) ?? ""
    }

    /// The snapshot's hash, which the next publication records.
    package func hash() throws -> String {
        Self.sha256(try Self.canonical(self))
    }
}

/// A published snapshot as downloaded: the snapshot and the hash of its canonical JSON.
package struct PublishedSnapshot: Sendable, Hashable, Codable {
    package var snapshot: PublicSnapshot
    package var hash: String

    package init(snapshot: PublicSnapshot, hash: String) {
        self.snapshot = snapshot
        self.hash = hash
    }
}

/// Checks downloaded publications: each file's hash over its snapshot, each item's digest, and the chain of
/// previous hashes from the first publication to the last.
package enum ChainVerifier {
    /// What verification found.
    package struct Report: Sendable, Equatable {
        package var checked: Int
        /// What failed, in both languages.
        package var problems: [Phrase]

        package var passed: Bool { problems.isEmpty }
    }

    /// Reads downloaded files: one publication, or an array of them (the chain download).
    package static func decode(_ data: Data) throws -> [PublishedSnapshot] {
        let decoder = JSONDecoder()
        if let many = try? decoder.decode([PublishedSnapshot].self, from: data) { return many }
        return [try decoder.decode(PublishedSnapshot.self, from: data)]
    }

    /// The JSON a publication is downloaded as: readable, keys sorted.
    package static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    package static func verify(_ publications: [PublishedSnapshot]) -> Report {
        var problems: [Phrase] = []
        let ordered = publications.sorted { $0.snapshot.sequence < $1.snapshot.sequence }
        var previous: PublishedSnapshot?
        for publication in ordered {
            let snapshot = publication.snapshot
            let label = Phrase(zh: "公示第\(snapshot.sequence)期（\(snapshot.period)）", en: "Publication \(snapshot.sequence) (\(snapshot.period))")
            func problem(_ zh: String, _ en: String) { problems.append(Phrase(zh: "\(label.zh)：\(zh)", en: "\(label.en): \(en)")) }
            let changedItems = snapshot.items.filter { PublicSnapshot.digest(of: $0) != $0.digest }
            for item in changedItems {
                problem("第\(item.number)项“\(item.title)”的内容与其摘要不符，发布后被改动过", "item \(item.number) “\(item.title)” was changed after publication")
            }
            if let computed = try? snapshot.hash(), computed != publication.hash, changedItems.isEmpty {
                let (found, recorded) = (computed.prefix(12), publication.hash.prefix(12))
                problem(
                    "内容的哈希 \(found)… 与记录的 \(recorded)… 不符，发布后被改动过",
                    "the content's hash \(found)… differs from the recorded \(recorded)…: it was changed after publication")
            }
            if let previous {
                let missing = previous.snapshot.sequence + 1
                if snapshot.sequence != missing {
                    problem("缺少第\(missing)期", "publication \(missing) is missing")
                } else if snapshot.previousHash != previous.hash {
                    problem(
                        "记录的上一期哈希与第\(previous.snapshot.sequence)期不符，链条断开",
                        "the previous hash it records differs from publication \(previous.snapshot.sequence): the chain is broken")
                }
            } else if snapshot.sequence == 1 && snapshot.previousHash != PublicSnapshot.genesisHash {
                problem("第一期的上一期哈希应为全零", "the first publication must start the chain with a previous hash of zeros")
            }
            previous = publication
        }
        return Report(checked: ordered.count, problems: problems)
    }

    /// The differences between a downloaded snapshot and the published original, by item and field.
    package static func differences(_ downloaded: PublicSnapshot, from original: PublicSnapshot) -> [Phrase] {
        var found: [Phrase] = []
        let originals = Dictionary(uniqueKeysWithValues: original.items.map { ($0.number, $0) })
        let percent = { (value: Int?) in value.map { "\($0)%" } ?? "—" }
        for item in downloaded.items {
            let n = item.number
            guard let before = originals[n] else {
                found.append(Phrase(zh: "第\(n)项：原公示中没有", en: "Item \(n): not in the original"))
                continue
            }
            if item.progress != before.progress {
                let change = "\(percent(before.progress)) → \(percent(item.progress))"
                found.append(Phrase(zh: "第\(n)项 完成进度：\(change)", en: "Item \(n) progress: \(change)"))
            }
            if item.status != before.status {
                found.append(
                    Phrase(
                        zh: "第\(n)项 状态：\(before.status.chineseName) → \(item.status.chineseName)",
                        en: "Item \(n) status: \(before.status.englishName) → \(item.status.englishName)"))
            }
            if item.narrative != before.narrative { found.append(Phrase(zh: "第\(n)项 进展情况已改动", en: "Item \(n): the progress report was changed")) }
            for (index, target) in item.targets.enumerated() where index < before.targets.count {
                let was = before.targets[index]
                if target.value != was.value {
                    let change = "\(was.value ?? "—") → \(target.value ?? "—")"
                    found.append(Phrase(zh: "第\(n)项“\(target.name)”完成值：\(change)", en: "Item \(n) “\(target.name)” result: \(change)"))
                }
                if target.target != was.target {
                    let change = "\(was.target ?? "—") → \(target.target ?? "—")"
                    found.append(Phrase(zh: "第\(n)项“\(target.name)”目标：\(change)", en: "Item \(n) “\(target.name)” target: \(change)"))
                }
            }
            if item.title != before.title || item.text != before.text {
                found.append(Phrase(zh: "第\(n)项 事项内容已改动", en: "Item \(n): the commitment's text was changed"))
            }
        }
        if downloaded.counts != original.counts { found.append(Phrase(zh: "状态统计已改动", en: "The counts by status were changed")) }
        return found
    }
}
