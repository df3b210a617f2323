// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

extension FundingEngine {
    /// Which of `n` eligible ESSMS are paid at the full rate, by the mixed-rank policy. Returns
    /// the ranks (1-based) in the members' order.
    public static func ranks(modes: [Mode], policy: Policies.MixedRankOrder, fullRateSlots: Int) -> [Int] {
        let n = modes.count
        let acquisitions = modes.indices.filter { modes[$0] == .acquisition }
        let upgrades = modes.indices.filter { modes[$0] == .upgrade }
        var rank = [Int](repeating: 0, count: n)
        func assign(_ order: [Int]) { for (r, i) in order.enumerated() { rank[i] = r + 1 } }
        switch policy {
        case .acquisitionFirst: assign(acquisitions + upgrades)
        case .upgradeFirst: assign(upgrades + acquisitions)
        case .proportional:
            // Full-rate slots shared pro rata of each mode, half-up in favour of acquisitions.
            let h = min(fullRateSlots, n)
            let a = acquisitions.count
            let acqFull = n == 0 ? 0 : min(a, (2 * h * a + n) / (2 * n))
            let upgFull = min(upgrades.count, h - acqFull)
            assign(Array(acquisitions.prefix(acqFull)) + Array(upgrades.prefix(upgFull))
                   + Array(acquisitions.dropFirst(acqFull)) + Array(upgrades.dropFirst(upgFull)))
        }
        return rank
    }

    /// Per-ESSMS amounts (RULES.md §2) and the AMOA decision.
    func amounts(_ p: Project, kept: [(Member, Establishment)]) -> ([FundedESSMS], Bool, [RuleIssue]) {
        let fullSlots = rules.volumeRank - 1
        let ranks = Self.ranks(modes: kept.map { $0.0.mode }, policy: rules.policies.mixedRankOrder, fullRateSlots: fullSlots)
        var funded: [FundedESSMS] = []
        funded.reserveCapacity(kept.count)
        var ignoredQuotes = 0
        for (i, (m, e)) in kept.enumerated() {
            let full = ranks[i] <= fullSlots
            var usage: Money, software: Money
            switch (m.mode, full) {
            case (.acquisition, true): (usage, software) = (rules.rates.acquisitionUsage, rules.rates.acquisitionSoftware)
            case (.acquisition, false): (usage, software) = (rules.rates.acquisitionUsageVolume, rules.rates.acquisitionSoftwareVolume)
            case (.upgrade, true): (usage, software) = (rules.rates.upgradeUsage, .zero)
            case (.upgrade, false): (usage, software) = (rules.rates.upgradeUsageVolume, .zero)
            }
            if let el = m.saadEligibleHours, let total = m.saadTotalHours, el < total {
                usage = usage.prorated(el.raw, over: total.raw)
                software = software.prorated(el.raw, over: total.raw)
            }
            let small = (register.ogSize[e.ej] ?? 0) < rules.smallOrganisationThreshold(region: e.region)
            var equipment = Money.zero
            if let quote = m.equipmentQuote {
                if small { equipment = min(quote, rules.equipmentCap) } else if quote > .zero { ignoredQuotes += 1 }
            }
            var f = FundedESSMS(finess: m.finess, mode: m.mode, rank: ranks[i], fullRate: full, smallOrganisation: small,
                                amount: Amount(usage: usage, software: software, equipment: equipment),
                                departement: e.departement, region: e.region, sector: e.sector, ej: e.ej)
            if let el = m.saadEligibleHours, let total = m.saadTotalHours, el < total {
                f.prorataEligible = el
                f.prorataTotal = total
            }
            funded.append(f)
        }
        var issues: [RuleIssue] = []
        if ignoredQuotes > 0 {
            issues.append(RuleIssue(severity: .warning, code: "equipment-not-small",
                              message: "\(ignoredQuotes) equipment quote\(ignoredQuotes > 1 ? "s" : "") ignored: the aid for equipment is for ESSMS of small organisations only"))
        }
        // AMOA: for grappes of small organisations, spread evenly over the eligible ESSMS.
        var granted = false
        if p.amoaRequested > .zero && !funded.isEmpty {
            let smallFlags = funded.map(\.smallOrganisation)
            let ok = rules.policies.amoaRequires == .allSmall ? smallFlags.allSatisfy { $0 } : smallFlags.contains(true)
            if ok {
                granted = true
                let amoa = min(p.amoaRequested, rules.amoaCap)
                let n = Int64(funded.count)
                let (share, remainder) = amoa.cents.quotientAndRemainder(dividingBy: n)
                for i in funded.indices {
                    funded[i].amount.amoa = Money(cents: share + (Int64(i) < remainder ? 1 : 0))
                }
            } else {
                let message = rules.policies.amoaRequires == .allSmall
                    ? "AMOA requested but not every organisation of the grappe is small (policy amoa_requires: all-small)"
                    : "AMOA requested but no organisation of the grappe is small"
                issues.append(RuleIssue(severity: .warning, code: "amoa-not-small", message: message))
            }
        }
        return (funded, granted, issues)
    }
}
