import Foundation

/// Builds what the public may see from a plan's assessment at a period. Only accepted values reach it (the
/// assessment counts nothing else); of each report only 进展情况 is public, and only photos the office approved.
/// Internal notes (override reasons, 存在问题, 下步打算, reviewers' remarks) are not inputs at all.
package struct PublicSnapshotBuilder: Sendable {
    /// The public part of an item's latest accepted report.
    package struct Narrative: Sendable, Hashable {
        package var text: String
        package var month: Int

        package init(text: String, month: Int) {
            self.text = text
            self.month = month
        }
    }

    package var planTitle: String
    package var year: Int
    package var jurisdiction: String
    package var categories: [Category]
    package var items: [Item]
    package var indicators: [Indicator]
    package var units: [Unit]
    package var assignments: [Assignment]

    package init(
        planTitle: String, year: Int, jurisdiction: String, categories: [Category], items: [Item], indicators: [Indicator], units: [Unit],
        assignments: [Assignment]
    ) {
        self.planTitle = planTitle
        self.year = year
        self.jurisdiction = jurisdiction
        self.categories = categories
        self.items = items
        self.indicators = indicators
        self.units = units
        self.assignments = assignments
    }

    /// The snapshot at the assessment's period, as publication number `sequence` after `previousHash`.
    package func build(
        assessment: PlanAssessment, accepted: [AcceptedValue], narratives: [Int64: Narrative], photos: [Int64: [PublicSnapshot.Photo]],
        sequence: Int, previousHash: String, publishedOn: CalendarDate, objectionsUntil: CalendarDate?
    ) -> PublicSnapshot {
        let lastMonth = assessment.period.lastMonth.months.upperBound
        let byItem = Dictionary(grouping: assignments, by: \.itemID)
        let indicatorsByItem = Dictionary(grouping: indicators, by: \.itemID)
        let reached = Dictionary(grouping: accepted.filter { $0.month <= lastMonth && $0.reachedOn != nil }, by: \.indicatorID)
            .compactMapValues { $0.max { $0.month < $1.month }?.reachedOn }
        let categoryNumbers = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.ordinal) })
        var usedUnits: [Int64] = []
        var published: [PublicSnapshot.Item] = []
        for item in items.sorted(by: { $0.number < $1.number }) {
            guard let a = assessment.item(item.id) else { continue }
            let assigned = (byItem[item.id] ?? []).sorted { $0.ordinal < $1.ordinal }
            let leads = assigned.filter { $0.role == .lead }.map(\.unitID)
            let responsible = assigned.filter { $0.role == .responsible }.map(\.unitID)
            for id in leads + responsible where !usedUnits.contains(id) { usedUnits.append(id) }
            let assessed = Dictionary(uniqueKeysWithValues: a.indicators.map { ($0.indicatorID, $0) })
            let targets = Self.ordered(indicatorsByItem[item.id] ?? []).map { indicator in
                let figure = assessed[indicator.id]
                return PublicSnapshot.Target(
                    name: indicator.name, target: indicator.target.map(DecimalText.format), unit: indicator.measure,
                    breakdown: indicator.parentID != nil, provisional: indicator.provisional && indicator.target == nil,
                    value: figure?.value.map(DecimalText.format), reachedOn: reached[indicator.id], asOfMonth: figure?.asOfMonth,
                    progress: figure?.progress.map(Self.percent)
                )
            }
            let narrative = narratives[item.id]
            published.append(
                PublicSnapshot.Item(
                    number: item.number, category: categoryNumbers[item.categoryID] ?? 0, title: item.title, text: item.text,
                    leadUnits: leads, responsibleUnits: responsible, status: a.status, progress: a.progress.map(Self.percent),
                    expected: a.expected.map(Self.percent), targets: targets, narrative: narrative?.text ?? "", narrativeMonth: narrative?.month,
                    photos: photos[item.id] ?? []
                ))
        }
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let publishedCategories = categories.sorted { $0.ordinal < $1.ordinal }.map { category in
            let ids = Set(items.filter { $0.categoryID == category.id }.map(\.id))
            return PublicSnapshot.Category(number: category.ordinal, name: category.name, progress: assessment.progress(of: ids).map(Self.percent))
        }
        var counts: [String: Int] = [:]
        for status in ProgressStatus.allCases { counts[status.rawValue] = published.filter { $0.status == status }.count }
        return PublicSnapshot(
            planTitle: planTitle, year: year, jurisdiction: jurisdiction, period: assessment.period, sequence: sequence, publishedOn: publishedOn,
            objectionsUntil: objectionsUntil, previousHash: previousHash, counts: counts, progress: assessment.progress().map(Self.percent),
            categories: publishedCategories, units: usedUnits.compactMap { id in unitNames[id].map { PublicSnapshot.Unit(id: id, name: $0) } },
            items: published
        )
    }

    /// Indicators in reading order: each top-level indicator followed by its breakdown.
    static func ordered(_ indicators: [Indicator]) -> [Indicator] {
        let children = Dictionary(grouping: indicators.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
        return indicators.filter { $0.parentID == nil }.sorted { $0.ordinal < $1.ordinal }.flatMap { parent in
            [parent] + (children[parent.id] ?? []).sorted { $0.ordinal < $1.ordinal }
        }
    }

    /// A share as a whole percentage, by the one rule (``Percent``).
    package static func percent(_ share: Decimal) -> Int {
        Percent.of(share)
    }
}

extension PublicSnapshot {
    /// The snapshot as CSV (UTF-8 with BOM, for spreadsheet programs): one row per target, with the item's status and
    /// progress, and the snapshot's hash in the first line.
    package func csv(hash: String) -> String {
        var rows: [[String]] = [
            ["公示", "第\(sequence)期", period.description, publishedOn.iso, "SHA-256", hash],
            ["序号", "事项", "牵头单位", "责任单位", "进度状态", "完成进度(%)", "序时进度(%)", "目标名称", "目标", "计量单位", "完成值", "达成日期", "数据截至(月)"],
        ]
        for item in items {
            let leads = item.leadUnits.map(unitName).joined(separator: "、")
            let responsible = item.responsibleUnits.map(unitName).joined(separator: "、")
            let head = [
                String(item.number), item.title, leads, responsible, item.status.chineseName, item.progress.map(String.init) ?? "",
                item.expected.map(String.init) ?? "",
            ]
            if item.targets.isEmpty { rows.append(head + ["", "", "", "", "", ""]) }
            for target in item.targets {
                rows.append(
                    head + [
                        (target.breakdown ? "其中：" : "") + target.name, target.target ?? (target.provisional ? "以上级下达为准" : ""), target.unit,
                        target.value ?? "", target.reachedOn?.iso ?? "", target.asOfMonth.map(String.init) ?? "",
                    ])
            }
        }
        return CSVWriter.document(rows)
    }
}
