/// The words of searching a long list.
struct ListWords: Bilingual {
    let language: Language

    var search: String { t("查找", "Search") }
    var find: String { t("查找", "Find") }
    func found(_ count: Int) -> String { t("共\(count)个", count == 1 ? "1 found" : "\(count) found") }
}
