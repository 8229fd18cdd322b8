import DossierPlatform
import DossierText

/// What identifies an article wherever it sits, as a number: the same article read from a renamed
/// file, from the next fetch of its feed or from a reordered dataset has the same key, so read marks
/// and the reader's place follow it. Its id is made from the key (`ArticleIDs`).
package enum ArticleKey {
    /// A plain-text file: its name, not its folder or its place among the others.
    package static func ofFile(at path: String) -> UInt64 {
        spread(Checksum.of("file\u{0}" + PathName.lastComponent(of: path)))
    }

    /// A page, feed item or dataset record: what its source names it by (a feed's guid, a record's id,
    /// a page's canonical address), else what it says, since nothing else stays put.
    package static func of(identity: String?, text: SourceText) -> UInt64 {
        if let identity, identity.contains(where: { !$0.isWhitespace }) {
            return spread(Checksum.of("id\u{0}" + identity.trimmed))
        }
        var checksum = Checksum()
        checksum.add(text.bytes)
        return spread(checksum.finish())
    }

    /// The same key for the `occurrence`th article (from 2) that has it: two copies of one item stay two articles.
    package static func repeated(_ key: UInt64, occurrence: Int) -> UInt64 {
        spread(key ^ (UInt64(occurrence) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// Spreads every input bit over the whole number, so that the leading hex digits an id shows differ
    /// as much as the trailing ones (MurmurHash3's finalizer).
    private static func spread(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed &*= 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return mixed
    }
}
