import ArgumentParser

/// The command-line entry point: `paodong run | compare | queue | validate`.
@main
struct Paodong: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "paodong",
        abstract: "Simulate a city's government services and count 跑动 (in-person trips) and waits.",
        version: version,
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, MergeCommand.self, QueueCommand.self, StaffCommand.self, PrioritizeCommand.self, ValidateCommand.self,
                      NotebookCommand.self, ReportCommand.self, ServeCommand.self])
}
