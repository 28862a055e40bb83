import Foundation
import PaodongReports

/// The finished runs `paodong serve DIR…` shows: run, compare and sweep directories named on the
/// command line (or found one level below a named folder, such as `runs/`), read from their CSV files.
///
/// Only what was found at start is served: each entry's own regular files, listed by name, and
/// none that is a link leading out of its directory. A request names an entry by id and a file by
/// its listed name, so no request path ever reaches the file system.
public final class RunLibrary: Sendable {
    public enum Kind: String, Encodable, Sendable { case run, compare, sweep }

    /// One served directory.
    public struct Entry: Encodable, Sendable {
        /// Unique, made of letters, digits, `.`, `-` and `_` (a compare's member: `COMPARE~MEMBER`).
        public var id: String
        public var kind: Kind
        /// The directory's name.
        public var name: String
        /// The path as named on the command line (or below it).
        public var path: String
        /// For a compare: its scenarios' run ids, baseline first.
        public var members: [String]
        /// Its files, by name.
        public var files: [String]
    }

    /// Why a directory cannot be served.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let entries: [Entry]
    private let directories: [String: URL]

    /// Finds the runs under `paths`. Throws when a path is missing or holds no run, compare or sweep.
    public init(paths: [String]) throws {
        var entries: [Entry] = [], directories: [String: URL] = [:]
        func unique(_ base: String) -> String {
            var slug = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) ? Character($0) : "_" })
            if slug.isEmpty || slug.hasPrefix(".") { slug = "run" + slug }
            var id = slug, k = 2
            while directories[id] != nil { id = "\(slug)-\(k)"; k += 1 }
            return id
        }
        func add(_ url: URL, path: String, kind: Kind, id: String? = nil) -> String {
            let id = id ?? unique(url.lastPathComponent)
            var entry = Entry(id: id, kind: kind, name: url.lastPathComponent, path: path, members: [], files: Self.files(in: url))
            directories[id] = url
            if kind == .compare {
                // Baseline first, then the scenarios in comparison.csv's order.
                let order = Self.scenarioOrder(url.appendingPathComponent("comparison.csv"))
                let subs = Self.subdirectories(of: url).filter { Self.kind(of: $0) == .run }
                    .sorted { (order.firstIndex(of: $0.lastPathComponent) ?? .max, $0.lastPathComponent) < (order.firstIndex(of: $1.lastPathComponent) ?? .max, $1.lastPathComponent) }
                for sub in subs {
                    entry.members.append(add(sub, path: path + "/" + sub.lastPathComponent, kind: .run,
                                             id: id + "~" + unique(sub.lastPathComponent)))
                }
            }
            entries.append(entry)
            return id
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Failure(description: "\(path): no such directory")
            }
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            if let kind = Self.kind(of: url) {
                _ = add(url, path: path, kind: kind)
                continue
            }
            let found = Self.subdirectories(of: url).compactMap { sub in Self.kind(of: sub).map { (sub, $0) } }
            guard !found.isEmpty else {
                throw Failure(description: "\(path) is not a run, compare or sweep directory: it has no summary.csv, comparison.csv or sweep.csv, and neither has any folder directly in it")
            }
            for (sub, kind) in found { _ = add(sub, path: path + "/" + sub.lastPathComponent, kind: kind) }
        }
        self.entries = entries.sorted { $0.id < $1.id }
        self.directories = directories
    }

    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

    /// The file `name` of entry `id`, if it was listed at start and still lies in its directory.
    public func file(_ id: String, _ name: String) -> URL? {
        guard let entry = entry(id), entry.files.contains(name), let directory = directories[id] else { return nil }
        let url = directory.appendingPathComponent(name).resolvingSymlinksInPath()
        guard url.deletingLastPathComponent().path == directory.path else { return nil }
        return url
    }

    /// The run view of a run entry, read from its files.
    public func view(_ id: String) throws -> RunView? {
        guard let entry = entry(id), entry.kind == .run else { return nil }
        func table(_ name: String) throws -> RunView.Table? {
            guard let url = file(id, name) else { return nil }
            let rows = CSVRows.parse(try CSVRows.text(atPath: url.path))
            guard let header = rows.first else { return nil }
            return RunView.Table(header: header, rows: Array(rows.dropFirst()))
        }
        guard let summary = try table("summary.csv") else { return nil }
        return RunView(name: entry.name, summary: summary, daily: try table("daily.csv"), districts: try table("by_district.csv"),
                       halls: try table("halls.csv"), hotline: try table("hotline.csv"), files: entry.files)
    }

    /// A compare's comparison.csv or a sweep's sweep.csv (and sensitivity.csv), as tables.
    public func tables(_ id: String) throws -> [String: RunView.Table] {
        guard let entry = entry(id) else { return [:] }
        var out: [String: RunView.Table] = [:]
        for name in ["comparison.csv", "sweep.csv", "sensitivity.csv"] where entry.files.contains(name) {
            guard let url = file(id, name) else { continue }
            let rows = CSVRows.parse(try CSVRows.text(atPath: url.path))
            if let header = rows.first { out[name] = RunView.Table(header: header, rows: Array(rows.dropFirst())) }
        }
        return out
    }

    /// The baseline's name, then each scenario's, as comparison.csv lists them.
    static func scenarioOrder(_ url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let rows = CSVRows.parse(text)
        guard let header = rows.first, let b = header.firstIndex(of: "baseline_name"), let s = header.firstIndex(of: "scenario_name") else { return [] }
        var names: [String] = []
        for row in rows.dropFirst() where row.count == header.count {
            for name in [row[b], row[s]] where !names.contains(name) { names.append(name) }
        }
        return names
    }

    static func kind(of url: URL) -> Kind? {
        let has = { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        if has("comparison.csv") { return .compare }
        if has("sweep.csv") { return .sweep }
        if has("summary.csv") { return .run }
        return nil
    }

    static func subdirectories(of url: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().compactMap { name in
            let sub = url.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: sub.path, isDirectory: &isDirectory), isDirectory.boolValue,
                  sub.resolvingSymlinksInPath().deletingLastPathComponent().path == url.path else { return nil }
            return sub
        }
    }

    /// Regular files directly in `url` (a link only when it stays in the directory), by name.
    static func files(in url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { name in
            guard !name.hasPrefix(".") else { return false }
            let file = url.appendingPathComponent(name).resolvingSymlinksInPath()
            guard file.deletingLastPathComponent().path == url.path,
                  let type = try? FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType else { return false }
            return type == .typeRegular
        }
    }
}
