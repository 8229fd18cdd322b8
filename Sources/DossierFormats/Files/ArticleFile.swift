import DossierText
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
    package var currentStamp: FileStamp? { stamp ?? FileIdentity(path: path)?.stamp }


    /// Every article file under `paths`, in the order given and then by name, each file once, and
    /// the entries passed over on the way with the reason.
    ///
    /// Hidden files and folders are skipped, a symbolic link to a folder already walked is not
    /// walked again (so link loops end), and a file reached by several paths (a folder and a file
    /// inside it, two links to one file) is taken once, where it is first found: files are told
    /// apart by device and inode. Inside folders, an article-named entry that is not a regular
    /// file (a FIFO, a device, a socket, a dangling link or a link loop), a name that is not UTF-8
    /// and a folder that cannot be read are passed over. A path named directly that does not
    /// exist, cannot be read, or is neither a regular file nor a folder is an error.
    package static func find(in paths: [String]) throws -> FoundFiles {
        var found = FoundFiles()
        var visitedFolders = Set<FileIdentity>()
        var seenFiles = Set<FileIdentity>()
        for path in paths {
            guard let identity = FileIdentity(path: path) else {
                let failure = PathFailure(errno: errno, path: path)
                if failure == .missing { throw DossierError.pathNotFound(path) }
                throw DossierError.unreadable(path, reason: failure.reason)
            }
            if identity.kind == .directory {
                guard access(path, R_OK | X_OK) == 0 else { throw DossierError.unreadable(path, reason: "permission denied") }
                walk(path, relative: "", identity: identity, visitedFolders: &visitedFolders, seenFiles: &seenFiles, into: &found)
            } else if let refusal = identity.kind.refusal {
                throw DossierError.unreadable(path, reason: refusal)
            } else if seenFiles.insert(identity).inserted {
                found.files.append(ArticleFile(path: path, relativePath: String(PathName.lastComponent(of: path)), stamp: identity.stamp))
            }
        }
        return found
    }

    private static func walk(_ folder: String, relative: String, identity: FileIdentity, visitedFolders: inout Set<FileIdentity>,
                             seenFiles: inout Set<FileIdentity>, into found: inout FoundFiles) {
        guard visitedFolders.insert(identity).inserted else { return }
        if let stamp = identity.stamp { found.folders.append(ListedFolder(path: folder, stamp: stamp)) }
        // readdir and fstatat rather than FileManager and stat: a folder of 100,000 files is
        // listed in a fraction of the time, and the reader shows the list as soon as it is.
        guard let directory = opendir(folder) else {
            found.skipped.append(SkippedFile(path: folder, reason: "the folder cannot be read"))
            return
        }
        defer { closedir(directory) }
        let entries = sortedEntries(of: directory, folder: folder, into: &found)
        seenFiles.reserveCapacity(seenFiles.count + entries.count)
        found.files.reserveCapacity(found.files.count + entries.count)
        let descriptor = dirfd(directory)
        for entry in entries {
            let name = entry.name
            if entry.type == UInt8(DT_REG) && !isArticleName(name) { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if entry.type == UInt8(DT_REG) {
                // The listing's inode, on the folder's device: a second name for a file already found is not listed again.
                guard seenFiles.insert(FileIdentity(device: identity.device, inode: entry.inode)).inserted else { continue }
                found.files.append(ArticleFile(path: path, relativePath: relativePath, stamp: nil))
                continue
            }
            // Folders, links and entries of other types: examined, links followed, to see what they are.
            guard let target = FileIdentity(directory: descriptor, name: name) else {
                // An entry gone since the listing is no longer there to skip.
                let failure = PathFailure(errno: errno, path: path)
                if failure != .missing { found.skipped.append(SkippedFile(path: path, reason: failure.reason)) }
                continue
            }
            if target.kind == .directory {
                walk(path, relative: relativePath, identity: target, visitedFolders: &visitedFolders, seenFiles: &seenFiles, into: &found)
            } else if isArticleName(name) {
                if let refusal = target.kind.refusal {
                    found.skipped.append(SkippedFile(path: path, reason: refusal))
                } else if seenFiles.insert(target).inserted {
                    found.files.append(ArticleFile(path: path, relativePath: relativePath, stamp: target.stamp))
                }
            }
        }
    }

    /// The entries of an open folder, hidden ones left out, in byte order of their names (which is
    /// code point order, the same on every machine). The names are sorted as bytes in one buffer:
    /// sorting 100,000 Strings costs more than listing them. A name that is not UTF-8 cannot be
    /// shown or given back as a path, so its file is skipped with a warning.
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
    private static let inodeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_ino)!
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    private static func sortedEntries(of directory: OpaquePointer, folder: String,
                                      into found: inout FoundFiles) -> [(name: String, type: UInt8, inode: UInt64)] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, end: Int, type: UInt8, inode: UInt64)] = []
        while let entry = readdir(directory) {
            // Read through the pointer, field by field: a record is only as long as its name, so copying the
            // whole `dirent` (`entry.pointee`) reads past the last record of the system's buffer.
            let record = UnsafeRawPointer(entry)
            let type = record.load(fromByteOffset: Self.typeOffset, as: UInt8.self)
            let inode = UInt64(record.loadUnaligned(fromByteOffset: Self.inodeOffset, as: ino_t.self))
            let namePointer = (record + Self.nameOffset).assumingMemoryBound(to: CChar.self)
            let name = UnsafeRawBufferPointer(start: namePointer, count: strlen(namePointer))
            guard name.first != UInt8(ascii: ".") else { continue }
            let start = bytes.count
            bytes.append(contentsOf: name)
            spans.append((start, bytes.count, type, inode))
        }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            spans.sort { left, right in
                let (leftCount, rightCount) = (left.end - left.start, right.end - right.start)
                let order = memcmp(base + left.start, base + right.start, min(leftCount, rightCount))
                return order != 0 ? order < 0 : leftCount < rightCount
            }
        }
        return spans.compactMap { span -> (name: String, type: UInt8, inode: UInt64)? in
            let name = bytes[span.start..<span.end]
            guard let decoded = String(validating: name, as: UTF8.self) else {
                let shown = String(decoding: name, as: UTF8.self)
                if span.type != UInt8(DT_REG) || isArticleName(shown) {
                    found.skipped.append(SkippedFile(path: folder + "/" + shown, reason: "its name is not UTF-8"))
                }
                return nil
            }
            return (decoded, span.type, span.inode)
        }
    }

    private static func isArticleName(_ name: String) -> Bool {
        DocumentFormat.isWalked(name)
    }
}

