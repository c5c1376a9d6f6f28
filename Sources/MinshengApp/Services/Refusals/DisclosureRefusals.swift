import MinshengCore

/// The refusals of public disclosure: publishing, answering the public and approving photos.
enum DisclosureRefusals {
    static func objectionDays(_ days: Int) -> AppError {
        AppError(
            .invalidInput, code: "publication.objectionDays", zh: "公示期为1至60天，填写的是\(days)天。", en: "The objection period is 1 to 60 days; got \(days).")
    }
    static var onlyOfficeAnswers: AppError {
        AppError(.forbidden, code: "message.forbidden", zh: "只有督查室可以答复群众留言。", en: "Only the office answers the public.")
    }
    static func noMessage(_ id: Int64) -> AppError {
        AppError(.notFound, code: "message.notFound", zh: "没有编号为\(id)的群众留言。", en: "No public message has id \(id).")
    }
    static func messageSettled(_ id: Int64) -> AppError {
        AppError(.conflict, code: "message.settled", zh: "留言\(id)已处理。", en: "Message \(id) was already settled.")
    }
    static func notAPhoto(_ name: String) -> AppError {
        AppError(.invalidInput, code: "photo.notImage", zh: "\(name)不是照片。", en: "\(name) is not a photo.")
    }
    static var photoOfAcceptedOnly: AppError {
        AppError(
            .invalidInput, code: "photo.reportNotAccepted", zh: "只有审核通过的报告中的照片可以公开。", en: "Only photos of accepted reports can be public.")
    }
}

/// The refusals of administration: unit groups, quarterly items and API tokens.
enum AdminRefusals {
    static func noGroup(_ id: Int64) -> AppError {
        AppError(.notFound, code: "unitGroup.notFound", zh: "没有编号为\(id)的单位组。", en: "No group unit has id \(id).")
    }
    static var membersOfSameJurisdiction: AppError {
        AppError(
            .invalidInput, code: "unitGroup.members", zh: "成员须为同一行政区划内的非组单位。", en: "Members must be non-group units of the same jurisdiction.")
    }
    static var quarterlyItemsOfPlan: AppError {
        AppError(.invalidInput, code: "calendar.quarterlyItems", zh: "按季报送的事项须属于该计划。", en: "Quarterly items must belong to the plan.")
    }
    static func closeOutOfOrder(next: Int?) -> AppError {
        guard let next else { return AppError(.conflict, code: "month.allClosed", zh: "本年度各月均已关账。", en: "Every month of the year is closed.") }
        return AppError(
            .conflict, code: "month.closeOrder", zh: "月份须依次关账，下一个可关账的是\(next)月。",
            en: "Months close in order; the next one to close is month \(next).")
    }
    static var reopenOutOfOrder: AppError {
        AppError(
            .conflict, code: "month.reopenOrder", zh: "只能重新开放最近一个由督查室关账的月份。",
            en: "Only the latest month the office closed can be opened again.")
    }
    static var autoCloseDays: AppError {
        AppError(
            .invalidInput, code: "month.autoCloseDays", zh: "自动关账天数须在0到60之间，或留空表示不自动关账。",
            en: "Days before a month closes itself must be 0 to 60, or empty for never.")
    }
    static var tokenName: AppError {
        AppError(.invalidInput, code: "token.name", zh: "请为令牌起一个不超过100字的名称。", en: "Give the token a name of up to 100 characters.")
    }
    static func noToken(_ id: Int64) -> AppError {
        AppError(.notFound, code: "token.notFound", zh: "您没有编号为\(id)的有效令牌。", en: "No live token of yours has id \(id).")
    }
    static var userVanished: AppError { AppError(.internalError, code: "user.vanished", zh: "该用户已不存在。", en: "The user vanished.") }
    static func noPlanForReference(_ reference: String) -> AppError {
        AppError(
            .notFound, code: "plan.reference", zh: "没有编号为\(reference)的计划，也没有唯一属于该年度的计划。",
            en: "No plan has id \(reference), and no single plan is for that year.")
    }
}

extension DisclosureRefusals {
    static func periodInFuture(_ period: Period, latest: Period) -> AppError {
        AppError(
            .invalidInput, code: "publication.future", zh: "\(period)尚未到来：只能公示截至\(latest)的月份。",
            en: "\(period) lies in the future: only months up to \(latest) can be published.")
    }
    static func goesBack(sequence: Int, covers: Period, requested: Period) -> AppError {
        AppError(
            .invalidInput, code: "publication.backwards", zh: "第\(sequence)期公示已覆盖\(covers)，后一期不能回到\(requested)。",
            en: "Publication \(sequence) already covers \(covers); a later publication cannot go back to \(requested).")
    }
}
