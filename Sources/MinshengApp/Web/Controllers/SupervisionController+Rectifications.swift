import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The pages and forms of rectifications, and the supervision files.
extension SupervisionController {
    @Sendable func rectifications(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            let unit = SupervisionPolicy.listedUnit(for: user.principal(reach: context.reach))
            return RectificationsPage(
                directory: directory, rectifications: try await store.rectifications(planID: directory.plan.id, unitID: unit, on: db),
                page: page(context, .rectifications)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func rectification(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        return HTMLPage(html: try await rectificationPage(id: id, user: user, context: context, error: nil))
    }

    private func rectificationPage(id: Int64, user: User, context: AppRequestContext, error: String?) async throws -> String {
        try await database.read { db in
            let principal = user.principal(reach: context.reach)
            guard let rectification = try await store.rectification(id: id, on: db),
                SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal)
            else {
                throw AppError.notFound("No rectification has id \(id).")
            }
            let directory = try await directory(planID: rectification.planID, context: context, on: db)
            return RectificationPage(
                directory: directory, rectification: rectification, events: try await store.events(rectificationID: id, on: db),
                evidence: try await store.files(owner: .rectification, ownerIDs: [id], on: db),
                canReport: SupervisionPolicy.canReport(rectificationOf: rectification.unitID, by: principal),
                canReview: SupervisionPolicy.canReviewRectifications(principal), error: error, page: page(context, .rectification(.value(id)))
            ).render()
        }
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
                    throw AppError.invalidInput("Close or reopen.")
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
        let found = try await database.read { db -> SupervisionFile? in
            let principal = user.principal(reach: context.reach)
            guard let file = try await store.file(id: id, on: db) else { return nil }
            guard file.owner == .rectification else { return SupervisionPolicy.canSeeInspections(principal) ? file : nil }
            guard let rectification = try await store.rectification(id: file.ownerID, on: db) else { return nil }
            return SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal) ? file : nil
        }
        guard let file = found else { throw AppError.notFound("No such file.") }
        let data = try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: file.storageKey)
        return FileResponse.make(data, contentType: file.contentType, fileName: file.fileName)
    }
}
