// swift-tools-version: 6.1
// Metro6: planning and checking a city's move from IPv4 to IPv6 broadband.
// Modules follow DESIGN.md; each is added when the work that fills it lands.
import PackageDescription

/// Settings shared by every target: Swift 6 language mode (strict concurrency).
let common: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    // METRO6_INTERNAL_CHECKS compiles the calendars' invariant checks; tests switch it on in debug.
    .define("METRO6_INTERNAL_CHECKS", .when(configuration: .debug)),
]

let package = Package(
    name: "Metro6",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "MetroModel", targets: ["MetroModel"]),
        .library(name: "ComputeModel", targets: ["ComputeModel"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "Packets", targets: ["Packets"]),
        .library(name: "Probe", targets: ["Probe"]),
        .library(name: "Report", targets: ["Report"]),
        .executable(name: "metro6", targets: ["metro6"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .target(
            name: "SimCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: common
        ),
        .target(
            name: "MetroModel",
            dependencies: ["SimCore", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: common
        ),
        .target(
            name: "ComputeModel",
            dependencies: ["SimCore", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: common
        ),
        .target(
            name: "Scenario", dependencies: ["MetroModel", "ComputeModel", "SimCore", "Yams"],
            resources: [.embedInCode("Resources/shenzhen-2011.yaml")], swiftSettings: common),
        .systemLibrary(
            name: "CPcap", path: "Sources/CPcap", pkgConfig: "libpcap", providers: [.apt(["libpcap-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "Packets", swiftSettings: common),
        // The probe's SIGBUS guard for capture files truncated while mapped (a signal handler, so C).
        .target(name: "CMappingGuard", path: "Sources/CMappingGuard"),
        .target(
            name: "Probe",
            dependencies: [
                "CPcap", "CMappingGuard", "Packets", "Report", "SimCore",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: common),
        // Renderings that know no model (JUnit XML for CI today; DESIGN.md's neutral documents later).
        .target(name: "Report", swiftSettings: common),
        .target(
            name: "Runner",
            dependencies: ["Scenario", "MetroModel", "ComputeModel", "SimCore", "Report", "CSQLite"],
            swiftSettings: common),
        .executableTarget(
            name: "metro6",
            dependencies: [
                "SimCore",
                "ComputeModel",
                "Scenario",
                "Runner",
                "MetroModel",
                "Packets",
                "Probe",
                "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: common
        ),
        // Helpers shared by test targets (closed forms, fixtures); not a product.
        .target(
            name: "TestSupport", dependencies: ["Packets"], path: "Tests/TestSupport", swiftSettings: common),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore", "TestSupport"], swiftSettings: common),
        .testTarget(
            name: "ComputeModelTests", dependencies: ["ComputeModel", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: common),
        .testTarget(
            name: "MetroModelTests", dependencies: ["MetroModel", "SimCore"], swiftSettings: common),
        .testTarget(
            name: "ScenarioTests", dependencies: ["Scenario", "MetroModel", "ComputeModel"],
            swiftSettings: common),
        .testTarget(
            name: "RunnerTests", dependencies: ["Runner", "Report", "Scenario", "MetroModel", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: common),
        .testTarget(name: "PacketsTests", dependencies: ["Packets", "TestSupport"], swiftSettings: common),
        .testTarget(
            name: "ProbeTests", dependencies: ["Probe", "Packets", "Report", "TestSupport"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")], swiftSettings: common
        ),
        .testTarget(
            name: "ReportTests", dependencies: ["Report", "TestSupport"], exclude: ["Golden"],
            swiftSettings: common),
        .testTarget(
            name: "metro6Tests", dependencies: ["metro6", "Scenario", "Runner", "TestSupport", "Yams"],
            swiftSettings: common
        ),
    ]
)

// Tools/fuzz/run.sh sets METRO6_FUZZ=1 to add the libFuzzer harnesses of the scenario loader,
// the SWF reader and the packet decoders; they build only with -sanitize=fuzzer, so ordinary
// builds leave them out.
if Context.environment["METRO6_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzSupport", path: "Tools/fuzz/Support", swiftSettings: common),
        .executableTarget(
            name: "FuzzScenario", dependencies: ["Scenario", "Runner", "Report", "FuzzSupport"],
            path: "Tools/fuzz/Scenario",
            swiftSettings: common),
        .executableTarget(
            name: "FuzzSWF", dependencies: ["ComputeModel", "FuzzSupport"], path: "Tools/fuzz/SWF",
            swiftSettings: common),
        .executableTarget(
            name: "FuzzPackets", dependencies: ["Packets", "FuzzSupport"], path: "Tools/fuzz/Packets",
            swiftSettings: common),
    ]
}
