import Foundation
import MinshengCore
import MinshengHTML

extension PublicItemPage {
    /// Renders a published item.
    struct View {
        var model: Model
        var links: PublicLinks

        private var site: PublicSite { model.site }
        private var item: PublicSnapshot.Item { model.item }
        private var words: PublicStrings { links.language.publicWords }
        private var p: Punctuation { links.language.punctuation }
        private var snapshot: PublicSnapshot { site.snapshot }

        func render() -> String {
            let category = snapshot.categories.first { $0.number == item.category }
            let content: Node = .group(
                .p(
                    .class("breadcrumb"), .a(.href(links.home), .text(snapshot.planTitle)),
                    .unwrap(category) { .group(.text(" › "), .a(.href(links.category($0.number)), .text($0.name))) }),
                .h1(.text("\(item.number). \(item.title)")),
                .p(.class("item-text"), .text(item.text)),
                units,
                .p(
                    .class("summary"), PublicParts.light(item.status, links.language),
                    .text(
                        " "
                            + [
                                "\(words.progress) \(PublicParts.percent(item.progress))", "\(words.expected) \(PublicParts.percent(item.expected))",
                                words.asOfDate(snapshot.period.endDate),
                            ].joined(separator: p.comma))),
                targets,
                .h2(.text(words.narrative)),
                item.narrative.isEmpty
                    ? .p(.class("hint"), .text(words.noNarrative))
                    : .p(
                        .class("narrative"), .text(item.narrative),
                        .unwrap(item.narrativeMonth) { .span(.class("hint"), .text(p.aside(words.month($0)))) }),
                photos,
                history,
                satisfaction,
                answers
            )
            return PublicLayout(title: item.title, path: links.item(item.number), links: links, content: content).render()
        }

        private var units: Node {
            .dl(
                .class("item-units"),
                .dt(.text(words.leadUnits)),
                .dd(
                    .forEach(item.leadUnits.enumerated()) { index, id in
                        .group(index > 0 ? .text(p.listSeparator) : .empty, .a(.href(links.unit(id)), .text(snapshot.unitName(id))))
                    }),
                .unwrap(item.responsibleUnits.isEmpty ? nil : item.responsibleUnits) { ids in
                    .group(
                        .dt(.text(words.responsibleUnits)),
                        .dd(
                            .forEach(ids.enumerated()) { index, id in
                                .group(index > 0 ? .text(p.listSeparator) : .empty, .a(.href(links.unit(id)), .text(snapshot.unitName(id))))
                            }))
                }
            )
        }

