import ArgumentParser
import Foundation
import PaodongServe

/// `paodong serve DIR…`: the live view's page over finished runs.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show finished runs in a browser: run, compare and sweep directories, drawn from their CSV files.",
        discussion: """
        Two ways to use the view:

        Finished runs:
          paodong serve runs/compare-baseline-2012-seed20201219 [DIR …]
          serves the named run, compare and sweep directories (or those one
          level below a named folder, such as runs/): a list of runs, each
          drawn from its CSV files; a compare's scenarios side by side with
          comparison.csv; a sweep's tables.

        Live:
          paodong run SCENARIO.yaml --serve
          paodong compare BASE.yaml A.yaml --serve
          print the page's address and stream one snapshot per simulated day
          (Server-Sent Events at /events; a browser that joins late or
          reconnects gets every day). The run writes exactly what it writes
          without --serve; after it, the page shows the final figures until
          Ctrl-C.

        Only GET and HEAD are answered; only the named directories' own files
        are served (links leading out of them are not); anything else gets 404
        with a reason. The server listens on 127.0.0.1 (this machine only)
        unless --host says otherwise (0.0.0.0: every network interface).
        Ctrl-C stops it.
        """)

    @Argument(help: "Run, compare or sweep directories, or folders that hold them.")
    var directories: [String]

    @Option(help: "Address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every interface.")
    var host = "127.0.0.1"

    @Option(help: "Port to serve on; 0 lets the system choose a free one.")
    var port = 8787

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("name at least one run, compare or sweep directory") }
        try options.validate()
    }

    private var options: ServeOptions {
        var o = ServeOptions()
        o.serve = true; o.host = host; o.port = port
        return o
    }

    func run() throws {
        Interruption.shared.install()
        let library: RunLibrary
        do { library = try RunLibrary(paths: directories) } catch {
            printError("error: \(error)")
            throw ExitCode(66)
        }
        let server = try options.start(ViewServer.Content(library: library, title: "paodong · finished runs"), what: "serving \(library.entries.count) runs")
        printError("serving until Ctrl-C")
        ServeOptions.serveUntilInterrupted(server)
    }
}
