/// The names of the menu's groups.
struct MenuWords: Bilingual {
    let language: Language

    var workbench: String { t("工作台", "Workbench") }
    var reporting: String { t("报送审核", "Reporting") }
    var progress: String { t("进展", "Progress") }
    var supervision: String { t("督查督办", "Supervision") }
    var documents: String { t("公文公示", "Documents") }
    var administration: String { t("系统管理", "Administration") }
}
