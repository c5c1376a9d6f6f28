import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The hostile test's data: records to link to, and the payload written into every TEXT column a user controls.
enum HostileData {
    /// What a TEXT column holds.
    enum Column {
        /// Text someone types or imports: the payload is appended.
        case user
        /// JSON whose strings under these keys (or all strings, for nil) are user text: the payload is appended to each.
        case json(Set<String>?)
        /// User text in an append-only table: a new row carries the payload (an audit entry added by
        /// ``prepare(plan:database:)``, a publication of the poisoned plan by ``poison(_:plan:engine:)``).
        case appended
        /// Not free text (the word says what it is): left alone.
        case structural(String)
    }

    /// The elements and attributes the views write; anything else in a page was injected.
    static let knownElements: Set<String> = [
        "a", "article", "body", "br", "button", "caption", "circle", "code", "dd", "defs", "desc", "details", "div", "dl", "dt", "fieldset",
        "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "head", "header", "html", "img", "input", "label", "legend", "li", "line", "link", "main",
        "mark", "meta", "nav", "ol", "option", "p", "path", "pattern", "polyline", "rect", "script", "section", "select", "span", "strong", "summary",
        "style", "svg", "table", "tbody", "td", "text", "textarea", "th", "thead", "title", "tr", "ul",
    ]
    static let knownAttributes: Set<String> = [
        "accept", "action", "alt", "aria-current", "aria-hidden", "aria-label", "aria-labelledby", "aria-live", "autocomplete", "autofocus",
        "charset", "checked", "class", "content", "cx", "cy", "d", "data-confirm", "data-label", "data-search", "data-select-all", "defer", "enctype",
        "fill", "font-size", "font-weight", "for", "form", "height",
        "hidden", "href", "hreflang", "http-equiv", "id", "inputmode", "lang", "loading", "max", "maxlength", "method", "min", "minlength",
        "multiple", "name", "open",
        "patternunits", "placeholder", "points", "r", "rel", "required", "role", "rows", "scope", "selected", "src", "stroke",
        "stroke-dasharray", "stroke-width", "text-anchor", "title", "type", "value", "viewbox", "width", "x", "x1", "x2", "xmlns", "y", "y1", "y2",
    ]

    static let textKeys: Set<String> = [
        "name", "narrative", "text", "title", "jurisdiction", "planTitle", "unit", "leadUnits", "responsibleUnits", "to", "issuers",
        "notice", "preamble", "warnings", "message", "source", "heading", "paragraphs", "addressee", "issuer", "number", "labels",
        "note", "documentNumber", "username", "reason",
    ]

