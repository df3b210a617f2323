// SPDX-License-Identifier: GPL-3.0-or-later

/// A hash map from FINESS number to a small integer (a position in the register, an
/// organisation's size), for the national register's indexes (43 748 ESSMS, 17 140
/// organisations). A FINESS number is one 54-bit word: the map hashes it with one multiplication
/// (Fibonacci hashing), probes linearly, and keeps key and value side by side in 16 bytes, so a
/// lookup costs about one cache miss. (A `Dictionary`, with its per-process-seeded SipHash,
/// dominated the loading profile.)
public struct FINESSMap: Sendable {
    private struct Slot: Sendable {
        /// Key code + 1; 0 marks an empty slot.
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    public private(set) var count = 0

    /// A map sized for `capacity` keys (it grows beyond).
    public init(capacity: Int = 16) {
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(_ code: UInt64) -> Int { Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: FINESS) -> Int {
        let k = key.code &+ 1
        let mask = slots.count - 1
        var i = home(key.code)
        return slots.withUnsafeBufferPointer { b in
            while b[i].key != k && b[i].key != 0 { i = (i + 1) & mask }
            return i
        }
    }

    public subscript(key: FINESS) -> Int? {
        let i = find(key)
        return slots[i].key == 0 ? nil : Int(slots[i].value)
    }

    /// Sets the value of `key`.
    public mutating func set(_ key: FINESS, _ value: Int) {
        reserveOne()
        let i = find(key)
        if slots[i].key == 0 { count += 1 }
        slots[i] = Slot(key: key.code &+ 1, value: Int32(truncatingIfNeeded: value))
    }

    /// Inserts `key` with `value` unless present; returns the value already there, if any.
    public mutating func insertIfAbsent(_ key: FINESS, _ value: Int) -> Int? {
        reserveOne()
        let i = find(key)
        if slots[i].key != 0 { return Int(slots[i].value) }
        count += 1
        slots[i] = Slot(key: key.code &+ 1, value: Int32(truncatingIfNeeded: value))
        return nil
    }

    /// Adds 1 to the value of `key` (0 when absent).
    public mutating func increment(_ key: FINESS) {
        reserveOne()
        let i = find(key)
        if slots[i].key == 0 {
            count += 1
            slots[i] = Slot(key: key.code &+ 1, value: 1)
        } else {
            slots[i].value += 1
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// Every (key, value), in FINESS order.
    public var sorted: [(key: FINESS, value: Int)] {
        var out: [(key: FINESS, value: Int)] = []
        out.reserveCapacity(count)
        for slot in slots where slot.key != 0 { out.append((FINESS(packed: slot.key - 1), Int(slot.value))) }
        return out.sorted { $0.key < $1.key }
    }

    /// Keeps the load under 0.7, growing before an insertion would pass it.
    private mutating func reserveOne() {
        guard (count + 1) * 10 > slots.count * 7 else { return }
        let old = slots
        self = FINESSMap(capacity: slots.count)
        for slot in old where slot.key != 0 { set(FINESS(packed: slot.key - 1), Int(slot.value)) }
    }
}
