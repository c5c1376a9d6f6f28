import MinshengCore

/// The words of the public pages in one language.
struct PublicStrings: Bilingual {
    let language: Language

    var disclosure: String { t("公示", "Publishing") }
    var publish: String { t("发布公示", "Publish") }
    var publishHint: String {
        t(
            "发布后内容即冻结，不能修改：只公开已审核通过的数据、各单位报告中的“进展情况”和已批准的照片，“存在问题”“下步打算”、退回意见和人工调整原因等内部内容不会公开。",
            """
            Once published, a snapshot is frozen: only accepted figures, the Progress part of reports and approved photos are public; Problems, \
            Next steps, return reasons and override reasons never are.
            """
        )
    }
    var objectionDays: String { t("公示期（天，留空则不设）", "Objection period (days; empty for none)") }
    var preview: String { t("发布预览", "Preview") }
    var messages: String { t("群众留言与异议", "Public messages and objections") }
    var pending: String { t("待处理", "Pending") }
    var settled: String { t("已处理", "Settled") }
    var answerAndPublish: String { t("答复并公开", "Answer and publish") }
    var reject: String { t("不予公开", "Reject") }
    var answerLabel: String { t("答复内容", "Answer") }
    var photoApproval: String { t("照片公开审核", "Photo approval") }
    var approve: String { t("批准公开", "Approve") }
    var withdraw: String { t("撤回公开", "Withdraw") }
    var approved: String { t("已公开", "Public") }
    var notApproved: String { t("未公开", "Not public") }
    var publicPortal: String { t("查看公示网站", "Open the public portal") }
    var state: String { t("状态", "State") }
    var received: String { t("收到时间", "Received") }
    var contact: String { t("联系电话", "Phone") }
    var noMessages: String { t("没有留言。", "No messages.") }
    var noPhotos: String { t("已通过审核的报告中没有照片。", "Accepted reports carry no photos.") }
    var published: String { t("已发布", "Published") }
    var portal: String { t("民生实事公示", "Livelihood projects: public progress") }
    var home: String { t("首页", "Home") }
    var categories: String { t("分类", "Categories") }
    var units: String { t("责任单位", "Units") }
    var search: String { t("搜索", "Search") }
    var publications: String { t("公示记录", "Publications") }
    var verify: String { t("核验", "Verify") }
    var staffLogin: String { t("工作人员登录", "Staff sign-in") }
    var skip: String { t("跳到正文", "Skip to content") }
    var navigation: String { t("公示导航", "Public navigation") }
    var languageSwitch: String { t("English", "中文") }
    var footer: String {
        t(
            "本页内容来自已公示的数据，每期公示均记录 SHA-256 哈希值，可下载核验。",
            "Everything here comes from published snapshots; each records its SHA-256 hash and can be downloaded and verified.")
    }
    var overallProgress: String { t("总体完成进度", "Overall progress") }
    var items: String { t("民生实事", "Projects") }
    var item: String { t("事项", "Project") }
    var number: String { t("序号", "No.") }
    var status: String { t("进度状态", "Status") }
    var progress: String { t("完成进度", "Progress") }
    var expected: String { t("序时进度", "Expected") }
    var leadUnits: String { t("牵头单位", "Lead units") }
    var responsibleUnits: String { t("责任单位", "Responsible units") }
    var category: String { t("类别", "Category") }
    var targets: String { t("目标任务与完成情况", "Targets and results") }
    var target: String { t("目标", "Target") }
    var reached: String { t("完成", "Reached") }
    var provisional: String { t("以上级下达为准", "set by a higher level") }
    var narrative: String { t("进展情况", "Progress report") }
    var noNarrative: String { t("暂无公开的进展情况。", "No public progress report yet.") }
    var photos: String { t("现场照片", "Photos") }
    var history: String { t("历次公示", "Across publications") }
    var period: String { t("期间", "Period") }
    var sequence: String { t("期次", "No.") }
    var publishedOn: String { t("发布日期", "Published") }
    var objectionsUntil: String { t("公示期至", "Objections until") }
    var hash: String { t("SHA-256 哈希", "SHA-256 hash") }
    var previousHash: String { t("上一期哈希", "Previous hash") }
    var downloads: String { t("下载", "Download") }
    var chain: String { t("全部公示（JSON，用于核验）", "All publications (JSON, for verification)") }
    var satisfaction: String { t("群众满意度", "Public satisfaction") }
    var rateThis: String { t("您对这项民生实事的办理满意吗？", "Are you satisfied with how this project is going?") }
    var submitRating: String { t("提交评价", "Submit rating") }
    var oneRating: String {
        t(
            "每期公示每人对每项可评价一次。我们不保存您的原始网络地址或设备标识，只保存加盐哈希值。",
            "One rating per person per project per publication. We keep only salted hashes, never your raw address or device identifier.")
    }
    var leaveMessage: String { t("建议或问题", "Suggestion or question") }
    var messageKind: String { t("类型", "Kind") }
    var messageText: String { t("内容", "Message") }
    var phone: String { t("手机号码（选填，仅供回访，不公开）", "Mobile number (optional, for a call back; never published)") }
    var send: String { t("提交", "Send") }
    var moderated: String { t("留言经审核后，连同官方答复一并公开。请勿包含网址。", "Messages are published with the official reply after moderation. No links, please.") }
    var objection: String { t("对本期公示提出异议", "Object to this publication") }
    var objectionOpen: String {
        t(
            "本期公示期内，如对公示的数据有异议，可在此提出，我们将核实并公开答复。",
            "During the objection period you may challenge the published figures here; we will check and publish the answer.")
    }
    var answers: String { t("答疑解惑", "Questions answered") }
    var noAnswers: String { t("暂无已答复的留言。", "No answered messages yet.") }
    var reply: String { t("答复", "Reply") }
    var offline: String { t("此为离线版本，如需评价或留言，请访问在线公示平台。", "This is an offline copy; to rate or leave a message, visit the online portal.") }
    var searchLabel: String { t("搜索事项、目标或单位", "Search projects, targets or units") }
    var noResults: String { t("没有找到匹配的事项。", "No project matches.") }
    var verifyTitle: String { t("核验公示数据", "Verify published data") }
    var verifyIntro: String {
        t(
            "下载的公示文件（单期 JSON 或全部公示 JSON）可在此核验：检查每期内容与其哈希是否一致、各期是否首尾相连，并与本平台保存的原件逐项比对。也可以在命令行运行 minsheng verify 文件…。",
            """
            Check downloaded publication files (one publication's JSON or the whole chain): each file's content against its hash, each link of \
            the chain, and every figure against the copy kept here. The command line does the same with minsheng verify FILE….
            """
        )
    }
    var verifyField: String { t("粘贴 JSON 内容", "Paste the JSON") }
    var verifyButton: String { t("核验", "Verify") }
    var verified: String { t("核验通过", "Verified") }
    var notVerified: String { t("核验未通过", "Verification failed") }
    var noPublication: String { t("尚未发布公示。", "Nothing has been published yet.") }
    var thanks: String { t("感谢您的参与", "Thank you") }
    var notSent: String { t("未能提交", "Not sent") }
    var back: String { t("返回事项页面", "Back to the project") }
    var latest: String { t("最新一期", "Latest publication") }
    var asOf: String { t("数据截至", "Data as of") }
    /// A count of projects: 5项 or 5 projects.
    func itemCount(_ count: Int) -> String { t("\(count)项", count == 1 ? "1 project" : "\(count) projects") }
    /// A table's caption with the number of its projects: 教育（5项） or Education (5 projects).
    func captioned(_ title: String, _ count: Int) -> String { title + Punctuation(language: language).aside(itemCount(count)) }
    var rated: String { t("人次评价", " ratings") }
    var thisRound: String { t("本期", "This publication") }
    var allRounds: String { t("累计", "All publications") }
    var satisfactionRate: String { t("满意度", "Satisfaction") }
    var unitItemsLed: String { t("牵头的事项", "Projects led") }
    var unitItemsShared: String { t("参与的事项", "Projects shared") }
    /// The objection period is open until a day.
    func objectionsOpenUntil(_ day: CalendarDate) -> String {
        t("公示期内，欢迎对公示内容提出异议。公示期至 \(day.iso)。", "The objection period is open until \(day.iso).")
    }

