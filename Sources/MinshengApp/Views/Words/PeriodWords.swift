/// The words that say how to write a period, for every form and query that reads one.
struct PeriodWords: Bilingual {
    let language: Language

    /// A month of the given year (2019 where any year will do), such as 2019-09.
    func month(_ year: Int = 2019) -> String { t("期间应写作 \(year)-09。", "Write the period as \(year)-09.") }

    /// A month or the whole year.
    func monthOrYear(_ year: Int) -> String { t("期间应写作 \(year)-09 或 \(year)。", "Write the period as \(year)-09 or \(year).") }

    /// A month, a quarter, a half or the whole year.
    func any(_ year: Int = 2019) -> String {
        t("期间应写作 \(year)-09、\(year)-Q3、\(year)-H1 或 \(year)。", "Write the period as \(year)-09, \(year)-Q3, \(year)-H1 or \(year).")
    }
}
