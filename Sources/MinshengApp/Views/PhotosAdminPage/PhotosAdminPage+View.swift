import Foundation
import MinshengCore
import MinshengHTML

extension PhotosAdminPage {
    /// Renders the photos with their approval forms.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.publicWords
            let content: Node = .group(
                .h1(.text("\(words.photoApproval)\(page.punctuation.colon)\(model.plan.title)")),
                .p(.a(.href(SiteURL.adminPublications.path + "?plan=\(model.plan.id)"), .text("← \(words.disclosure)"))),
                .p(.class("hint"), .text(words.publishHint)),
                model.candidates.isEmpty
                    ? .p(.class("hint"), .text(words.noPhotos))
                    : .div(
                        .class("photos"),
                        .forEach(model.candidates) { candidate in
                            PublicParts.figure(
                                src: SiteURL.attachment(.value(candidate.attachment.id)).path, alt: candidate.attachment.fileName,
                                caption: caption(candidate))
                        })
            )
            return Layout(title: words.photoApproval, page: page, content: content).render()
        }

        private func caption(_ candidate: PhotoCandidate) -> Node {
            let words = page.language.publicWords
            let state = candidate.isPublic ? words.approved : words.notApproved
            return .group(
                .text("\(model.titles[candidate.itemID] ?? "") · \(model.units[candidate.unitID] ?? "") · \(candidate.period) · \(state)"),
                .form(
                    .method(.post), .action(SiteURL.adminPhoto(.value(candidate.attachment.id)).path),
                    page.csrfField,
                    .input(.type(.hidden), .name("public"), .value(candidate.isPublic ? "false" : "true")),
                    .button(.type(.submit), .text(candidate.isPublic ? words.withdraw : words.approve))
                )
            )
        }
    }
}
