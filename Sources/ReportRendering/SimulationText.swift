// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Simulation

/// The simulation for a person at a terminal.
public enum SimulationText {
    public static func render(_ c: SimulationDocument.Context, topProjects: Int = 10, language: ReportLanguage = .en) -> String {
        let t = Catalogue(language), fm = ReportFormat(language)
        let french = language == .fr
        let r = c.report, s = c.set
        let pc = { (x: Double) in french ? fm.percent(x) : percent(x) }
        let dec = { (x: Double, d: Int) in fm.terminalDecimal(x, digits: d) }
        var out = "\(c.scenario.spec.title.isEmpty ? c.scenario.spec.id : c.scenario.spec.title)\n\n"
        out += t(.simTitle, s.kind == .selection ? t(.simOfSelection) : t(.simOfEligible), group(Int64(r.draws)))
        if r.draws != c.drawsRequested { out += t(.simOfDraws, group(Int64(c.drawsRequested))) }
        out += t(.simSeed, "\(r.seed)")
        if let conv = r.converged { out += conv ? t(.simConverged) : t(.simNotConverged) }
        out += "\n"
        out += t(.simSet, group(Int64(s.projects.count)), group(Int64(s.finess)), group(Int64(s.acquisitions)), s.used.frenchString,
                 Money(cents: r.tranche2Total).frenchString, c.model.policy.rawValue) + "\n\n"
        func row(_ name: String, _ x: Summary, money: Bool) -> [String] {
            let f: (Int64) -> String = money ? { euros($0) } : { group($0) }
            return [name, money ? euros(x.roundedMean) : decimal(x.mean, french: french),
                    money ? euros(Int64(x.standardError.rounded())) : decimal(x.standardError, french: french),
                    f(x.p5), f(x.p50), f(x.p95)]
        }
        out += TextTable.render([[t(.headOutput), t(.headMean), t(.headSE), "p5", "p50", "p95"],
                                 row(t(.outAttaining), r.attaining, money: false),
                                 row(t(.outPaid), r.paid, money: true),
                                 row(t(.outUnpaid), r.unpaid, money: true),
                                 row(t(.outActive), r.activeDUI, money: false),
                                 row(t(.outDeployed), r.deployed, money: false)], rightAligned: [1, 2, 3, 4, 5])
        out += "\n"
        if let target = r.target, let p = r.pTarget {
            out += t(.pTarget, group(target), pc(p))
            let target = "\(c.rules.nationalActiveDUITarget)"
            let basis = c.scenario.spec.scope == .regional ? t(.targetBasisRegional, target) : t(.targetBasisNational, target)
            out += c.targetGiven ? t(.targetGiven) + "\n" : " (\(basis))\n"
        }
        out += NationalContribution(c).text({ group(Int64($0)) }, percent: pc, language: language)
        let q = c.model.parameters
        out += (q.fromData.isEmpty ? t(.allAssumptions) : t(.fromData, q.calibrationFile ?? "", q.fromDataSummary.joined(separator: ", "))) + "\n"
        let risky = r.projects.sorted { a, b in a.expectedUnpaid != b.expectedUnpaid ? a.expectedUnpaid > b.expectedUnpaid : a.id < b.id }
            .prefix(topProjects)
        if !risky.isEmpty {
            out += "\n" + t(.riskyTitle) + "\n"
            out += TextTable.render([[t(.headProject), t(.headESSMS), t(.headPAll), t(.headAttaining), t(.headDeployed), t(.headTranche2),
                                      t(.headExpectedUnpaid)]]
                + risky.map { p in
                    [p.id, group(Int64(p.essms)), pc(p.pAttain), pc(p.shareAttaining), pc(p.shareDeployed),
                     euros(p.tranche2), euros(p.expectedUnpaid)]
                }, rightAligned: [1, 2, 3, 4, 5, 6])
        }
        if let tornado = c.tornado, !tornado.bars.isEmpty {
            out += "\n" + t(.tornadoTitle, group(Int64(tornado.draws)), euros(Int64(tornado.basePaid.rounded())), dec(tornado.baseDUI, 0)) + "\n"
            let widest = tornado.bars.map(\.paidSwing).max() ?? 0
            out += TextTable.render([[t(.headAssumption), t(.headBase), t(.headLowHigh), t(.headPaidLow), t(.headPaidHigh), t(.headDUILow),
                                      t(.headDUIHigh), t(.headSwing)]]
                + tornado.bars.map { b in
                    let bar = widest > 0 ? String(repeating: "█", count: Int((b.paidSwing / widest * 20).rounded())) : ""
                    return [b.key, dec(b.base, 3), "\(dec(b.lowValue, 3)) → \(dec(b.highValue, 3))",
                            euros(Int64(b.paidLow.rounded())), euros(Int64(b.paidHigh.rounded())),
                            dec(b.duiLow, 0), dec(b.duiHigh, 0), bar]
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

    /// One decimal, the whole part grouped by thousands; a decimal comma in French.
    static func decimal(_ x: Double, french: Bool = false) -> String {
        let tenths = Int64((x * 10).rounded())
        return group(tenths / 10) + (french ? "," : ".") + String(abs(tenths % 10))
    }

    static func percent(_ x: Double) -> String { JSONValue.formatDecimal(x * 100, digits: 1) + " %" }
}
