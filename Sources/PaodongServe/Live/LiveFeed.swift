import Foundation

/// The events of a live run, kept from the first: a browser that joins late or reconnects with
/// `Last-Event-ID` gets every event after that id, in order, then the new ones as they come.
///
/// The simulation publishes from its own thread and never waits on a reader; each Server-Sent
/// Events stream awaits `events(after:)`. Thread-safe.
public final class LiveFeed: @unchecked Sendable {
    /// One Server-Sent Event: its id (1, 2, …), its name and its JSON data (one line).
    public struct Event: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var data: String
    }

    private let lock = NSLock()
    private var log: [Event] = []
    private var closed = false
    private var waiting: [UUID: CheckedContinuation<Void, Never>] = [:]

    public init() {}

    /// Appends an event (its data one line of JSON) and wakes every waiting stream. O(waiting).
    public func publish(_ name: String, _ data: String) {
        precondition(!data.contains("\n"), "an event's data is one line")
        let woken: [CheckedContinuation<Void, Never>] = lock.withLock {
            guard !closed else { return [] }
            log.append(Event(id: log.count + 1, name: name, data: data))
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for w in woken { w.resume() }
    }

    /// Ends the feed: streams send what is left and finish; later `publish` calls are ignored.
    public func close() {
        let woken: [CheckedContinuation<Void, Never>] = lock.withLock {
            closed = true
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for w in woken { w.resume() }
    }

    public var isClosed: Bool { lock.withLock { closed } }
    public var count: Int { lock.withLock { log.count } }

    /// The events after id `last` (all of them for 0); waits while there are none and the feed is
    /// open. An empty answer means the feed is closed and everything was sent.
    public func events(after last: Int) async -> [Event] {
        let key = UUID()
        while true {
            let (ready, done): ([Event], Bool) = lock.withLock {
                (last < log.count ? Array(log[max(0, last)...]) : [], closed)
            }
            if !ready.isEmpty || done { return ready }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = lock.withLock {
                    // Published or closed between the look and the wait: do not sleep.
                    if last < log.count || closed { return true }
                    waiting[key] = c
                    return false
                }
                if resumeNow { c.resume() }
            }
        }
    }
}
