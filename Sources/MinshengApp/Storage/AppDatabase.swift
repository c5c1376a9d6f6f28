import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

/// The database Minsheng runs on, with one way in for reads and one for writes.
///
/// Every write runs inside a transaction on a single connection, so a multi-row change is stored whole or not at
/// all. SQLite gets one writer connection (writes queue for it, as SQLite allows one writer at a time) and a pool of
/// readers that write-ahead logging lets run beside it. PostgreSQL uses one pool for both.
final class AppDatabase: Sendable {
    /// The engine behind the database.
    enum Engine: String, Sendable {
        case sqlite
        case postgres
    }

    let engine: Engine
    let configuration: DatabaseConfiguration
    /// Views computed from plans' data, keyed by each plan's revision.
    let computed = PlanRevisionCache()
    /// Rendered parts of pages and API bodies, keyed by each plan's revision (kept small: they are large).
    let rendered = PlanRevisionCache(limit: 200)
    /// Small per-plan summaries (rollup tallies), enough for a nation's plans at a few periods.
    let summaries = PlanRevisionCache(limit: 20_000)
    /// Expensive views computed once however many readers ask at the same moment.
    let flights = SingleFlight()
    private let readers: ConnectionLender
    private let writer: ConnectionLender
    private let replica: ConnectionLender?
    private let logger: Logger
    /// The threads SQLite's blocking calls run on, this database's own so that its queries never queue behind other
    /// blocking work of the process (nil on PostgreSQL, which does not block).
    private let sqliteThreads: NIOThreadPool?

    private init(
        engine: Engine, configuration: DatabaseConfiguration, readers: ConnectionLender, writer: ConnectionLender,
        replica: ConnectionLender? = nil, logger: Logger, sqliteThreads: NIOThreadPool? = nil
    ) {
        self.sqliteThreads = sqliteThreads
        self.engine = engine
        self.configuration = configuration
        self.readers = readers
        self.writer = writer
        self.replica = replica
        self.logger = logger
    }

    /// Opens the database (creating the SQLite file and its folder if needed) and checks that it answers.
    ///
    /// `replicaURL` names a PostgreSQL streaming replica of a PostgreSQL primary; ``readReplica(_:)`` sends its work
    /// there.
    static func open(_ configuration: DatabaseConfiguration, replicaURL: String? = nil, logger: Logger) async throws -> AppDatabase {
        let group = MultiThreadedEventLoopGroup.singleton
        let database: AppDatabase
        switch configuration {
        case .sqlite(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // One writer and two readers per event loop run at once; each needs a thread for its blocking calls.
            let threads = NIOThreadPool(numberOfThreads: 1 + 2 * System.coreCount)
            threads.start()
            let source = SQLiteFileSource(path: path, threadPool: threads)
            let writerPool = EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: 1, requestTimeout: .seconds(60), pruneInterval: nil,
                logger: logger, on: group.next()
            )
            let readerPool = EventLoopGroupConnectionPool(
                source: source, maxConnectionsPerEventLoop: 2, requestTimeout: .seconds(30), pruneInterval: nil,
                logger: logger, on: group
            )
            database = AppDatabase(
                engine: .sqlite, configuration: configuration,
                readers: ConnectionLender(pool: readerPool, logger: logger) { $0.sql() },
                writer: ConnectionLender(pool: writerPool, logger: logger) { $0.sql() },
                logger: logger, sqliteThreads: threads
            )
        case .postgres(let url, let searchPath):
            var sqlConfiguration = try SQLPostgresConfiguration(url: url)
            if let searchPath { sqlConfiguration.searchPath = [searchPath] }
            let lender = ConnectionLender(pool: postgresPool(sqlConfiguration, logger: logger), logger: logger) { $0.sql() }
            var replica: ConnectionLender?
            if let replicaURL {
                var replicaConfiguration = try SQLPostgresConfiguration(url: replicaURL)
                if let searchPath { replicaConfiguration.searchPath = [searchPath] }
                replica = ConnectionLender(pool: postgresPool(replicaConfiguration, logger: logger), logger: logger) { $0.sql() }
            }
            database = AppDatabase(engine: .postgres, configuration: configuration, readers: lender, writer: lender, replica: replica, logger: logger)
        }
        if replicaURL != nil, database.replica == nil {
            await database.shutdown()
            throw AppError.badConfiguration("DATABASE_READ_URL names a PostgreSQL replica; it needs DATABASE_URL to name the PostgreSQL primary.")
        }
        do {
            try await database.ping()
        } catch {
            await database.shutdown()
            throw AppError.databaseUnavailable("\(configuration.redacted): \(String(reflecting: error))")
        }
        return database
    }

