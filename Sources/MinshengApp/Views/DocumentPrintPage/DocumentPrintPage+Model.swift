import MinshengCore

/// A document as a standalone page for reading and printing: A4, the body in 仿宋 with its headings, the charts
/// and the attachment table, with a print stylesheet. It needs no other file.
struct DocumentPrintPage {
    /// The document printed.
    struct Model {
        var document: OfficialDocument
    }
}
