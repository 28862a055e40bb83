import Foundation
import PaodongTestSupport
import Testing

/// The live view's server as a client sees it: every day of a live run reaches a late joiner,
/// serving changes no output, only the named directories' own files are served, and bad requests
/// and bad directories get clear answers.
@Suite(.serialized) struct ServeTests {
    /// A live run of `days` days of the small city, waited to its end through its event stream.
    private func liveRun(_ tmp: TemporaryDirectory, days: Int, out: String) throws -> (ServedCLI, [(id: Int, name: String, data: String)]) {
        let scenario = try tmp.smallCity("shenzhen-2020.yaml", days: days)
        let served = try ServedCLI(["run", scenario, "--serve", "--port", "0", "--out", out, "--quiet", "--threads", "2"])
        // The stream ends when the run does (the feed closes after `end`).
        let reply = try RawHTTP.get("/events", port: served.port)
        #expect(reply.status == 200)
        #expect(reply.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        return (served, RawHTTP.events(reply.body))
    }

    @Test func aLiveRunStreamsEveryDayAndWritesWhatAPlainRunWrites() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let days = 20
        let (served, events) = try liveRun(tmp, days: days, out: tmp.path("live"))
        #expect(events.map(\.id) == Array(1...events.count), "ids in order without gaps")
        #expect(events.map(\.name) == ["meta"] + Array(repeating: "day", count: days) + ["final", "end"])
        #expect(events.last?.data.contains("\"status\":\"finished\"") == true)

        // A browser that joins late (or reconnects after event 5) gets every later event.
        let late = RawHTTP.events(try RawHTTP.get("/events", port: served.port, headers: ["Last-Event-ID": "5"]).body)
        #expect(late.map(\.id) == Array(6...events.count))
        #expect(late.map(\.data) == events.dropFirst(5).map(\.data))

        // The last day's totals are the run's: summary.csv's trips and needs, by_district.csv's needs.
        let summary = try readCSV(tmp.path("live/summary.csv"))[0]
        let last = try JSONSerialization.jsonObject(with: Data(events[days].data.utf8)) as! [String: Any]
        let total = last["total"] as! [String: Any]
        #expect((total["trips"] as! NSNumber).int64Value == Int64(summary["trips"]!)!)
        #expect((total["needs"] as! NSNumber).int64Value == Int64(summary["needs"]!)!)
        let districts = last["districts"] as! [[String: Any]]
        let byDistrict = try readCSV(tmp.path("live/by_district.csv"))
        #expect(districts.count == byDistrict.count)
        #expect(districts.map { ($0["needs"] as! NSNumber).int64Value } == byDistrict.map { Int64($0["needs"]!)! })
        #expect(byDistrict.map { Int64($0["needs"]!)! }.reduce(0, +) == Int64(summary["needs"]!)!, "every need in one district")
        #expect((total["completedNeeds"] as! NSNumber).int64Value == Int64(summary["needs_completed"]!)!)
        #expect(byDistrict.map { Int64($0["needs_completed"]!)! }.reduce(0, +) == Int64(summary["needs_completed"]!)!)
        #expect(byDistrict.map { Int64($0["trips"]!)! }.reduce(0, +) == Int64(summary["trips"]!)!, "every trip in one district")
        let daily = try readCSV(tmp.path("live/daily.csv"))
        #expect(daily.map { Int64($0["trips"]!)! }.reduce(0, +) == Int64(summary["trips"]!)!, "every trip on its day of completion")

        // After the run the page keeps serving; Ctrl-C ends it with 0, the run being complete.
        let info = try RawHTTP.get("/api/info", port: served.port)
        #expect(info.status == 200 && info.body.contains("\"live\":true"))
        let stopped = served.stop()
        #expect(stopped.status == 0, "\(stopped.stderr)")

