import Foundation

/// Why a path could not be examined or opened: a link loop and a link that points nowhere are
/// told apart from a path where nothing is.
enum PathFailure: Equatable {
    case missing, danglingLink, linkLoop, permissionDenied
    case other(Int32)

    /// From the `errno` a call on `path` left.
    init(errno code: Int32, path: String) {
        switch code {
        case ELOOP: self = .linkLoop
        case ENOENT:
            var info = stat()
            self = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK ? .danglingLink : .missing
        case EACCES: self = .permissionDenied
        default: self = .other(code)
        }
    }

    var reason: String {
        switch self {
        case .missing: "it does not exist"
        case .danglingLink: "the link points nowhere"
        case .linkLoop: "it is a link loop"
        case .permissionDenied: "permission denied"
        case .other(let code): String(cString: strerror(code)).lowercased()
        }
    }
}
