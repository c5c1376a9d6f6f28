/// The sign-in form.
struct LoginPage {
    /// What the sign-in form carries.
    struct Model {
        /// The form token, also set as the form cookie.
        var csrf: String
        /// Where to go after signing in.
        var next: String?
        /// Why the last attempt failed, if it did.
        var error: String?
    }
}
