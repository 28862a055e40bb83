import Foundation

/// Progress on standard error: a bar when it is a terminal, a quiet line every 10 % otherwise.
final class Progress: @unchecked Sendable {
    private let label: String
    private let quiet: Bool
    private let tty = isatty(STDERR_FILENO) == 1
    private var lastShown = -1
    private let lock = NSLock()

    init(label: String, quiet: Bool) { self.label = label; self.quiet = quiet }

    func update(_ done: Int, _ total: Int) {
        guard !quiet, total > 0 else { return }
        lock.withLock {
            let percent = done * 100 / total
            if tty {
                guard percent != lastShown else { return }
                lastShown = percent
                let width = 30
                let filled = width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% day \(done)/\(total)".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            } else {
                let step = percent / 10
                guard step != lastShown else { return }
                lastShown = step
                FileHandle.standardError.write(Data("\(label): day \(done)/\(total) (\(percent)%)\n".utf8))
            }
        }
    }

    func note(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
