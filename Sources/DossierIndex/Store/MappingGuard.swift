import DossierPlatform
import Foundation

/// Keeps a mapped index file that another program truncates from crashing the process.
///
/// Dossier only ever replaces an index by renaming a new file over it, which leaves a mapping of the
/// old one whole. A program that truncates the file in place anyway takes the mapping's pages past the
/// new end with it, and reading one raises SIGBUS. This handler answers such a fault by mapping a page
/// of zeros where the lost page was and noting the loss; the read then goes on. Zeros fail the checksum
/// of any block not yet verified, and `MappedIndexFile.problem` tells a query that ran over pages it
/// had verified before they went, so a truncated index is reported as damaged, never trusted and never
/// a crash. A fault anywhere else goes on to the handler that was there before.
enum MappingGuard {
    /// Room for this many mappings at once; a process maps one index at a time, a test a few.
    private static let capacity = 64
    /// Each slot's start and end address (0 when free) and whether a page of it was lost, in memory made
    /// once and never moved, so the handler reads it without allocating or locking.
    nonisolated(unsafe) private static let starts = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let ends = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let lost = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: capacity)
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    /// Held while a slot is taken or given back; true once the handler is installed.
    private static let registration = Locked(false)
    /// Read once at install: `sysconf` is not among the calls a signal handler may make.
    nonisolated(unsafe) private static var pageSize: UInt = 4096

    /// Watches `length` bytes mapped at `base`; returns the slot to pass to `lostPages` and `release`,
    /// or nil when every slot is taken (the mapping is then unguarded, as any mapping is).
    static func watch(_ base: UnsafeRawPointer, length: Int) -> Int? {
        let address = UInt(bitPattern: base)
        return registration.withLock { isInstalled -> Int? in
            if !isInstalled {
                isInstalled = true
                starts.initialize(repeating: 0, count: capacity)
                ends.initialize(repeating: 0, count: capacity)
                lost.initialize(repeating: 0, count: capacity)
                pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
                install()
            }
            guard let slot = (0..<capacity).first(where: { ends[$0] == 0 }) else { return nil }
            lost[slot] = 0
            starts[slot] = address
            ends[slot] = address + UInt(length)
            return slot
        }
    }

    /// Whether a page of the mapping in `slot` was lost to a truncation since it was watched.
    static func lostPages(_ slot: Int) -> Bool { lost[slot] != 0 }

    /// Stops watching a mapping, before it is unmapped.
    static func release(_ slot: Int) {
        registration.withLock { _ in
            starts[slot] = 0
            ends[slot] = 0
        }
    }

    private static func install() {
        // Asked first by every handler of ours, so that the terminal's crash guard, installed later, never
        // takes a lost page for a crash.
        SignalHandOver.setMender { number, info in
            guard number == SIGBUS else { return false }
            let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            for slot in 0..<MappingGuard.capacity where address >= MappingGuard.starts[slot] && address < MappingGuard.ends[slot] {
                let page = MappingGuard.pageSize
                let pageStart = UnsafeMutableRawPointer(bitPattern: address / page * page)
                if mmap(pageStart, Int(page), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED {
                    MappingGuard.lost[slot] = 1
                    return true
                }
            }
            return false
        }
        SignalHandOver.install({ number, info, context in
            if SignalHandOver.isMended(number, info) { return }
            // Not a page of ours: whoever was there before deals with it.
            SignalHandOver.handOver(number, info, context, to: MappingGuard.previous, endingTheProcess: false)
        }, for: SIGBUS, keepingPreviousIn: previous)
    }
}
