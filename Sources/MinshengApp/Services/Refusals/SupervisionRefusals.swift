import MinshengCore

/// The refusals of the supervision use cases: notices, inspections, rectifications and accountability cases.
enum SupervisionRefusals {
    static func noNotice(_ id: Int64) -> AppError {
        AppError(.notFound, code: "notice.notFound", zh: "没有编号为\(id)的督办单。", en: "No notice has id \(id).")
    }
    static var noticeNeedsReason: AppError {
        AppError(.invalidInput, code: "notice.reasonRequired", zh: "请填写督办事由。", en: "A notice needs its reason.")
    }
    static var noLeadToNotify: AppError {
        AppError(.invalidInput, code: "notice.noLeadUnit", zh: "该事项没有可督办的牵头单位。", en: "The item has no lead unit to notify.")
    }
    static var measuresRequired: AppError {
        AppError(.invalidInput, code: "notice.measuresRequired", zh: "请填写整改落实措施。", en: "Write the measures the unit takes.")
    }
    static var onlyNotifiedUnitAnswers: AppError {
        AppError(.forbidden, code: "notice.notAddressee", zh: "只有被督办单位可以反馈督办单。", en: "Only the notified unit answers its notice.")
    }
    static var noticeAnswered: AppError { AppError(.conflict, code: "notice.answered", zh: "该督办单已反馈。", en: "The notice was answered already.") }
    static var noticeClosed: AppError { AppError(.conflict, code: "notice.closed", zh: "该督办单已办结。", en: "The notice is closed already.") }

    static func noInspection(_ id: Int64) -> AppError {
        AppError(.notFound, code: "inspection.notFound", zh: "没有编号为\(id)的检查记录。", en: "No inspection has id \(id).")
    }
    static var inspectionNeedsSubject: AppError {
        AppError(.invalidInput, code: "inspection.subjectRequired", zh: "请选择检查的事项或单位。", en: "An inspection is of an item or of a unit.")
    }
    static var inspectionNeedsChecked: AppError {
        AppError(.invalidInput, code: "inspection.checkedRequired", zh: "请填写检查内容。", en: "Say what is checked.")
    }
    static var plannedHasNoFigures: AppError {
        AppError(
            .invalidInput, code: "inspection.plannedWithFigures", zh: "计划中的检查尚无核查数据，请在检查完成后录入。",
            en: "A planned inspection has no verified figures yet; record them when it is done.")
    }
    static func inspectionInFuture(_ date: CalendarDate) -> AppError {
        AppError(
            .invalidInput, code: "inspection.future", zh: "检查日期\(date.iso)尚未到来，请改为计划检查。",
            en: "The inspection date \(date.iso) is in the future; plan it instead.")
    }
    static func inspectionOtherYear(_ year: Int) -> AppError {
        AppError(.invalidInput, code: "inspection.otherYear", zh: "检查日期不在\(year)年度内。", en: "The inspection date is not in \(year).")
    }
    static var inspectionPlanGone: AppError {
        AppError(.notFound, code: "inspection.planGone", zh: "该检查所属的计划已不存在。", en: "The inspection's plan is gone.")
    }
    static var inspectionRecorded: AppError {
        AppError(.conflict, code: "inspection.recorded", zh: "该检查结果已录入。", en: "The inspection was recorded already.")
    }
    static var figuresNeedItem: AppError {
        AppError(
            .invalidInput, code: "inspection.figuresNeedItem", zh: "核查数据须针对事项，本次检查针对的是单位。",
            en: "Figures are checked on an item; this inspection is of a unit.")
    }
    static func notTheItemsIndicator(_ id: Int64) -> AppError {
        AppError(.invalidInput, code: "inspection.foreignIndicator", zh: "指标\(id)不属于该事项。", en: "Indicator \(id) is not the item's.")
    }
    static var verifiedNegative: AppError {
        AppError(.invalidInput, code: "inspection.negativeValue", zh: "核查值不能为负数。", en: "A verified value cannot be negative.")
    }

    static func noRectification(_ id: Int64) -> AppError {
        AppError(.notFound, code: "rectification.notFound", zh: "没有编号为\(id)的整改要求。", en: "No rectification has id \(id).")
    }
    static var requirementRequired: AppError {
        AppError(.invalidInput, code: "rectification.requirementRequired", zh: "请填写整改要求。", en: "Say what must be rectified.")
    }
    static func duePassed(_ due: CalendarDate) -> AppError {
        AppError(.invalidInput, code: "rectification.duePassed", zh: "整改期限\(due.iso)已过。", en: "The due date \(due.iso) has passed.")
    }
    static var onlyUnitReportsRectification: AppError {
        AppError(.forbidden, code: "rectification.notUnit", zh: "只有整改单位可以报送整改情况。", en: "Only the unit reports its rectification.")
    }
    static var describeRectification: AppError {
        AppError(.invalidInput, code: "rectification.textRequired", zh: "请填写整改落实情况。", en: "Describe what was rectified.")
    }
    static var onlyInspectorsClose: AppError {
        AppError(.forbidden, code: "rectification.notInspector", zh: "只有督查人员可以销号或退回整改。", en: "Only inspectors close or reopen rectifications.")
    }
    static var reopenNeedsReason: AppError {
        AppError(.invalidInput, code: "rectification.reasonRequired", zh: "请说明退回整改的理由。", en: "Say why the rectification is reopened.")
    }
    static func rectificationRefused(state: RectificationState, action: RectificationState.Action) -> AppError {
        AppError(
            .conflict, code: "rectification.transition", zh: "整改要求当前状态下不能执行该操作。",
            en: "A rectification that is \(state.rawValue) cannot be \(action.rawValue)ed.")
    }
    static var rectificationChanged: AppError {
        AppError(.conflict, code: "rectification.changed", zh: "整改要求已被他人修改，请刷新后重试。", en: "The rectification changed meanwhile; reload it.")
    }

    static func noCase(_ id: Int64) -> AppError {
        AppError(.notFound, code: "case.notFound", zh: "没有编号为\(id)的问责事项。", en: "No case has id \(id).")
    }
    static var caseNeedsGrounds: AppError { AppError(.invalidInput, code: "case.groundsRequired", zh: "问责须有依据。", en: "A case needs its grounds.") }
    static var caseDecided: AppError { AppError(.conflict, code: "case.decided", zh: "该问责事项已作出决定。", en: "The case was decided already.") }
}
