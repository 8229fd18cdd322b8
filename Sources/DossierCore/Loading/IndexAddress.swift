import DossierFormats
import DossierIndex
import DossierLinking
import DossierResources

/// What a load knows before it lists any folder: the paths, what reads them, and where and under what
/// fingerprint their saved index lies. A search of an unchanged corpus needs no more than this.
struct IndexAddress: Sendable {
    let paths: [String]
    let catalog: EntityCatalog
    let gazetteer: Gazetteer
    let cache: IndexCache?
    let fields: DatasetFields
    let roots: [String]
    let cachedPaths: CachedPaths
    let fingerprint: IndexCache.Fingerprint

    /// `paths`, or the bundled articles when empty.
    init(paths: [String], catalog: EntityCatalog?, gazetteer: Gazetteer?, cache: IndexCache?, fields: DatasetFields) throws {
        self.paths = try paths.isEmpty ? [BundledResources.articlesURL().path] : paths
        self.catalog = try catalog ?? EntityCatalog.bundled()
        self.gazetteer = try gazetteer ?? Gazetteer.bundled()
        self.cache = cache
        self.fields = fields
        roots = IndexCache.roots(for: self.paths)
        cachedPaths = CachedPaths(typed: self.paths, real: roots)
        fingerprint = IndexFingerprint.of(catalog: self.catalog, gazetteer: self.gazetteer, fields: fields)
    }
}
