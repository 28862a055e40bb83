import Foundation

/// Helpers shared by the unit and end-to-end tests: the real `paodong` executable run as a user
/// would, temporary directories, and reading back what paodong wrote.

/// Runs the real `paodong` executable, as a user would.
public struct CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public init(status: Int32, stdout: String, stderr: String) { self.status = status; self.stdout = stdout; self.stderr = stderr }
    }

    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `paodong` built with these tests: beside the test binary (so that a sanitizer build in
    /// its own scratch path tests its own executable), else in .build of the package.
    public static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("paodong")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        #if DEBUG
        let config = "debug"
        #else
        let config = "release"
        #endif
        return packageRoot.appendingPathComponent(".build/\(config)/paodong")
    }

    public static func scenario(_ name: String) -> String { packageRoot.appendingPathComponent("Scenarios/\(name)").path }

    /// A command that did not succeed, with what it printed on standard error.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    @discardableResult
    /// Runs paodong with `arguments`; with `memoryLimitKB`, under `ulimit -v` so that a run that
    /// swells its memory fails instead of passing.
    /// With `hangGuardSeconds`, a child still running after that long is killed and the result
    /// says so (status -1): a guard against a hang, not a speed requirement.
    public static func run(_ arguments: [String], memoryLimitKB: Int? = nil, environment: [String: String] = [:],
                    hangGuardSeconds: Double? = nil) throws -> Result {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        // Sanitizers reserve terabytes of address space, so `ulimit -v` cannot be used with them:
        // the sanitizer commands of the README set PAODONG_TEST_NO_ULIMIT=1.
        let ulimitAllowed = ProcessInfo.processInfo.environment["PAODONG_TEST_NO_ULIMIT"] == nil
        if let limit = memoryLimitKB, ulimitAllowed {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(limit) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        // Output goes to files, so that neither stream can fill a pipe and block the child.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-cli-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if let limit = hangGuardSeconds, finished.wait(timeout: .now() + limit) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            return Result(status: -1, stdout: "", stderr: "still running after \(limit) s (killed as hung)")
        }
        process.waitUntilExit()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by the caller with `cleanup()`.
public struct TemporaryDirectory {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    public func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
    public func cleanup() { try? FileManager.default.removeItem(at: url) }

    /// `small.yaml`: the shipped `scenario` as a small city named `small`, at `scale`, for `days`
    /// days without holidays (the planner tools' tests run many of them).
    public func smallCity(_ scenario: String, scale: Double = 0.01, days: Int) throws -> String {
        try write("small.yaml", """
            extends: \(CLI.scenario(scenario))
            name: small
            scale: \(scale)
            days: \(days)
            holidays: []
            """)
    }
}

/// Reads a small CSV file written by paodong (no quoted commas in the columns we read back).
public func readCSV(_ path: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
    return lines.dropFirst().map { line in
        Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }
}

/// What one `paodong compare` wrote, read back: its directory and comparison.csv's rows.
public struct ComparisonOutput {
    public let directory: String
    public let rows: [[String: String]]

    /// The row of `metric` for `scenario` (its name inside the file; nil: the only scenario).
    public func row(_ metric: String, scenario: String? = nil) -> [String: String]? {
        rows.first { $0["metric"] == metric && (scenario == nil || $0["scenario_name"] == scenario) }
    }
}

extension CLI {
    /// Runs `paodong compare` on scenario files under Scenarios/ (the first is the baseline) into
    /// `tmp`, and reads comparison.csv; a run that fails throws with its standard error.
    public static func compare(_ names: [String], scale: Double, replications: Int, in tmp: TemporaryDirectory) throws -> ComparisonOutput {
        let out = tmp.path("cmp")
        let r = try run(["compare"] + names.map(scenario)
                        + ["--scale", String(scale), "--replications", String(replications), "--out", out, "--quiet"])
        guard r.status == 0 else { throw Failure(message: "exit \(r.status): \(r.stderr)") }
        return ComparisonOutput(directory: out, rows: try readCSV(out + "/comparison.csv"))
    }
}

extension CLI {
    /// Starts paodong with `arguments`, waits until its standard error contains `marker` (a
    /// progress line), sends `signal`, and returns the exit status and what standard error showed
    /// before the signal. Nothing here depends on how fast the machine is.
    public static func interrupt(_ arguments: [String], when marker: String, signal: Int32) throws -> (status: Int32, seen: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        var seen = ""
        while !seen.contains(marker), process.isRunning {
            let data = stderr.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, signal)
        // Keep draining standard error so that the child never blocks on a full pipe.
        while !stderr.fileHandleForReading.availableData.isEmpty {}
        process.waitUntilExit()
        return (process.terminationStatus, seen)
    }
}

/// A `paodong` that serves the live view (`run --serve`, `compare --serve`, `serve`), started in
/// the background; its address is read from the first line it prints.
public final class ServedCLI {
    public let process = Process()
    public let url: String
    public let port: Int
    private let errURL: URL
    private let outURL: URL

    /// Starts paodong with `arguments` (which should include `--port 0`) and waits until it prints
    /// its address (or exits: then `Failure` with its standard error).
    public init(_ arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-serve-\(UUID().uuidString)")
        outURL = base.appendingPathExtension("out"); errURL = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        var found: String?
        while found == nil {
            let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
            if let range = out.range(of: #"http://[^\s]+"#, options: .regularExpression) { found = String(out[range]); break }
            if !process.isRunning {
                throw CLI.Failure(message: "exit \(process.terminationStatus): \((try? String(contentsOf: errURL, encoding: .utf8)) ?? "")")
            }
            usleep(20_000)
        }
        url = found!
        port = Int(url.split(separator: ":").last!.filter(\.isNumber))!
    }

    /// Sends SIGINT and waits: the exit status, standard output and standard error.
    public func stop() -> CLI.Result {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        return CLI.Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// A minimal HTTP/1.1 client over a socket, so that a test sends exactly the bytes it means
/// (a client library would tidy `..` out of a path).
public enum RawHTTP {
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
    }

    /// Sends `request` (raw bytes) to 127.0.0.1:`port` and reads the whole answer (until the
    /// server closes the connection).
    public static func send(_ request: [UInt8], port: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CLI.Failure(message: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CLI.Failure(message: "cannot connect to port \(port)") }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            sent += n
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return answer
    }

    /// GET `path` exactly as given, with `Connection: close`; the body de-chunked.
    public static func get(_ path: String, port: Int, headers: [String: String] = [:]) throws -> Reply {
        var text = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        return try parse(send(Array((text + "\r\n").utf8), port: port))
    }

    public static func parse(_ bytes: [UInt8]) throws -> Reply {
        let crlf2: [UInt8] = [13, 10, 13, 10]
        guard let split = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == crlf2 }) else {
            throw CLI.Failure(message: "no HTTP answer: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
        let head = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(split + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var out: [UInt8] = [], i = 0
            while i < body.count {
                guard let lineEnd = (i..<body.count - 1).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }),
                      let size = Int(String(decoding: body[i..<lineEnd], as: UTF8.self), radix: 16), size > 0,
                      lineEnd + 2 + size <= body.count else { break }
                out += body[(lineEnd + 2)..<(lineEnd + 2 + size)]
                i = lineEnd + 2 + size + 2
            }
            body = out
        }
        return Reply(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// Server-Sent Events in a body: (id, event, data) in order.
    public static func events(_ body: String) -> [(id: Int, name: String, data: String)] {
        body.components(separatedBy: "\n\n").compactMap { block in
            var id: Int?, name = "message", data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            return id.map { ($0, name, data) }
        }
    }
}
