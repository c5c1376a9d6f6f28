/// The words of the reporting cycle's refusals: reminders to the units.
struct CycleWords: Bilingual {
    let language: Language

    var chooseUnitsToRemind: String { t("请选择要催报的单位。", "Choose the units to remind.") }
}
