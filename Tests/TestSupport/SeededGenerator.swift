// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The project's seeded generator, for property tests: a failing seed can be named and replayed.
public typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// A number in 0..<n (n > 0).
    public mutating func int(_ n: Int) -> Int { int(0...(n - 1)) }
}