    private static func postgresPool(_ configuration: SQLPostgresConfiguration, logger: Logger) -> EventLoopGroupConnectionPool<
        PostgresConnectionSource
    > {
        EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
            requestTimeout: .seconds(30), pruneInterval: .seconds(60), logger: logger, on: MultiThreadedEventLoopGroup.singleton
        )
    }

    /// Runs read-only work that may see the data a moment late (public pages, overviews, documents): on the replica
    /// when there is one, else like ``read(_:)``. When the replica gives no connection, the primary answers.
    func readReplica<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let replica else { return try await readers.withConnection(work) }
        let lent: (any SQLDatabase, @Sendable () -> Void)
        do {
            lent = try await replica.lend()
        } catch {
            logger.warning("The read replica gave no connection; reading from the primary: \(String(reflecting: error))")
            return try await readers.withConnection(work)
        }
        defer { lent.1() }
        return try await work(lent.0)
    }

    /// Runs read-only work on a pooled connection.
    func read<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers.withConnection(work)
    }

    /// Runs work in one transaction: committed if it returns, rolled back if it throws.
    ///
    /// The ending statement runs even when the calling task was cancelled (a client that went away), so a connection
    /// never goes back to the pool inside a transaction.
    func write<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let begin = engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await writer.withConnection { sql in
            try await sql.raw(SQLQueryString(begin)).run()
            do {
                let result = try await work(sql)
                try await Self.end("COMMIT", on: sql)
                return result
            } catch {
                do {
                    try await Self.end("ROLLBACK", on: sql)
                } catch let rollbackError {
                    self.logger.error("Rollback failed: \(String(reflecting: rollbackError))")
                }
                throw error
            }
        }
    }

    /// Runs COMMIT or ROLLBACK in a task of its own, which the caller's cancellation does not reach.
    private static func end(_ statement: String, on sql: any SQLDatabase) async throws {
        let connection = UncheckedDatabase(sql: sql)
        try await Task { try await connection.sql.raw(SQLQueryString(statement)).run() }.value
    }

    /// Checks that the database answers a trivial query.
    func ping() async throws {
        try await read { sql in try await sql.raw("SELECT 1 AS one").run() }
    }

    /// Closes every connection; later calls fail.
    func shutdown() async {
        await readers.shutdown()
        if writer !== readers { await writer.shutdown() }
        await replica?.shutdown()
        try? await sqliteThreads?.shutdownGracefully()
    }
}

/// Lends connections of a pool as `SQLDatabase`s and takes them back.
///
/// AsyncKit's pools guard their state with a lock or their event loop, so sharing one across tasks is safe.
final class ConnectionLender: @unchecked Sendable {
    private let request: @Sendable () async throws -> (any SQLDatabase, @Sendable () -> Void)
    private let close: @Sendable () async -> Void

    init<Source: ConnectionPoolSource>(
        pool: EventLoopGroupConnectionPool<Source>, logger: Logger,
        sql: @escaping @Sendable (Source.Connection) -> any SQLDatabase
    ) where Source: SendableMetatype, Source.Connection: Sendable {
        let unsafePool = UnsafePool(pool: pool)
        request = {
            let connection = try await unsafePool.pool.requestConnection(logger: logger).get()
            return (sql(connection), { unsafePool.pool.releaseConnection(connection, logger: logger) })
        }
        close = {
            do {
                try await unsafePool.pool.shutdownAsync()
            } catch {
                logger.debug("Pool shutdown: \(String(reflecting: error))")
            }
        }
    }

    /// A connection and the function that gives it back.
    func lend() async throws -> (any SQLDatabase, @Sendable () -> Void) {
        try await request()
    }

    func withConnection<T: Sendable>(_ work: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let (database, release) = try await request()
        defer { release() }
        return try await work(database)
    }

    func shutdown() async {
        await close()
    }
}

/// Carries a connection pool across concurrency domains; the pool synchronises itself.
private struct UnsafePool<Source: ConnectionPoolSource>: @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<Source>
}

/// Carries a lent connection into the task that ends its transaction; the connection is used by one task at a time.
private struct UncheckedDatabase: @unchecked Sendable {
    let sql: any SQLDatabase
}
