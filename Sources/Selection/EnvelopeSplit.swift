// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// One region's part of a split envelope.
public struct EnvelopeShare: Sendable, Hashable {
    public var region: String
    /// ESSMS of the region in the register.
    public var essms: Int
    /// Corse or an overseas region given the floor instead of its prorata.
    public var atFloor: Bool
    /// Whole euros.
    public var envelope: Money
    /// The envelope notified in 2024 (RULES.md §7), when asked for.
    public var official2024: Money?

    public init(region: String, essms: Int, atFloor: Bool, envelope: Money, official2024: Money? = nil) {
        self.region = region
        self.essms = essms
        self.atFloor = atFloor
        self.envelope = envelope
        self.official2024 = official2024
    }

    /// Computed − official, when the official amount is known.
    public var difference: Money? { official2024.map { envelope - $0 } }
}

/// The CNSA split of the national credits between regions (RULES.md §7): a floor for Corse and
/// the overseas regions, the rest pro rata of each region's ESSMS, rounded to the euro by
/// largest remainder so that the parts sum exactly to the total. Pure arithmetic on integers.
public enum EnvelopeSplit {
    /// Corse, Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
    public static let defaultFloorRegions = ["94", "01", "02", "03", "04", "06"]

    public enum Failure: Error, Equatable, Sendable {
        /// The total or the floor is not a whole number of euros, or is negative.
        case notWholeEuros(String)
        /// The floors alone exceed the total.
        case floorsExceedTotal(floors: Money, total: Money)
        /// A floor region code is not one of the 18 regions.
        case unknownRegion(String)
        /// No ESSMS in the regions sharing the prorata.
        case noESSMS
        case overflow
    }

    /// Splits `total` between `regions` (INSEE codes, in the order of the result): each region of
    /// `floorRegions` gets `floor`; the others share the rest pro rata of `counts` (ESSMS by region),
    /// rounded to the euro by largest remainder (ties: the region listed first).
    public static func split(total: Money, floor: Money, floorRegions: [String] = defaultFloorRegions,
                             counts: [String: Int], regions: [String] = Geography.regions.map(\.code),
                             withOfficial2024: Bool = false) throws(Failure) -> [EnvelopeShare] {
        guard total.cents >= 0, total.cents % 100 == 0 else { throw .notWholeEuros("total \(total)") }
        guard floor.cents >= 0, floor.cents % 100 == 0 else { throw .notWholeEuros("floor \(floor)") }
        for r in floorRegions where !regions.contains(r) { throw .unknownRegion(r) }
        let floored = Set(floorRegions)
        let floors = floor * Int64(floored.count)
        guard floors <= total else { throw .floorsExceedTotal(floors: floors, total: total) }
        let shared = regions.filter { !floored.contains($0) }
        let weights = shared.map { Int64(counts[$0] ?? 0) }
        let rest = (total - floors).cents / 100
        let parts: [Int64]
        if shared.isEmpty {
            parts = []
            guard rest == 0 else { throw .noESSMS }
        } else {
            guard weights.reduce(0, +) > 0 || rest == 0 else { throw .noESSMS }
            guard let p = largestRemainder(rest, weights: weights) else { throw .overflow }
            parts = p
        }
        let byRegion = Dictionary(uniqueKeysWithValues: zip(shared, parts))
        return regions.map { r in
            EnvelopeShare(region: r, essms: counts[r] ?? 0, atFloor: floored.contains(r),
                          envelope: floored.contains(r) ? floor : Money(euros: byRegion[r] ?? 0),
                          official2024: withOfficial2024 ? Geography.regionsByCode[r]?.envelope2024 : nil)
        }
    }

    /// `total` units shared pro rata of `weights`: each part is the floor of its exact quota, and
    /// the units left go one each to the largest remainders (ties: the lower index). The parts
    /// sum exactly to `total`. All weights 0: shared equally the same way. Nil on overflow or
    /// negative input.
    public static func largestRemainder(_ total: Int64, weights: [Int64]) -> [Int64]? {
        guard total >= 0, !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }) else { return weights.isEmpty && total == 0 ? [] : nil }
        var w = weights
        var sum = w.reduce(0, +)
        if sum == 0 {
            w = [Int64](repeating: 1, count: w.count)
            sum = Int64(w.count)
        }
        var parts: [Int64] = [], remainders: [Int64] = []
        for x in w {
            let (product, overflow) = total.multipliedReportingOverflow(by: x)
            if overflow { return nil }
            parts.append(product / sum)
            remainders.append(product % sum)
        }
        var left = total - parts.reduce(0, +)
        let order = w.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 {
            parts[i] += 1
            left -= 1
        }
        return parts
    }
}
