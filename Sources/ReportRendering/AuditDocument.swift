// SPDX-License-Identifier: GPL-3.0-or-later
import Crypto
import FundingRules
import ScenarioModel

/// `audit.json`: what a decision rests on, so that anyone can check it — the SHA-256 of every
/// input file, the tool's version, the rule set and every policy value, the seed, the solver
/// with its status, gap and settings, the time of the run, and the digests of the report's
/// other files.
public enum AuditDocument {
    public static func json(_ content: ReportContent, outputs: [ReportFile] = []) -> JSONValue {
        let c = content, spec = c.scenario.spec
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(spec.id)),
            ("variant", c.variant.map { .string($0) } ?? .null),
            ("tool", .object([("name", .string("esms")), ("version", .string(c.run.toolVersion))])),
            ("run", .object([("time", .string(ReportFormat.iso8601(epoch: c.run.time))), ("epoch", .number(String(c.run.time))),
                             ("time_source", .string(c.run.timeSource.rawValue))])),
            ("inputs", .array(c.scenario.inputs.map { i in
                .object([("role", .string(i.role)), ("path", .string(i.path)), ("bytes", .int(i.bytes.count)),
                         ("sha256", .string(sha256(i.bytes)))])
            })),
            ("rules", rules(c.rules)),
            ("settings", settings(spec)),
            ("seed", c.simulation.map { .number(String($0.seed)) } ?? .null),
        ]
        var solver: [(String, JSONValue)] = [("name", .string(c.run.solverName)), ("version", .string(c.run.solverVersion))]
        if let s = c.selection {
            solver += [
                ("status", .string(s.result.status.rawValue)),
                ("sentence", .string(s.result.sentence)),
                ("gap", .double(s.result.gap)),
                ("stages", .array(s.result.stages.map { st in
                    .object([("term", .string(st.term)), ("status", .string(st.status.identifier)),
                             ("gap", st.gap.map { .double($0) } ?? .null),
                             ("proven_by_granularity", .bool(st.provenByGranularity))])
                })),
            ]
        } else {
            solver.append(("status", .string("not-run")))
        }
        solver.append(("settings", .object(c.run.settings)))
        pairs.append(("solver", .object(solver)))
        pairs.append(("outputs", .array(outputs.map { o in
            .object([("name", .string(o.name)), ("bytes", .int(o.bytes.count)), ("sha256", .string(sha256(o.bytes)))])
        })))
        return .object(pairs)
    }

    /// One digest of a scenario's input files (each role, path's last component and content's
    /// digest, in the loader's order): what a committee's choices file records, so that a
    /// re-solve can tell when the data changed since the choices were made.
    public static func inputsDigest(_ scenario: Scenario) -> String {
        let lines = scenario.inputs.map { i in
            "\(i.role) \(i.path.split(separator: "/").last.map(String.init) ?? i.path) \(sha256(i.bytes))\n"
        }
        return sha256(Array(lines.joined().utf8))
    }

    /// Lower-case hexadecimal SHA-256.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every value of the rule set, the policies included.
    static func rules(_ r: RuleSet) -> JSONValue {
        func window(_ w: RuleSet.Window) -> JSONValue { .object([("opens", .string(w.opens.iso)), ("closes", .string(w.closes.iso))]) }
        return .object([
            ("name", .string(r.name)),
            ("campaign_year", .int(r.campaignYear)),
            ("policies", .object(r.policies.entries.map { ($0.0, .string($0.1)) })),
            ("rates", .object([
                ("acquisition_usage", .money(r.rates.acquisitionUsage)), ("acquisition_software", .money(r.rates.acquisitionSoftware)),
                ("acquisition_usage_volume", .money(r.rates.acquisitionUsageVolume)),
                ("acquisition_software_volume", .money(r.rates.acquisitionSoftwareVolume)),
                ("upgrade_usage", .money(r.rates.upgradeUsage)), ("upgrade_usage_volume", .money(r.rates.upgradeUsageVolume)),
            ])),
            ("volume_rank", .int(r.volumeRank)),
            ("small_organisation_threshold", .int(r.smallOrganisationThreshold)),
            ("small_organisation_threshold_corse_overseas", .int(r.smallOrganisationThresholdCorseOverseas)),
            ("equipment_cap", .money(r.equipmentCap)),
            ("amoa_cap", .money(r.amoaCap)),
            ("national_desk_threshold", .int(r.nationalDeskThreshold)),
            ("regional_window", window(r.regionalWindow)),
            ("multi_regional_window", window(r.multiRegionalWindow)),
            ("national_call_window", window(r.nationalCallWindow)),
            ("sons_validation_cutoff", .string(r.sonsValidationCutoff.iso)),
            ("sons_cancellation_deadline", r.sonsCancellationDeadline.map { .string($0.iso) } ?? .null),
            ("pjm_exempt_from_mssante_and_dmp", .bool(r.pjmExemptFromMSSanteAndDMP)),
            ("usage_targets", .object([
                ("active_records", .double(r.usageTargets.activeRecords)),
                ("personalised_project", .double(r.usageTargets.personalisedProject)),
                ("agenda_event", .double(r.usageTargets.agendaEvent)), ("mssante", .double(r.usageTargets.mssante)),
                ("dmp", .double(r.usageTargets.dmp)),
            ])),
            ("national_active_dui_target", .int(r.nationalActiveDUITarget)),
            ("national_funded_essms_target", .int(r.nationalFundedESSMSTarget)),
        ])
    }

    /// The scenario's settings that the decision depends on besides its tables.
    static func settings(_ spec: ScenarioSpec) -> JSONValue {
        func balance(_ b: BalanceRule) -> JSONValue {
            let basis: JSONValue
            switch b.basis {
            case .essms: basis = .string("essms")
            case .shares(let s): basis = .object(s.keys.sorted().map { ($0, .double(s[$0]!)) })
            }
            return .object([("basis", basis), ("tolerance", .double(b.tolerance)), ("mode", .string(b.mode.rawValue))])
        }
        var pairs: [(String, JSONValue)] = [
            ("scope", .string(spec.scope.rawValue)),
            ("region", spec.region.map { .string($0) } ?? .null),
            ("committee", spec.committee.map { .string($0.iso) } ?? .null),
            ("deposits_until", spec.cutoff.map { .string($0.iso) } ?? .null),
            ("funded_grappes", .array(spec.fundedGrappes.map { .string($0) })),
            ("envelope", .object([("notified", .money(spec.envelope.notified)), ("engaged", .money(spec.envelope.engaged)),
                                  ("reserve", .money(spec.envelope.reserve))])),
            ("balance", .object([("territory", balance(spec.territory)), ("sector", balance(spec.sector))])),
            ("objective", FrontierDocument.objective(spec.objective)),
        ]
        if spec.scope == .national {
            pairs += [("date", spec.date.map { .string($0.iso) } ?? .null), ("deadline", spec.deadline.map { .string($0.iso) } ?? .null),
                      ("redeployment_policy", spec.redeploymentPolicy.map { .string($0) } ?? .null),
                      ("national_call", spec.nationalCall.map { .money($0) } ?? .null)]
        }
        return .object(pairs)
    }
}