    /// Every TEXT column of the schema, classified. A column missing here fails the test.
    static let columns: [String: Column] = [
        "accountability_cases.rule": .structural("enum"), "accountability_cases.grounds": .json(["text"]),
        "accountability_cases.opened_on": .structural("date"), "accountability_cases.decision": .structural("enum"),
        "accountability_cases.decision_note": .user, "accountability_cases.decided_on": .structural("date"),
        "accountability_cases.created_at": .structural("timestamp"),
        "api_tokens.name": .user, "api_tokens.token_hash": .structural("hash"), "api_tokens.created_at": .structural("timestamp"),
        "api_tokens.last_used_at": .structural("timestamp"), "api_tokens.revoked_at": .structural("timestamp"),
        "assessment_settings.yellow_threshold": .structural("number"), "assessment_settings.red_threshold": .structural("number"),
        "assessment_settings.ahead_threshold": .structural("number"),
        "assignments.role": .structural("enum"),
        "audit_log.at": .structural("timestamp"), "audit_log.actor": .structural("identity"), "audit_log.action": .structural("enum"),
        "audit_log.entity": .structural("enum"), "audit_log.entity_id": .structural("id"), "audit_log.before": .appended,
        "audit_log.after": .appended, "audit_log.address": .structural("address"),
        "categories.name": .user,
        "document_settings.issuer": .user, "document_settings.addressee": .user, "document_settings.number_prefix": .user,
        "document_settings.requirements": .user,
        "documents.kind": .structural("enum"), "documents.period": .structural("period"), "documents.state": .structural("enum"),
        "documents.number": .user, "documents.content": .json(textKeys), "documents.created_at": .structural("timestamp"),
        "documents.updated_at": .structural("timestamp"), "documents.issued_at": .structural("timestamp"),
        "idempotency_keys.key": .structural("token"), "idempotency_keys.location": .structural("path"),
        "idempotency_keys.body": .structural("response"), "idempotency_keys.created_at": .structural("timestamp"),
        "import_drafts.file_name": .user, "import_drafts.format": .structural("format"), "import_drafts.draft": .json(textKeys),
        "import_drafts.created_at": .structural("timestamp"), "import_drafts.confirmed_at": .structural("timestamp"),
        "indicator_schedules.schedule": .json(["name"]), "indicator_weights.weight": .structural("number"),
        "indicators.name": .user, "indicators.target": .structural("number"), "indicators.measure": .user,
        "indicators.comparator": .structural("enum"), "indicators.kind": .structural("enum"), "indicators.allocated_to": .user,
        "indicators.deadline": .structural("date"), "indicators.source": .user,
        "inspection_values.reported": .structural("number"), "inspection_values.verified": .structural("number"),
        "inspections.inspected_on": .structural("date"), "inspections.place": .user, "inspections.mode": .structural("enum"),
        "inspections.state": .structural("enum"), "inspections.checked": .user, "inspections.findings": .user,
        "inspections.created_at": .structural("timestamp"),
        "items.text": .user, "items.title": .user, "items.short_title": .user, "items.deadline": .structural("date"),
        "items.cadence": .structural("enum"),
        "jurisdictions.name": .user, "jurisdictions.level": .structural("enum"),
        "login_failures.username": .user, "login_failures.address": .structural("address"), "login_failures.at": .structural("timestamp"),
        "plans.title": .user, "plans.issuers": .json(nil), "plans.issued_on": .structural("date"), "plans.document_number": .user,
        "plans.notice": .user, "plans.preamble": .user, "plans.state": .structural("enum"), "plans.created_at": .structural("timestamp"),
        "public_messages.kind": .structural("enum"), "public_messages.text": .user, "public_messages.fingerprint": .structural("hash"),
        "public_messages.phone": .user, "public_messages.address_hash": .structural("hash"), "public_messages.state": .structural("enum"),
        "public_messages.reply": .user, "public_messages.replied_at": .structural("timestamp"),
        "public_messages.created_at": .structural("timestamp"),
        "publications.period": .structural("period"), "publications.published_on": .structural("date"),
        "publications.objections_until": .structural("date"), "publications.content": .appended, "publications.hash": .structural("hash"),
        "publications.previous_hash": .structural("hash"), "publications.created_at": .structural("timestamp"),
        "ratings.verdict": .structural("enum"), "ratings.device_hash": .structural("hash"), "ratings.address_hash": .structural("hash"),
        "ratings.created_at": .structural("timestamp"),
        "rectification_events.action": .structural("enum"), "rectification_events.state": .structural("enum"),
        "rectification_events.note": .user, "rectification_events.at": .structural("timestamp"),
        "rectifications.requirement": .user, "rectifications.due": .structural("date"), "rectifications.state": .structural("enum"),
        "rectifications.report": .user, "rectifications.created_at": .structural("timestamp"), "rectifications.updated_at": .structural("timestamp"),
        "reminders.period": .structural("period"), "reminders.message": .user, "reminders.created_at": .structural("timestamp"),
        "reminders.read_at": .structural("timestamp"), "reminders.webhook_status": .structural("status"), "reminders.kind": .structural("enum"),
        "month_closings.closed_at": .structural("timestamp"),
        "report_attachments.file_name": .user, "report_attachments.content_type": .structural("mime"),
        "report_attachments.sha256": .structural("hash"),
        "report_attachments.storage_key": .structural("path"), "report_attachments.created_at": .structural("timestamp"),
        "report_events.action": .structural("enum"), "report_events.state": .structural("enum"), "report_events.at": .structural("timestamp"),
        "report_events.reason": .user,
        "report_values.value": .structural("number"), "report_values.reached_on": .structural("date"),
        "reports.period": .structural("period"), "reports.role": .structural("enum"), "reports.state": .structural("enum"), "reports.progress": .user,
        "reports.problems": .user, "reports.next_steps": .user, "reports.correction_reason": .user, "reports.return_reason": .user,
        "reports.created_at": .structural("timestamp"), "reports.updated_at": .structural("timestamp"),
        "reports.submitted_at": .structural("timestamp"), "reports.reviewed_at": .structural("timestamp"),
        "schema_migrations.name": .structural("migration"), "schema_migrations.applied_at": .structural("timestamp"),
        "sessions.id": .structural("token"), "sessions.csrf_token": .structural("token"), "sessions.created_at": .structural("timestamp"),
        "sessions.expires_at": .structural("timestamp"),
        "settings.key": .structural("key"), "settings.value": .structural("secret"),
        "status_overrides.period": .structural("period"), "status_overrides.status": .structural("enum"), "status_overrides.reason": .user,
        "status_overrides.created_at": .structural("timestamp"),
        "supervision_files.owner": .structural("enum"), "supervision_files.file_name": .user, "supervision_files.content_type": .structural("mime"),
        "supervision_files.sha256": .structural("hash"), "supervision_files.storage_key": .structural("path"),
        "supervision_files.created_at": .structural("timestamp"),
        "supervision_notices.grade": .structural("enum"), "supervision_notices.reason": .user, "supervision_notices.requirement": .user,
        "supervision_notices.issued_on": .structural("date"), "supervision_notices.measures": .user,
        "supervision_notices.promised_on": .structural("date"),
        "supervision_notices.answered_on": .structural("date"), "supervision_notices.closed_on": .structural("date"),
        "supervision_notices.created_at": .structural("timestamp"),
        "supervision_settings.content": .structural("settings"),
        "units.name": .user, "units.kind": .structural("enum"),
        "users.username": .user, "users.password_hash": .structural("hash"), "users.role": .structural("enum"),
        "users.created_at": .structural("timestamp"),
    ]
}

