import MinshengCore
import MinshengHTML

extension DocumentPrintPage {
    /// Renders the page from its model.
    struct View {
        var model: Model

        func render() -> String {
            let html = HTML(
                .attribute(named: "lang", value: "zh-CN"),
                .head(
                    .meta(.charset(.utf8)), .element(named: "title", text: model.document.title),
                    .element(named: "style", nodes: [.trusted(DocumentPrintPage.css)])),
                .body(
                    .unwrap(model.document.number) { .p(.class("number"), .text($0)) },
                    .h1(.text(model.document.title)),
                    .if(!model.document.addressee.isEmpty, .p(.class("addressee"), .text(model.document.addressee))),
                    .forEach(model.document.sections) { section in
                        .group(
                            .unwrap(section.heading) { .h2(.text($0)) },
                            .forEach(section.paragraphs) { .p(.text($0)) }
                        )
                    },
                    .div(
                        .class("charts"),
                        .forEach(Array(model.document.charts.enumerated())) { index, chart in DocumentPrintPage.svg(chart, id: "chart-\(index + 1)") }
                    ),
                    .p(.class("signature"), .text(model.document.issuer)),
                    .p(.class("signature"), .text(DocxWriter.chineseDate(model.document.date))),
                    .table(
                        .element(named: "caption", text: "附件：\(model.document.planTitle)进展情况表（截至\(DocxWriter.chineseDate(model.document.asOf))）"),
                        .forEach(Array(model.document.tableText.enumerated())) { index, row in
                            index == 0 ? .tr(.forEach(row) { .th(.text($0)) }) : .tr(.forEach(row) { .td(.text($0)) })
                        }
                    )
                )
            )
            return html.render()
        }
    }
}

extension DocumentPrintPage {
    /// A chart of the document as SVG, bars with their values, readable in black and white.
    static func svg(_ chart: OfficialDocument.Chart, id: String) -> Node {
        let maximum = max(chart.values.max() ?? 1, chart.percent ? 100 : 1)
        let rowHeight = 24
        let unit = chart.percent ? "%" : ""
        let summary = zip(chart.labels, chart.values).map { "\($0.0) \($0.1)\(unit)" }.joined(separator: "，")
        return .svg(
            .at("xmlns", "http://www.w3.org/2000/svg"), .at("viewBox", "0 0 520 \(chart.labels.count * rowHeight + 36)"), .at("role", "img"),
            .at("aria-labelledby", "\(id)-title"),
            .svgTitle(.id("\(id)-title"), .text("\(chart.title)：" + summary)),
            Charts.label(chart.title, x: 260, y: 16, size: 13, anchor: "middle"),
            .defs(
                .pattern(
                    .id("\(id)-hatch"), .at("width", 6), .at("height", 6), .at("patternUnits", "userSpaceOnUse"),
                    .rect(.at("width", 6), .at("height", 6), .at("fill", "#bfbfbf")), .path(.at("d", "M0 6 L6 0"), .at("stroke", "#404040"))
                )),
            .forEach(Array(zip(chart.labels, chart.values).enumerated())) { index, row in
                let y = 28 + index * rowHeight
                let width = Int(Double(row.1) / Double(maximum) * 300)
                return .group(
                    Charts.label(row.0, x: 130, y: y + 15, size: 12, anchor: "end"),
                    .rect(
                        .at("x", 140), .at("y", y + 3), .at("width", max(width, 1)), .at("height", 16), .at("fill", "url(#\(id)-hatch)"),
                        .at("stroke", "#000"), .at("stroke-width", "0.5")),
                    Charts.label("\(row.1)\(unit)", x: 146 + width, y: y + 15, size: 12)
                )
            }
        )
    }

    /// The stylesheet of the printed page: A4 with the fonts and sizes of an official document.
    static let css: StaticString = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.9pt; color: #000; \
        max-width: 156mm; margin: 2rem auto; }
        h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; \
        line-height: 1.5; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        p.addressee, p.number { text-indent: 0; }
        p.number { text-align: center; }
        p.signature { text-align: right; text-indent: 0; padding-right: 4em; }
        .charts svg { max-width: 100%; }
        table { border-collapse: collapse; font-size: 10.5pt; line-height: 1.4; width: 100%; page-break-before: always; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; }
        th { font-family: "黑体", "SimHei", sans-serif; font-weight: normal; }
        @media print { body { margin: 0; max-width: none; } }
        """
}
