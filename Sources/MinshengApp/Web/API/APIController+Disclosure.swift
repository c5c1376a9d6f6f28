import Foundation
import Hummingbird
import MinshengCore

/// A publication in the API: its place in the chain and where to download it.
struct APIPublication: Encodable {
    var sequence: Int
    var period: Period
    var publishedOn: CalendarDate
    @NullCoded var objectionsUntil: CalendarDate?
    var hash: String
    var previousHash: String
    var json: String
    var csv: String

    init(_ publication: Publication) {
        sequence = publication.sequence
        period = publication.snapshot.period
        publishedOn = publication.snapshot.publishedOn
        objectionsUntil = publication.snapshot.objectionsUntil
        hash = publication.hash
        previousHash = publication.snapshot.previousHash
        json = SiteURL.publicPublicationFile(plan: .value(publication.planID), file: .value("\(publication.sequence).json")).path
        csv = SiteURL.publicPublicationFile(plan: .value(publication.planID), file: .value("\(publication.sequence).csv")).path
    }

    static let schema: APISchema = .record([
        ("sequence", .integer), ("period", .string()), ("publishedOn", .string(format: "date")),
        ("objectionsUntil", .nullable(.string(format: "date"))),
        ("hash", .string()), ("previousHash", .string()), ("json", .string()), ("csv", .string()),
    ])
}

/// A public message for the office, with the phone number the public never sees.
struct APIPublicMessage: Encodable {
    var id: Int64
    var kind: PublicMessage.Kind
    var publicationSequence: Int
    var itemNumber: Int
    var text: String
    @NullCoded var phone: String?
    var state: PublicMessage.State
    @NullCoded var reply: String?
    var createdAt: String
    @NullCoded var repliedAt: String?

    init(_ message: PublicMessage, sequence: Int) {
        id = message.id
        kind = message.kind
        publicationSequence = sequence
        itemNumber = message.itemNumber
        text = message.text
        phone = message.phone
        state = message.state
        reply = message.reply
        createdAt = message.createdAt
        repliedAt = message.repliedAt
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("kind", .enumeration(PublicMessage.Kind.allCases.map(\.rawValue))), ("publicationSequence", .integer),
        ("itemNumber", .integer),
        ("text", .string()), ("phone", .nullable(.string())), ("state", .enumeration(PublicMessage.State.allCases.map(\.rawValue))),
        ("reply", .nullable(.string())), ("createdAt", .string(format: "date-time")), ("repliedAt", .nullable(.string(format: "date-time"))),
    ])
}

extension APIRequests {
    struct Publish: Decodable {
        var period: String
        var objectionDays: Int?

        static let schema: APISchema = .object([("period", .string()), ("objectionDays", .integer)], required: ["period"])
    }

    struct Settle: Decodable {
        var answer: String?

        static let schema: APISchema = .object([("answer", .nullable(.string()))], required: [])
    }

    struct PhotoApproval: Decodable {
        var isPublic: Bool

        enum CodingKeys: String, CodingKey { case isPublic = "public" }

        static let schema: APISchema = .record([("public", .boolean)])
    }
}

extension APIController {
    var publicService: PublicService { services.disclosure }

    var disclosureEndpoints: [APIEndpoint] {
        [
            APIEndpoint(
                method: .get, url: .api(.publications(.key)), operationID: "listPublications",
                summary: "A plan's publications (公示), oldest first, with their hashes",
                response: .array(.ref("Publication")), errors: [400, 404], isPublic: true, handler: listPublications),
            APIEndpoint(
                method: .post, url: .api(.publications(.key)), operationID: "publish",
                summary: "Publish the plan's progress at a period, optionally with a 公示期 of objectionDays (admin)",
                body: APIRequests.Publish.schema, response: .ref("Publication"), success: 201, errors: [400, 403, 404], handler: publish),
            APIEndpoint(
                method: .get, url: .api(.publicMessages(.key)), operationID: "listPublicMessages",
                summary: "The public's objections, suggestions and questions, with phone numbers (admin)",
                query: [("state", .enumeration(PublicMessage.State.allCases.map(\.rawValue)), false)], response: .array(.ref("PublicMessage")),
                errors: [400, 403, 404], handler: listPublicMessages),
            APIEndpoint(
                method: .post, url: .api(.publicMessage(.key)), operationID: "settlePublicMessage",
                summary: "Answer a pending message (published with its answer) or, without an answer, reject it (admin)",
                body: APIRequests.Settle.schema, response: .ref("PublicMessage"), errors: [400, 403, 404, 409], handler: settlePublicMessage),
            APIEndpoint(
                method: .put, url: .api(.photo(.key)), operationID: "approvePhoto",
                summary: "Approve a report's photo for publication, or withdraw it (admin)",
                body: APIRequests.PhotoApproval.schema, response: .ref("Empty"), errors: [400, 403, 404], handler: approvePhoto),
        ]
    }

    @Sendable func listPublications(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let publications = try await publicService.publications(planID: planID)
        return JSONBody(publications.map(APIPublication.init)).response()
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Publish.self, context: context)
        guard let period = Period(body.period) else {
            throw APIRefusals.anyPeriod(body.period)
        }
        let publication = try await publicService.publish(planID: planID, period: period, objectionDays: body.objectionDays, by: context.auditActor)
        return JSONBody(APIPublication(publication), status: .created).response()
    }

    @Sendable func listPublicMessages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        var states: [PublicMessage.State]?
        if let text = request.uri.queryParameters.get("state").map({ String($0) }) {
            guard let state = PublicMessage.State(rawValue: text) else {
                throw APIRefusals.oneOf("state", ["pending", "answered", "rejected"], got: String(text))
            }
            states = [state]
        }
        let answer = try await publicService.messages(planID: planID, states: states).map {
            APIPublicMessage($0.message, sequence: $0.sequence)
        }
        return JSONBody(answer).response()
    }

    @Sendable func settlePublicMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Settle.self, context: context)
        let settled = try await publicService.settle(messageID: id, answer: body.answer, by: context.auditActor)
        let answer = APIPublicMessage(settled.message, sequence: settled.sequence)
        return JSONBody(answer).response()
    }

    @Sendable func approvePhoto(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.PhotoApproval.self, context: context)
        try await publicService.setPhotoPublic(body.isPublic, attachmentID: id, by: context.auditActor)
        return JSONBody([String: String]()).response()
    }
}
