import Dispatch
import Foundation
import Hummingbird
import Logging
import PaodongReports

/// The live view's web server: the page, its data as JSON, a live run's Server-Sent Events and
/// the files of finished runs. Read-only: GET and HEAD only.
///
/// Hummingbird 2 serves it (async handlers on SwiftNIO's event loops, a streamed response body
/// for the events), on its own threads beside the simulation's workers. The simulation never
/// waits on it: it publishes to a `LiveFeed` and goes on.
public final class ViewServer: Sendable {
    /// What the server shows: a live run's feed, finished runs, or both.
    public struct Content: Sendable {
        public var feed: LiveFeed?
        public var library: RunLibrary?
        public var title: String
        public init(feed: LiveFeed? = nil, library: RunLibrary? = nil, title: String) {
            self.feed = feed; self.library = library; self.title = title
        }
    }

    /// Why the server did not start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let host: String
    /// The port bound (the one asked for, or the one the system chose for 0).
    public let port: Int
    private let task: Task<Void, Never>

    public var address: String { "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/" }

    /// Binds `host:port` and starts serving; returns once the socket listens, or throws when it
    /// cannot (the port in use, an address not of this machine).
    public init(host: String, port: Int, content: Content) throws {
        let bound = Bound()
        let router = ViewRoutes(content: content)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await router.respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "paodong"),
            onServerRunning: { channel in bound.set(.success(channel.localAddress?.port ?? port)) },
            logger: Logger(label: "paodong.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
        task = Task.detached {
            do {
                // No signal handling here: SIGINT and SIGTERM stay with the command (`Interruption`).
                try await app.runService(gracefulShutdownSignals: [])
                bound.set(.failure(Failure(description: "the server stopped")))
            } catch {
                bound.set(.failure(Failure(description: "cannot serve on \(host):\(port): \(error)")))
            }
        }
        switch bound.wait() {
        case .success(let p): self.host = host; self.port = p
        case .failure(let e): task.cancel(); throw e
        }
    }

    /// Stops serving (open event streams end with the process).
    public func stop() { task.cancel() }

    /// The first outcome of starting, for the thread that waits on it.
    private final class Bound: @unchecked Sendable {
        private let lock = NSLock()
        private let ready = DispatchSemaphore(value: 0)
        private var outcome: Result<Int, Failure>?
        func set(_ o: Result<Int, Failure>) {
            let first: Bool = lock.withLock { if outcome == nil { outcome = o; return true }; return false }
            if first { ready.signal() }
        }
        func wait() -> Result<Int, Failure> { ready.wait(); return lock.withLock { outcome! } }
    }
}
