// SPDX-License-Identifier: GPL-3.0-or-later
import FuzzSupport
import ScenarioModel

/// Any bytes as a CSV table: every field, byte range and position of every kept row is read;
/// then the table is read as the projects table and as the members table of a scenario.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var d = Diagnostics()
    if let table = CSVTable.parse(fuzzBytes(start, count), file: "fuzz.csv", diagnostics: &d) {
        for row in table.rows {
            let fields = table.fields(of: row)
            invariant(fields.count == table.header.count, "row of line \(row.line) has \(fields.count) fields")
            for (i, column) in table.columns(of: row).enumerated() {
                let bytes = table.withBytes(row, i) { Array($0) }
                invariant(bytes == Array(fields[i].utf8), "field \(i) of line \(row.line): bytes and value differ")
                invariant(table.isEmpty(row, i) == fields[i].isEmpty,
                          "field \(i) of line \(row.line): isEmpty disagrees with the value")
                invariant(column >= 1 && table.position(row, i).line >= row.line, "position before its row")
            }
        }
        _ = ProjectTables.load(projects: table, members: table, register: Register([]), nationalScope: false,
                               diagnostics: &d)
    }
    renderAll(d)
    return 0
}
