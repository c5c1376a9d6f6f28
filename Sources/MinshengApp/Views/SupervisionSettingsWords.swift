import MinshengCore

/// The words of the supervision settings: each field's label, on the form and in the errors that name it.
struct SupervisionSettingsWords: Bilingual {
    let language: Language
    var words: SupervisionStrings { SupervisionStrings(language: language) }
    var colon: String { t("：", ": ") }

    /// The fields in the order the form shows them.
    static let fields: [SettingsProblem.Field] =
        [
            .nearDays, .blueResponseDays, .yellowResponseDays, .redResponseDays, .tolerance, .consecutiveMonths, .completion, .progress,
            .reporting, .satisfaction, .perDiscrepancy, .perOverdueRectification, .perRedNotice, .findingsCap,
        ] + AccountabilityDecision.allCases.map { .decision($0) }

    func label(_ field: SettingsProblem.Field) -> String {
        switch field {
        case .nearDays: return words.nearDays
        case .blueResponseDays: return words.gradeName(.blue) + colon + words.responseDays
        case .yellowResponseDays: return words.gradeName(.yellow) + colon + words.responseDays
        case .redResponseDays: return words.gradeName(.red) + colon + words.responseDays
        case .tolerance: return words.tolerance
        case .consecutiveMonths: return words.consecutiveMonths
        case .completion: return words.weights + colon + t("完成度", "completion")
        case .progress: return words.weights + colon + t("进度", "progress")
        case .reporting: return words.weights + colon + t("按时报送", "reporting on time")
        case .satisfaction: return words.weights + colon + t("满意度", "satisfaction")
        case .perDiscrepancy: return words.deductions + colon + words.discrepancy
        case .perOverdueRectification: return words.deductions + colon + t("整改逾期", "overdue rectification")
        case .perRedNotice: return words.deductions + colon + words.gradeName(.red)
        case .findingsCap: return words.deductions + colon + t("督查扣分上限", "cap on supervision deductions")
        case .decision(let decision): return words.deductions + colon + words.decisionName(decision)
        }
    }

    /// A value the form could not read as a number.
    func notANumber(_ field: SettingsProblem.Field) -> String {
        t("“\(label(field))”应填写数字。", "\(label(field)) must be a number.")
    }

    /// Why a setting in the API's body cannot be stored, naming its path (the tolerance is a share there, not a
    /// percentage).
    func apiProblem(_ problem: SettingsProblem) -> String {
        guard case .share = problem.kind else { return problem.field.jsonPath + colon + self.problem(problem) }
        return problem.field.jsonPath + colon + t("应不小于0且小于1。", "must be at least 0 and below 1.")
    }

    /// Why a setting on the form cannot be stored, naming the field.
    func problem(_ problem: SettingsProblem) -> String {
        let name = label(problem.field)
        let days = SupervisionSettings.days
        let months = SupervisionSettings.months
        let points = SupervisionSettings.points
        let (low, high) = (DecimalText.format(points.lowerBound), DecimalText.format(points.upperBound))
        switch problem.kind {
        case .days:
            return t(
                "“\(name)”应为\(days.lowerBound)到\(days.upperBound)之间的整数。",
                "\(name) must be a whole number of days from \(days.lowerBound) to \(days.upperBound).")
        case .months:
            return t(
                "“\(name)”应为\(months.lowerBound)到\(months.upperBound)之间的整数。",
                "\(name) must be a whole number of months from \(months.lowerBound) to \(months.upperBound).")
        case .share:
            return t("“\(name)”应不小于0且小于100。", "\(name) must be at least 0 and below 100.")
        case .points:
            return t("“\(name)”应为\(low)到\(high)之间的数。", "\(name) must be a number from \(low) to \(high).")
        case .total(let sum):
            let total = DecimalText.format(SupervisionSettings.totalPoints)
            return t(
                "完成度、进度、按时报送、满意度四项分值之和应为\(total)，现为\(DecimalText.format(sum))。",
                "The four criteria must add up to \(total) points; they add up to \(DecimalText.format(sum)).")
        }
    }
}