extension HostileData {
    /// Adds what the demo lacks (an import draft and a document draft) and finds a record of each kind to link to.
    static func prepare(plan: Plan, database: AppDatabase) async throws -> HostileRoutes.Records {
        let seed = Data(try DemoPlan.text().utf8)
        let draft = try PlanImporter().read(seed, fileName: "plan.txt")
        let documents = DocumentService(database: database, configuration: TestDatabase.configuration(now: DisclosureWebTests.duringObjections))
        return try await database.write { db in
            let admin = try #require(try await UserStore().user(username: "admin", on: db))
            let importDraft = try await ImportDraftStore().insert(
                userID: admin.id, officeJurisdictionID: admin.jurisdictionID, fileName: "plan.txt", format: .text, draft: draft, now: Date(), on: db)
            let content = try await documents.draft(kind: .quarterly, planID: plan.id, period: .quarter(year: 2019, quarter: 3), on: db)
            let document = try await DocumentStore().insert(planID: plan.id, content: content, by: admin.id, now: Date(), on: db).id
            let payload = HostileRenderingTests.payload
            try await AuditLog(clock: TestDatabase.clock).record(
                "plan.update", entity: "plan", id: plan.id, before: ["title": payload], after: ["title": payload, "name": payload],
                by: .system, on: db)
            func first(_ sql: String) async throws -> Int64 {
                try await db.raw(SQLQueryString(sql)).first()?.decode(column: "id", as: Int64?.self) ?? 0
            }
            let report = try #require(
                try await db.raw(
                    """
                    SELECT r.period AS period, r.item_id AS item, r.unit_id AS unit FROM reports r JOIN users u ON u.unit_id = r.unit_id
                    WHERE u.username = 'jiaoyu' AND r.role = 'lead' ORDER BY r.period DESC, r.item_id LIMIT 1
                    """
                ).first())
            let lead = try report.decode(column: "unit", as: Int64.self)
            return HostileRoutes.Records(
                plan: plan.id, itemNumber: 35,
                report: (try report.decode(column: "period", as: String.self), try report.decode(column: "item", as: Int64.self), lead),
                attachment: try await first("SELECT MIN(id) AS id FROM report_attachments"), user: admin.id, unit: lead,
                groupUnit: try await first("SELECT MIN(id) AS id FROM units WHERE kind = 'group'"), document: document, importDraft: importDraft,
                publicMessage: try await first("SELECT MIN(id) AS id FROM public_messages"),
                notice: try await first("SELECT MIN(id) AS id FROM supervision_notices"),
                inspection: try await first("SELECT MIN(id) AS id FROM inspections"),
                rectification: try await first("SELECT MIN(id) AS id FROM rectifications"),
                supervisionFile: try await first("SELECT MIN(id) AS id FROM supervision_files"),
                accountabilityCase: try await first("SELECT MIN(id) AS id FROM accountability_cases"),
                publicUnit: lead
            )
        }
    }

    /// Appends the payload to every user-controlled TEXT column (inside JSON for JSON columns) and publishes the
    /// plan again; returns the columns that are not classified.
    static func poison(_ database: AppDatabase, plan: Plan, engine: TestEngine) async throws -> [String] {
        let unclassified = try await database.write { db in
            let query: SQLQueryString =
                engine == .sqlite
                ? """
                SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%')
                """
                : """
                SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
                """
            var unclassified: [String] = []
            for row in try await db.raw(query).all() {
                let table = try row.decode(column: "table", as: String.self)
                let column = try row.decode(column: "column", as: String.self)
                switch columns["\(table).\(column)"] {
                case nil: unclassified.append("\(table).\(column)")
                case .structural, .appended: break
                case .user:
                    try await db.raw(
                        """
                        UPDATE \(ident: table) SET \(ident: column) = \(ident: column) || \(bind: HostileRenderingTests.payload) WHERE \
                        \(ident: column) IS NOT NULL
                        """
                    ).run()
                case .json(let keys):
                    for record in try await db.raw(
                        "SELECT DISTINCT \(ident: column) AS value FROM \(ident: table) WHERE \(ident: column) IS NOT NULL"
                    ).all() {
                        let value = try record.decode(column: "value", as: String.self)
                        guard let json = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed]) else { continue }
                        let changed = String(
                            decoding: try JSONSerialization.data(
                                withJSONObject: poisoned(json, keys: keys, inside: keys == nil), options: [.fragmentsAllowed, .sortedKeys]),
                            as: UTF8.self)
                        try await db.raw("UPDATE \(ident: table) SET \(ident: column) = \(bind: changed) WHERE \(ident: column) = \(bind: value)")
                            .run()
                    }
                }
            }
            return unclassified
        }
        let service = PublicService(database: database, configuration: TestDatabase.configuration(now: DisclosureWebTests.duringObjections))
        _ = try await service.publish(planID: plan.id, period: .month(year: 2019, month: 9), objectionDays: nil, by: .system)
        return unclassified
    }

    /// A JSON value with the payload appended to its strings under `keys` (every string when `inside`).
    static func poisoned(_ value: Any, keys: Set<String>?, inside: Bool) -> Any {
        switch value {
        case let text as String: return inside ? text + HostileRenderingTests.payload : text
        case let array as [Any]: return array.map { poisoned($0, keys: keys, inside: inside) }
        case let object as [String: Any]:
            return object.reduce(into: [String: Any]()) { result, entry in
                result[entry.key] = poisoned(entry.value, keys: keys, inside: inside || keys?.contains(entry.key) == true)
            }
        default: return value
        }
    }
}
