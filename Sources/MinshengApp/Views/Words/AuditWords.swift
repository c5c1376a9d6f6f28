/// The audit log in sentences: each action code as what the person did, in the reader's language. The code stays
/// for experts in the entry's title.
struct AuditWords: Bilingual {
    let language: Language

    /// What was done, for every action code the application writes; an unknown one says that a change was made.
    func action(_ code: String) -> String {
        if let known = Self.actions[code] { return t(known.zh, known.en) }
        if let rest = code.split(separator: ".").last, let family = code.split(separator: ".").first {
            switch String(family) {
            case "rectification":
                return t("整改（\(Self.rectification[String(rest)]?.zh ?? "变更")）", "rectification (\(Self.rectification[String(rest)]?.en ?? "change"))")
            case "public":
                return t("群众提交了\(Self.publicKinds[String(rest)]?.zh ?? "留言")", "the public sent a \(Self.publicKinds[String(rest)]?.en ?? "message")")
            default: break
            }
            if rest == "attach" { return t("上传了附件", "attached a file") }
        }
        return t("进行了修改", "made a change")
    }

    /// What the entry is about: 报告 #12 (report #12).
    func subject(_ entity: String, _ id: String?) -> String {
        let name = Self.entities[entity].map { t($0.zh, $0.en) } ?? t("记录", "record")
        return id.map { "\(name) #\($0)" } ?? name
    }

    /// The whole sentence: admin 审核通过了 报告 #12 (admin accepted report #12).
    func sentence(actor: String, code: String, entity: String, id: String?) -> String {
        t("\(actor) \(action(code)) \(subject(entity, id))", "\(actor) \(action(code)) \(subject(entity, id))")
    }

    var system: String { t("系统", "system") }
    var publicVisitor: String { t("公众", "a visitor") }
    var when: String { t("时间", "When") }
    var what: String { t("操作", "What") }
    var details: String { t("变更内容", "Details") }
    var address: String { t("来源地址", "From") }
    var older: String { t("更早的记录", "Older entries") }

    private static let actions: [String: (zh: String, en: String)] = [
        "report.create": ("新建了", "created"), "report.save": ("保存了", "saved"), "report.submit": ("报送了", "submitted"),
        "report.accept": ("审核通过了", "accepted"), "report.return": ("退回了", "returned"), "report.correct": ("更正了", "corrected"),
        "attachment.add": ("上传了附件到", "attached a file to"), "reminder.send": ("催报了", "sent a reminder to"),
        "reminder.read": ("阅读了消息", "read the messages of"), "message.returned": ("通知退回给", "told of a returned report"),
        "month.close": ("关账了", "closed a month of"), "month.reopen": ("重新开放了月份", "opened a month again of"),
        "plan.autoClose": ("设置了自动关账", "set months to close themselves for"), "plan.calendar": ("修改了报送日历", "changed the calendar of"),
        "plan.import": ("导入了", "imported"), "plan.merge": ("合并修订了", "merged a revision into"), "plan.replace": ("替换了", "replaced"),
        "plan.assessmentSettings": ("修改了考核设置", "changed the assessment settings of"),
        "plan.documentSettings": ("修改了公文设置", "changed the document settings of"),
        "item.assessment": ("修改了考核设置", "changed the assessment of"), "import.upload": ("上传了", "uploaded"),
        "import.edit": ("修改了", "edited"), "import.confirm": ("确认导入了", "confirmed"), "login": ("登录", "signed in"),
        "login.failed": ("登录失败", "failed to sign in as"), "logout": ("退出登录", "signed out"), "token.create": ("创建了", "created"),
        "token.revoke": ("吊销了", "revoked"), "unit.members": ("修改了成员", "changed the members of"),
        "jurisdiction.place": ("设置了行政区划", "placed"), "document.draft": ("起草了", "drafted"), "document.edit": ("修改了", "edited"),
        "document.issue": ("印发了", "issued"), "document.refresh": ("刷新了数据", "refreshed"), "notice.issue": ("下发了", "issued"),
        "notice.answer": ("回复了", "answered"), "notice.close": ("办结了", "closed"), "inspection.record": ("记录了", "recorded"),
        "inspection.plan": ("安排了", "planned"),
        "rectification.require": ("要求整改", "required a rectification:"), "case.open": ("立案了", "opened"),
        "case.decide": ("作出决定", "decided"), "publication.publish": ("发布了", "published"), "public.answer": ("答复了", "answered"),
        "public.reject": ("不予采纳", "declined"), "photo.approve": ("公开了照片", "published the photo"),
        "photo.withdraw": ("撤回了照片", "withdrew the photo"), "supervision.settings": ("修改了督查设置", "changed the supervision settings of"),
        "demo.supervision": ("载入了演示数据", "loaded the demo into"), "demo.reports": ("载入了演示报告", "loaded the demo's reports into"),
        "generate.reports": ("生成了测试报告", "generated reports for"), "item.shortTitle": ("修改了简称", "changed the short title of"),
        "user.create": ("创建了", "created"), "user.update": ("修改了", "changed"),
        "user.update+password": ("修改了（含密码）", "changed (with the password)"), "user.password": ("重设了密码", "reset the password of"),
    ]

    private static let rectification: [String: (zh: String, en: String)] = [
        "report": ("报告整改情况", "reported"), "close": ("销号", "closed"), "reopen": ("重新整改", "reopened"),
    ]

    private static let publicKinds: [String: (zh: String, en: String)] = [
        "objection": ("异议", "objection"), "suggestion": ("建议", "suggestion"), "question": ("咨询", "question"),
    ]

    private static let entities: [String: (zh: String, en: String)] = [
        "report": ("报告", "report"), "user": ("用户", "user"), "plan": ("计划", "plan"), "unit": ("单位", "unit"), "token": ("令牌", "token"),
        "document": ("公文", "document"), "notice": ("督办单", "notice"), "supervision_notice": ("督办单", "notice"),
        "inspection": ("检查", "inspection"), "rectification": ("整改", "rectification"), "case": ("问责案件", "case"),
        "accountability_case": ("问责案件", "case"), "publication": ("公示", "publication"), "public_message": ("群众留言", "public message"),
        "attachment": ("附件", "attachment"), "import": ("导入草稿", "import draft"), "import_draft": ("导入草稿", "import draft"),
        "item": ("事项", "item"), "jurisdiction": ("行政区划", "jurisdiction"), "session": ("会话", "session"),
    ]
}
