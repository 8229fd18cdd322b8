/// Numbers packed at a fixed width of bits, least significant bit first, as search engines keep their
/// postings (Lucene's and tantivy's blocks): a block of 128 small numbers takes the bits its largest
/// needs, and the k-th is read in one unaligned load, without reading the ones before it.
enum BitPacking {
    /// Bytes left after every packed stream, so that a read of the last number's 8-byte window stays inside it.
    static let padding = 8

    /// The bits `value` needs (0 for 0).
    @inline(__always)
    static func width(of value: UInt32) -> Int {
        value == 0 ? 0 : 32 - value.leadingZeroBitCount
    }

    /// How many bytes `count` numbers of `width` bits take.
    @inline(__always)
    static func byteCount(_ count: Int, width: Int) -> Int {
        (count * width + 7) / 8
    }

    /// Appends `values` at `width` bits each; every value must fit.
    static func append(_ values: UnsafeBufferPointer<UInt32>, width: Int, to bytes: inout [UInt8]) {
        guard width > 0 else { return }
        var pending: UInt64 = 0
        var pendingBits = 0
        for value in values {
            pending |= UInt64(value) << UInt64(pendingBits)
            pendingBits += width
            while pendingBits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                pendingBits -= 8
            }
        }
        if pendingBits > 0 { bytes.append(UInt8(truncatingIfNeeded: pending)) }
    }

    /// The `index`-th number of `width` bits packed from `start` in `bytes`; the caller has checked that
    /// its bytes, and `padding` after them, lie inside `bytes`.
    @inline(__always)
    static func value(at index: Int, width: Int, from start: Int, in bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard width > 0 else { return 0 }
        let bit = index * width
        let window = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + bit >> 3, as: UInt64.self))
        return UInt32(truncatingIfNeeded: (window >> UInt64(bit & 7)) & ((1 << UInt64(width)) - 1))
    }
}
