// SPDX-License-Identifier: GPL-3.0-or-later
import FuzzSupport
import ScenarioModel

/// Any bytes as a register table, read by `Register.load`: every kept establishment must be
/// found again by its FINESS number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegister(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var d = Diagnostics()
    if let table = CSVTable.parse(fuzzBytes(start, count), file: "register.csv", diagnostics: &d) {
        let register = Register.load(table, diagnostics: &d)
        for (i, e) in register.establishments.enumerated() {
            invariant(register.index(of: e.finess) == i, "FINESS \(e.finess) not indexed at \(i)")
        }
        invariant(register.ogSize.count <= register.count, "more OGs than establishments")
    }
    renderAll(d)
    return 0
}
