/// The page a visitor sees after rating or writing.
enum PublicOutcomePage {
    /// What came of a visitor's submission on an item.
    struct Model {
        /// What happened, in the visitor's language.
        var message: String
        var isError: Bool
        /// The item's number, for the way back.
        var item: Int
    }
}
