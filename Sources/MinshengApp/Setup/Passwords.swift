import HummingbirdBcrypt

/// Password hashing and generation.
public enum Passwords {
    /// Bcrypt cost used for new hashes.
    static let cost: UInt8 = 12

    public static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A random password of letters and digits without look-alikes (0/O, 1/l/I).
    public static func random(length: Int = 16) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
