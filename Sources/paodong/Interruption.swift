import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a flag that the day loop checks, so that a run stops between
/// days, removes its temporary directory and exits 130 instead of dying half-written.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()
    private let lock = NSLock()
    private var flag = false
    private var sources: [DispatchSourceSignal] = []

    var isSet: Bool { lock.withLock { flag } }

    func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.flag = true }
            }
            source.resume()
            sources.append(source)
        }
    }
}
