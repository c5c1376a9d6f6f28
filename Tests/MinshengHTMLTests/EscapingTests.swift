import MinshengHTML
import Testing

/// Text and every attribute value are escaped, whatever they hold.
struct EscapingTests {
    static let hostile = "x\"' zz-attr=1 <zz-el>&amp;"

    func html(_ node: Node) -> String { node.render().string }

    @Test func textEscapesMarkupButNotQuotes() {
        #expect(html(.p(.text(Self.hostile))) == "<p>x\"' zz-attr=1 &lt;zz-el&gt;&amp;amp;</p>")
        #expect(html(.element(named: "legend", text: "<b>&</b>")) == "<legend>&lt;b&gt;&amp;&lt;/b&gt;</legend>")
    }

    @Test func entitiesAreEscapedAgain() {
        #expect(html(.text("&amp; &#60; &lt;")) == "&amp;amp; &amp;#60; &amp;lt;")
        #expect(html(.span(.attribute(named: "title", value: "&quot;"))) == "<span title=\"&amp;quot;\"></span>")
    }

    @Test(arguments: [
        Node.id(hostile), .class(hostile), .name(hostile), .value(hostile), .for(hostile), .placeholder(hostile), .alt(hostile),
        .content(hostile), .href(hostile), .src(hostile), .action(hostile), .attribute(named: "title", value: hostile),
        .attribute(named: "aria-label", value: hostile), .attribute(named: "data-x", value: hostile),
    ])
    func everyAttributeEscapesBothQuotes(attribute: Node) {
        let rendered = html(.div(attribute))
        #expect(rendered.hasSuffix("=\"x&quot;&#39; zz-attr=1 &lt;zz-el&gt;&amp;amp;\"></div>"))
        #expect(!rendered.contains("zz-attr=1 <") && rendered.filter { $0 == "\"" }.count == 2)
    }

    @Test func controlCharactersAreDropped() {
        #expect(html(.p(.text("a\u{0}b\u{1B}c\td\ne"), .attribute(named: "title", value: "1\u{7}2"))) == "<p title=\"12\">abc\td\ne</p>")
    }

    @Test func emptyValuesAndBooleans() {
        #expect(html(.input(.type(.hidden), .name("_csrf"), .value(""))) == "<input type=\"hidden\" name=\"_csrf\"/>")
        #expect(html(.input(.required(true), .checked(false), .autofocus(true))) == "<input required autofocus/>")
        #expect(html(.element(named: "option", nodes: [.value(""), .text("—")])) == "<option>—</option>")
        #expect(
            html(.textarea(.name("t"), .attribute(named: "required", value: "required"))) == "<textarea name=\"t\" required=\"required\"></textarea>")
    }

    @Test func attributesKeepTheirOrderAndALaterOneReplacesInPlace() {
        #expect(html(.div(.class("a"), .id("x"), .class("b"), .text("t"))) == "<div class=\"b\" id=\"x\">t</div>")
        #expect(html(.div(.class("a"), .group(.id("g"), .class("c")))) == "<div class=\"c\" id=\"g\"></div>")
        #expect(html(.tr(.class(""), .td())) == "<tr><td></td></tr>")
    }

    @Test func attributesInControlFlowApplyToTheEnclosingElement() {
        let node = Node.li(.if(true, .class("on")), .unwrap(Optional("7")) { .id($0) }, .forEach(["a", "b"]) { .span(.text($0)) })
        #expect(html(node) == "<li class=\"on\" id=\"7\"><span>a</span><span>b</span></li>")
        #expect(html(.if(false, .p(), else: .br())) == "<br/>")
    }

    @Test func voidElementsCloseThemselves() {
        #expect(
            html(.group(.br(), .img(.src("/a.png"), .alt("")), .meta(.charset(.utf8)), .link(.rel(.stylesheet), .href("/s.css"))))
                == "<br/><img src=\"/a.png\"/><meta charset=\"UTF-8\"/><link rel=\"stylesheet\" href=\"/s.css\"/>")
    }

    @Test func aDocumentHasItsDoctype() {
        let page = HTML(.attribute(named: "lang", value: "zh-CN"), .head(.element(named: "title", text: "T")), .body(.p(.text("x"))))
        #expect(page.render() == "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>T</title></head><body><p>x</p></body></html>")
    }

    @Test func renderedMarkupIsEmbeddedAsItIs() {
        let main = Node.group(.h1(.text("<T>")), .a(.href("/x?a=1&b=2"), .text("x"))).render()
        #expect(main.string == "<h1>&lt;T&gt;</h1><a href=\"/x?a=1&amp;b=2\">x</a>")
        #expect(html(.main(.id("main"), .embed(main))) == "<main id=\"main\">\(main)</main>")
    }

    @Test func literalsOnlyInStyleAndScript() {
        #expect(html(.element(named: "style", nodes: [.trusted("p { color: #000; } a > b {}")])) == "<style>p { color: #000; } a > b {}</style>")
        #expect(html(.script(.src("/static/app.js"))) == "<script src=\"/static/app.js\"></script>")
    }
}
