import MinshengCore

/// Personal API tokens: create one (shown once) and revoke.
struct TokensPage {
    /// What the tokens page shows.
    struct Model {
        var tokens: [PersonalToken]
        /// The secret of a token just created, shown this once.
        var newSecret: String?
    }
}

extension TokensPage.Model {
    /// Reads the tokens of `user`.
    static func load(services: Services, user: User, newSecret: String? = nil) async throws -> TokensPage.Model {
        let tokens = try await services.database.read { try await TokenStore().tokens(userID: user.id, on: $0) }
        return TokensPage.Model(tokens: tokens, newSecret: newSecret)
    }
}
