import MinshengCore

/// The words of the public portal's refusals: what a visitor asked for that is not published, and what a rating or
/// message lacks.
struct PublicPageWords: Bilingual {
    let language: Language

    var noCategory: String { t("没有这个类别。", "No such category.") }
    var noUnit: String { t("公示中没有这个单位。", "No such unit in the publication.") }
    var nothingPublished: String { t("该计划尚未发布公示。", "This plan has not published anything.") }
    var noPhoto: String { t("没有这张公开照片。", "No such public photo.") }
    /// Put before why a pasted file could not be read.
    var notAPublicationFile: String { t("这不是公示文件：", "This is not a publication file: ") }
    var chooseVerdict: String { t("请选择满意、基本满意或不满意。", "Choose satisfied, basically satisfied or dissatisfied.") }
    var chooseMessageKind: String { t("请选择留言类型。", "Choose the kind of message.") }
    var openItemFirst: String { t("请先打开事项页面（浏览器需允许 Cookie），再提交。", "Open the project's page first (cookies must be allowed), then send.") }

    func notPublished(_ number: Int) -> String { t("公示中没有第\(number)项。", "Item \(number) is not in the publication.") }
    func noPublication(_ sequence: Int) -> String { t("没有第\(sequence)期公示。", "No publication \(sequence).") }

    /// A text that carries both languages, in the reader's.
    func text(_ phrase: Phrase) -> String { t(phrase.zh, phrase.en) }
}
