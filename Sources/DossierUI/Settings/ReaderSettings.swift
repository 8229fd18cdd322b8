
/// What the config file changes in the reader: its keys, its colours and the filters it names.
public struct ReaderSettings: Equatable, Sendable {
    public var keyMap: KeyMap
    public var palette: EntityPalette
    /// Filters by name, used in the filter language as `@name`.
    public var savedFilters: [String: String]

    public init(keyMap: KeyMap = .standard, palette: EntityPalette = EntityPalette(), savedFilters: [String: String] = [:]) {
        self.keyMap = keyMap
        self.palette = palette
        self.savedFilters = savedFilters
    }
}
