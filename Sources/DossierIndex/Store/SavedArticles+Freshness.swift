import DossierFormats
import DossierPlatform
import Foundation

extension SavedArticles {
    /// Whether every file the articles came from still has the stamp saved with them: a file's size,
    /// times and identity, as `fstatat` gives them, without making a path.
    ///
    /// Files are taken in the order of their paths, so that a folder's files come together: each folder is
    /// opened once and its files examined relative to it, on every core. This is the cost of a search of
    /// an unchanged corpus that grows with the corpus, so it is kept at what the system calls cost.
    package func filesAreUnchanged() -> Bool {
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / 4096))
        let verdicts = Locked(Array(repeating: false, count: threads))
        DispatchQueue.concurrentPerform(iterations: threads) { part in
            let ranks = (count * part / threads)..<(count * (part + 1) / threads)
            let verdict = filesAreUnchanged(inPathOrder: ranks)
            verdicts.withLock { $0[part] = verdict }
        }
        return verdicts.withLock { $0.allSatisfy { $0 } }
    }

    private func filesAreUnchanged(inPathOrder ranks: Range<Int>) -> Bool {
        var folder = FolderHandle()
        defer { folder.close() }
        var name: [CChar] = []
        var info = stat()
        var previousPath = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for rank in ranks {
            guard let article = article(inPathOrder: rank) else { return false }
            let path = savedPath(of: article)
            // A dataset's records share its file: examined once, each record's stamp compared.
            if rank == ranks.lowerBound || IndexBuffers.compare(path, previousPath) != 0 {
                let slash = path.lastIndex(of: UInt8(ascii: "/")) ?? -1
                guard folder.open(UnsafeBufferPointer(rebasing: path[..<max(slash, 0)]), isRoot: slash == 0) else { return false }
                name.removeAll(keepingCapacity: true)
                for byte in path[(slash + 1)...] { name.append(CChar(bitPattern: byte)) }
                name.append(0)
                guard fstatat(folder.descriptor, name, &info, 0) == 0 else { return false }
                previousPath = path
            }
            guard stamp(of: article) == FileStamp(info) else { return false }
        }
        return true
    }
}

/// The folder a run of files is examined in, kept open while the next file is in it too.
private struct FolderHandle {
    private(set) var descriptor: Int32 = -1
    private var path: [UInt8] = []

    /// Opens the folder at `folderPath` ("/" when `isRoot`, the working folder when empty) unless it is open already.
    mutating func open(_ folderPath: UnsafeBufferPointer<UInt8>, isRoot: Bool) -> Bool {
        if descriptor >= 0, isRoot ? path == [UInt8(ascii: "/")] : folderPath.elementsEqual(path) { return true }
        close()
        let wanted = isRoot ? [UInt8(ascii: "/")] : Array(folderPath)
        let spelt = wanted.isEmpty ? "." : String(decoding: wanted, as: UTF8.self)
        descriptor = Foundation.open(spelt, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        path = wanted
        return descriptor >= 0
    }

    mutating func close() {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        descriptor = -1
    }
}
