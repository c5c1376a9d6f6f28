// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "minsheng",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "minsheng", targets: ["minsheng"]),
        .library(name: "MinshengCore", targets: ["MinshengCore"]),
        .library(name: "MinshengHTML", targets: ["MinshengHTML"]),
        .library(name: "MinshengApp", targets: ["MinshengApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .target(
            name: "MinshengCore",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/luoyang-2019.txt")]
        ),
        .target(name: "MinshengHTML"),
        .target(
            name: "MinshengApp",
            dependencies: [
                "MinshengCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                "MinshengHTML",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "minsheng",
            dependencies: ["MinshengApp"]
        ),
        .executableTarget(
            name: "minsheng-bench",
            dependencies: ["MinshengCore"]
        ),
        .testTarget(
            name: "MinshengCoreTests",
            dependencies: ["MinshengCore"]
        ),
        .testTarget(
            name: "MinshengHTMLTests",
            dependencies: ["MinshengHTML"]
        ),
        .testTarget(
            name: "MinshengAppTests",
            dependencies: [
                "MinshengApp",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
