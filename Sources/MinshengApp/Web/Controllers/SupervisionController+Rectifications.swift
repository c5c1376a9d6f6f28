import Foundation
import Hummingbird
import MinshengCore

/// The pages and forms of rectifications, and the supervision files.
extension SupervisionController {
    @Sendable func rectifications(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let model = try await RectificationsPage.Model.load(
            services: services, principal: user.principal(reach: context.reach), planID: planQuery(request), language: context.language)
        return HTMLPage(html: RectificationsPage.View(model: model, page: page(context, .rectifications)).render())
    }

    @Sendable func rectification(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await rectificationPage(id: id, user: user, context: context, error: nil))
    }

    private func rectificationPage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        let model = try await RectificationPage.Model.load(
            services: services, principal: user.principal(reach: context.reach), rectificationID: id, language: context.language, error: error)
        return RectificationPage.View(model: model, page: page(context, .rectification(.value(id)))).render()
    }

    @Sendable func actOnRectification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let path = try context.parameters.require(SiteURL.Key.action)
        do {
            if path == "report" {
                let parts = try await Multipart.parts(of: request, context: context)
                try CSRF.check(parts.text(CSRF.fieldName), context: context)
                let evidence = try parts.file("file").flatMap {
                    $0.data.isEmpty ? nil : try AttachmentStorage.check(fileName: $0.name, data: $0.data)
                }
                _ = try await service.act(
                    rectificationID: id, action: .report, text: parts.text("text") ?? "", by: user, address: context.clientAddress)
                if let evidence { _ = try await service.attach(evidence, to: .rectification, id: id, by: context.auditActor) }
            } else {
                let form = try await form(request, context)
                guard let action = form.text("action").flatMap(RectificationState.Action.init(rawValue:)), action != .report else {
                    throw FormRefusals.closeOrReopen
                }
                _ = try await service.act(rectificationID: id, action: action, text: form["text"] ?? "", by: user, address: context.clientAddress)
            }
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) { try await rectificationPage(id: id, user: user, context: context, error: $0) }
        }
        return .redirect(to: SiteURL.rectification(.value(id)).path, type: .normal)
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        guard let file = try await service.file(id: id, for: user.principal(reach: context.reach)) else { throw FormRefusals.noFileHere }
        let data = try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: file.storageKey)
        return FileResponse.make(data, contentType: file.contentType, fileName: file.fileName)
    }
}
