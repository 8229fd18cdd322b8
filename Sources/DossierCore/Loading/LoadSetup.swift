import DossierFormats
import DossierIndex
import DossierLinking
import DossierResources
import DossierText

/// What every step of a load works from: the files found, their labels, the linker, and where and under
/// what fingerprint their saved index lies.
struct LoadSetup: Sendable {
    let paths: [String]
    let catalog: EntityCatalog
    let gazetteer: Gazetteer
    let cache: IndexCache?
    let fields: DatasetFields
    let found: FoundFiles
    /// What the reader lists each file as while it is read (`ArticleIDs.fileLabels`).
    let labels: [String]
    let linker: EntityLinker
    /// The paths the user named, whose failure to read is an error rather than a skip.
    let directlyNamed: Set<String>
    let roots: [String]
    let cachedPaths: CachedPaths
    let fingerprint: IndexCache.Fingerprint

    var files: [ArticleFile] { found.files }

    /// Finds the files under `paths` (the bundled articles when empty), warns of any passed over on
    /// the way, and shows them to `preview` before any is read.
    init(paths: [String], catalog: EntityCatalog?, gazetteer: Gazetteer?, cache: IndexCache?, fields: DatasetFields,
         preview: (@Sendable (LoadPreview) -> Void)?, warn: (String) -> Void) throws {
        self.paths = try paths.isEmpty ? [BundledResources.articlesURL().path] : paths
        self.catalog = try catalog ?? EntityCatalog.bundled()
        self.gazetteer = try gazetteer ?? Gazetteer.bundled()
        self.cache = cache
        self.fields = fields
        found = try ArticleFile.find(in: self.paths)
        for skip in found.skipped { warn("skipped \(skip.path): \(skip.reason)") }
        directlyNamed = Set(self.paths)
        labels = ArticleIDs.fileLabels(for: found.files)
        preview?(.found(Corpus.preview(of: found.files, ids: labels)))
        linker = EntityLinker(entities: self.catalog.entities, gazetteer: self.gazetteer)
        roots = IndexCache.roots(for: self.paths)
        cachedPaths = CachedPaths(typed: self.paths, real: roots)
        fingerprint = IndexFingerprint.of(catalog: self.catalog, gazetteer: self.gazetteer, fields: fields)
    }
}
