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
        // The model: articles, catalog, linking, index, search. No terminal code.
        // Its path is the package root so that the top-level Resources/ folder
        // (the bundled articles and the entity catalog) can be its resources.
        .target(
            name: "DossierCore",
            path: ".",
            exclude: [
                "Sources/DossierUI", "Sources/DossierTerminal", "Sources/CNcursesw", "Sources/dossier",
                "Sources/DossierFuzzChecks", "Sources/dossier-fuzz", "Sources/CFuzzMain", "Sources/CMallocTuning", "Sources/DossierTestSupport", "Sources/dossier-test-corpus", "Tests", "Benchmarks", "scripts", "README.md",
            ],
            sources: ["Sources/DossierCore"],
            resources: [.copy("Resources/articles"), .copy("Resources/catalog.json"), .copy("Resources/gazetteer.json")]
        ),
        .target(name: "DossierUI", dependencies: ["DossierCore"]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "DossierTerminal", dependencies: ["DossierUI", "CNcursesw"]),
        // Its debug information in DWARF 4, as the Swift code's is: valgrind's massif and callgrind,
        // which the memory figures come from, cannot read the DWARF 5 that clang writes by default.
        .target(name: "CMallocTuning", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
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
        .testTarget(name: "DossierUITests", dependencies: ["DossierUI", "DossierCore", "DossierFuzzChecks", "DossierTestSupport"], exclude: ["Snapshots", "FuzzRegressions"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DossierCore", "dossier", "DossierTestSupport"], exclude: ["reader-tmux.sh", "hostile-tmux.sh", "tmux-helpers.sh"]),
    ]
)
