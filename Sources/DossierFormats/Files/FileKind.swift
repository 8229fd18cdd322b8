import Foundation

/// What kind of thing a path names, from its mode, and how Dossier says why it will not read one.
package enum FileKind: Equatable {
    case regular, directory, fifo, characterDevice, blockDevice, socket, other

    package init(mode: mode_t) {
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
    package var name: String {
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
}
