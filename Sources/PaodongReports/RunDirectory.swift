import Foundation

/// A run directory written atomically: files go to a hidden temporary sibling, which is renamed
/// into place only when everything is written (docs/model.md, "Outputs"). An existing directory is replaced
/// only with `force`, only after the new one is complete, and only if paodong wrote it (or it is
/// empty): `--out ~ --force` must not delete a home directory.
public final class RunDirectory {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case cannotCreate(String, String)
        /// The path holds something paodong did not write: `force` does not replace it.
        case notOurs(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path): output directory already exists; pass --force to replace it after a successful run"
            case .cannotCreate(let path, let why): return "\(path): cannot write output: \(why)"
            case .notOurs(let path):
                return "\(path): exists and is not a paodong output directory (it is not a directory holding one of "
                    + "\(RunDirectory.markers.joined(separator: ", ")), nor an empty one); --force replaces only those: "
                    + "choose another --out, or remove it yourself"
            }
        }
    }

    /// The files by which a directory is known as one paodong wrote: a run's, a comparison's, a
    /// sweep's, a prioritisation's and a staffing's table.
    public static let markers = ["summary.csv", "comparison.csv", "sweep.csv", "ranking.csv", "staffing.csv"]

    /// Whether `force` may replace what lies at `path`: a directory that is empty or holds one of
    /// `markers`. O(entries of the directory).
    public static func mayReplace(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return entries.isEmpty || markers.contains(where: entries.contains)
    }

    public let path: String
    public let temporaryPath: String
    let force: Bool
    private var committed = false

    /// Checks that `path` may be written and creates the temporary sibling.
    public init(path: String, force: Bool) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.path = url.path
        self.force = force
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: self.path, isDirectory: &isDir) {
            guard force else { throw Failure.exists(self.path) }
            guard Self.mayReplace(self.path) else { throw Failure.notOurs(self.path) }
        }
        let parent = url.deletingLastPathComponent().path
        if !fm.fileExists(atPath: parent, isDirectory: &isDir) || !isDir.boolValue {
            throw Failure.cannotCreate(self.path, "parent directory \(parent) does not exist")
        }
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)").path
        try? fm.removeItem(atPath: temporaryPath)
        do {
            try fm.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
        } catch {
            throw Failure.cannotCreate(self.path, error.localizedDescription)
        }
    }

    deinit { if !committed { discard() } }

    /// Creates a subdirectory (for one scenario of a comparison).
    public func makeSubdirectory(_ name: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: (temporaryPath as NSString).appendingPathComponent(name),
                                                    withIntermediateDirectories: false)
        } catch {
            throw Failure.cannotCreate(path, "\(name): \(error.localizedDescription)")
        }
    }

    /// Writes one file (a path relative to the run directory) into the temporary directory, flushed to disk.
    public func write(_ name: String, _ data: Data) throws {
        let file = (temporaryPath as NSString).appendingPathComponent(name)
        do {
            try data.write(to: URL(fileURLWithPath: file))
            if let h = FileHandle(forWritingAtPath: file) { try? h.synchronize(); try? h.close() }
        } catch {
            throw Failure.cannotCreate(path, "\(name): \(error.localizedDescription)")
        }
    }

    /// Moves the finished directory into place (replacing the old one if forced).
    public func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard force else { throw Failure.exists(path) }
            // Checked again: something else may have been put there while the run ran.
            guard Self.mayReplace(path) else { throw Failure.notOurs(path) }
            let old = temporaryPath + ".old"
            do {
                try fm.moveItem(atPath: path, toPath: old)
                try fm.moveItem(atPath: temporaryPath, toPath: path)
            } catch {
                throw Failure.cannotCreate(path, error.localizedDescription)
            }
            try? fm.removeItem(atPath: old)
        } else {
            do { try fm.moveItem(atPath: temporaryPath, toPath: path) } catch {
                throw Failure.cannotCreate(path, error.localizedDescription)
            }
        }
        committed = true
    }

    /// Removes the temporary directory (failed or interrupted run).
    public func discard() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
