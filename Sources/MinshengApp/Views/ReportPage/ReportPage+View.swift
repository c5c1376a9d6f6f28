import Foundation
import MinshengCore
import MinshengHTML

extension ReportPage {
    /// Renders the report page.
    struct View {
        var model: Model
        var page: PageContext

        var strings: Strings { page.strings }
        var words: ReportingStrings { page.language.reporting }
        var formWords: ReportFormWords { ReportFormWords(language: page.language) }
        var periods: PeriodWords { PeriodWords(language: page.language) }
        var target: SiteURL { SiteURL.report(planID: model.plan.id, period: model.period, itemID: model.item.id, unitID: model.unit.id) }

        func render() -> String {
            Layout(title: "\(model.item.number). \(model.item.title)", page: page, content: content).render()
        }

        private var content: Node {
            .group(
                .h1(.text("\(model.item.number). \(model.item.title)")),
                .p(
                    .class("plan-meta"),
                    .text(
                        """
                        \(model.unit.name)\(page.punctuation.open)\(words.roleName(model.role))\(page.punctuation.close)· \
                        \(words.period) \(periods.name(model.period)) · \(words.dueDate) \(periods.day(model.dueDate)) · \
                        \(words.state)\(page.punctuation.colon)\(words.stateName(model.current?.state))
                        """
                    )),
                .unwrap(model.done) { .p(.class("flash"), .attribute(named: "role", value: "status"), .text(formWords.done($0))) },
                queueLinks,
                .p(.class("item-text"), .text(model.item.text)),
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                .if(model.conflictingDraft != nil, .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(words.conflict))),
                notes,
                model.editable ? form : readOnly(model.current),
                parts,
                review,
                correction,
                attachments,
                history
            )
        }

