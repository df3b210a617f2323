// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Simulation

/// The simulation for a person at a terminal.
public enum SimulationText {
    public static func render(_ c: SimulationDocument.Context, topProjects: Int = 10) -> String {
        let r = c.report, s = c.set
        var out = "\(c.scenario.spec.title.isEmpty ? c.scenario.spec.id : c.scenario.spec.title)\n\n"
        let what = s.kind == .selection ? "the selection" : "every eligible candidate"
        out += "Monte-Carlo on usage-target attainment of \(what): \(group(Int64(r.draws))) draws"
        if r.draws != c.drawsRequested { out += " of \(group(Int64(c.drawsRequested)))" }
        out += ", seed \(r.seed)"
        if let conv = r.converged { out += conv ? " (converged)" : " (not converged)" }
        out += "\n"
        out += "\(s.projects.count) projects, \(s.finess) ESSMS (\(s.acquisitions) acquisitions), \(s.used.frenchString); "
        out += "tranche 2 at stake: \(Money(cents: r.tranche2Total).frenchString) (policy \(c.model.policy.rawValue))\n\n"
        func row(_ name: String, _ x: Summary, money: Bool) -> [String] {
            let f: (Int64) -> String = money ? { euros($0) } : { group($0) }
            return [name, money ? euros(x.roundedMean) : decimal(x.mean),
                    money ? euros(Int64(x.standardError.rounded())) : decimal(x.standardError),
                    f(x.p5), f(x.p50), f(x.p95)]
        }
        out += TextTable.render([["output", "mean", "s.e.", "p5", "p50", "p95"],
                                 row("ESSMS attaining every target", r.attaining, money: false),
                                 row("tranche 2 paid (€)", r.paid, money: true),
                                 row("tranche 2 unpaid (€)", r.unpaid, money: true),
                                 row("active DUI", r.activeDUI, money: false),
                                 row("ESSMS deployed in time", r.deployed, money: false)], rightAligned: [1, 2, 3, 4, 5])
        out += "\n"
        if let target = r.target, let p = r.pTarget {
            out += "P(active DUI ≥ \(group(target))) = \(percent(p))"
            out += c.targetGiven ? " (target given)\n" : " (\(SimulationDocument.targetBasis(c)))\n"
        }
        out += NationalContribution(c).text({ group(Int64($0)) }, percent: percent)
        let risky = r.projects.sorted { a, b in a.expectedUnpaid != b.expectedUnpaid ? a.expectedUnpaid > b.expectedUnpaid : a.id < b.id }
            .prefix(topProjects)
        if !risky.isEmpty {
            out += "\nProjects with the largest expected unpaid balance:\n"
            out += TextTable.render([["project", "ESSMS", "P(all attain)", "attaining", "deployed", "tranche 2 (€)", "expected unpaid (€)"]]
                + risky.map { p in
                    [p.id, "\(p.essms)", percent(p.pAttain), percent(p.shareAttaining), percent(p.shareDeployed),
                     euros(p.tranche2), euros(p.expectedUnpaid)]
                }, rightAligned: [1, 2, 3, 4, 5, 6])
        }
        if let t = c.tornado, !t.bars.isEmpty {
            out += "\nSensitivity (tornado; \(group(Int64(t.draws))) draws per run, same seed): expected tranche 2 paid "
            out += "\(euros(Int64(t.basePaid.rounded()))) €, active DUI \(JSONValue.formatDecimal(t.baseDUI, digits: 0))\n"
            let widest = t.bars.map(\.paidSwing).max() ?? 0
            out += TextTable.render([["assumption", "base", "low → high", "paid low (€)", "paid high (€)", "DUI low", "DUI high", "swing (paid)"]]
                + t.bars.map { b in
                    let bar = widest > 0 ? String(repeating: "█", count: Int((b.paidSwing / widest * 20).rounded())) : ""
                    return [b.key, JSONValue.formatDecimal(b.base, digits: 3),
                            "\(JSONValue.formatDecimal(b.lowValue, digits: 3)) → \(JSONValue.formatDecimal(b.highValue, digits: 3))",
                            euros(Int64(b.paidLow.rounded())), euros(Int64(b.paidHigh.rounded())),
                            JSONValue.formatDecimal(b.duiLow, digits: 0), JSONValue.formatDecimal(b.duiHigh, digits: 0), bar]
                }, rightAligned: [1, 3, 4, 5, 6])
        }
        return out
    }

    /// Whole euros of `cents`, grouped by thousands with a narrow space.
    static func euros(_ cents: Int64) -> String {
        let e = cents >= 0 ? (cents + 50) / 100 : -((-cents + 50) / 100)
        return group(e)
    }

    static func group(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{202F}" }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// One decimal, the whole part grouped by thousands.
    static func decimal(_ x: Double) -> String {
        let tenths = Int64((x * 10).rounded())
        return group(tenths / 10) + "." + String(abs(tenths % 10))
    }

    static func percent(_ x: Double) -> String { JSONValue.formatDecimal(x * 100, digits: 1) + " %" }
}