/// Device and inode of a file, following links: what makes two paths the same file.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    let kind: FileKind
    /// Nil for an identity made from a folder's listing, which tells no more than the inode.
    let stamp: FileStamp?

    var isDirectory: Bool { kind == .directory }

    /// The file at `path`, links followed; nil with `errno` set when it cannot be examined.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file `name` in an open folder, links followed; nil with `errno` set when it cannot be examined.
    init?(directory: Int32, name: String) {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    /// A regular file known from its folder's listing alone.
    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
        kind = .regular
        stamp = nil
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        kind = FileKind(mode: info.st_mode)
        stamp = FileStamp(info)
    }

    static func == (left: FileIdentity, right: FileIdentity) -> Bool {
        left.device == right.device && left.inode == right.inode
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}

/// The files found under the paths a user gave, and what was passed over on the way.
package struct FoundFiles: Sendable {
    package var files: [ArticleFile] = []
    /// Entries that look like articles but cannot be read as files, and folders that cannot be listed.
    package var skipped: [SkippedFile] = []
    /// Every folder listed, with its stamp as it was listed: while none of their stamps moves, no
    /// entry was added, removed or renamed in any, and the same files would be found again.
    package var folders: [ListedFolder] = []
}

/// A folder as it was when its entries were listed.
package struct ListedFolder: Sendable, Equatable {
    /// The path as found (under a root as the user typed it), or as saved in an index (its real path).
    package let path: String
    package let stamp: FileStamp

    package init(path: String, stamp: FileStamp) {
        self.path = path
        self.stamp = stamp
    }
}

/// What the index cache compares to tell whether a file changed since it was indexed: its size,
/// its modification and change times to the nanosecond, and which file it is.
///
/// The change time (ctime) is there because anyone can set the modification time back (`touch -r`)
/// after editing a file in place, but no one can set the change time: every write, and every
/// change of owner or permissions, moves it to the present.
package struct FileStamp: Sendable, Equatable {
    package let size: UInt64
    package let modifiedSeconds: Int64
    package let modifiedNanoseconds: Int64
    package let changedSeconds: Int64
    package let changedNanoseconds: Int64
    package let inode: UInt64
    package let device: UInt64

    package init(size: UInt64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, changedSeconds: Int64,
                 changedNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
    }
}

extension FileStamp {
    /// The stamp of the file or folder at `path`, links followed; nil when it cannot be examined.
    package init?(ofFileAt path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    package init(_ info: stat) {
        self.init(size: UInt64(max(info.st_size, 0)),
                  modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                  changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }
}
