import Foundation
import MinshengCore
import MinshengHTML

/// The public home: overall progress, counts by status, progress by category, the items, and the latest publication.
struct PublicHomePage {
    var site: PublicSite
    var links: PublicLinks

    var words: PublicStrings { links.language.publicWords }
    var snapshot: PublicSnapshot { site.snapshot }

    func render() -> String {
        let content: Node = .group(
            .h1(.text(snapshot.planTitle)),
            .p(
                .class("plan-meta"),
                .text(
                    "\(words.publicationTitle(snapshot))，\(words.asOfDate(snapshot.period.endDate))，\(words.publishedOn) \(snapshot.publishedOn.iso)")
            ),
            objectionNotice,
            .p(
                .class("summary"), .strong(.text("\(words.overallProgress)：\(PublicParts.percent(snapshot.progress))")),
                .text("　\(words.satisfaction)：\(words.tallyText(site.overallTally))")),
            .div(
                .class("charts"),
                .div(.class("chart-box"), Charts.statusCounts(counts, words: links.language.assessment)),
                .div(.class("chart-box"), Charts.categoryProgress(categoryRows, words: links.language.assessment))
            ),
            .h2(.text(words.categories)),
            .ul(
                .class("category-links"),
                .forEach(snapshot.categories) { category in
                    .li(.a(.href(links.category(category.number)), .text(category.name)), .text(" \(PublicParts.percent(category.progress))"))
                }),
            PublicParts.searchForm(links: links, query: ""),
            PublicParts.itemTable(
                snapshot.items, snapshot: snapshot, links: links, caption: "\(words.items)（\(snapshot.items.count)\(words.itemsCount)）"),
            .p(
                .text("\(words.hash)："), .code(.class("hash"), .text(site.latest.hash)), .text(" "),
                .a(.href(links.publications), .text(words.publications)))
        )
        return PublicLayout(title: snapshot.planTitle, path: links.home, links: links, content: content).render()
    }

    private var objectionNotice: Node {
        guard let until = snapshot.objectionsUntil, site.objectionsOpen, links.mode == .server else { return .empty }
        return .p(.class("notice"), .text("\(words.openObjections)\(words.objectionsUntil) \(until.iso)。"))
    }

    private var counts: [ProgressStatus: Int] {
        Dictionary(uniqueKeysWithValues: ProgressStatus.allCases.map { ($0, snapshot.counts[$0.rawValue] ?? 0) })
    }

    /// The worst status of a group, leaving aside items whose targets are pending, as the office's pages do.
    static func worst(_ statuses: [ProgressStatus]) -> ProgressStatus? {
        let decided = statuses.filter { $0 != .pending }
        return (decided.isEmpty ? statuses : decided).max { $0.severity < $1.severity }
    }

    private var categoryRows: [(name: String, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)] {
        snapshot.categories.map { category in
            let items = snapshot.items.filter { $0.category == category.number }
            let expected = items.compactMap(\.expected)
            return (
                category.name, category.progress.map { Decimal($0) / 100 },
                expected.isEmpty ? nil : Decimal(expected.reduce(0, +)) / Decimal(expected.count) / 100,
                Self.worst(items.map(\.status))
            )
        }
    }
}

/// A category's items.
struct PublicCategoryPage {
    var site: PublicSite
    var category: PublicSnapshot.Category
    var links: PublicLinks

    func render() -> String {
        let words = links.language.publicWords
        let items = site.snapshot.items.filter { $0.category == category.number }
        let content: Node = .group(
            .p(.class("breadcrumb"), .a(.href(links.home), .text(site.snapshot.planTitle))),
            .h1(.text(category.name)),
            .p(
                .class("summary"),
                .text("\(words.progress)：\(PublicParts.percent(category.progress))，\(words.asOfDate(site.snapshot.period.endDate))")),
            PublicParts.itemTable(items, snapshot: site.snapshot, links: links, caption: "\(category.name)（\(items.count)\(words.itemsCount)）")
        )
        return PublicLayout(title: category.name, path: links.category(category.number), links: links, content: content).render()
    }
}

/// A unit's items, led and shared, with the public's verdicts on the items it leads.
struct PublicUnitPage {
    var site: PublicSite
    var unit: PublicSnapshot.Unit
    var links: PublicLinks

