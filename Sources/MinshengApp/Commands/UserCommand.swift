import ArgumentParser
import Foundation
import MinshengCore
import SQLKit

/// `minsheng user …`: manage accounts from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage user accounts.", subcommands: [Add.self, List.self, Update.self, Password.self]
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

        @Option(
            help:
                """
                The jurisdiction an admin, leader or inspector serves, by id or exact name (default: the whole instance). They see its plans \
                and those below it.
                """
        )
        var jurisdiction: String?

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            let role = try UserCommand.role(role)
            if role == .reporter && jurisdiction != nil {
                throw ValidationError("A reporter belongs to its unit's jurisdiction: leave out --jurisdiction.")
            }
            if role.requiresUnit && unit == nil {
                throw ValidationError("A reporter belongs to a unit: give --unit with the unit's id or name.")
            }
            guard !username.trimmingCharacters(in: .whitespaces).isEmpty, username.count <= 64 else {
                throw ValidationError("--username must be 1 to 64 characters.")
            }
        }

        func run() async throws {
            let role = try UserCommand.role(role)
            let password = try passwordStdin ? UserCommand.readPassword() : Passwords.random()
            let logger = CommandLogging.logger()
            let user = try await data.withDatabase(logger: logger) { database in
                let (unitID, jurisdictionID) = try await database.read { db in
                    (
                        try await unit.asyncMap { try await UserCommand.findUnit($0, on: db) },
                        try await jurisdiction.asyncMap { try await UserCommand.findJurisdiction($0, on: db) }
                    )
                }
                let new = AccountService.NewUser(username: username, role: role, unitId: unitID, password: password, jurisdictionId: jurisdictionID)
                return try await AccountService(database: database, clock: Date.init).createUser(new, by: .console, actor: .console, language: .en)
            }
            Console.print("Created \(role.rawValue) \(user.username) (id \(user.id)).")
            if !passwordStdin { Console.print("  password: \(password)") }
        }
    }

    /// `minsheng user list`: every account.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every account with its role, unit and status.")

        @OptionGroup var data: DataOptions

        func run() async throws {
            let logger = CommandLogging.logger()
            let lines = try await data.withDatabase(logger: logger) { database in
                try await database.read { db -> [String] in
                    var lines: [String] = []
                    for user in try await UserStore().users(on: db) {
                        let unit = try await user.unitID.asyncMap { try await PlanStore().unit(id: $0, on: db)?.name ?? "#\($0)" }
                        lines.append("\(user.id)\t\(user.username)\t\(user.role.rawValue)\t\(unit ?? "-")\(user.disabled ? "\tdisabled" : "")")
                    }
                    return lines
                }
            }
            lines.forEach(Console.print)
        }
    }

    /// `minsheng user update`: change an account's role, unit, jurisdiction or status.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an account's role, unit or jurisdiction, or disable or enable it.")

        @OptionGroup var data: DataOptions

        @Option(help: "The account's login name.")
        var username: String

        @Option(help: "A new role.")
        var role: String?

        @Option(help: "A new unit (id or exact name).")
        var unit: String?

        @Option(help: "A new jurisdiction for an admin, leader or inspector (id or exact name).")
        var jurisdiction: String?

        @Flag(help: "Make an admin, leader or inspector serve the whole instance.")
        var wholeInstance = false

        @Flag(help: "Disable the account, end its sessions and revoke its tokens.")
        var disable = false

        @Flag(help: "Enable a disabled account.")
        var enable = false

        func validate() throws {
            if disable && enable { throw ValidationError("Give --disable or --enable, not both.") }
            if wholeInstance && jurisdiction != nil { throw ValidationError("Give --jurisdiction or --whole-instance, not both.") }
        }

        func run() async throws {
            let newRole = try role.map(UserCommand.role)
            let logger = CommandLogging.logger()
            let user = try await data.withDatabase(logger: logger) { database in
                let (before, unitID, jurisdictionID) = try await database.read { db in
                    guard let before = try await UserStore().user(username: username, on: db) else {
                        throw AppError.notFound("No user is named \(username).")
                    }
                    return (
                        before, try await unit.asyncMap { try await UserCommand.findUnit($0, on: db) },
                        try await jurisdiction.asyncMap { try await UserCommand.findJurisdiction($0, on: db) }
                    )
                }
                let role = newRole ?? before.role
                let request: AccountPolicy.JurisdictionRequest? = wholeInstance ? .set(nil) : jurisdictionID.map { .set($0) }
                let change = AccountService.UserChange(
                    role: role, unitId: role.requiresUnit ? (unitID ?? before.unitID) : unitID,
                    disabled: disable ? true : (enable ? false : before.disabled), password: nil, jurisdiction: request
                )
                return try await AccountService(database: database, clock: Date.init).updateUser(
                    before.id, change, by: .console, actor: .console, language: .en)
            }
            Console.print("Updated \(user.username): \(user.role.rawValue)\(user.disabled ? ", disabled" : "").")
        }
    }

    /// `minsheng user password`: set a new password, ending the account's sessions.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an account's password (read from standard input with --password-stdin, otherwise generated and printed once)."
        )

        @OptionGroup var data: DataOptions

        @Option(help: "The account's login name.")
        var username: String

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func run() async throws {
            let password = try passwordStdin ? UserCommand.readPassword() : Passwords.random()
            let logger = CommandLogging.logger()
            try await data.withDatabase(logger: logger) { database in
                try await AccountService(database: database, clock: Date.init).resetPassword(
                    username: username, password: password, actor: .console, language: .en
                )
            }
            Console.print("Set a new password for \(username); its sessions ended and its tokens were revoked.")
            if !passwordStdin { Console.print("  password: \(password)") }
        }
    }

    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")); got \(text).")
        }
        return role
    }

    static func readPassword() throws -> String {
        guard let line = readLine(), !line.isEmpty else {
            throw ValidationError("--password-stdin was given but standard input held no password.")
        }
        return line
    }

    /// A jurisdiction by id or exact name.
    static func findJurisdiction(_ reference: String, on db: any SQLDatabase) async throws -> Int64 {
        let rows = try await db.select().column("*").from("jurisdictions").all().map(PlanStore.jurisdiction)
        if let id = Int64(reference), let found = rows.first(where: { $0.id == id }) { return found.id }
        let named = rows.filter { $0.name == reference }
        guard named.count == 1 else {
            throw ValidationError(
                named.isEmpty ? "No jurisdiction is named \(reference)." : "Several jurisdictions are named \(reference); give its id.")
        }
        return named[0].id
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
