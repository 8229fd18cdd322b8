import CZlib
import DossierText
import Foundation

/// A file read a chunk at a time, unpacked as it is read when it is gzip: how datasets of
/// gigabytes are read without ever being held whole.
final class ByteStream {
    static let chunkBytes = 4 << 20
    private let descriptor: Int32
    private let path: String
    /// zlib's state, at an address of its own: zlib checks that its stream never moves.
    private var inflater: UnsafeMutablePointer<z_stream>?
    /// Compressed bytes waiting for zlib, in memory that stays put while zlib points into it.
    private let compressedStorage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ByteStream.chunkBytes)
    private var compressedEnd = false
    /// True from a gzip member's first byte to its trailer, which holds its length and checksum:
    /// a file that ends meanwhile was cut short, and what it gave is not the whole of it.
    private var memberOpen = false
    /// True once `next` found the file cut short inside a gzip member (and threw).
    private(set) var isCutShort = false
    /// Unpacked bytes given out so far, to refuse a small file that unpacks without end.
    private var produced = 0
    private let limit: Int

    /// Opens a regular file only, without blocking, as every file Dossier reads.
    init(path: String, limit: Int = DocumentFormat.largestUnpacked) throws {
        self.path = path
        self.limit = limit
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw DossierError.unreadable(path, reason: PathFailure(errno: errno, path: path).reason) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw DossierError.unreadable(path, reason: "it cannot be examined")
        }
        if let refusal = FileKind(mode: info.st_mode).refusal {
            close(descriptor)
            throw DossierError.unreadable(path, reason: refusal)
        }
        var magic = [UInt8](repeating: 0, count: 2)
        if pread(descriptor, &magic, 2, 0) == 2, Gzip.isCompressed(magic) {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                close(descriptor)
                throw Gzip.Failure.damaged.contentProblem
            }
            inflater = stream
        }
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
        compressedStorage.deallocate()
        close(descriptor)
    }

    /// The next bytes of the file, unpacked; empty at its end.
    func next() throws -> [UInt8] {
        guard let inflater else { return try readRaw(into: ByteStream.chunkBytes) }
        var output = [UInt8](repeating: 0, count: ByteStream.chunkBytes)
        var filled = 0
        while filled == 0 {
            if inflater.pointee.avail_in == 0 {
                if compressedEnd { return [] }
                let count = try readRaw(into: compressedStorage)
                if count == 0 {
                    compressedEnd = true
                    if memberOpen {
                        isCutShort = true
                        throw Gzip.Failure.cutShort.contentProblem
                    }
                    return []
                }
                memberOpen = true
                inflater.pointee.next_in = compressedStorage.baseAddress
                inflater.pointee.avail_in = UInt32(count)
            }
            let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
                inflater.pointee.next_out = out.baseAddress
                inflater.pointee.avail_out = UInt32(out.count)
                return inflate(inflater, Z_NO_FLUSH)
            }
            filled = output.count - Int(inflater.pointee.avail_out)
            if status == Z_STREAM_END {
                // zlib checked the member's trailer; another member may follow, as `gzip -d` reads concatenated files.
                memberOpen = inflater.pointee.avail_in > 0
                inflateReset(inflater)
            } else if status != Z_OK && status != Z_BUF_ERROR {
                throw Gzip.Failure.damaged.contentProblem
            }
        }
        produced += filled
        guard produced <= limit else { throw Gzip.Failure.tooLarge(limit: limit).contentProblem }
        output.removeLast(output.count - filled)
        return output
    }

    private func readRaw(into capacity: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let count = try buffer.withUnsafeMutableBufferPointer { try readRaw(into: $0) }
        buffer.removeLast(capacity - count)
        return buffer
    }

    private func readRaw(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw DossierError.unreadable(path, reason: String(cString: strerror(errno)).lowercased()) }
        }
    }

    /// The bytes `span` of a file's unpacked contents: read in place from a plain file, unpacked
    /// up to the span from a gzipped one.
    static func bytes(of path: String, in span: Range<Int>) throws -> [UInt8] {
        guard !span.isEmpty else { return [] }
        let stream = try ByteStream(path: path)
        if stream.inflater == nil {
            var buffer = [UInt8](repeating: 0, count: span.count)
            var filled = 0
            while filled < span.count {
                let count = buffer.withUnsafeMutableBytes { pread(stream.descriptor, $0.baseAddress! + filled, span.count - filled, off_t(span.lowerBound + filled)) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            buffer.removeLast(span.count - filled)
            return buffer
        }
        var result: [UInt8] = []
        var offset = 0
        while offset < span.upperBound {
            let chunk = try stream.next()
            if chunk.isEmpty { break }
            let chunkRange = offset..<(offset + chunk.count)
            let wanted = chunkRange.clamped(to: span)
            if !wanted.isEmpty { result += chunk[(wanted.lowerBound - offset)..<(wanted.upperBound - offset)] }
            offset += chunk.count
        }
        return result
    }
}
