// SPDX-License-Identifier: GPL-3.0-or-later
import CampaignYear
import FundingRules
import ScenarioModel
import Selection
import TestSupport
import Testing

/// A campaign gives what a person gets running its committees one by one by hand: the scenario
/// file rewritten with each committee's date and cut-off, the projects table rewritten with the
/// earlier selections marked `engaged`, then `select`. On seeded generated instances.
@Suite struct CampaignPropertyTests {
    static let committees = [
        CampaignSpec.Committee(id: "avril", date: Day(year: 2024, month: 4, day: 12)!, depositsUntil: Day(year: 2024, month: 3, day: 31)!),
        CampaignSpec.Committee(id: "juin", date: Day(year: 2024, month: 6, day: 14)!, depositsUntil: Day(year: 2024, month: 5, day: 31)!,
                               reserve: Money(euros: 5_000)),
        CampaignSpec.Committee(id: "septembre", date: Day(year: 2024, month: 9, day: 26)!,
                               depositsUntil: Day(year: 2024, month: 9, day: 15)!, onlyIfEnvelopeLeft: true),
    ]

    struct Instance {
        var register: String
        var members: String
        /// Rows without the decision column: id, porteur, deposited.
        var projects: [(id: String, porteur: String, deposited: String, decision: String)]
        var notified: Int
    }

    static func instance(seed: UInt64) -> Instance {
        var g = SeededGenerator(seed: seed)
        var register = "finess,ej,name,category,departement\n"
        var ogs: [(ej: String, essms: [String])] = []
        var k = 1
        for o in 0..<3 {
            let ej = YearFixture.finess(900_000 + o)
            var list: [String] = []
            for _ in 0..<(3 + g.int(5)) {
                let f = YearFixture.finess(k)
                k += 1
                register += "\(f),\(ej),E\(k),\(["500", "382", "460"][g.int(3)]),\(["22", "29", "35", "56"][g.int(4)])\n"
                list.append(f)
            }
            ogs.append((ej, list))
        }
        var members = "project,finess,mode\n"
        var projects: [(String, String, String, String)] = []
        var used = Set<String>()
        for i in 0..<(5 + g.int(6)) {
            let og = ogs[g.int(ogs.count)]
            let id = "P\(i)"
            var added = 0
            for f in og.essms where g.int(2) == 0 && (!used.contains(f) || g.int(4) == 0) {
                members += "\(id),\(f),\(g.int(2) == 0 ? "acquisition" : "upgrade")\n"
                used.insert(f)
                added += 1
            }
            if added == 0 { members += "\(id),\(og.essms[0]),upgrade\n" }
            let month = 2 + g.int(8), day = 1 + g.int(28)
            let decision = g.int(8) == 0 ? "engaged" : (g.int(10) == 0 ? "rejected" : "")
            projects.append((id, og.ej, "2024-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)", decision))
        }
        return Instance(register: register, members: members, projects: projects, notified: 20_000 + 10_000 * g.int(12))
    }

    static func write(_ i: Instance, _ f: YearFixture, engaged: Set<String>, committee: CampaignSpec.Committee?) throws {
        try f.write("register.csv", i.register)
        try f.write("members.csv", i.members)
        try f.write("projects.csv", "id,porteur,software,referencing,deposited,decision\n" + i.projects.map {
            "\($0.id),\($0.porteur),Logiciel,segur-v1-ms,\($0.deposited),\(engaged.contains($0.id) ? "engaged" : $0.decision)"
        }.joined(separator: "\n") + "\n")
        let c = committee ?? committees[0]
        var yaml = YearFixture.scenario(committee: "{ date: \(c.date.iso), deposits_until: \(c.cutoff.iso) }", notified: i.notified)
        yaml = yaml.replacingOccurrences(of: "envelope: { notified: \(i.notified) }",
                                         with: "envelope: { notified: \(i.notified), reserve: \(c.reserve.decimalString) }")
        try f.write("scenario.yaml", yaml)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func aCampaignIsItsCommitteesRunByHand(seed: UInt64) throws {
        let f = try YearFixture()
        defer { f.remove() }
        let i = Self.instance(seed: seed)
        try Self.write(i, f, engaged: [], committee: nil)
        let (scenario, rules) = try f.load().get()
        let campaign = Campaign(spec: CampaignSpec(id: "c", scenario: "scenario.yaml", committees: Self.committees),
                                scenario: scenario, rules: rules)
        let result = try campaign.run(selector: Selector())

        var engaged = Set<String>()
        for (k, c) in Self.committees.enumerated() {
            try Self.write(i, f, engaged: engaged, committee: c)
            let (s, r) = try f.load().get()
            let assessments = FundingEngine(scenario: s, rules: r).assess(s.projects)
            let problem = try SelectionProblem.build(scenario: s, assessments: assessments)
            let outcome = result.committees[k]
            #expect(outcome.available == problem.available, "seed \(seed), committee \(c.id)")
            let cheapest = problem.candidates.map(\.amount).min()
            if c.onlyIfEnvelopeLeft, problem.available <= .zero || cheapest.map({ $0 > problem.available }) ?? true {
                #expect(outcome.status == .skipped, "seed \(seed), committee \(c.id)")
                continue
            }
            let byHand = try Selector().solve(problem)
            #expect(outcome.selected == byHand.selectedIDs(problem), "seed \(seed), committee \(c.id)")
            #expect(outcome.used == byHand.used, "seed \(seed), committee \(c.id)")
            // Its candidates were deposited up to its cut-off and were not selected before.
            let deposited = Dictionary(uniqueKeysWithValues: s.projects.map { ($0.id, $0.deposited) })
            #expect(outcome.selected.allSatisfy { deposited[$0]! <= c.cutoff && !engaged.contains($0) })
            #expect(outcome.carriedOver.allSatisfy { deposited[$0]! > c.cutoff })
            engaged.formUnion(outcome.selected)
        }
        #expect(Set(result.selected).count == result.selected.count, "seed \(seed): a project selected twice")
    }
}
