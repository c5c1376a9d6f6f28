import Foundation
import MinshengHTML
import Testing

/// URL attributes keep only relative URLs and safe schemes; SVG stays well-formed XML.
struct URLAndSVGTests {
    func href(_ url: String) -> String {
        let rendered = Node.a(.href(url)).render().string
        return String(rendered.dropFirst("<a href=\"".count).dropLast("\"></a>".count))
    }

    @Test(arguments: [
        "/plans/1/items/2", "?q=x", "#main", "item-3.en.html", "../up", "//example.org/a", "https://example.org/a?b=c#d",
        "HTTP://EXAMPLE.ORG", "mailto:office@example.org", "tel:+86-379-1234", "/path:with:colons", "?next=javascript:x",
    ])
    func safeURLsPass(url: String) {
        #expect(href(url) == url.replacingOccurrences(of: "&", with: "&amp;"))
    }

    @Test(arguments: [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:x", "\u{1}javascript:x", "jav\u{0}ascript:x",
        "data:text/html,<b>", "DATA:image/svg+xml;base64,AA", "vbscript:msgbox", "  javascript :x", "file:///etc/passwd", "blob:x",
    ])
    func otherSchemesBecomeAFragment(url: String) {
        #expect(href(url) == "#")
        #expect(Node.img(.src(url)).render().string == "<img src=\"#\"/>")
        #expect(Node.form(.action(url)).render().string == "<form action=\"#\"></form>")
        #expect(Node.button(.attribute(named: "formaction", value: url)).render().string == "<button formaction=\"#\"></button>")
        #expect(Node.a(.attribute(named: "href", value: url)).render().string == "<a href=\"#\"></a>")
    }

    @Test func emptySVGElementsCloseThemselves() {
        let svg = Node.svg(
            .attribute(named: "viewBox", value: "0 0 10 10"),
            .svgTitle(.id("t"), .text("a < b & \"c\"")),
            .defs(.pattern(.id("p"), .rect(.attribute(named: "width", value: "6")), .path(.attribute(named: "d", value: "M0 0")))),
            .line(), .polyline(), .circle(), .desc(),
            .svgText(.attribute(named: "x", value: "1"), .text("<x>"))
        ).render().string
        #expect(
            svg
                == """
                <svg viewBox=\"0 0 10 10\"><title id=\"t\">a &lt; b &amp; \"c\"</title><defs><pattern id=\"p\"><rect width=\"6\"/><path d=\"M0 \
                0\"/></pattern></defs>
                """
                + "<line/><polyline/><circle/><desc/><text x=\"1\">&lt;x&gt;</text></svg>")
    }
}
