import AsyncKit
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// Opens SQLite connections to one file with the settings Minsheng relies on:
/// write-ahead logging, foreign keys, a busy timeout and normal synchronisation.
struct SQLiteFileSource: ConnectionPoolSource {
    let path: String
    /// The threads the connections' blocking calls run on.
    let threadPool: NIOThreadPool

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        SQLiteConnection.open(storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            .flatMap { connection in
                let pragmas = [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA foreign_keys = ON",
                    "PRAGMA busy_timeout = 10000",
                    "PRAGMA synchronous = NORMAL",
                ]
                return pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { future, pragma in
                    future.flatMap { connection.query(pragma).map { _ in } }
                }
                .flatMapError { error in connection.close().flatMapThrowing { throw error } }
                .map { connection }
            }
    }
}
