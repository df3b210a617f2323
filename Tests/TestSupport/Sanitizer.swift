// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Whether the tests run under a sanitizer (`swift test --sanitize=address` or `thread`,
/// Benchmarks/FUZZING.md), which makes the code several times slower: the few tests with an
/// absolute time bound widen it by `slowdown`, their ratios stay as they are.
public enum Sanitizer {
    public static let isOn: Bool = ["__asan_init", "__tsan_init"].contains { (name: String) in dlsym(nil, name) != nil }

    /// The factor for an absolute time bound: 4 under a sanitizer (measured: reading 200 000 YAML
    /// keys, 5 s in a debug build, took 35 s under AddressSanitizer on the busy 2-core machine).
    public static var slowdown: Double { isOn ? 4 : 1 }
}
