import CYaml
import Foundation
import PaodongModel

/// A pass over a YAML text's events, before Yams composes it, that refuses what would make
/// composing it cost more than the text's size: a mapping key that is a sequence, a mapping or an
/// alias of one, and a document that expands (aliases counted at their anchor's size) to more
/// than `SourceNode.nodeLimit` nodes.
///
/// Why before composing: Yams checks each mapping's keys for duplicates by hashing them, and a key
/// that is an alias of a nested alias ("billion laughs" under a `? ` complex key) hashes its whole
/// expansion, 10^8 nodes for a 600-byte file, before `SourceNode` can count anything (a fuzzer
/// found it). Scenario keys are plain strings, so nothing valid is refused. A text that libyaml
/// cannot parse passes here untouched, for Yams to report where. O(events).
enum YAMLShape {
    /// Throws `ScenarioError.invalid` naming the line and column of the first offending node.
    static func check(_ text: String, file: String) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try walk(&parser, file: file)
        }
    }

    /// An open sequence or mapping: its expanded size so far, its anchor, and (for a mapping)
    /// whether the next node is a key.
    private struct Open {
        var isMapping: Bool
        var size = 1
        var anchor: String?
        var expectsKey = true
    }

    private static func walk(_ parser: inout yaml_parser_t, file: String) throws {
        var open: [Open] = []
        // Each anchor's expanded size and whether it is a scalar.
        var anchors: [String: (size: Int, scalar: Bool)] = [:]
        var expanded = 0
        func issue(_ mark: yaml_mark_t, _ message: String) -> ScenarioError {
            .invalid([ScenarioIssue(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, key: "", message: message)])
        }
        /// A finished node of `size` nodes joins its parent (a key must be a scalar).
        func finish(size: Int, scalar: Bool, anchor: String?, at mark: yaml_mark_t) throws {
            if let anchor { anchors[anchor] = (size, scalar) }
            guard !open.isEmpty else { return }
            if open[open.count - 1].isMapping {
                if open[open.count - 1].expectsKey && !scalar {
                    throw issue(mark, "mapping keys must be plain strings")
                }
                open[open.count - 1].expectsKey.toggle()
            }
            open[open.count - 1].size += size
        }
        func grow(_ n: Int, at mark: yaml_mark_t) throws {
            expanded += n
            if expanded > SourceNode.nodeLimit {
                throw issue(mark, "the document expands to more than \(SourceNode.nodeLimit) nodes (an alias bomb?); scenario files are small")
            }
        }
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                try grow(1, at: mark)
                try finish(size: 1, scalar: true, anchor: name(event.data.scalar.anchor), at: mark)
            case YAML_ALIAS_EVENT:
                // An unknown alias is Yams's to report.
                guard let alias = name(event.data.alias.anchor), let target = anchors[alias] else { return }
                try grow(target.size, at: mark)
                try finish(size: target.size, scalar: target.scalar, anchor: nil, at: mark)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if let parent = open.last, parent.isMapping && parent.expectsKey {
                    throw issue(mark, "mapping keys must be plain strings")
                }
                try grow(1, at: mark)
                open.append(Open(isMapping: isMapping,
                                 anchor: name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let done = open.popLast() else { return }
                try finish(size: done.size, scalar: false, anchor: done.anchor, at: mark)
            default:
                continue
            }
        }
    }

    /// A libyaml anchor or alias name. O(length).
    private static func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
