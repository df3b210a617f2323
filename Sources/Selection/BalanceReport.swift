// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The money of a selection by balance key against its target share.
public struct BalanceLine: Sendable, Hashable {
    public var key: String
    /// Money to the key's ESSMS, selected and engaged projects.
    public var money: Money
    public var share: Double
    public var target: Double
    public var low: Double
    public var high: Double
    public var within: Bool
}

extension SelectionProblem {
    /// Shares of each key of `spec` for the selected candidates (plus the engaged projects).
    public func balance(_ spec: BalanceSpec, selected: [Int], money: KeyPath<Candidate, [String: Int64]>) -> [BalanceLine] {
        let (byKey, total) = moneyByKey(selected, money: money)
        return spec.keys.map { k in
            let a = byKey[k] ?? 0
            let share = total > 0 ? Double(a) / Double(total) : 0
            let t = spec.targets[k] ?? 0
            let low = (1 - spec.tolerance) * t, high = (1 + spec.tolerance) * t
            return BalanceLine(key: k, money: Money(cents: a), share: share, target: t, low: low, high: high,
                               within: total == 0 || (share >= low - 1e-9 && share <= high + 1e-9))
        }
    }

    /// Whether every hard balance holds for `selected`, on the amounts in cents rather than
    /// through the solver's tolerances.
    public func hardBalanceHolds(_ selected: [Int]) -> Bool {
        (territory.mode != .hard || territoryBalance(selected).allSatisfy(\.within))
            && (sector.mode != .hard || sectorBalance(selected).allSatisfy(\.within))
    }

    /// The soft-balance stage's objective for `selected`, computed from the amounts in cents:
    /// for every key of every soft balance, in euros, how far its money falls below (1 − τ)·t_k
    /// of the total or rises above (1 + τ)·t_k of it (engaged projects included). The value the
    /// solver reports is that of its own point, whose slacks may sit up to its tolerances below
    /// those of the rounded selection; the selection's value is this one.
    public func softImbalance(_ selected: [Int]) -> Double {
        SoftImbalance(self).of(selected)
    }

    /// The money of `selected` and the engaged projects by key of `money`, and its total, in cents.
    func moneyByKey(_ selected: [Int], money: KeyPath<Candidate, [String: Int64]>) -> (byKey: [String: Int64], total: Int64) {
        var byKey: [String: Int64] = [:]
        // The candidates read in place, not copied (a re-solve counts its imbalance each time).
        for i in selected { for (k, v) in candidates[i][keyPath: money] { byKey[k, default: 0] += v } }
        for c in engaged { for (k, v) in c[keyPath: money] { byKey[k, default: 0] += v } }
        return (byKey, byKey.values.reduce(0, +))
    }

    public func territoryBalance(_ selected: [Int]) -> [BalanceLine] { balance(territory, selected: selected, money: \.territoryMoney) }
    public func sectorBalance(_ selected: [Int]) -> [BalanceLine] { balance(sector, selected: selected, money: \.sectorMoney) }
}

/// `SelectionProblem.softImbalance` with the money of every candidate by key numbered once, for
/// a problem whose imbalance is counted again and again (one per explanation re-solve): the
/// same sums of cents and the same arithmetic in the same order, without a dictionary per count.
struct SoftImbalance: Sendable {
    struct Balance: Sendable {
        var tolerance: Double
        var targets: [Double]
        /// The number of each key of the balance, in its order (a key listed twice counts twice).
        var numbers: [Int]
        /// Per candidate, its money by key number (keys outside the balance left out), and its total.
        var money: [[(key: Int, cents: Int64)]]
        var totals: [Int64]
        /// The engaged projects' money by key number, and its total.
        var engaged: [Int64]
        var engagedTotal: Int64
    }

    let balances: [Balance]

    init(_ p: SelectionProblem) {
        var balances: [Balance] = []
        for (spec, money) in [(p.territory, \Candidate.territoryMoney), (p.sector, \Candidate.sectorMoney)] where spec.mode == .soft {
            let number = Dictionary(spec.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var engaged = [Int64](repeating: 0, count: spec.keys.count)
            var engagedTotal: Int64 = 0
            for c in p.engaged {
                for (k, v) in c[keyPath: money] {
                    if let n = number[k] { engaged[n] += v }
                    engagedTotal += v
                }
            }
            balances.append(Balance(
                tolerance: spec.tolerance, targets: spec.keys.map { spec.targets[$0] ?? 0 }, numbers: spec.keys.map { number[$0]! },
                money: p.candidates.map { c in c[keyPath: money].compactMap { k, v in number[k].map { (key: $0, cents: v) } } },
                totals: p.candidates.map { $0[keyPath: money].values.reduce(0, +) }, engaged: engaged, engagedTotal: engagedTotal))
        }
        self.balances = balances
    }

    /// The imbalance of `selected`, in euros.
    func of(_ selected: [Int]) -> Double {
        var imbalance = 0.0
        for b in balances {
            var byKey = b.engaged
            var cents = b.engagedTotal
            for i in selected {
                for m in b.money[i] { byKey[m.key] += m.cents }
                cents += b.totals[i]
            }
            let total = Double(cents)
            for (k, t) in b.targets.enumerated() {
                let a = Double(byKey[b.numbers[k]])
                imbalance += Swift.max(0, (1 - b.tolerance) * t * total - a) + Swift.max(0, a - (1 + b.tolerance) * t * total)
            }
        }
        return imbalance / 100
    }
}
