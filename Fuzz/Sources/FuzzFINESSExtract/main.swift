// SPDX-License-Identifier: GPL-3.0-or-later
import FuzzSupport
import ScenarioModel

/// Any bytes as the official FINESS extract; the register CSV written from what was kept must
/// be read back by `Register.load` with no error and the same rows (what `esms register import`
/// promises).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFINESSExtract(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let extract = FINESSExtract.parse(fuzzBytes(start, count), file: "etalab-cs1100507-stock-20210108-0427.csv")
    renderAll(extract.diagnostics)
    guard !extract.rows.isEmpty else { return 0 }
    var d = Diagnostics()
    let csv = extract.registerCSV()
    guard let table = CSVTable.parse(csv, file: "register.csv", diagnostics: &d) else {
        invariant(false, "the register CSV of \(extract.rows.count) rows cannot be read back")
        return 0
    }
    let register = Register.load(table, diagnostics: &d)
    invariant(!d.hasErrors, "the register CSV read back with errors: \(d.sorted.map(\.rendered))")
    invariant(register.establishments == extract.rows.map(\.establishment),
              "the register read back differs from the extract's rows")
    return 0
}
