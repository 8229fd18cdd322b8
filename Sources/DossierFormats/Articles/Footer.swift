/// Recognises the source metadata that wire copy carries at its end:
/// copyright lines, photo credits and reporting credits.
enum Footer {
    static func isMetadata(_ paragraph: String) -> Bool {
        guard paragraph.count <= 400 else { return false }
        let lowered = paragraph.lowercased()
        let markers = ["©", "(c) 19", "(c) 20", "copyright", "all rights reserved"]
        if markers.contains(where: lowered.contains) { return true }
        let openers = ["(photo", "photo:", "image:", "reporting by", "additional reporting", "editing by", "writing by"]
        return openers.contains(where: lowered.hasPrefix)
    }
}
