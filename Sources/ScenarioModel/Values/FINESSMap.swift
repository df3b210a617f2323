// SPDX-License-Identifier: GPL-3.0-or-later

/// A hash map keyed by FINESS number, for the national register's indexes (43 748 ESSMS,
/// 17 140 organisations). A FINESS number is one 54-bit word, so the map hashes it with one
/// multiplication (Fibonacci hashing) and probes linearly: several times faster than a
/// `Dictionary`, whose per-process-seeded SipHash dominated the loading profile.
public struct FINESSMap<Value: Sendable>: Sendable {
    /// Key code + 1 (0 marks an empty slot).
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    public private(set) var count = 0

    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ code: UInt64) -> Int { Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    public subscript(key: FINESS) -> Value? {
        get {
            let k = key.code &+ 1
            var i = slot(key.code)
            let mask = keys.count - 1
            while true {
                let stored = keys[i]
                if stored == k { return values[i] }
                if stored == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let newValue else {
                if self[key] != nil { remove(key) }
                return
            }
            if (count + 1) * 2 > keys.count { grow() }
            let k = key.code &+ 1
            var i = slot(key.code)
            let mask = keys.count - 1
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    /// `map[key, default: v]` style update.
    public subscript(key: FINESS, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    public var isEmpty: Bool { count == 0 }

    /// Every (key, value), in FINESS order.
    public var sorted: [(key: FINESS, value: Value)] {
        var out: [(key: FINESS, value: Value)] = []
        out.reserveCapacity(count)
        for (i, k) in keys.enumerated() where k != 0 { out.append((FINESS(packed: k - 1), values[i]!)) }
        return out.sorted { $0.key < $1.key }
    }

    private mutating func grow() {
        let old = sorted
        self = FINESSMap(capacity: keys.count)
        for (k, v) in old { self[k] = v }
    }

    private mutating func remove(_ key: FINESS) {
        let rest = sorted.filter { $0.key != key }
        self = FINESSMap(capacity: rest.count)
        for (k, v) in rest { self[k] = v }
    }
}
