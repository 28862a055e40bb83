/// Pieces of scenario YAML that the planner tools write (`prioritized.yaml`, `staffed.yaml`).
public enum ScenarioText {
    /// `s` as a YAML double-quoted string (backslash, quote, newline, return and tab escaped).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
