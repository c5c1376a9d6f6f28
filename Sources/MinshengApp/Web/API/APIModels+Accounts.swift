import MinshengCore

/// The bodies of the account operations, as the OpenAPI document describes them.
extension APIRequests {
    static let newUserSchema: APISchema = .object(
        [
            ("username", .string()), ("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)), ("password", .string()),
            ("jurisdictionId", .nullable(.integer)),
        ],
        required: ["username", "role", "password"]
    )

    static let userChangeSchema: APISchema = .object(
        [
            ("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)), ("disabled", .boolean), ("password", .string()),
            ("jurisdictionId", .nullable(.integer)),
        ],
        required: ["role", "disabled"]
    )
}
