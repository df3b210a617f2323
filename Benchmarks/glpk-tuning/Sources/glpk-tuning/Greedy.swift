// SPDX-License-Identifier: GPL-3.0-or-later

/// Domain heuristics for `SelectionInstance`: fill the budget in a given order under
/// per-key money caps (the upper balance rows at a nearly spent budget), keep the FINESS
/// conflicts, then repair the lower balance rows by swaps.
extension SelectionInstance {
    /// Greedy by ESSMS per euro (no LP): a start solution.
    func ratioGreedy() -> [Double]? {
        fill(order: cost.indices.sorted { ratio($0) > ratio($1) })
    }

    /// Greedy guided by the LP relaxation of a node: projects by LP value, then ratio.
    func lpGreedy(_ relaxation: [Double]) -> [Double]? {
        let order = cost.indices.sorted { a, b in
            let (va, vb) = (relaxation[x[a].index], relaxation[x[b].index])
            if abs(va - vb) > 1e-6 { return va > vb }
            return ratio(a) > ratio(b)
        }
        return fill(order: order)
    }

    func ratio(_ p: Int) -> Double { Double(essms[p]) / cost[p] }

    func fill(order: [Int]) -> [Double]? {
        let keys = money.count
        var chosen = [Bool](repeating: false, count: cost.count)
        var spent = 0.0
        var byKey = [Double](repeating: 0, count: keys)
        let caps = targets.map { (1 + Self.tolerance) * $0 * 0.97 * budget }
        func add(_ p: Int) { chosen[p] = true; spent += cost[p]; for k in 0..<keys { byKey[k] += money[k][p] } }
        func remove(_ p: Int) { chosen[p] = false; spent -= cost[p]; for k in 0..<keys { byKey[k] -= money[k][p] } }
        for p in order {
            guard spent + cost[p] <= budget, !conflicts[p].contains(where: { chosen[$0] }) else { continue }
            guard (0..<keys).allSatisfy({ byKey[$0] + money[$0][p] <= caps[$0] }) else { continue }
            add(p)
        }
        // Repair the lower rows: bring money to the most under-served key by a swap.
        for _ in 0..<50 {
            let floors = targets.map { (1 - Self.tolerance) * $0 * spent }
            guard let k = (0..<keys).filter({ byKey[$0] < floors[$0] }).max(by: { floors[$0] - byKey[$0] < floors[$1] - byKey[$1] }) else { break }
            let candidates = cost.indices.filter { !chosen[$0] && money[k][$0] > 0.5 * cost[$0] && !conflicts[$0].contains(where: { chosen[$0] }) }
            guard let q = candidates.max(by: { ratio($0) < ratio($1) }) else { break }
            let removable = cost.indices.filter { chosen[$0] && money[k][$0] == 0 }.sorted { ratio($0) < ratio($1) }
            var index = 0
            while spent + cost[q] > budget, index < removable.count { remove(removable[index]); index += 1 }
            guard spent + cost[q] <= budget else { break }
            add(q)
        }
        var values = [Double](repeating: 0, count: model.variables.count)
        for p in chosen.indices where chosen[p] { values[x[p].index] = 1 }
        return model.isFeasible(values) ? values : nil
    }
}
