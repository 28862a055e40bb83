import ArgumentParser
import Foundation
import PaodongServe

/// `--serve`, `--host`, `--port` of `run` and `compare`, and the address of `serve`.
struct ServeOptions: ParsableArguments {
    @Flag(help: "Show the run live in a browser: print the page's address, stream one snapshot per simulated day, and keep serving the final figures after the run until Ctrl-C. Changes no output.")
    var serve = false

    @Option(help: "Address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every interface.")
    var host = "127.0.0.1"

    @Option(help: "Port to serve on; 0 lets the system choose a free one.")
    var port = 8787

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, found \(port)") }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw ValidationError("--host must be an address or host name such as 127.0.0.1, found \"\(host)\"")
        }
    }

    /// Starts the server and prints its address on standard output (flushed, so that a script
    /// reading the pipe sees it at once). A port in use or a foreign address: exit 69 (EX_UNAVAILABLE).
    func start(_ content: ViewServer.Content, what: String) throws -> ViewServer {
        let server: ViewServer
        do {
            server = try ViewServer(host: host, port: port, content: content)
        } catch {
            printError("error: \(error); choose another with --port (0 picks a free one) or --host")
            throw ExitCode(69)
        }
        FileHandle.standardOutput.write(Data("\(what): \(server.address)\n".utf8))
        return server
    }

    /// Serves until SIGINT or SIGTERM (`Interruption`), then stops the server.
    static func serveUntilInterrupted(_ server: ViewServer) {
        while !Interruption.shared.isSet { usleep(100_000) }
        server.stop()
    }
}
