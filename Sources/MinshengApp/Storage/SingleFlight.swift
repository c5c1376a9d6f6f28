/// Runs one computation per key at a time: callers that ask for a key while it is being computed wait for that
/// result instead of computing it again (a crowd opening a cold rollup computes it once).
actor SingleFlight {
    private var running: [String: Task<any Sendable, any Error>] = [:]

    init() {}

    func run<T: Sendable>(_ key: String, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        if let task = running[key] {
            return try await task.value as! T
        }
        let task = Task<any Sendable, any Error> { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value as! T
    }
}
