import Foundation

/// A file found under the paths a user gave, before it is read.
public struct ArticleFile: Sendable, Equatable {
    /// The path as the user gave it, joined with the file's place below it.
    public let path: String
    /// The path below the folder the user gave, or the file name for a file given directly.
    public let relativePath: String
    /// Size, modification time and identity: what tells the index cache the file changed. Nil
    /// when the folder's listing said it is a plain file: then it is taken just before the file
    /// is read, on the loading threads, so that the files are listed without waiting on 100,000 stats.
    let stamp: FileStamp?

    /// The stamp from the listing, else taken now; nil when the file is gone.
    var currentStamp: FileStamp? { stamp ?? FileIdentity(path: path)?.stamp }

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
        // readdir and fstatat rather than FileManager and stat: a folder of 100,000 files is
        // listed in a fraction of the time, and the reader shows the list as soon as it is.
        guard let directory = opendir(folder) else {
            warn("skipped \(folder): the folder cannot be read")
            return
        }
        defer { closedir(directory) }
        let entries = sortedEntries(of: directory, folder: folder, warn: warn)
        let descriptor = dirfd(directory)
        for (name, type) in entries {
            if type == UInt8(DT_REG) && !isArticleName(name) { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if type == UInt8(DT_REG) {
                files.append(ArticleFile(path: path, relativePath: relativePath, stamp: nil))
                continue
            }
            // Folders, links and entries of unknown type: followed, to see what they are.
            guard let entry = FileIdentity(directory: descriptor, name: name) else {
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    warn("skipped \(path): the link points nowhere")
                }
                continue
            }
            if entry.isDirectory {
                walk(path, relative: relativePath, identity: entry, visited: &visited, into: &files, warn: warn)
            } else if entry.isRegularFile, isArticleName(name) {
                files.append(ArticleFile(path: path, relativePath: relativePath, stamp: entry.stamp))
            }
        }
    }

    /// The entries of an open folder, hidden ones left out, in byte order of their names (which is
    /// code point order, the same on every machine). The names are sorted as bytes in one buffer:
    /// sorting 100,000 Strings costs more than listing them. A name that is not UTF-8 cannot be
    /// shown or given back as a path, so its file is skipped with a warning.
    private static func sortedEntries(of directory: OpaquePointer, folder: String,
                                      warn: (String) -> Void) -> [(name: String, type: UInt8)] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, end: Int, type: UInt8)] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.prefix { $0 != 0 }
                guard name.first != UInt8(ascii: ".") else { return }
                let start = bytes.count
                bytes.append(contentsOf: name)
                spans.append((start, bytes.count, type))
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            spans.sort { left, right in
                let (leftCount, rightCount) = (left.end - left.start, right.end - right.start)
                let order = memcmp(base + left.start, base + right.start, min(leftCount, rightCount))
                return order != 0 ? order < 0 : leftCount < rightCount
            }
        }
        return spans.compactMap { span in
            let name = bytes[span.start..<span.end]
            guard let decoded = String(validating: name, as: UTF8.self) else {
                let shown = String(decoding: name, as: UTF8.self)
                if span.type != UInt8(DT_REG) || isArticleName(shown) {
                    warn("skipped \(folder)/\(shown): its name is not UTF-8")
                }
                return nil
            }
            return (decoded, span.type)
        }
    }

    private static func isArticleName(_ name: String) -> Bool {
        articleExtensions.contains(PathName.pathExtension(of: name).lowercased())
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
        self.init(info)
    }

    /// The file `name` in an open folder, links followed.
    init?(directory: Int32, name: String) {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
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