    func render() -> String {
        let words = links.language.publicWords
        let snapshot = site.snapshot
        let led = snapshot.items.filter { $0.leadUnits.contains(unit.id) }
        let shared = snapshot.items.filter { $0.responsibleUnits.contains(unit.id) && !$0.leadUnits.contains(unit.id) }
        let tally = SatisfactionTally.sum(led.map { site.totalTally($0.number) })
        let content: Node = .group(
            .p(.class("breadcrumb"), .a(.href(links.home), .text(snapshot.planTitle))),
            .h1(.text(unit.name)),
            .p(.class("summary"), .text("\(words.satisfaction)（\(words.unitItemsLed)）：\(words.tallyText(tally))")),
            led.isEmpty
                ? .empty
                : PublicParts.itemTable(led, snapshot: snapshot, links: links, caption: "\(words.unitItemsLed)（\(led.count)\(words.itemsCount)）"),
            shared.isEmpty
                ? .empty
                : PublicParts.itemTable(
                    shared, snapshot: snapshot, links: links, caption: "\(words.unitItemsShared)（\(shared.count)\(words.itemsCount)）")
        )
        return PublicLayout(title: unit.name, path: links.unit(unit.id), links: links, content: content).render()
    }
}

/// Search over item titles, text, targets and unit names. An export lists every item and filters in the browser.
struct PublicSearchPage {
    var site: PublicSite
    var query: String
    var links: PublicLinks

    /// The items a query finds: every word must occur in the item's title, text, targets or units.
    static func matches(_ query: String, in snapshot: PublicSnapshot) -> [PublicSnapshot.Item] {
        let terms = query.split(whereSeparator: { $0.isWhitespace || $0 == "，" || $0 == "," }).map { $0.lowercased() }
        guard !terms.isEmpty else { return snapshot.items }
        return snapshot.items.filter { item in
            let haystack = searchText(item, snapshot).lowercased()
            return terms.allSatisfy { haystack.contains($0) }
        }
    }

    static func searchText(_ item: PublicSnapshot.Item, _ snapshot: PublicSnapshot) -> String {
        ([String(item.number), item.title, item.text] + item.targets.map(\.name) + (item.leadUnits + item.responsibleUnits).map(snapshot.unitName))
            .joined(separator: " ")
    }

    func render() -> String {
        let words = links.language.publicWords
        let snapshot = site.snapshot
        let found = Self.matches(query, in: snapshot)
        let results: Node
        if links.mode == .exported {
            results = .group(
                .ul(
                    .id("search-results"), .class("search-results"),
                    .forEach(snapshot.items) { item in
                        .li(
                            .attribute(named: "data-search", value: Self.searchText(item, snapshot)),
                            .a(.href(links.item(item.number)), .text("\(item.number). \(item.title)")))
                    }),
                .p(.id("no-results"), .attribute(named: "hidden", value: "hidden"), .text(words.noResults)),
                .script(.src(links.script))
            )
        } else if found.isEmpty {
            results = .p(.text(words.noResults))
        } else {
            results = PublicParts.itemTable(found, snapshot: snapshot, links: links, caption: "\(words.search)（\(found.count)\(words.itemsCount)）")
        }
        let content: Node = .group(
            .h1(.text(words.search)),
            PublicParts.searchForm(links: links, query: query),
            .div(.attribute(named: "aria-live", value: "polite"), results)
        )
        return PublicLayout(title: words.search, path: links.search, links: links, content: content).render()
    }

    /// The export's search script: filters the listed items as the reader types, without a server.
    static let script = """
        (function () {
          var input = document.getElementById('q');
          var items = document.querySelectorAll('#search-results li');
          var none = document.getElementById('no-results');
          function filter() {
            var terms = input.value.toLowerCase().split(/[\\s,，]+/).filter(function (t) { return t.length > 0; });
            var shown = 0;
            items.forEach(function (li) {
              var text = li.getAttribute('data-search').toLowerCase();
              var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
              li.hidden = !match;
              if (match) { shown += 1; }
            });
            none.hidden = shown > 0;
          }
          var params = new URLSearchParams(window.location.search);
          if (params.get('q')) { input.value = params.get('q'); }
          input.addEventListener('input', filter);
          input.form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
          filter();
        })();
        """
}
