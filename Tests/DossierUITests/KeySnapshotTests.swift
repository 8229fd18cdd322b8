@testable import DossierUI
import Testing

/// One snapshot per key of the key table, each pressed in the same setting:
/// 120×30, Mike Pompeo selected, a search for "Korea" run, focus on the reader.
struct KeySnapshotTests {
    static let keys: [(name: String, keys: String)] = [
        ("j", "j"), ("k", "j j k"), ("down", "<Down>"), ("up", "<Down> <Down> <Up>"),
        ("space", "<Space>"), ("b", "<Space> b"), ("pgdn", "<PgDn>"), ("pgup", "<PgDn> <PgUp>"),
        ("g", "G g"), ("G", "G"), ("tab", "<Tab>"), ("shift-tab", "<S-Tab>"),
        ("enter-reader", "} <Enter>"), ("close-brace", "}"), ("open-brace", "{"),
        ("close-bracket", "]"), ("open-bracket", "["), ("n", "n"), ("N", "N"),
        ("slash-prompt", "/ Pomp"), ("colon-prompt", ": open"), ("question", "?"), ("esc", "<Esc>"),
        ("backspace", "] ] ] ] ] ] ] <BS>"), ("ctrl-o", "] ] ] ] ] ] ] <C-o>"), ("ctrl-n", "] ] ] ] ] ] ] <C-o> <C-n>"),
        ("e", "e"), ("v", "v"), ("colon-help", ": help <Enter>"),
        ("ctrl-f", "<C-f>"), ("ctrl-b", "<C-f> <C-b>"), ("ctrl-d", "<C-d>"), ("ctrl-u", "<C-d> <C-d> <C-u>"),
        ("F-prompt", "F mentions:kim"), ("F-filter", "F mentions:ri-son-gwon <Enter>"), ("u", "<S-Tab> u"),
        ("greater-than", ">"), ("less-than", "<S-Tab> u <lt>"), ("D", "D"), ("unbound", "Z"),
    ]

    @Test(arguments: keys.indices)
    func key_inTheStandardSetting_drawsAsRecorded(index: Int) throws {
        var app = try TestApp(size: Size(columns: 120, rows: 30))
        app.type(": entity <Space> mike-pompeo <Enter> / Korea <Enter> <Tab>")
        #expect(app.state.session.focus == .reader)
        let (name, keys) = Self.keys[index]
        // The last key of each sequence is the one under test: it must change what is drawn.
        let steps = Key.sequence(keys)
        for key in steps.dropLast() { if let action = KeyMap.action(for: key, in: app.state) { app.send(action) } }
        let before = app.screen
        if let last = steps.last, let action = KeyMap.action(for: last, in: app.state) { app.send(action) }
        let changed = app.screen != before
        #expect(changed, "\(name) changed nothing on screen")
        expectSnapshot(app.screen.text, named: "key-\(name)")
    }
}