    /// What the file names of a static export carry before `.html` in this language.
    var fileSuffix: String { t("", ".en") }
    /// The prefix of a target that breaks another down.
    var ofWhich: String { t("其中：", "of which: ") }

    func publicationNumber(_ sequence: Int) -> String { t("第\(sequence)期", "publication \(sequence)") }

    func publicationsChecked(_ count: Int) -> String { t("共核验\(count)期公示。", "\(count) publication(s) checked.") }

    /// A progress bar's label: the progress and the expected progress, as percentages.
    func progressAgainstExpected(_ progress: String, _ expected: String) -> String {
        t("\(self.progress) \(progress)，\(self.expected) \(expected)", "\(self.progress) \(progress), \(self.expected) \(expected)")
    }

    func verdict(_ verdict: SatisfactionVerdict) -> String { t(verdict.chineseName, verdict.englishName) }

    func kind(_ kind: PublicMessage.Kind) -> String {
        switch kind {
        case .objection: return t("异议", "Objection")
        case .suggestion: return t("建议", "Suggestion")
        case .question: return t("问题", "Question")
        }
    }

    func publicationTitle(_ snapshot: PublicSnapshot) -> String {
        t("第\(snapshot.sequence)期公示（\(snapshot.period)）", "Publication \(snapshot.sequence) (\(snapshot.period))")
    }

    func asOfDate(_ date: CalendarDate) -> String {
        t("截至\(date.year)年\(date.month)月\(date.day)日", "as of \(date.iso)")
    }

    func month(_ month: Int) -> String { t("\(month)月", "month \(month)") }

    func messageState(_ state: PublicMessage.State) -> String {
        switch state {
        case .pending: return pending
        case .answered: return t("已答复", "Answered")
        case .rejected: return t("不予公开", "Rejected")
        }
    }

    func outcome(_ outcome: PublicService.Outcome) -> String {
        switch outcome {
        case .rated(let verdict): return t("已收到您的评价：\(verdict.chineseName)。", "Your rating was recorded: \(verdict.englishName).")
        case .alreadyRated(let verdict):
            return t(
                "您已对本期公示的这一事项作过评价（\(verdict.chineseName)），每期只能评价一次。",
                "You already rated this project in this publication (\(verdict.englishName)); one rating per publication.")
        case .messageReceived(let kind):
            return t(
                "已收到您的\(self.kind(kind))，审核并答复后将在事项页面公开。",
                "Your \(self.kind(kind).lowercased()) was received; it is published with the reply once answered.")
        }
    }

    func tallyText(_ tally: SatisfactionTally) -> String {
        guard tally.total > 0 else { return t("尚无评价", "No ratings yet") }
        return SatisfactionVerdict.allCases.map { "\(verdict($0)) \(tally[$0])" }.joined(separator: t("，", ", "))
            + t("；满意度\(tally.rate ?? 0)%（\(tally.total)人次）", "; satisfaction \(tally.rate ?? 0)% (\(tally.total) ratings)")
    }
}

extension Language {
    var publicWords: PublicStrings { PublicStrings(language: self) }
}
