// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`, as the readers take them.
public func fuzzBytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
    Array(UnsafeRawBufferPointer(start: start, count: count))
}

/// Renders every diagnostic, as `esms validate` would print it, so that building a message
/// (positions, quoted excerpts) is exercised too. Returns the total length (kept live).
@discardableResult
public func renderAll(_ diagnostics: Diagnostics) -> Int {
    diagnostics.sorted.reduce(0) { $0 + $1.rendered.utf8.count }
}

/// An invariant of the readers: a failure is a finding, reported by libFuzzer as a crash with
/// the input that caused it.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}
