import Foundation
import Hummingbird
import PaodongReports

/// Answers the view's requests. Every path is split into percent-decoded segments and matched
/// against a fixed list; an id or a file name is looked up, never joined into a path. A request
/// that matches nothing, names an unknown run or file, or carries `.`/`..` or a NUL gets 404 with
/// a line that says why; a method other than GET or HEAD gets 405. No request can crash it.
///
/// - `/`, `/app.js`, `/app.css`: the page.
/// - `/api/info`: the mode and the metric registry's labels.
/// - `/api/runs`: finished runs; `/api/runs/ID`: a run's view, or a compare's or sweep's tables;
///   `/api/runs/ID/files/NAME`: one of its files.
/// - `/events`: a live run's Server-Sent Events (`Last-Event-ID` or `?after=N` to resume).
struct ViewRoutes: Sendable {
    let content: ViewServer.Content

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "paodong serve is read-only: only GET and HEAD are answered, not \(request.method.rawValue)")
        }
        let raw = request.uri.path
        var segments: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let s = String(part).removingPercentEncoding, s != ".", s != "..", !s.contains("/"), !s.contains("\0") else {
                return Self.notFound(raw, "a path may not step out of the served directories")
            }
            segments.append(s)
        }
        do {
            switch segments.count {
            case 0: return Self.asset(Page.html, "text/html; charset=utf-8")
            case 1 where segments[0] == "app.js": return Self.asset(Page.script, "text/javascript; charset=utf-8")
            case 1 where segments[0] == "app.css": return Self.asset(Page.style, "text/css; charset=utf-8")
            case 1 where segments[0] == "events":
                guard let feed = content.feed else { return Self.notFound(raw, "no live run here: the events are served by paodong run --serve or compare --serve") }
                return events(feed, request)
            case 2 where segments == ["api", "info"]: return try Self.json(info)
            case 2 where segments == ["api", "runs"]: return try Self.json(content.library?.entries ?? [])
            case 3 where segments[0] == "api" && segments[1] == "runs": return try run(segments[2], raw)
            case 5 where segments[0] == "api" && segments[1] == "runs" && segments[3] == "files":
                return file(segments[2], segments[4], raw)
            default: return Self.notFound(raw, "no such page")
            }
        } catch let e as CSVRows.Unreadable {
            // A served table that cannot be shown: the page names the file and why.
            return Self.text(.unprocessableContent, e.description)
        } catch {
            return Self.text(.internalServerError, "cannot read \(raw): \(error)")
        }
    }

    /// What the page needs to know before anything else.
    struct Info: Encodable {
        struct MetricLabel: Encodable { var name, label, unit, doc: String; var digits: Int }
        var title: String
        var live: Bool
        var library: Bool
        var metrics: [MetricLabel]
        var channels: [String]
    }

    var info: Info {
        Info(title: content.title, live: content.feed != nil, library: content.library != nil,
             metrics: Metric.summary.map { Info.MetricLabel(name: $0.name, label: $0.label, unit: $0.unit.rawValue, doc: $0.doc, digits: $0.displayDigits) },
             channels: LivePayload.channels)
    }

    private func run(_ id: String, _ raw: String) throws -> Response {
        guard let library = content.library, let entry = library.entry(id) else {
            return Self.notFound(raw, "no run \"\(id)\" is served here (see /api/runs)")
        }
        struct Group: Encodable { var entry: RunLibrary.Entry; var tables: [String: RunView.Table] }
        if entry.kind == .run, let view = try library.view(id) { return try Self.json(view) }
        return try Self.json(Group(entry: entry, tables: try library.tables(id)))
    }

    private func file(_ id: String, _ name: String, _ raw: String) -> Response {
        guard let library = content.library, library.entry(id) != nil else {
            return Self.notFound(raw, "no run \"\(id)\" is served here (see /api/runs)")
        }
        guard let url = library.file(id, name), let data = try? Data(contentsOf: url) else {
            return Self.notFound(raw, "run \"\(id)\" has no file \"\(name)\" (its files are listed by /api/runs)")
        }
        let type = name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : name.hasSuffix(".json") ? "application/json" : "application/octet-stream"
        return Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Every event after the one the browser last saw, then new ones as they come; ends after the
    /// feed closes. A browser that goes away ends only its own stream (the write fails).
    private func events(_ feed: LiveFeed, _ request: Request) -> Response {
        let header = request.headers.first(where: { $0.name.canonicalName == "last-event-id" }).flatMap { Int($0.value.trimmingCharacters(in: .whitespaces)) }
        let query = request.uri.queryParameters.get("after").flatMap { Int($0) }
        let after = max(0, header ?? query ?? 0)
        let body = ResponseBody { writer in
            var last = after
            // Reconnect after 2 s if the connection drops before the end.
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while true {
                let batch = await feed.events(after: last)
                if batch.isEmpty { break }
                var buffer = ByteBuffer()
                for e in batch { buffer.writeString("id: \(e.id)\nevent: \(e.name)\ndata: \(e.data)\n\n") }
                try await writer.write(buffer)
                last = batch[batch.count - 1].id
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"], body: body)
    }

    static func asset(_ text: String, _ type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notFound(_ path: String, _ why: String) -> Response {
        text(.notFound, "404 \(path): \(why)")
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
