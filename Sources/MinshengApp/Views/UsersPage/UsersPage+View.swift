import Foundation
import MinshengCore
import MinshengHTML

extension UsersPage {
    /// Renders the accounts with their forms.
    struct View: Bilingual {
        var model: Model
        var page: PageContext

        var language: Language { page.language }

        private var searchForm: Node {
            let words = ListWords(language: page.language)
            return .form(
                .class("filters"), .method(.get), .action(SiteURL.adminUsers.path),
                .div(
                    .class("field"), .label(.for("user-search"), .text(words.search)),
                    .input(.type(.text), .id("user-search"), .name("q"), .value(model.search))),
                .button(.type(.submit), .class("secondary"), .text(words.find)),
                .span(.class("hint"), .text(words.found(model.total))))
        }

        private var pager: Node {
            guard model.pages > 1 else { return .empty }
            let words = ReviewWords(language: page.language)
            let query = model.search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let link = { (page: Int) in SiteURL.adminUsers.path + "?q=\(query)&page=\(page)" }
            return .nav(
                .class("pager"), .attribute(named: "aria-label", value: words.pageOf(model.page, model.pages)),
                .if(model.page > 1, .a(.href(link(model.page - 1)), .attribute(named: "rel", value: "prev"), .text(words.previousPage))),
                .span(.text(words.pageOf(model.page, model.pages))),
                .if(model.page < model.pages, .a(.href(link(model.page + 1)), .attribute(named: "rel", value: "next"), .text(words.nextPage))))
        }

        func render() -> String {
            let words = page.language.reporting
            let strings = page.strings
            let content: Node = .group(
                .h1(.text(words.users)),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                searchForm,
                .table(
                    .class("list"),
                    .thead(
                        .tr(
                            .th(.text(strings.username)), .th(.text(words.role)), .th(.text(words.unit)), .th(.text(t("地区", "Jurisdiction"))),
                            .th(.text(words.disabled)), .th(.text(words.action)))),
                    .tbody(.forEach(model.users, row))
                ),
                pager,
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
            let id = user.jurisdictionID ?? user.unitID.flatMap { unit in model.units.first { $0.id == unit }?.jurisdictionID }
            return id.flatMap { model.jurisdictions[$0]?.name } ?? (user.role == .reporter ? "—" : t("全部", "All"))
        }

        /// For an instance-wide office: the jurisdiction a new office, leader or inspector account serves.
        private var jurisdictionField: Node {
            guard model.choosesJurisdiction else { return .empty }
            let options =
                [("", t("全部（不限地区）", "All (the whole instance)"))]
                + model.jurisdictions.values.sorted { $0.id < $1.id }.map { (String($0.id), $0.name) }
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
                options: [("", "—")] + model.units.filter { $0.kind != .group }.map { (String($0.id), $0.name) },
                selected: selected.map(String.init) ?? "")
        }
    }
}
