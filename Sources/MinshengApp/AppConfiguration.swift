import Foundation
import MinshengCore

/// What the server needs besides its database: where files live, the local time zone, the clock and the
/// optional outgoing webhook.
struct AppConfiguration: Sendable {
    /// The data folder; uploads are kept in its `uploads` folder, outside any web root.
    var dataDirectory: String
    /// The time zone in which due days fall (Asia/Shanghai unless `MINSHENG_TIME_ZONE` says otherwise).
    var timeZone: TimeZone
    /// Where reminders are also sent as JSON, when set (`MINSHENG_WEBHOOK_URL`).
    var webhookURL: URL?
    /// The current time; tests fix it.
    var clock: @Sendable () -> Date
    /// Addresses of load balancers whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
    /// (`MINSHENG_TRUSTED_PROXIES`, comma-separated). From anyone else those headers are ignored.
    var trustedProxies: Set<String> = []

    init(
        dataDirectory: String, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, webhookURL: URL? = nil,
        clock: @escaping @Sendable () -> Date
    ) {
        self.dataDirectory = dataDirectory
        self.timeZone = timeZone
        self.webhookURL = webhookURL
        self.clock = clock
    }

    /// The configuration from the environment, for `minsheng serve` and the commands, on the console's clock.
    static func fromEnvironment(dataDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfiguration
    {
        var configuration = AppConfiguration(dataDirectory: dataDirectory, clock: Console.clock)
        if let zone = environment["MINSHENG_TIME_ZONE"], !zone.isEmpty {
            guard let timeZone = TimeZone(identifier: zone) else { throw AppError.badConfiguration("MINSHENG_TIME_ZONE \(zone) is not a time zone") }
            configuration.timeZone = timeZone
        }
        if let webhook = environment["MINSHENG_WEBHOOK_URL"], !webhook.isEmpty {
            guard let url = URL(string: webhook), url.scheme == "http" || url.scheme == "https" else {
                throw AppError.badConfiguration("MINSHENG_WEBHOOK_URL must be an http(s) URL")
            }
            configuration.webhookURL = url
        }
        if let proxies = environment["MINSHENG_TRUSTED_PROXIES"] {
            configuration.trustedProxies = Set(proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return configuration
    }

    /// Today in the configured time zone.
    var today: CalendarDate {
        CalendarDate(clock(), in: timeZone)
    }

    /// The clock's time as stored (ISO 8601 in UTC).
    var timestamp: String {
        Timestamp.string(from: clock())
    }

    var uploadsDirectory: URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("uploads")
    }
}
