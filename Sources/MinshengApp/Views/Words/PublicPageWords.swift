import Foundation
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
    var downloadName: String { t("公示文件按“期次.json”或“期次.csv”下载。", "Publications are downloaded as N.json or N.csv.") }
    var chooseVerdict: String { t("请选择满意、基本满意或不满意。", "Choose satisfied, basically satisfied or dissatisfied.") }
    var chooseMessageKind: String { t("请选择留言类型。", "Choose the kind of message.") }
    var openItemFirst: String { t("请先打开事项页面（浏览器需允许 Cookie），再提交。", "Open the project's page first (cookies must be allowed), then send.") }

    func notPublished(_ number: Int) -> String { t("公示中没有第\(number)项。", "Item \(number) is not in the publication.") }
    func noPublication(_ sequence: Int) -> String { t("没有第\(sequence)期公示。", "No publication \(sequence).") }

    /// Why pasted text could not be read as a publication: where in the JSON, and what was wrong.
    func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return t("无法读取。", "it cannot be read.") }
        func place(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "JSON" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return t("缺少 \(place(context.codingPath + [key]))。", "\(place(context.codingPath + [key])) is missing.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return t("\(place(context.codingPath)) 的值类型不对。", "\(place(context.codingPath)) has a value of the wrong type.")
        case .dataCorrupted(let context):
            return t("\(place(context.codingPath)) 不是有效的 JSON。", "\(place(context.codingPath)) is not valid JSON.")
        @unknown default:
            return t("无法读取。", "it cannot be read.")
        }
    }

    /// A downloaded publication this portal never published.
    static func notKeptHere(_ sequence: Int) -> Phrase {
        Phrase(zh: "第\(sequence)期：本平台没有这一期公示", en: "Publication \(sequence): there is no such publication here")
    }

    /// How a downloaded publication differs from the original kept here, labelled with its number and period.
    static func differences(_ found: [Phrase], in snapshot: PublicSnapshot) -> [Phrase] {
        let label = Phrase(zh: "第\(snapshot.sequence)期（\(snapshot.period)）", en: "Publication \(snapshot.sequence) (\(snapshot.period))")
        guard !found.isEmpty else {
            return [Phrase(zh: "\(label.zh)与本平台保存的原件不一致", en: "\(label.en) differs from the original kept here")]
        }
        return found.map { Phrase(zh: "\(label.zh)：\($0.zh)", en: "\(label.en): \($0.en)") }
    }
}
