import CZlib

/// Gzip, as pages, datasets and fetched feeds come: decompressed with zlib, never past a limit,
/// so that a small file that unpacks to gigabytes (a "zip bomb") is refused, not obeyed.
package enum Gzip {
    /// The two bytes every gzip stream starts with.
    package static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x1F && bytes[bytes.index(after: bytes.startIndex)] == 0x8B
    }

    package enum Failure: Error, Equatable {
        case damaged
        /// The data stops inside a member: the file was cut short (a download or a copy that stopped).
        case cutShort
        case tooLarge(limit: Int)

        package var reason: String {
            switch self {
            case .damaged: "its gzip data is damaged"
            case .cutShort: "its gzip data stops before its end (the file is cut short)"
            case .tooLarge(let limit): "it is too large: it unpacks to more than \(limit / 1_000_000) MB, the most Dossier reads of one"
            }
        }

        /// The failure as a file's verdict: too large is a limit of the run (`ContentProblem.isLimit`), the rest is the file's.
        package var contentProblem: ContentProblem {
            if case .tooLarge = self { return ContentProblem(reason: reason, isLimit: true) }
            return ContentProblem(reason: reason)
        }
    }

    /// Decompresses every gzip member of `bytes` (concatenated members are one stream, as `gzip -d` reads them).
    package static func decompress(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var consumed = 0
        while consumed < bytes.count {
            let before = consumed
            try decompressMember(bytes, from: &consumed, into: &output, limit: limit)
            // Trailing zeros after the last member, as some tools pad, end the stream.
            if consumed == before || bytes[consumed...].allSatisfy({ $0 == 0 }) { break }
        }
        return output
    }

    private static func decompressMember(_ bytes: [UInt8], from consumed: inout Int, into output: inout [UInt8], limit: Int) throws(Failure) {
        // At an address of its own: zlib checks that its stream never moves.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // 15 window bits, +16: a gzip header and trailer, not zlib's.
        guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
        defer { inflateEnd(stream) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let start = consumed
        var status: Int32 = Z_OK
        var failure: Failure?
        bytes.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
            stream.pointee.avail_in = UInt32(min(input.count - start, Int(UInt32.max)))
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(out.count)
                    status = inflate(stream, Z_NO_FLUSH)
                    return out.count - Int(stream.pointee.avail_out)
                }
                // No progress with nothing left to read: the data stops inside the member.
                if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 { failure = .cutShort; return }
                if status != Z_OK && status != Z_STREAM_END { failure = .damaged; return }
                if output.count + produced > limit { failure = .tooLarge(limit: limit); return }
                output.append(contentsOf: chunk[0..<produced])
                if produced == 0 && stream.pointee.avail_in == 0 && status != Z_STREAM_END { failure = .cutShort; return }
            } while status != Z_STREAM_END
            consumed = start + (input.count - start - Int(stream.pointee.avail_in))
        }
        if let failure { throw failure }
    }

    /// Packs `bytes` as one gzip member (for tests that write gzipped files, and nothing the user sees).
    static func compress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
        defer { deflateEnd(stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = UInt32(target.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .damaged }
        output.removeLast(Int(stream.pointee.avail_out))
        return output
    }
}
