// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The model: files, articles, linking, search and the saved index; no terminal code. The bundled
        // articles, catalog and word lists live in the top-level Resources/ folder, reached from here.
        .target(
            name: "DossierCore",
            dependencies: ["CLibXML2", "CZlib", "CCurl"],
            resources: [.copy("../../Resources/articles"), .copy("../../Resources/catalog.json"), .copy("../../Resources/gazetteer.json")]
        ),
        // libxml2 parses web pages (its HTML parser) and feeds (its XML reader); zlib unpacks gzip.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl downloads feeds (`dossier fetch`).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-gnutls-dev"])]),
        // TOML 1.0 for the config file, every key and value with its line; the standard library alone.
        .target(name: "DossierConfig"),
        .target(name: "DossierUI", dependencies: ["DossierCore", "DossierConfig"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "DossierTerminal", dependencies: ["DossierUI", "CNcursesw"]),
        // A few lines of C the executable calls first (see malloc_tuning.c).
        .target(name: "CMallocTuning"),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore", "DossierUI", "DossierTerminal", "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Invariants for any input, shared by the fuzzer (scripts/fuzz.sh) and the regression tests.
        .target(name: "DossierFuzzChecks", dependencies: ["DossierCore", "DossierUI"]),
        .target(name: "CFuzzMain"),
        // Test helpers shared by test targets, as swift-argument-parser's ArgumentParserTestHelpers.
        .target(name: "DossierTestSupport"),
        .executableTarget(name: "dossier-test-corpus", dependencies: ["DossierTestSupport"]),
        .executableTarget(name: "dossier-fuzz", dependencies: ["DossierFuzzChecks", "CFuzzMain"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DossierConfigTests", dependencies: ["DossierConfig"]),
        .testTarget(name: "DossierUITests", dependencies: ["DossierUI", "DossierCore", "DossierFuzzChecks", "DossierTestSupport"], exclude: ["Snapshots", "FuzzRegressions"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DossierCore", "dossier", "DossierTestSupport"], exclude: ["reader-tmux.sh", "hostile-tmux.sh", "tmux-helpers.sh", "feed-server.py"]),
    ]
)
