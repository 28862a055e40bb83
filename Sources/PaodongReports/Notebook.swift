import Foundation

/// A Jupyter notebook (nbformat 4.5) that loads a run or comparison directory with pandas and draws
/// the reviewers' charts with matplotlib. Each chart has a short markdown cell, headed in Chinese
/// and English, saying what it shows.
public struct Notebook: Sendable {
    public enum Cell: Sendable {
        case markdown(String)
        case code(String)
    }

    public var cells: [Cell]

    /// What a directory holds, and so which notebook it gets.
    public enum Kind: Sendable {
        /// A run or comparison (summary.csv or comparison.csv).
        case run
        /// A sweep (sweep.csv).
        case sweep
        /// A prioritisation (ranking.csv).
        case ranking
        /// A staffing (staffing.csv).
        case staffing
    }

    /// The notebook for `directory` of `kind`.
    public init(directory: String, kind: Kind = .run) {
        switch kind {
        case .run: cells = NotebookCells.make(directory: directory)
        case .sweep: cells = SweepNotebookCells.make(directory: directory)
        case .ranking: cells = RankingNotebookCells.make(directory: directory)
        case .staffing: cells = StaffingNotebookCells.make(directory: directory)
        }
    }

    /// `text` for the inside of a double-quoted Python string (a directory written into a cell).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    /// The notebook as nbformat 4.5 JSON: deterministic cell ids, no outputs (execute it to fill them).
    public func encoded() throws -> Data {
        func lines(_ text: String) -> [String] {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }
        }
        var json: [[String: Any]] = []
        for (k, cell) in cells.enumerated() {
            let id = String(format: "cell-%02d", k + 1)
            switch cell {
            case .markdown(let text):
                json.append(["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": lines(text)])
            case .code(let text):
                json.append(["cell_type": "code", "id": id, "metadata": [String: Any](), "execution_count": NSNull(),
                             "outputs": [Any](), "source": lines(text)])
            }
        }
        let notebook: [String: Any] = [
            "cells": json,
            "metadata": [
                "kernelspec": ["display_name": "Python 3", "language": "python", "name": "python3"],
                "language_info": ["name": "python"],
            ],
            "nbformat": 4, "nbformat_minor": 5,
        ]
        var data = try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys])
        data.append(0x0A)
        return data
    }
}
