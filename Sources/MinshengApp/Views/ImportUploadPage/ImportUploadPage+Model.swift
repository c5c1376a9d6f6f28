/// The form that uploads a plan document for review.
struct ImportUploadPage {
    /// What the upload form shows besides its fields.
    struct Model {
        /// Why the last upload could not be read, if it could not.
        var error: String?
    }
}
