import Foundation

/// The charts, each a part of its own that the body refers to.
extension DocxWriter {
    /// A horizontal bar chart with its values written on the bars.
    static func chart(_ chart: OfficialDocument.Chart) -> String {
        let count = chart.labels.count
        let categories = chart.labels.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XML.escape($0.element))</c:v></c:pt>" }.joined()
        let values = chart.values.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\($0.element)</c:v></c:pt>" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" \
            xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
            xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">
            """
                + """
                <c:lang val=\"zh-CN\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\"/></a:pPr><a:r><a:rPr \
                lang=\"zh-CN\" sz=\"1200\"><a:latin typeface=\"\(headingFont)\"/><a:ea typeface=\"\(headingFont)\"/></a:rPr>\
                <a:t>\(XML.escape(chart.title))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>
                """
                + """
                <c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>\
                <c:varyColors val=\"0\"/>
                """
            + "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>\(XML.escape(chart.title))</c:v></c:tx>"
                + """
                <c:spPr><a:pattFill prst=\"wdDnDiag\"><a:fgClr><a:srgbClr val=\"404040\"/></a:fgClr><a:bgClr><a:srgbClr val=\"BFBFBF\"/></a:bgClr>\
                </a:pattFill><a:ln><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr>
                """
                + """
                <c:invertIfNegative val=\"0\"/><c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName \
                val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>
                """
            + "<c:cat><c:strLit><c:ptCount val=\"\(count)\"/>\(categories)</c:strLit></c:cat>"
            + "<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"\(count)\"/>\(values)</c:numLit></c:val></c:ser>"
            + "<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
                + """
                <c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>\
                <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1002\"/><c:crosses \
                val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>
                """
                + """
                <c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>\(chart.percent ? "<c:max val=\"100\"/>" : "")<c:min \
                val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:majorGridlines/><c:numFmt formatCode=\"General\" \
                sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>\
                </c:valAx>
                """
            + "</c:plotArea><c:plotVisOnly val=\"1\"/></c:chart></c:chartSpace>"
    }
}
