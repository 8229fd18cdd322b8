import Foundation

/// The folders a user's files live in, by the XDG Base Directory Specification: a variable that
/// names an absolute path, else its default below the home folder. A relative or empty value is
/// ignored, as the specification says, so every file of one kind comes from one folder.
///
/// <https://specifications.freedesktop.org/basedir-spec/latest/>
package enum UserFolder: CaseIterable, Sendable {
    /// `config.toml`, the feed list: `$XDG_CONFIG_HOME`, else `~/.config`.
    case config
    /// The library of fetched feeds: `$XDG_DATA_HOME`, else `~/.local/share`.
    case data
    /// Saved indexes: `$XDG_CACHE_HOME`, else `~/.cache`.
    case cache
    /// The reader's place between runs: `$XDG_STATE_HOME`, else `~/.local/state`.
    case state

    package var variable: String {
        switch self {
        case .config: "XDG_CONFIG_HOME"
        case .data: "XDG_DATA_HOME"
        case .cache: "XDG_CACHE_HOME"
        case .state: "XDG_STATE_HOME"
        }
    }

    private var defaultBelowHome: String {
        switch self {
        case .config: ".config"
        case .data: ".local/share"
        case .cache: ".cache"
        case .state: ".local/state"
        }
    }

    /// Dossier's folder of this kind (`…/dossier`). The home folder is `$HOME` when that is an
    /// absolute path, else the account's home as the system records it.
    package func dossierFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value + "/dossier" }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return home + "/" + defaultBelowHome + "/dossier"
    }
}
