import PaodongModel

extension Parameter {
    // MARK: - Lookup

    /// A set of declarations that a file's keys are read through: the scenario's (`Parameter.all`)
    /// or a sweep design's. A list element's index (`factors[2].low`) is ignored in lookups.
    public struct Schema: Sendable {
        /// Every declaration by concrete path.
        let byPath: [String: Parameter]
        /// Every section (a path that holds keys), e.g. `reforms` and `reforms.kiosks`.
        let sections: Set<String>

        public init(_ parameters: [Parameter]) {
            var table: [String: Parameter] = [:]
            for p in parameters {
                for path in p.concretePaths {
                    precondition(table[path] == nil, "key \(path) declared twice")
                    table[path] = p
                }
            }
            var sections: Set<String> = []
            for path in table.keys {
                var parts = path.split(separator: ".").dropLast()
                while !parts.isEmpty {
                    sections.insert(parts.joined(separator: "."))
                    parts = parts.dropLast()
                }
            }
            byPath = table
            self.sections = sections
        }

        /// `a.b[3].c` → `a.b.c`.
        static func normalized(_ path: String) -> String {
            guard path.contains("[") else { return path }
            return path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
        }

        /// The declaration of the concrete key `path`; a key the code reads without declaring it
        /// is a programmer error.
        func declared(_ path: String) -> Parameter {
            guard let p = byPath[Self.normalized(path)] else { preconditionFailure("key '\(path)' is read but not declared") }
            return p
        }

        /// Whether `path` is a declared key or section.
        public func isDeclared(_ path: String) -> Bool {
            let path = Self.normalized(path)
            return byPath[path] != nil || sections.contains(path) || path.isEmpty
        }

        /// The declaration of `path`, if any.
        public func parameter(_ path: String) -> Parameter? { byPath[Self.normalized(path)] }

        /// The scenario file's keys with the standard reforms.
        public static let scenario = Schema(Parameter.all())

        /// The scenario file's keys with `registry`'s reforms.
        public static func scenario(_ registry: ReformRegistry) -> Schema {
            registry == .standard ? scenario : Schema(Parameter.all(registry))
        }
    }
}
