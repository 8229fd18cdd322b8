import Foundation

/// Numbers terms by their UTF-8 bytes, in the order they first come: what an article's words and the
/// corpus's terms are numbered by while files are read.
///
/// A `[String: UInt32]` hashed every word with SipHash through a `Hasher`, about a sixth of a cold
/// build's CPU. This table hashes a term's bytes eight at a time with a multiply and a rotate, keeps each
/// term's hash to compare before its bytes and to grow without hashing again, and keeps every term's
/// bytes in one array, not a `String` each.
package struct TermTable: Sendable {
    /// Every term's bytes, one after another, by number.
    private var bytes: [UInt8] = []
    /// Where each term starts in `bytes`, and where the last ends.
    private var starts: [Int] = [0]
    /// Each term's hash, by number.
    private var hashes: [UInt64] = []
    /// Open addressing: each slot a term's number plus one, or 0 when empty; a power of two long, at most half full.
    private var slots: [UInt32]

    package init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
    }

    /// How many terms are numbered.
    package var count: Int { hashes.count }

    /// The number of the term whose bytes are `term`, numbering it when it is new.
    package mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: UInt32, isNew: Bool) {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if hashes[number] == hash, equals(number, term) { return (UInt32(number), false) }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = UInt32(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (UInt32(number), true)
    }

    /// The number of `term`, numbering it when it is new.
    package mutating func number(of term: String) -> (number: UInt32, isNew: Bool) {
        var term = term
        return term.withUTF8 { number(of: $0) }
    }

    /// Numbers `term` next even when it is known, so that terms taken from elsewhere in their order keep
    /// their numbers whatever they hold; a look-up finds a term's first number.
    package mutating func append(_ term: String) {
        var term = term
        term.withUTF8 { term in
            if number(of: term).isNew { return }
            bytes.append(contentsOf: term)
            starts.append(bytes.count)
            hashes.append(Self.hash(term))
            if hashes.count * 2 > slots.count { grow() }
        }
    }

    /// The term numbered `number`.
    package func term(_ number: Int) -> String {
        String(decoding: bytes[starts[number]..<starts[number + 1]], as: UTF8.self)
    }

    /// Every term, by number.
    package var allTerms: [String] { (0..<count).map(term) }

    private func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == term.count else { return false }
        guard let base = term.baseAddress, term.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, term.count) == 0 }
    }

    private mutating func grow() {
        var grown = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt32(number + 1)
        }
        slots = grown
    }

    /// Eight bytes at a time, each multiplied in and the sum rotated; then mixed, so that the low bits a
    /// slot is taken from depend on every byte.
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(term.count) &* multiplier
        guard let base = term.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= term.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = ((hash ^ word) &* multiplier).rotatedLeft(by: 29)
            offset += 8
        }
        if offset < term.count {
            var word: UInt64 = 0
            for index in offset..<term.count { word |= UInt64(term[index]) << UInt64(8 * (index - offset)) }
            hash = ((hash ^ word) &* multiplier).rotatedLeft(by: 29)
        }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }
}

private extension UInt64 {
    func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
