import Foundation

/// A file found under the paths a user gave, before it is read.
public struct ArticleFile: Sendable, Equatable {
    /// The path as the user gave it, joined with the file's place below it.
    public let path: String
    /// The path below the folder the user gave, or the file name for a file given directly.
    public let relativePath: String
    /// Size, modification time and identity when found: what tells the index cache the file changed.
    let stamp: FileStamp

    /// Extensions walked in folders; a file named directly is read whatever its extension.
    static let articleExtensions: Set<String> = ["txt", "md"]

    /// Every article file under `paths`, in the order given and then by name.
    ///
    /// Hidden files and folders are skipped, a symbolic link to a folder already
    /// walked is not walked again (so link loops end), and a folder that cannot be
    /// read is reported through `warn` and skipped. A path that does not exist is an error.
    static func find(in paths: [String], warn: (String) -> Void) throws -> [ArticleFile] {
        var files: [ArticleFile] = []
        var visited = Set<FileIdentity>()
        for path in paths {
            guard let identity = FileIdentity(path: path) else {
                if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    throw DossierError.unreadable(path, reason: "it cannot be opened")
                }
                throw DossierError.pathNotFound(path)
            }
            if identity.isDirectory {
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw DossierError.unreadable(path, reason: "permission denied")
                }
                walk(path, relative: "", identity: identity, visited: &visited, into: &files, warn: warn)
            } else {
                files.append(ArticleFile(path: path, relativePath: String(PathName.lastComponent(of: path)), stamp: identity.stamp))
            }
        }
        return files
    }

    private static func walk(_ folder: String, relative: String, identity: FileIdentity,
                             visited: inout Set<FileIdentity>, into files: inout [ArticleFile], warn: (String) -> Void) {
        guard visited.insert(identity).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            warn("skipped \(folder): the folder cannot be read")
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            guard let entry = FileIdentity(path: path) else {
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    warn("skipped \(path): the link points nowhere")
                }
                continue
            }
            if entry.isDirectory {
                walk(path, relative: relativePath, identity: entry, visited: &visited, into: &files, warn: warn)
            } else if entry.isRegularFile, articleExtensions.contains(PathName.pathExtension(of: name).lowercased()) {
                files.append(ArticleFile(path: path, relativePath: relativePath, stamp: entry.stamp))
            }
        }
    }
}

/// Device and inode of a file, following links: what makes two paths the same file.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    let isDirectory: Bool
    let isRegularFile: Bool
    let stamp: FileStamp

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
        stamp = FileStamp(size: UInt64(max(info.st_size, 0)), modifiedSeconds: Int64(info.st_mtim.tv_sec),
                          modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), inode: inode, device: device)
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool {
        left.device == right.device && left.inode == right.inode
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}

/// What the index cache compares to tell whether a file changed since it was indexed:
/// its size, its modification time to the nanosecond, and which file it is.
struct FileStamp: Sendable, Equatable {
    let size: UInt64
    let modifiedSeconds: Int64
    let modifiedNanoseconds: Int64
    let inode: UInt64
    let device: UInt64
}