        // Serving changes no output: the same run without --serve writes the same bytes.
        let plain = try CLI.run(["run", tmp.path("small.yaml"), "--out", tmp.path("plain"), "--quiet", "--threads", "1"])
        #expect(plain.status == 0, "\(plain.stderr)")
        for file in ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "window_groups.csv", "waits_by_level.csv", "daily.csv", "hotline.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: tmp.path("live/" + file)))
            let b = try Data(contentsOf: URL(fileURLWithPath: tmp.path("plain/" + file)))
            #expect(a == b, "\(file) differs with --serve")
        }
    }

    @Test func onlyTheNamedRunsOwnFilesAreServed() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let scenario = try tmp.smallCity("shenzhen-2020.yaml", days: 5)
        try FileManager.default.createDirectory(atPath: tmp.path("served"), withIntermediateDirectories: true)
        #expect(try CLI.run(["run", scenario, "--out", tmp.path("served/run-a"), "--quiet"]).status == 0)
        // A link out of the run directory, and a secret beside it.
        _ = try tmp.write("secret.txt", "not to be served")
        try FileManager.default.createSymbolicLink(atPath: tmp.path("served/run-a/leak.csv"), withDestinationPath: tmp.path("secret.txt"))
        let served = try ServedCLI(["serve", tmp.path("served"), "--port", "0"])
        defer { _ = served.stop() }

        let runs = try RawHTTP.get("/api/runs", port: served.port)
        #expect(runs.status == 200 && runs.body.contains("\"id\":\"run-a\"") && !runs.body.contains("leak.csv"))
        let file = try RawHTTP.get("/api/runs/run-a/files/summary.csv", port: served.port)
        #expect(file.status == 200)
        #expect(file.body == (try String(contentsOfFile: tmp.path("served/run-a/summary.csv"), encoding: .utf8)))
        let view = try RawHTTP.get("/api/runs/run-a", port: served.port)
        #expect(view.status == 200 && view.body.contains("\"districts\""))
        // A table damaged after the server started is named with its file (422), not a server error.
        let daily = tmp.path("served/run-a/daily.csv")
        let kept = try Data(contentsOf: URL(fileURLWithPath: daily))
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: daily))
        let damaged = try RawHTTP.get("/api/runs/run-a", port: served.port)
        #expect(damaged.status == 422 && damaged.body.contains("daily.csv: not valid UTF-8 text"), "\(damaged.status) \(damaged.body)")
        try kept.write(to: URL(fileURLWithPath: daily))

        for path in ["/../../etc/passwd", "/api/runs/run-a/files/../../secret.txt", "/api/runs/run-a/files/..%2f..%2fsecret.txt",
                     "/api/runs/%2e%2e/files/secret.txt", "/api/runs/run-a/files/leak.csv", "/api/runs/run-a/files/%00summary.csv",
                     "/api/runs/nothing-here", "/api/runs/run-a/files/by_nothing.csv", "/events", "/no/such/page"] {
            let reply = try RawHTTP.get(path, port: served.port)
            #expect(reply.status == 404, "\(path): \(reply.status)")
            #expect(reply.body.hasPrefix("404 ") && !reply.body.contains("not to be served"), "\(path): \(reply.body)")
        }
        // Not read-only, or not HTTP at all: a clear answer or a closed connection, and the server lives on.
        let post = try RawHTTP.parse(RawHTTP.send(Array("POST /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8), port: served.port))
        #expect(post.status == 405)
        _ = try RawHTTP.send([0, 1, 2, 255, 13, 10] + Array("GARBAGE \u{7f}\r\n\r\n".utf8), port: served.port)
        _ = try RawHTTP.send(Array("GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\n\r\n".utf8), port: served.port)
        #expect(try RawHTTP.get("/", port: served.port).status == 200)
    }

    @Test func aDirectoryThatIsNotARunIsRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        try FileManager.default.createDirectory(atPath: tmp.path("notes"), withIntermediateDirectories: true)
        _ = try tmp.write("notes/readme.txt", "")
        let r = try CLI.run(["serve", tmp.path("notes"), "--port", "0"], hangGuardSeconds: 60)
        #expect(r.status == 66)
        #expect(r.stderr.contains("is not a run, compare or sweep directory"), "\(r.stderr)")
        let missing = try CLI.run(["serve", tmp.path("nowhere"), "--port", "0"], hangGuardSeconds: 60)
        #expect(missing.status == 66 && missing.stderr.contains("no such directory"))
        let badPort = try CLI.run(["serve", tmp.path("notes"), "--port", "70000"], hangGuardSeconds: 60)
        #expect(badPort.status == 64 && badPort.stderr.contains("--port"))
    }

    @Test func aPortInUseIsRefusedBeforeTheRunStarts() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let scenario = try tmp.smallCity("shenzhen-2020.yaml", days: 5)
        #expect(try CLI.run(["run", scenario, "--out", tmp.path("a"), "--quiet"]).status == 0)
        let first = try ServedCLI(["serve", tmp.path("a"), "--port", "0"])
        defer { _ = first.stop() }
        let second = try CLI.run(["run", scenario, "--serve", "--port", String(first.port), "--out", tmp.path("b"), "--quiet"], hangGuardSeconds: 60)
        #expect(second.status == 69, "\(second.stderr)")
        #expect(second.stderr.contains("--port"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path("b")), "nothing written")
    }

    @Test func ctrlCStopsALiveRunAsItStopsAPlainOne() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        // Ten years, so that the run is still going 0.3 s after its address on any machine (a year of
        // the small city takes about 1.5 s on one thread here; the signal stops it long before).
        let scenario = try tmp.smallCity("shenzhen-2020.yaml", days: 3650)
        let served = try ServedCLI(["run", scenario, "--serve", "--port", "0", "--out", tmp.path("stopped"), "--quiet", "--threads", "1"])
        // The page's address is printed before the first day.
        usleep(300_000)
        #expect(served.process.isRunning)
        let stopped = served.stop()
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("stopped")), "nothing written")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path("")).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no half-written temporary directory: \(leftovers)")
    }

    @Test func helpExplainsBothModes() throws {
        let r = try CLI.run(["serve", "--help"])
        #expect(r.stdout.contains("Finished runs") && r.stdout.contains("Live") && r.stdout.contains("--serve"))
    }
}
