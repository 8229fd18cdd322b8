import DossierText
import Foundation

/// Reads a whole file into one byte array, with errors that say what went wrong.
package enum FileReader {
    /// Larger files are refused: offsets are kept in 32 bits.
    static let maximumBytes = 4_000_000_000

    /// Only a regular file is read. It is opened without blocking and examined through its
    /// descriptor, so that a FIFO (which blocks an ordinary open until a writer comes), a device
    /// such as /dev/zero (which never ends), or a file swapped for either after it was listed,
    /// is refused at once rather than hanging the load.
    package static func bytes(of path: String, limit: Int = maximumBytes) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DossierError.unreadable(path, reason: PathFailure(errno: errno, path: path).reason)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw DossierError.unreadable(path, reason: "it cannot be examined") }
        if let refusal = FileKind(mode: info.st_mode).refusal { throw DossierError.unreadable(path, reason: refusal) }
        let size = Int(info.st_size)
        guard size <= maximumBytes else { throw DossierError.unreadable(path, reason: "it is larger than 4 GB") }
        // Refused before it is read.
        guard size <= limit else {
            throw ContentProblem(reason: "it is too large: " + ContentProblem.overLimit(limit), isLimit: true)
        }
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
