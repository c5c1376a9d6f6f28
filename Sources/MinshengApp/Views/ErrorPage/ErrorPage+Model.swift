/// The page shown for an error: its status and what went wrong, in the reader's language.
enum ErrorPage {
    /// What the error page says; the error middleware makes it from the error, with nothing to read.
    struct Model {
        var status: Int
        var message: String
    }
}
