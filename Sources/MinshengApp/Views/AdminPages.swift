import MinshengCore
import MinshengHTML

/// User management: the accounts, a form to create one, and per-account role, unit, status and password.
struct UsersPage: Bilingual {
    var users: [User]
    var units: [MinshengCore.Unit]
    /// Every jurisdiction, by id, to name where each account serves.
    var jurisdictions: [Int64: Jurisdiction]
    /// Whether the office serves the whole instance and so may give new accounts any jurisdiction.
    var choosesJurisdiction: Bool
    var message: String?
    var page: PageContext

    var language: Language { page.language }

    func render() -> String {
        let words = page.language.reporting
        let strings = page.strings
        let content: Node = .group(
            .h1(.text(words.users)),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(strings.username)), .th(.text(words.role)), .th(.text(words.unit)), .th(.text(t("地区", "Jurisdiction"))),
                        .th(.text(words.disabled)), .th(.text(words.action)))),
                .tbody(.forEach(users, row))
            ),
            .h2(.text(words.createUser)),
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.adminUsers.path),
                page.csrfField,
                .label(.for("new-username"), .text(strings.username)),
                .input(.type(.text), .id("new-username"), .name("username"), .required(true)),
                .label(.for("new-role"), .text(words.role)),
                roleSelect(id: "new-role", selected: .reporter),
                .label(.for("new-unit"), .text(words.unit)),
                unitSelect(id: "new-unit", selected: nil),
                jurisdictionField,
                .label(.for("new-password"), .text(strings.password)),
                .input(
                    .type(.password), .id("new-password"), .name("password"), .required(true), .attribute(named: "minlength", value: "10"),
                    .attribute(named: "autocomplete", value: "new-password")),
                .button(.type(.submit), .text(words.createUser))
            )
        )
        return Layout(title: words.users, page: page, content: content).render()
    }

    private func row(_ user: User) -> Node {
        let words = page.language.reporting
        let form = "user-\(user.id)"
        return .tr(
            .td(.text(user.username)),
            .td(roleSelect(id: "\(form)-role", selected: user.role, form: form)),
            .td(unitSelect(id: "\(form)-unit", selected: user.unitID, form: form)),
            .td(.text(serves(user))),
            .td(
                .input(
                    .type(.checkbox), .id("\(form)-disabled"), .name("disabled"), .value("1"), .checked(user.disabled),
                    .attribute(named: "form", value: form), .attribute(named: "aria-label", value: words.disabled))),
            .td(
                .form(
                    .id(form), .class("inline"), .method(.post), .action(SiteURL.adminUser(.value(user.id)).path),
                    page.csrfField,
                    .input(
                        .type(.password), .name("password"), .placeholder(words.newPassword),
                        .attribute(named: "autocomplete", value: "new-password"),
                        .attribute(named: "aria-label", value: words.newPassword)),
                    .button(.type(.submit), .text(page.strings.save))
                ))
        )
    }

    /// Where an account serves: its jurisdiction, its unit's, or the whole instance.
    private func serves(_ user: User) -> String {
        let id = user.jurisdictionID ?? user.unitID.flatMap { unit in units.first { $0.id == unit }?.jurisdictionID }
        return id.flatMap { jurisdictions[$0]?.name } ?? (user.role == .reporter ? "—" : t("全部", "All"))
    }

    /// For an instance-wide office: the jurisdiction a new office, leader or inspector account serves.
    private var jurisdictionField: Node {
        guard choosesJurisdiction else { return .empty }
        let options =
            [("", t("全部（不限地区）", "All (the whole instance)"))]
            + jurisdictions.values.sorted { $0.id < $1.id }.map { (String($0.id), $0.name) }
        return .group(
            .label(.for("new-jurisdiction"), .text(t("所属地区（管理员、领导、督查人员）", "Jurisdiction (admins, leaders, inspectors)"))),
            SelectField.node(id: "new-jurisdiction", name: "jurisdiction", label: t("所属地区", "Jurisdiction"), options: options, selected: "")
        )
    }

    private func roleSelect(id: String, selected: Role, form: String? = nil) -> Node {
        SelectField.node(
            id: id, name: "role", label: page.language.reporting.role, form: form,
            options: Role.allCases.map { ($0.rawValue, page.strings.roleName($0)) }, selected: selected.rawValue)
    }

    private func unitSelect(id: String, selected: Int64?, form: String? = nil) -> Node {
        SelectField.node(
            id: id, name: "unit", label: page.language.reporting.unit, form: form,
            options: [("", "—")] + units.filter { $0.kind != .group }.map { (String($0.id), $0.name) },
            selected: selected.map(String.init) ?? "")
    }
}

/// A `<select>` with its options, one of them selected.
enum SelectField {
    static func node(id: String, name: String, label: String, form: String? = nil, options: [(String, String)], selected: String) -> Node {
        var nodes: [Node] = [
            .attribute(named: "id", value: id), .attribute(named: "name", value: name), .attribute(named: "aria-label", value: label),
        ]
        if let form { nodes.append(.attribute(named: "form", value: form)) }
        nodes += options.map { option in
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: option.0), option.0 == selected ? .attribute(named: "selected") : .empty, .text(option.1),
                ])
        }
        return .element(named: "select", nodes: nodes)
    }
}

