import ArgumentParser
import Foundation
import MinshengCore
import SQLKit

/// `minsheng user …`: manage accounts from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.", subcommands: [Add.self]
    )

    /// `minsheng user add`: create an account and print its password once.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account. The password is read from standard input with --password-stdin, otherwise generated and printed once."
        )

        @OptionGroup var data: DataOptions

        @Option(help: "Login name.")
        var username: String

        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "The unit a reporter belongs to: its id or its exact name.")
        var unit: String?

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")); got \(role).")
            }
            if role.requiresUnit && unit == nil {
                throw ValidationError("A reporter belongs to a unit: give --unit with the unit's id or name.")
            }
            guard !username.trimmingCharacters(in: .whitespaces).isEmpty, username.count <= 64 else {
                throw ValidationError("--username must be 1 to 64 characters.")
            }
        }

        func run() async throws {
            let role = Role(rawValue: role)!
            let password: String
            if passwordStdin {
                guard let line = readLine(), !line.isEmpty else {
                    throw ValidationError("--password-stdin was given but standard input held no password.")
                }
                password = line
            } else {
                password = Passwords.random()
            }
            let hash = Passwords.hash(password)
            let logger = CommandLogging.logger()
            let user = try await data.withDatabase(logger: logger) { database in
                try await Migrator(database: database, logger: logger).migrate()
                return try await database.write { db in
                    var unitID: Int64?
                    if let unit { unitID = try await Self.findUnit(unit, on: db) }
                    let user = try await UserStore().insert(username: username, passwordHash: hash, role: role, unitID: unitID, on: db)
                    try await AuditLog().record("user.create", entity: "user", id: user.id, after: UserSnapshot(user), by: .console, on: db)
                    return user
                }
            }
            Console.print("Created \(role.rawValue) \(user.username) (id \(user.id)).")
            if !passwordStdin { Console.print("  password: \(password)") }
        }

        static func findUnit(_ reference: String, on db: any SQLDatabase) async throws -> Int64 {
            if let id = Int64(reference), try await PlanStore().unit(id: id, on: db) != nil { return id }
            let rows = try await db.select().column("id").from("units").where("name", .equal, reference).all()
            guard let row = rows.first else { throw AppError.notFound("No unit is named or numbered \(reference).") }
            guard rows.count == 1 else {
                throw AppError.invalidInput("Several units are named \(reference); give the unit's id instead.")
            }
            return try row.int64("id")
        }
    }
}
