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
        // The model, as stages that depend only on the ones before them, so that the compiler holds
        // the data flow DESIGN.md draws: platform → text → formats → linking → index → core.
        // Small pieces every stage may use and that know nothing of news: folders, files, locks, checksums.
        .target(name: "DossierPlatform"),
        // Source text, tokens, name keys and the one sanitising path to the screen.
        .target(name: "DossierText", dependencies: ["DossierPlatform"]),
        // The bundled articles, catalog and word lists, in one bundle an installed binary carries beside it.
        .target(
            name: "DossierResources",
            dependencies: ["DossierText"],
            resources: [.copy("../../Resources/articles"), .copy("../../Resources/catalog.json"), .copy("../../Resources/gazetteer.json")]
        ),
        // Files found and read, and every input format parsed into articles: text, pages, feeds, datasets.
        .target(name: "DossierFormats", dependencies: ["DossierText", "DossierPlatform", "CLibXML2", "CZlib"]),
        // Names found in an article, linked to entities, and quotes given to their speakers.
        .target(name: "DossierLinking", dependencies: ["DossierFormats", "DossierResources"]),
        // The inverted index, search, and the saved index on disk.
        .target(name: "DossierIndex", dependencies: ["DossierLinking"]),
        // The feed list, the library and downloading feeds.
        .target(name: "DossierFetch", dependencies: ["DossierFormats", "CCurl"]),
        // The corpus that ties the stages together, and what the reader and commands ask of it.
        .target(name: "DossierCore", dependencies: ["DossierIndex", "DossierFetch", "DossierConfig"]),
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
        .testTarget(name: "EndToEndTests", dependencies: ["DossierCore", "dossier", "DossierTestSupport"], exclude: ["reader-tmux.sh", "hostile-tmux.sh", "tmux-helpers.sh", "feed-server.py", "bombs.sh"]),
    ]
)
