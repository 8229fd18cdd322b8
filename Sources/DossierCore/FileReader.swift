import Foundation

/// Reads a whole file into one byte array, with errors that say what went wrong.
enum FileReader {
    /// Larger files are refused: offsets are kept in 32 bits.
    static let maximumBytes = 4_000_000_000

    /// Only a regular file is read. It is opened without blocking and examined through its
    /// descriptor, so that a FIFO (which blocks an ordinary open until a writer comes), a device
    /// such as /dev/zero (which never ends), or a file swapped for either after it was listed,
    /// is refused at once rather than hanging the load.
    static func bytes(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DossierError.unreadable(path, reason: FileKind.reason(forErrno: errno, path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw DossierError.unreadable(path, reason: "it cannot be examined") }
        if let refusal = FileKind(mode: info.st_mode).refusal { throw DossierError.unreadable(path, reason: refusal) }
        let size = Int(info.st_size)
        guard size <= maximumBytes else { throw DossierError.unreadable(path, reason: "it is larger than 4 GB") }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw DossierError.unreadable(path, reason: String(cString: strerror(errno)).lowercased())
            }
            if count == 0 { break }  // the file shrank while being read
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }
}

/// What kind of thing a path names, from its mode, and how Dossier says why it will not read one.
enum FileKind: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// What it is called in a message: "a FIFO".
    var name: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a folder"
        case .fifo: "a FIFO"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "of an unknown kind"
        }
    }

    /// Why a file of this kind is not read as an article; nil for a regular file.
    var refusal: String? {
        switch self {
        case .regular: nil
        case .directory: "it is a folder"
        default: "it is not a regular file (\(name))"
        }
    }

    /// Why `path` could not be examined or opened, from `errno`: a link loop and a link that
    /// points nowhere are told apart from a missing file.
    static func reason(forErrno code: Int32, path: String) -> String {
        switch code {
        case ELOOP: return "it is a link loop"
        case ENOENT:
            var info = stat()
            return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? "the link points nowhere" : "it does not exist"
        case EACCES: return "permission denied"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
