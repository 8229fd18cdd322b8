import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import Foundation

/// What a saved index depends on besides the files it holds: a saved index made under another
/// fingerprint is not read.
enum IndexFingerprint {
    /// Its format, the catalog, the word lists, this build and the dataset fields; and the catalog
    /// alone, so that an index rebuilt because the user's people changed can say so.
    static func of(catalog: EntityCatalog, gazetteer: Gazetteer, fields: DatasetFields = DatasetFields()) -> IndexCache.Fingerprint {
        var build = stat()
        let executable = stat("/proc/self/exe", &build) == 0 ? "\(build.st_size) \(build.st_mtim.tv_sec).\(build.st_mtim.tv_nsec)" : ""
        let people = "\(catalog.entities)"
        return IndexCache.Fingerprint(
            whole: Checksum.of("\(IndexCache.formatVersion)\n\(people)\n\(gazetteer.fingerprint)\n\(executable)\n\(fields)"),
            people: Checksum.of(people))
    }
}
