/// The words of the assessment pages' refusals.
struct AssessmentWords: Bilingual {
    let language: Language

    /// An item the plan lacks or the reader may not open.
    func noItem(_ number: Int) -> String { t("没有第\(number)项。", "No item \(number).") }
}
