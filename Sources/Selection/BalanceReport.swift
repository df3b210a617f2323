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
        let projects = selected.map { candidates[$0] } + engaged
        var byKey: [String: Int64] = [:]
        for c in projects { for (k, v) in c[keyPath: money] { byKey[k, default: 0] += v } }
        let total = byKey.values.reduce(0, +)
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

    public func territoryBalance(_ selected: [Int]) -> [BalanceLine] { balance(territory, selected: selected, money: \.territoryMoney) }
    public func sectorBalance(_ selected: [Int]) -> [BalanceLine] { balance(sector, selected: selected, money: \.sectorMoney) }
}
