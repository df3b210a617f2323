// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection
import Simulation

/// The `simulate` document of the scenario contract, and its text for a person.
public enum SimulationDocument {
    public struct Context: Sendable {
        public var scenario: Scenario
        public var rules: RuleSet
        public var set: SimulatedSet
        public var model: AttainmentModel
        public var report: SimulationReport
        public var drawsRequested: Int
        public var targetGiven: Bool
        public var tornado: Sensitivity.Tornado?
        /// ESSMS of the scenario's `engaged` projects: funded, known, not in the simulated set.
        public var engagedESSMS: Int

        public init(scenario: Scenario, rules: RuleSet, set: SimulatedSet, model: AttainmentModel, report: SimulationReport,
                    drawsRequested: Int, targetGiven: Bool, tornado: Sensitivity.Tornado?, engagedESSMS: Int = 0) {
            self.engagedESSMS = engagedESSMS
            self.scenario = scenario
            self.rules = rules
            self.set = set
            self.model = model
            self.report = report
            self.drawsRequested = drawsRequested
            self.targetGiven = targetGiven
            self.tornado = tornado
        }
    }

    public static func json(_ c: Context, extra: [(String, JSONValue)] = []) -> JSONValue {
        let r = c.report, q = c.model.parameters
        var selection: [(String, JSONValue)] = [("kind", .string(c.set.kind.rawValue))]
        if let s = c.set.status { selection.append(("status", .string(s))) }
        selection += [("projects", .array(c.set.projects.map { .string($0) })), ("finess", .int(c.set.finess)),
                      ("acquisition", .int(c.set.acquisitions)), ("used", .money(c.set.used))]
        let relativeSE = r.paid.mean > 0 ? r.paid.standardError / r.paid.mean : 0
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(c.scenario.spec.id)),
            ("rules", .string(c.rules.name)),
            ("draws", .int(r.draws)),
            ("draws_requested", .int(c.drawsRequested)),
            ("seed", .number(String(r.seed))),
            ("second_tranche_policy", .string(c.model.policy.rawValue)),
            ("selection", .object(selection)),
            ("essms", .int(r.essms)),
            ("tranche2_total", .money(Money(cents: r.tranche2Total))),
            ("essms_attaining", count(r.attaining)),
            ("second_tranche_paid", money(r.paid)),
            ("second_tranche_unpaid", money(r.unpaid)),
            ("active_dui", count(r.activeDUI)),
            ("essms_deployed", count(r.deployed)),
            ("target_active_dui", .object([
                ("target", r.target.map { .number(String($0)) } ?? .null),
                ("basis", .string(c.targetGiven ? "given" : targetBasis(c))),
                ("probability", r.pTarget.map { .double($0) } ?? .null),
            ])),
            ("national_targets", nationalTargets(c)),
            ("convergence", .object([
                ("tolerance", q.tolerance.map { .double($0, digits: 9) } ?? .null),
                ("batch", .int(q.batch)),
                ("converged", r.converged.map { .bool($0) } ?? .null),
                ("main_output", .string("second_tranche_paid")),
                ("standard_error", .double(r.paid.standardError / 100, digits: 2)),
                ("relative_standard_error", .double(relativeSE, digits: 6)),
            ])),
            ("parameters", parameters(c.model)),
            ("projects", .array(r.projects.map { p in
                .object([("id", .string(p.id)), ("essms", .int(p.essms)), ("p_attain", .double(p.pAttain)),
                         ("share_attaining", .double(p.shareAttaining)), ("share_deployed", .double(p.shareDeployed)),
                         ("tranche2", .money(Money(cents: p.tranche2))), ("expected_paid", .money(Money(cents: p.expectedPaid))),
                         ("expected_unpaid", .money(Money(cents: p.expectedUnpaid)))])
            })),
        ]
        if let t = c.tornado { pairs.append(("sensitivity", tornado(t))) }
        return .object(pairs + extra)
    }

    static func targetBasis(_ c: Context) -> String {
        c.scenario.spec.scope == .regional
            ? "none: the \(c.rules.nationalActiveDUITarget) active DUI are a national programme total, not a regional target (see national_targets)"
            : "national programme target \(c.rules.nationalActiveDUITarget), over the simulated projects only (see national_targets)"
    }

    /// The programme's national result indicators [003] and what this run contributes to them:
    /// a regional run its share; a national run the sum of what it knows, and what it does not.
    static func nationalTargets(_ c: Context) -> JSONValue {
        let n = NationalContribution(c)
        return .object([
            ("scope", .string(c.scenario.spec.scope.rawValue)),
            ("active_dui_target", .int(n.activeTarget)),
            ("funded_essms_target", .int(n.fundedTarget)),
            ("simulated_essms", .int(n.simulatedESSMS)),
            ("engaged_essms", .int(n.engagedESSMS)),
            ("expected_active_dui", .double(n.expectedActiveDUI, digits: 1)),
            ("share_of_active_dui_target", .double(n.activeShare, digits: 6)),
            ("share_of_funded_essms_target", .double(n.fundedShare, digits: 6)),
            ("not_counted", .array(n.notCounted.map { .string($0) })),
        ])
    }

    static func count(_ s: Summary) -> JSONValue {
        .object([("mean", .double(s.mean, digits: 3)), ("standard_error", .double(s.standardError, digits: 3)),
                 ("p5", .number(String(s.p5))), ("p50", .number(String(s.p50))), ("p95", .number(String(s.p95))),
                 ("min", .number(String(s.min))), ("max", .number(String(s.max))),
                 ("histogram", .array(s.histogram.map { b in
                     .object([("low", .number(String(b.low))), ("high", .number(String(b.high))), ("count", .int(b.count))])
                 }))])
    }

    /// A summary of cents, in euros: the mean rounded half-up to the cent (exact from the
    /// integer sum), percentiles and bins exact.
    static func money(_ s: Summary) -> JSONValue {
        .object([("mean", .money(Money(cents: s.roundedMean))), ("standard_error", .double(s.standardError / 100, digits: 2)),
                 ("p5", .money(Money(cents: s.p5))), ("p50", .money(Money(cents: s.p50))), ("p95", .money(Money(cents: s.p95))),
                 ("min", .money(Money(cents: s.min))), ("max", .money(Money(cents: s.max))),
                 ("histogram", .array(s.histogram.map { b in
                     .object([("low", .money(Money(cents: b.low))), ("high", .money(Money(cents: b.high))), ("count", .int(b.count))])
                 }))])
    }

    static func parameters(_ m: AttainmentModel) -> JSONValue {
        var pairs: [(String, JSONValue)] = m.parameters.entries.map { ($0.0, .double($0.1)) }
        pairs.append(("usage_targets", .object(Indicator.allCases.map { ($0.key, .double(m.targets[$0.rawValue])) })))
        pairs.append(("pjm_exempt", .bool(m.pjmExempt)))
        // Which parameters come from reported data (a calibration file), the others being assumptions.
        pairs.append(("from_data", .array(m.parameters.fromData.map { .string($0) })))
        pairs.append(("calibration", m.parameters.calibrationFile.map { .string($0) } ?? .null))
        return .object(pairs)
    }

    static func tornado(_ t: Sensitivity.Tornado) -> JSONValue {
        .object([
            ("draws", .int(t.draws)), ("seed", .number(String(t.seed))),
            ("base", .object([("second_tranche_paid", .double(t.basePaid / 100, digits: 2)), ("active_dui", .double(t.baseDUI, digits: 1))])),
            ("bars", .array(t.bars.map { b in
                .object([("key", .string(b.key)), ("base", .double(b.base)), ("low", .double(b.lowValue)), ("high", .double(b.highValue)),
                         ("second_tranche_paid_low", .double(b.paidLow / 100, digits: 2)),
                         ("second_tranche_paid_high", .double(b.paidHigh / 100, digits: 2)),
                         ("active_dui_low", .double(b.duiLow, digits: 1)), ("active_dui_high", .double(b.duiHigh, digits: 1))])
            })),
        ])
    }
}
