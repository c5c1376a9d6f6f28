import Foundation
import MinshengCore
import MinshengHTML

extension RectificationsPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let content: Node = .group(
                .h1(.text("\(words.rectifications)\(page.punctuation.colon)\(model.directory.plan.title)")),
                SupervisionTabs.node(.rectifications, page: page),
                RectificationTable.node(model.rectifications, directory: model.directory, words: words)
            )
            return Layout(title: words.rectifications, page: page, content: content).render()
        }
    }
}
