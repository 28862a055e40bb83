import Foundation
import PaodongReports
import PaodongScenario
import PaodongTestSupport
import Testing

/// `ScenarioText.quoted`, what the planner tools write names and paths with: the scenario loader
/// (the YAML parser, an independent reader) reads back exactly the text quoted.
@Suite struct ScenarioTextTests {
    @Test(arguments: ["plain", "with \"quotes\"", "back\\slash", "two\nlines", "crlf\r\nend", "tab\there", "深圳 Bao'an"])
    func quotedTextReadsBack(_ text: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = try tmp.write("named.yaml", "extends: \(ScenarioText.quoted(CLI.scenario("quick.yaml")))\nname: \(ScenarioText.quoted(text))\n")
        #expect(try ScenarioLoader.load(path: path).parameters.name == text)
    }
}
