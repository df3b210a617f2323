// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// `esms whatif`: the base and every variant through fund → select → simulate, side by side.
public enum WhatifDocument {
    public struct Row: Sendable {
        public var variant: String
        /// What the variant sets (`envelope.notified = 3575273`), empty for the base.
        public var changes: [String]
        /// The selection's status (`optimal`, `feasible`, `infeasible`…), or an error sentence.
        public var status: String
        public var error: String?
        public var projects: Int
        public var finess: Int
        public var acquisitions: Int
        public var used: Money
        public var available: Money
        /// Expected tranche-2 cents paid (half-up to the cent) and its standard error in cents.
        public var expectedPaid: Int64
        public var paidStandardError: Double
        public var tranche2Total: Int64
        public var expectedActiveDUI: Double
        public var expectedAttaining: Double
        public var draws: Int

        public init(variant: String, changes: [String], status: String, error: String? = nil, projects: Int = 0,
                    finess: Int = 0, acquisitions: Int = 0, used: Money = .zero, available: Money = .zero,
                    expectedPaid: Int64 = 0, paidStandardError: Double = 0, tranche2Total: Int64 = 0,
                    expectedActiveDUI: Double = 0, expectedAttaining: Double = 0, draws: Int = 0) {
            self.variant = variant
            self.changes = changes
            self.status = status
            self.error = error
            self.projects = projects
            self.finess = finess
            self.acquisitions = acquisitions
            self.used = used
            self.available = available
            self.expectedPaid = expectedPaid
            self.paidStandardError = paidStandardError
            self.tranche2Total = tranche2Total
            self.expectedActiveDUI = expectedActiveDUI
            self.expectedAttaining = expectedAttaining
            self.draws = draws
        }
    }

    public static func json(scenario: String, seed: UInt64, draws: Int, rows: [Row], fromData: [String] = [],
                            calibration: String? = nil) -> JSONValue {
        let base = rows.first
        return .object([
            ("scenario", .string(scenario)),
            ("draws", .int(draws)),
            ("seed", .number(String(seed))),
            ("from_data", .array(fromData.map { .string($0) })),
            ("calibration", calibration.map { .string($0) } ?? .null),
            ("rows", .array(rows.map { r in
                var pairs: [(String, JSONValue)] = [
                    ("variant", .string(r.variant)),
                    ("set", .array(r.changes.map { .string($0) })),
                    ("status", .string(r.status)),
                ]
                if let e = r.error {
                    pairs.append(("error", .string(e)))
                    return .object(pairs)
                }
                pairs += [
                    ("projects", .int(r.projects)), ("finess", .int(r.finess)), ("acquisition", .int(r.acquisitions)),
                    ("available", .money(r.available)), ("used", .money(r.used)),
                    ("tranche2_total", .money(Money(cents: r.tranche2Total))),
                    ("expected_second_tranche_paid", .money(Money(cents: r.expectedPaid))),
                    ("second_tranche_paid_standard_error", .double(r.paidStandardError / 100, digits: 2)),
                    ("expected_active_dui", .double(r.expectedActiveDUI, digits: 1)),
                    ("expected_essms_attaining", .double(r.expectedAttaining, digits: 3)),
                ]
                if let b = base, b.error == nil {
                    pairs.append(("delta", .object([
                        ("finess", .int(r.finess - b.finess)), ("acquisition", .int(r.acquisitions - b.acquisitions)),
                        ("used", .money(r.used - b.used)),
                        ("expected_second_tranche_paid", .money(Money(cents: r.expectedPaid - b.expectedPaid))),
                        ("expected_active_dui", .double(r.expectedActiveDUI - b.expectedActiveDUI, digits: 1)),
                    ])))
                }
                return .object(pairs)
            })),
        ])
    }

    public static func text(title: String, seed: UInt64, draws: Int, rows: [Row], language: ReportLanguage = .en) -> String {
        let t = Catalogue(language)
        var out = "\(title)\n\n" + t(.whatifTitle, SimulationText.group(Int64(draws)), "\(seed)") + "\n\n"
        let base = rows.first.flatMap { $0.error == nil ? $0 : nil }
        func delta(_ x: Int64, _ b: Int64?, money: Bool) -> String {
            guard let b else { return "" }
            let d = x - b
            if d == 0 { return "=" }
            return (d > 0 ? "+" : "") + (money ? SimulationText.euros(d) : SimulationText.group(d))
        }
        var table = [[t(.headVariant), t(.headStatus), "ESSMS", "Δ", t(.headAcquisitions), "Δ", t(.headUsed), "Δ (€)", t(.headPaid2), "Δ (€)",
                      t(.headActiveDUI), "Δ"]]
        for (i, r) in rows.enumerated() {
            if let e = r.error {
                table.append([r.variant, r.status, "", "", "", "", "", "", "", "", "", e])
                continue
            }
            let b = i == 0 ? nil : base
            table.append([r.variant, r.status, "\(r.finess)", delta(Int64(r.finess), b.map { Int64($0.finess) }, money: false),
                          "\(r.acquisitions)", delta(Int64(r.acquisitions), b.map { Int64($0.acquisitions) }, money: false),
                          SimulationText.euros(r.used.cents), delta(r.used.cents, b?.used.cents, money: true),
                          SimulationText.euros(r.expectedPaid), delta(r.expectedPaid, b?.expectedPaid, money: true),
                          SimulationText.group(Int64(r.expectedActiveDUI.rounded())),
                          delta(Int64(r.expectedActiveDUI.rounded()), b.map { Int64($0.expectedActiveDUI.rounded()) }, money: false)])
        }
        out += TextTable.render(table, rightAligned: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
        let sets = rows.dropFirst().filter { !$0.changes.isEmpty }
        if !sets.isEmpty {
            let f = ReportFormat(language)
            out += "\n" + sets.map { $0.variant + " — " + $0.changes.map(f.variantChange).joined(separator: language == .fr ? " ; " : "; ") }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
