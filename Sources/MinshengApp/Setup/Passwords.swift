import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Password hashing and generation.
enum Passwords {
    /// Bcrypt cost used for new hashes.
    static let cost: UInt8 = 12

    static func hash(_ password: String) -> String {
        hash(password, cost: cost)
    }

    /// A hash at another cost (the tests' fixture accounts use the lowest).
    static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Threads that only hash passwords. Bcrypt is slow by design; run on the shared thread pool it would queue the
    /// database's blocking calls (SQLite runs there) behind every sign-in, so that an office signing in together
    /// would time out waiting for connections.
    static let hashingThreads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
        pool.start()
        return pool
    }()

    /// Hashes a new password off the event loops and off the database's threads.
    static func hashAside(_ password: String) async throws -> String {
        try await hashingThreads.runIfActive { hash(password) }
    }

    /// Checks a password off the event loops and off the database's threads.
    static func verifyAside(_ password: String, hash: String) async throws -> Bool {
        try await hashingThreads.runIfActive { verify(password, hash: hash) }
    }

    /// A random password of letters and digits without look-alikes (0/O, 1/l/I).
    static func random(length: Int = 16) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
