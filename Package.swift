// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Cakupan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cakupan", targets: ["CakupanCLI"]),
        .library(name: "Cakupan", targets: ["Cakupan"]),
        .executable(name: "cakupan-fuzz", targets: ["CakupanFuzz"]),
        .executable(name: "cakupan-mclp-bench", targets: ["CakupanMCLPBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries from Debian's packages (libgeos-dev, libproj-dev, libgdal-dev), found by pkg-config.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        // COIN-OR CBC's C interface (coinor-libcbc-dev), the exact solver behind post recommendations.
        .systemLibrary(name: "CCBC", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),

        // Plain-Swift geometry values shared by every module; no C here.
        .target(name: "CakupanGeometry"),

        // One small wrapper per C library: the only code that touches a C pointer.
        .target(name: "CakupanGEOS", dependencies: ["CGEOS", "CakupanGeometry"]),
        .target(name: "CakupanPROJ", dependencies: ["CPROJ", "CakupanGeometry"]),
        .target(name: "CakupanGDAL", dependencies: ["CGDAL", "CakupanGeometry"]),
        .target(name: "CakupanCBC", dependencies: ["CCBC"]),

        // Where to place posts: maximal covering and set covering over sparse cover sets, solved by CBC.
        .target(name: "CakupanRecommend", dependencies: ["CakupanCBC"]),

        // The result schema shared by the writer and the briefing: file names, SHA-256 (plain Swift).
        .target(name: "CakupanSchema"),

        // Time-based coverage from GPS fixes (metric coordinates in): the track cleaning, the visit
        // engine and the track-line drawer (which simplifies its lines with GEOS).
        .target(name: "CakupanTemporal", dependencies: ["CakupanGEOS", "CakupanGeometry"]),

        // The analysis library: roles, CRS choice, coverage, hotspots, output.
        .target(
            name: "Cakupan",
            dependencies: [
                "CakupanGeometry", "CakupanGEOS", "CakupanPROJ", "CakupanGDAL", "CakupanTemporal",
                "CakupanSchema", "CakupanBriefing", "CakupanRecommend",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // Briefing material (self-contained HTML + SVG) drawn from a result folder.
        .target(name: "CakupanBriefing", dependencies: ["CakupanSchema"]),

        // The thin command-line front end.
        .executableTarget(
            name: "CakupanCLI",
            dependencies: [
                "Cakupan", "CakupanBriefing", "CakupanSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // libFuzzer harness over the readers (fuzz/run.sh); built normally it replays inputs.
        .executableTarget(name: "CakupanFuzz", dependencies: ["Cakupan"]),

        // Generates a seeded MCLP instance, solves it and prints timings as JSON (docs/benchmarks.md).
        .executableTarget(name: "CakupanMCLPBench", dependencies: ["CakupanRecommend"]),

        .testTarget(name: "CakupanGEOSTests", dependencies: ["CakupanGEOS"]),
        .testTarget(name: "CakupanPROJTests", dependencies: ["CakupanPROJ"]),
        .testTarget(name: "CakupanGDALTests", dependencies: ["CakupanGDAL"]),
        .testTarget(name: "CakupanCBCTests", dependencies: ["CakupanCBC"]),
        .testTarget(name: "CakupanRecommendTests", dependencies: ["CakupanRecommend", "CakupanCBC", "CakupanTestSupport"]),
        .testTarget(name: "CakupanTemporalTests", dependencies: ["CakupanTemporal", "CakupanTestSupport"]),
        // What several test targets share (a seeded generator), instead of a copy in each.
        .target(name: "CakupanTestSupport", path: "Tests/CakupanTestSupport"),

        .testTarget(name: "CakupanSchemaTests", dependencies: ["CakupanSchema"]),
        .testTarget(name: "CakupanBriefingTests", dependencies: ["CakupanBriefing", "CakupanSchema", "CakupanTestSupport"]),
        .testTarget(
            name: "CakupanTests",
            dependencies: ["Cakupan", "CakupanBriefing", "CakupanGeometry", "CakupanPROJ", "CakupanGDAL", "CakupanGEOS", "CakupanSchema"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
