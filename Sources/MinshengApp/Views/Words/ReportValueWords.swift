import MinshengCore

/// The words that refuse a number or a date typed into a report form, a spreadsheet or an inspection's figures.
struct ReportValueWords: Bilingual {
    let language: Language

    func notANumber(_ indicator: String, _ text: String) -> String {
        t("“\(indicator)”的数值“\(text)”不是数字。", "\(indicator): \(text) is not a number.")
    }

    func badDate(_ indicator: String, _ text: String) -> String {
        t("“\(indicator)”的日期“\(text)”应写作 2019-09-30。", "\(indicator): write the date \(text) as 2019-09-30.")
    }

    /// Why a value is refused.
    func refusal(_ refusal: ValueBounds.Refusal, indicator: String) -> String {
        switch refusal {
        case .negative: return t("“\(indicator)”的数值不能为负。", "\(indicator): the value cannot be negative.")
        case .tooLarge(let limit):
            let text = DecimalText.format(limit)
            return t("“\(indicator)”的数值不能超过 \(text)。", "\(indicator): the value cannot exceed \(text).")
        case .tooPrecise(let places):
            return t("“\(indicator)”的数值最多保留 \(places) 位小数。", "\(indicator): give the value with at most \(places) decimal places.")
        case .numberForMilestone:
            return t("“\(indicator)”是节点，请填写完成日期而不是数值。", "\(indicator) is a milestone: give the date it was reached, not a number.")
        }
    }
}