        private var targets: Node {
            guard !item.targets.isEmpty else { return .empty }
            return .group(
                .h2(.text(words.targets)),
                .div(
                    .class("table-scroll"),
                    .table(
                        .class("list"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(words.target)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.reached)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.progress)))),
                        .tbody(
                            .forEach(item.targets) { target in
                                .tr(
                                    .class(target.breakdown ? "child" : ""),
                                    .td(.text(targetText(target))),
                                    .td(.text(reachedText(target))),
                                    .td(.text(PublicParts.percent(target.progress)))
                                )
                            })
                    ))
            )
        }

        private func targetText(_ target: PublicSnapshot.Target) -> String {
            let prefix = target.breakdown ? words.ofWhich : ""
            if let value = target.target { return "\(prefix)\(target.name) \(value)\(target.unit)" }
            return prefix + target.name + (target.provisional ? links.language.punctuation.aside(words.provisional) : "")
        }

        private func reachedText(_ target: PublicSnapshot.Target) -> String {
            var text = target.value.map { "\($0)\(target.unit)" } ?? (target.reachedOn.map { $0.iso } ?? "—")
            if let month = target.asOfMonth, month < snapshot.period.lastMonth.months.upperBound {
                text += links.language.punctuation.aside(words.month(month))
            }
            return text
        }

        private var photos: Node {
            let shown = item.photos.filter { site.approvedPhotos.contains($0.id) }
            guard !shown.isEmpty else { return .empty }
            return .group(
                .h2(.text(words.photos)),
                .div(
                    .class("photos"),
                    .forEach(shown) { photo in
                        PublicParts.figure(src: links.photo(photo), alt: photo.caption, caption: .text(photo.caption))
                    })
            )
        }

        private var history: Node {
            let rows = site.publications.compactMap { publication in publication.snapshot.item(number: item.number).map { (publication.snapshot, $0) }
            }
            return .group(
                .h2(.text(words.history)),
                .div(
                    .class("table-scroll"),
                    .table(
                        .class("list"),
                        .thead(
                            .tr(
                                .th(.attribute(named: "scope", value: "col"), .text(words.sequence)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.period)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.status)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.progress)),
                                .th(.attribute(named: "scope", value: "col"), .text(words.reached)))),
                        .tbody(
                            .forEach(rows.reversed()) { row in
                                .tr(
                                    .td(.a(.href(links.publicationFile(row.0.sequence, "json")), .text(String(row.0.sequence)))),
                                    .td(.text(row.0.period.description)),
                                    .td(PublicParts.light(row.1.status, links.language)),
                                    .td(.text(PublicParts.percent(row.1.progress))),
                                    .td(.text(row.1.targets.filter { !$0.breakdown }.map { reachedText($0) }.joined(separator: p.semicolon)))
                                )
                            })
                    ))
            )
        }

        private var satisfaction: Node {
            .section(
                .id("satisfaction"), .attribute(named: "aria-labelledby", value: "satisfaction-title"),
                .h2(.id("satisfaction-title"), .text(words.satisfaction)),
                .p(
                    .id("tally-current"),
                    .text(p.labelled(words.thisRound + p.aside(words.publicationTitle(snapshot)), words.tallyText(site.currentTally(item.number))))),
                .p(.id("tally-total"), .text(p.labelled(words.allRounds, words.tallyText(site.totalTally(item.number))))),
                forms
            )
        }

        private var forms: Node {
            guard let rate = links.rate(item.number), let message = links.message(item.number) else {
                return .p(.class("hint"), .text(words.offline))
            }
            let kinds: [PublicMessage.Kind] = site.objectionsOpen ? [.suggestion, .question, .objection] : [.suggestion, .question]
            return .group(
                .form(
                    .class("rating-form"), .method(.post), .action(rate),
                    .fieldset(
                        .element(named: "legend", text: words.rateThis),
                        .forEach(SatisfactionVerdict.allCases) { verdict in
                            .label(
                                .class("check"),
                                .input(
                                    .type(.radio), .name("verdict"), .value(verdict.rawValue), .id("verdict-\(verdict.rawValue)"),
                                    .attribute(named: "required", value: "required")),
                                .text(" " + words.verdict(verdict)))
                        }
                    ),
                    .p(.class("hint"), .text(words.oneRating)),
                    .button(.type(.submit), .class("primary"), .text(words.submitRating))
                ),
                site.objectionsOpen ? .p(.class("notice"), .text(words.objectionOpen)) : .empty,
                .form(
                    .class("message-form narrow"), .method(.post), .action(message),
                    .h3(.text(words.leaveMessage)),
                    .label(.for("kind"), .text(words.messageKind)),
                    SelectField.node(
                        id: "kind", name: "kind", label: words.messageKind, options: kinds.map { ($0.rawValue, words.kind($0)) },
                        selected: PublicMessage.Kind.suggestion.rawValue),
                    .label(.for("text"), .text(words.messageText)),
                    .textarea(
                        .id("text"), .name("text"), .attribute(named: "rows", value: "4"),
                        .attribute(named: "maxlength", value: String(MessageGuard().maximumLength)),
                        .attribute(named: "required", value: "required")),
                    .label(.for("phone"), .text(words.phone)),
                    .input(.type(.tel), .id("phone"), .name("phone"), .attribute(named: "autocomplete", value: "tel")),
                    .p(.class("hint"), .text(words.moderated)),
                    .button(.type(.submit), .text(words.send))
                )
            )
        }

        private var answers: Node {
            let answered = site.answered.filter { $0.itemNumber == item.number }
            return .section(
                .attribute(named: "aria-labelledby", value: "answers-title"),
                .h2(.id("answers-title"), .text(words.answers)),
                answered.isEmpty
                    ? .p(.class("hint"), .text(words.noAnswers))
                    : .forEach(answered.reversed()) { message in
                        .article(
                            .class("answer"),
                            .h3(.text(words.kind(message.kind) + p.aside(String(message.createdAt.prefix(10))))),
                            .p(.text(message.text)),
                            .p(.class("reply"), .strong(.text(words.reply + p.colon)), .text(message.reply ?? ""))
                        )
                    }
            )
        }
    }
}
