/// Work the runner started that reports as it goes (a fetch of the feeds): the reader's loop
/// takes its outcomes every turn until it is over.
public protocol BackgroundWork: AnyObject {
    /// What the work has reported since the last call.
    func takeOutcomes() -> [Outcome]
    /// True once the work has ended and its last outcome has been taken.
    var isOver: Bool { get }
}