        /// 下一条 and the way back, for the office coming from the review queue.
        private var queueLinks: Node {
            guard let queue = model.queue else { return .empty }
            let words = ReviewWords(language: page.language)
            let back = SiteURL.reviewQueue.path + "?" + queue
            let next = model.next.map { $0.path + "?queue=" + (queue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            return .nav(
                .class("queue-links"),
                .a(.href(back), .text(words.backToQueue)),
                .unwrap(next) { .a(.href($0), .class("button primary"), .attribute(named: "rel", value: "next"), .text(words.next)) })
        }

        private var notes: Node {
            guard let current = model.current else { return .empty }
            return .group(
                .unwrap(current.state == .returned ? current.returnReason : nil) { .p(.class("notice"), .text(words.returnedBecause + $0)) },
                .unwrap(current.correctionReason) { .p(.class("notice"), .text(words.correctionBecause + $0)) }
            )
        }

        private var form: Node {
            .form(
                .class("report-form"), .method(.post), .action(target.path), .enctype(.multipartData),
                page.csrfField,
                .input(.type(.hidden), .name("_idempotency"), .value(Tokens.random())),
                .input(.type(.hidden), .name("lock"), .value(model.current.map { String($0.lockVersion) } ?? "")),
                valueTable,
                narrative("progress", words.progress, model.conflictingDraft?.progress ?? model.current?.progress ?? ""),
                narrative("problems", words.problems, model.conflictingDraft?.problems ?? model.current?.problems ?? ""),
                narrative("nextSteps", words.nextSteps, model.conflictingDraft?.nextSteps ?? model.current?.nextSteps ?? ""),
                .p(.class("hint"), .text(formWords.noProgressHint)),
                .label(.for("form-files"), .text(formWords.attachWithForm)),
                .input(
                    .type(.file), .id("form-files"), .name("file"), .attribute(named: "multiple", value: "multiple"),
                    .attribute(named: "accept", value: "image/*,.pdf,.doc,.docx,.xls,.xlsx")),
                .div(
                    .class("actions"),
                    .button(.type(.submit), .name("action"), .value("save"), .class("secondary"), .text(words.saveDraft)),
                    .button(
                        .type(.submit), .name("action"), .value("submit"), .class("primary"),
                        .attribute(named: "data-confirm", value: formWords.confirmSubmit), .text(words.submit))
                )
            )
        }

        private var valueTable: Node {
            .table(
                .class("values"),
                .thead(
                    .tr(
                        .th(.text(strings.indicatorName)), .th(.text(words.target)), .th(.text(formWords.lastMonth)), .th(.text(words.valueToDate)),
                        .th(.text(words.reachedOn)))),
                .tbody(.forEach(model.indicators) { line in valueRow(line) })
            )
        }

        private func valueRow(_ line: Model.IndicatorLine) -> Node {
            let indicator = line.indicator
            let value = model.formValue(indicator.id)
            let takesDate = indicator.kind == .milestone || indicator.kind == .qualitative
            return .tr(
                .class(line.depth > 0 ? "child" : "indicator"),
                .td(.label(.for("value-\(indicator.id)"), .text(indicator.name))),
                .td(.attribute(named: "data-label", value: words.target), .text(Self.targetText(indicator, strings: strings))),
                .td(.class("number"), .attribute(named: "data-label", value: formWords.lastMonth), .text(lastMonthText(indicator))),
                .td(
                    .attribute(named: "data-label", value: words.valueToDate),
                    .if(
                        !takesDate,
                        .input(
                            .type(.text), .id("value-\(indicator.id)"), .name("value.\(indicator.id)"),
                            .value(value?.value.map(DecimalText.format) ?? ""), .attribute(named: "inputmode", value: "decimal")))),
                .td(
                    .attribute(named: "data-label", value: words.reachedOn),
                    .input(
                        .type(.date), .id("reached-\(indicator.id)"), .name("reached.\(indicator.id)"), .value(value?.reachedOn?.iso ?? ""),
                        .attribute(named: "aria-label", value: "\(indicator.name) \(words.reachedOn)")))
            )
        }

        /// Last month's accepted value of an indicator, with its unit; a dash when there is none.
        private func lastMonthText(_ indicator: Indicator) -> String {
            guard let value = model.previous?.value(for: indicator.id) else { return "—" }
            if let number = value.value { return DecimalText.format(number) + indicator.measure }
            return value.reachedOn.map(PeriodWords(language: page.language).day) ?? "—"
        }

        static func targetText(_ indicator: Indicator, strings: Strings) -> String {
            if let target = indicator.target {
                return "\(strings.comparatorName(indicator.comparator)) \(DecimalText.format(target))\(indicator.measure)"
            }
            if indicator.provisional { return strings.provisional }
            return strings.kindName(indicator.kind) + (indicator.deadline.map { " · \($0.iso)" } ?? "")
        }

        private func narrative(_ name: String, _ label: String, _ value: String) -> Node {
            .group(
                .label(.for(name), .text(label)),
                .textarea(.id(name), .name(name), .attribute(named: "rows", value: "4"), .text(value))
            )
        }

        private func readOnly(_ report: Report?) -> Node {
            guard let report else { return .p(.text(words.stateName(nil))) }
            return .section(
                .class("report-readonly"),
                valuesTable(report),
                .h3(.text(words.progress)), .p(.text(report.progress)),
                .h3(.text(words.problems)), .p(.text(report.problems)),
                .h3(.text(words.nextSteps)), .p(.text(report.nextSteps))
            )
        }

        private var parts: Node {
            guard model.role == .lead, !model.parts.isEmpty else { return .empty }
            return .section(
                .class("parts"),
                .h2(.text(words.partsTitle)),
                .table(
                    .class("values"),
                    .thead(.tr(.th(.text(words.unit)), .th(.text(words.state)), .forEach(model.indicators) { .th(.text($0.indicator.name)) })),
                    .tbody(
                        .forEach(model.parts) { part in
                            .tr(
                                .td(.text(part.unitName)), .td(.text(words.stateName(part.report.state))),
                                .forEach(model.indicators) { line in
                                    .td(.text(part.report.value(for: line.indicator.id)?.value.map(DecimalText.format) ?? "—"))
                                }
                            )
                        })
                ),
                .if(model.editable, .p(.a(.href(target.path + "?from=parts"), .text(words.startFromParts))))
            )
        }

        private var review: Node {
            guard model.reviewable, let current = model.current else { return .empty }
            let action = SiteURL.reportReview(
                plan: .value(model.plan.id), period: .value(model.period.description), item: .value(model.item.id), unit: .value(model.unit.id))
            return .form(
                .class("review"), .method(.post), .action(action.path),
                page.csrfField,
                .input(.type(.hidden), .name("_idempotency"), .value(Tokens.random())),
                .input(.type(.hidden), .name("report"), .value(String(current.id))),
                .input(.type(.hidden), .name("lock"), .value(String(current.lockVersion))),
                .unwrap(model.queue) { .input(.type(.hidden), .name("queue"), .value($0)) },
                .label(.for("reason"), .text(words.reason)),
                .textarea(.id("reason"), .name("reason"), .attribute(named: "rows", value: "2")),
                .div(
                    .class("actions"),
                    .button(.type(.submit), .name("action"), .value("return"), .text(words.returnReport)),
                    .button(.type(.submit), .name("action"), .value("accept"), .class("primary"), .text(words.accept))
                )
            )
        }

        private var correction: Node {
            guard model.correctable, let current = model.current else { return .empty }
            let action = SiteURL.reportCorrect(
                plan: .value(model.plan.id), period: .value(model.period.description), item: .value(model.item.id), unit: .value(model.unit.id))
            return .form(
                .class("correct"), .method(.post), .action(action.path),
                page.csrfField,
                .input(.type(.hidden), .name("_idempotency"), .value(Tokens.random())),
                .input(.type(.hidden), .name("report"), .value(String(current.id))),
                .label(.for("correction-reason"), .text(words.correctionReason)),
                .textarea(.id("correction-reason"), .name("reason"), .attribute(named: "rows", value: "2"), .required(true)),
                .button(.type(.submit), .text(words.correct))
            )
        }

        private var attachments: Node {
            let upload = SiteURL.reportAttachments(
                plan: .value(model.plan.id), period: .value(model.period.description), item: .value(model.item.id), unit: .value(model.unit.id))
            return .section(
                .class("attachments"),
                .h2(.text(words.attachments)),
                .div(
                    .class("photos"),
                    .forEach(model.attachments.filter { $0.contentType.hasPrefix("image/") }) { attachment in
                        .element(
                            named: "figure",
                            nodes: [
                                .img(
                                    .src(SiteURL.attachment(.value(attachment.id)).path), .alt(attachment.fileName),
                                    .attribute(named: "loading", value: "lazy")),
                                .element(named: "figcaption", text: attachment.fileName),
                            ])
                    }),
                .ul(
                    .forEach(model.attachments) { attachment in
                        .li(
                            .a(.href(SiteURL.attachment(.value(attachment.id)).path), .text(attachment.fileName)),
                            .text("\(page.punctuation.open)\(attachment.size / 1024 + 1) KB\(page.punctuation.close)"))
                    }),
                .if(
                    model.editable && model.current != nil,
                    .form(
                        .method(.post), .action(upload.path), .enctype(.multipartData),
                        page.csrfField,
                        .label(.for("attachment"), .text(words.addAttachment)),
                        .p(.class("hint"), .text(words.attachmentHint)),
                        .input(
                            .type(.file), .id("attachment"), .name("file"), .required(true),
                            .attribute(named: "accept", value: ".jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx")),
                        .button(.type(.submit), .text(words.upload))
                    ))
            )
        }

        private var history: Node {
            guard !model.versions.isEmpty else { return .empty }
            return .section(
                .class("history"),
                .h2(.text(words.history)),
                .forEach(model.versions.reversed()) { version in
                    .div(
                        .class("version"),
                        .h3(.text("\(words.version) \(version.version) · \(words.stateName(version.state))")),
                        .ul(
                            .forEach(model.events[version.id] ?? []) { event in
                                .li(
                                    .text(
                                        "\(page.time(event.at)) \(words.eventName(event.action)) \(event.actor ?? "")"
                                            + (event.reason.map { "\(page.punctuation.colon)\($0)" } ?? ""))
                                )
                            })
                    )
                }
            )
        }
    }
}
