import DossierUI

/// A terminal for the reader's loop without a terminal: it plays a script of input and keeps
/// every frame drawn. An idle step is a turn with no input (the poll times out), so a frame is
/// drawn between the keys before it and after it.
final class RecordingTerminal: TerminalBackend {
    enum Step: Equatable {
        case event(TerminalEvent)
        case idle
    }

    private(set) var size: Size
    private var script: [Step]
    private(set) var frames: [Screen] = []
    private(set) var redrawsAll = 0
    private(set) var handOvers = 0
    private(set) var restores = 0
    /// True once the loop asked for input after the last step.
    private(set) var isDrained = false

    init(size: Size, script: [Step]) {
        self.size = size
        self.script = script
    }

    /// Keys in the shared notation (`"/ kim <Enter>"`), with idle turns where `|` stands.
    convenience init(size: Size, typing notation: String) {
        let steps = notation.split(separator: "|").flatMap { part in
            Key.sequence(String(part)).map { Step.event(.key($0)) } + [.idle]
        }
        self.init(size: size, script: steps)
    }

    /// Steps not played yet.
    var stepsLeft: Int { script.count }

    var lastFrame: Screen? { frames.last }

    func nextEvent(timeout: Duration) -> TerminalEvent? {
        guard !script.isEmpty else {
            isDrained = true
            return nil
        }
        // Input waiting is taken at once; an idle turn is what waiting until the timeout finds.
        if case .idle = script[0] {
            if timeout > .zero { script.removeFirst() }
            return nil
        }
        guard case .event(let event) = script.removeFirst() else { return nil }
        if case .resized(let newSize) = event { size = newSize }
        return event
    }

    func draw(_ screen: Screen) {
        frames.append(screen)
    }

    func redrawAll() {
        redrawsAll += 1
    }

    func handOver(_ body: () -> Void) {
        handOvers += 1
        body()
    }

    func restore() {
        restores += 1
    }
}
