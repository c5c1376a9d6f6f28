/// Why a plan document could not be read. Each message names the problem in Chinese and English.
package struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of unreadable input.
    package enum Kind: String, Sendable {
        case empty
        case binary
        case encrypted
        case corrupt
        case tooLarge
        case unsupported
        case noItems
        case missingColumns
    }

    package var kind: Kind
    /// The file's name, as given.
    package var file: String
    package var detail: String

    package init(_ kind: Kind, file: String, detail: String) {
        self.kind = kind
        self.file = file
        self.detail = detail
    }

    package var description: String { "\(file): \(detail)" }

    static func empty(_ file: String) -> ImportError {
        ImportError(.empty, file: file, detail: "文件是空的 (the file is empty)")
    }

    static func binary(_ file: String) -> ImportError {
        ImportError(.binary, file: file, detail: "不是文本、Word (.docx) 或 Excel (.xlsx) 文件 (the file is neither text, .docx nor .xlsx)")
    }

    static func encrypted(_ file: String) -> ImportError {
        ImportError(
            .encrypted, file: file,
            detail:
                """
                文件已加密或是旧版 .doc/.xls 格式，请去掉密码并另存为 .docx 或 .xlsx 后再导入 (the file is encrypted or in the old .doc/.xls format; save it without a \
                password as .docx or .xlsx)
                """
        )
    }

    static func corrupt(_ file: String, _ why: String) -> ImportError {
        ImportError(.corrupt, file: file, detail: "文件已损坏：\(why) (the file is damaged: \(why))")
    }

    /// A package past a reader's limits: too many entries, or parts that inflate to too much.
    static func tooLarge(_ file: String, _ why: String) -> ImportError {
        ImportError(.tooLarge, file: file, detail: why)
    }

    static func noItems(_ file: String) -> ImportError {
        ImportError(.noItems, file: file, detail: "没有找到任何编号的民生实事 (no numbered items were found)")
    }
}
