// SPDX-License-Identifier: GPL-3.0-or-later
import FuzzSupport
import ScenarioModel

/// Any bytes as a scenario file: read (`ConfigNode.parse(bytes:)`), decoded
/// (`ScenarioSpec.decode`), then decoded again with each variant applied, as `--variant` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var d = Diagnostics()
    if let node = ConfigNode.parse(bytes: fuzzBytes(start, count), file: "scenario.yaml", diagnostics: &d),
       let spec = ScenarioSpec.decode(node, file: "scenario.yaml", diagnostics: &d) {
        for variant in spec.variants.prefix(8) {
            var vd = Diagnostics()
            _ = ScenarioSpec.decode(node.applying(variant), file: "scenario.yaml", diagnostics: &vd)
            renderAll(vd)
        }
    }
    renderAll(d)
    return 0
}