/// The unit directory, with the members of each group unit.
struct UnitsPage {
    var plan: Plan?
    var units: [MinshengCore.Unit]
    var members: [Int64: [Int64]]
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let groups = units.filter { $0.kind == .group }
        let content: Node = .group(
            .h1(.text(words.units)),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(plan) { plan in .p(.a(.href(SiteURL.adminCalendar(.value(plan.id)).path), .text("\(words.calendar)：\(plan.title)"))) },
            .p(.text(words.groupHint)),
            .forEach(groups) { group in
                .form(
                    .class("group-members"), .method(.post), .action(SiteURL.adminUnitMembers(.value(group.id)).path),
                    page.csrfField,
                    .h2(.text(group.name)),
                    .fieldset(
                        .element(named: "legend", text: words.members),
                        .forEach(units.filter { $0.kind != .group }) { unit in
                            .label(
                                .class("check"),
                                .input(
                                    .type(.checkbox), .name("member"), .value(String(unit.id)),
                                    .checked(members[group.id]?.contains(unit.id) ?? false)),
                                .text(" " + unit.name)
                            )
                        }
                    ),
                    .button(.type(.submit), .text(page.strings.save))
                )
            },
            .h2(.text(words.units)),
            .ul(
                .forEach(units) { unit in
                    .li(
                        .text(
                            "\(unit.name)（\(unit.kind.rawValue)）"
                                + ((members[unit.id] ?? []).isEmpty
                                    ? "" : "：" + (members[unit.id] ?? []).compactMap { names[$0] }.joined(separator: "、"))))
                })
        )
        return Layout(title: words.units, page: page, content: content).render()
    }
}

/// A plan's reporting calendar: the due day and the items reported quarterly.
struct CalendarPage {
    var plan: Plan
    var calendar: ReportingCalendar
    var items: [Item]
    var cadences: [Int64: Cadence]
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text("\(words.calendar)：\(plan.title)")),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.text(words.calendarHint)),
            .form(
                .method(.post), .action(SiteURL.adminCalendar(.value(plan.id)).path),
                page.csrfField,
                .label(.for("due-day"), .text(words.dueDay)),
                .input(
                    .type(.number), .id("due-day"), .name("dueDay"), .value(String(calendar.dueDay)), .attribute(named: "min", value: "1"),
                    .attribute(named: "max", value: "28")),
                .fieldset(
                    .element(named: "legend", text: words.quarterly),
                    .forEach(items) { item in
                        .label(
                            .class("check"),
                            .input(.type(.checkbox), .name("quarterly"), .value(String(item.id)), .checked(cadences[item.id] == .quarterly)),
                            .text(" \(item.number). \(item.title)"))
                    }
                ),
                .button(.type(.submit), .text(page.strings.save))
            )
        )
        return Layout(title: words.calendar, page: page, content: content).render()
    }
}

/// The audit log, newest first. Read-only: nothing in the application edits it.
struct AuditPage {
    var entries: [AuditEntry]
    var page: PageContext
    var nextOffset: Int?

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.audit)),
            .table(
                .class("list audit"),
                .thead(
                    .tr(
                        .th(.text(words.at)), .th(.text(words.by)), .th(.text(words.action)), .th(.text(words.entity)), .th(.text(words.before)),
                        .th(.text(words.after)))),
                .tbody(
                    .forEach(entries) { entry in
                        .tr(
                            .td(.text(entry.at)), .td(.text(entry.actor + (entry.address.map { " (\($0))" } ?? ""))), .td(.text(entry.action)),
                            .td(.text("\(entry.entity) \(entry.entityID ?? "")")),
                            .td(.code(.text(String((entry.before ?? "").prefix(300))))), .td(.code(.text(String((entry.after ?? "").prefix(300)))))
                        )
                    })
            ),
            .unwrap(nextOffset) { .p(.a(.href(SiteURL.adminAudit.path + "?offset=\($0)"), .text("→"))) }
        )
        return Layout(title: words.audit, page: page, content: content).render()
    }
}

/// Personal API tokens: create one (shown once) and revoke.
struct TokensPage {
    var tokens: [PersonalToken]
    var newSecret: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.reporting
        let content: Node = .group(
            .h1(.text(words.tokens)),
            .unwrap(newSecret) { secret in .div(.class("notice"), .p(.text(words.tokenShownOnce)), .p(.code(.text(secret)))) },
            .table(
                .class("list"),
                .thead(.tr(.th(.text(words.tokenName)), .th(.text(words.at)), .th(.text(words.state)), .th(.text(words.action)))),
                .tbody(
                    .forEach(tokens) { token in
                        .tr(
                            .td(.text(token.name)), .td(.text(token.createdAt)), .td(.text(token.revokedAt == nil ? "" : words.revoked)),
                            .td(
                                .if(
                                    token.revokedAt == nil,
                                    .form(
                                        .class("inline"), .method(.post), .action(SiteURL.revokeToken(.value(token.id)).path), page.csrfField,
                                        .button(.type(.submit), .text(words.revoke))
                                    )))
                        )
                    })
            ),
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.tokens.path),
                page.csrfField,
                .label(.for("token-name"), .text(words.tokenName)),
                .input(.type(.text), .id("token-name"), .name("name"), .required(true)),
                .button(.type(.submit), .text(words.createToken))
            )
        )
        return Layout(title: words.tokens, page: page, content: content).render()
    }
}
