import DossierFormats
import DossierIndex
import DossierLinking
import DossierPlatform
import Foundation

/// What a saved index depends on besides the files it holds, as one number: a saved index made
/// under another fingerprint is not read.
enum IndexFingerprint {
    /// What a saved index depends on besides the files: its format, the catalog, the word lists, and this build.
    static func of(catalog: EntityCatalog, gazetteer: Gazetteer, fields: DatasetFields = DatasetFields()) -> UInt64 {
        var build = stat()
        let executable = stat("/proc/self/exe", &build) == 0 ? "\(build.st_size) \(build.st_mtim.tv_sec).\(build.st_mtim.tv_nsec)" : ""
        return Checksum.of("\(IndexCache.formatVersion)\n\(catalog.entities)\n\(gazetteer.fingerprint)\n\(executable)\n\(fields)")
    }
}
