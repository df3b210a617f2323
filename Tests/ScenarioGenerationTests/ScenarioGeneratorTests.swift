// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import FundingRules
import ScenarioGeneration
import ScenarioModel
import Testing

@Suite("Generated pipelines")
struct ScenarioGeneratorTests {
    @Test("The register is the shipped national one")
    func register() {
        #expect(Shipped.register.count == 43_748)
    }

    @Test("The same seed gives the same bytes, another seed other files")
    func determinism() throws {
        let a = try Shipped.generate(.regional(region: "53"), projects: 40, seed: 11)
        let b = try Shipped.generate(.regional(region: "53"), projects: 40, seed: 11)
        let c = try Shipped.generate(.regional(region: "53"), projects: 40, seed: 12)
        #expect(a.files.map(\.name) == b.files.map(\.name))
        for (x, y) in zip(a.files, b.files) { #expect(x.contents == y.contents, "\(x.name) differs for seed 11") }
        #expect(Shipped.file(a, "projects.csv") != Shipped.file(c, "projects.csv"))
        #expect(Shipped.file(a, "members.csv") != Shipped.file(c, "members.csv"))
    }

    @Test("Scenarios/bretagne-2024 is what its command generates")
    func shippedBretagneUpToDate() throws {
        let g = try #require(Shipped.bretagne)
        let dir = Shipped.root.appendingPathComponent("Scenarios/bretagne-2024")
        for f in g.files {
            let shipped = try String(contentsOf: dir.appendingPathComponent(f.name), encoding: .utf8)
            #expect(shipped == f.contents,
                    "Scenarios/bretagne-2024/\(f.name) is stale: esms generate --region 53 --projects 150 --seed 20240614 -o Scenarios/bretagne-2024")
        }
    }

    @Test("The shipped Bretagne scenario loads with no error")
    func bretagneLoads() throws {
        var loader = ScenarioLoader()
        let path = Shipped.root.appendingPathComponent("Scenarios/bretagne-2024/scenario.yaml").path
        let s = try loader.load(path).get()
        #expect(!s.diagnostics.hasErrors)
        #expect(s.projects.count == 150)
        #expect(s.spec.title == "ARS Bretagne — comité du 14 juin 2024")
        #expect(s.spec.envelope.notified == Money(euros: 3_972_526))
        #expect(s.spec.variants.count >= 2)
        for variant in s.spec.variants.map(\.id) {
            #expect((try? loader.load(path, variant: variant).get()) != nil, "variant \(variant) does not load")
        }
    }

    @Test("A generated national scenario loads with no error")
    func nationalLoads() throws {
        let g = try #require(Shipped.national)
        let dir = try Shipped.write(g)
        defer { try? FileManager.default.removeItem(at: dir) }
        var loader = ScenarioLoader()
        let s = try loader.load(dir.appendingPathComponent("scenario.yaml").path).get()
        #expect(!s.diagnostics.hasErrors)
        #expect(s.spec.scope == .national)
        #expect(s.regionEnvelopes.count == 18)
        #expect(s.projects.count == g.projects.count)
        #expect(s.spec.nationalCall == Money(euros: 15_200_000))
    }

    @Test("Every member is an ESSMS of the register, once per project")
    func membersInRegister() throws {
        for g in [try #require(Shipped.bretagne), try #require(Shipped.national)] {
            for p in g.projects {
                #expect(!p.members.isEmpty)
                #expect(Set(p.members.map(\.finess)).count == p.members.count, "\(p.id) lists an ESSMS twice")
                for m in p.members { #expect(Shipped.register[m.finess] != nil, "\(p.id): \(m.finess) not in the register") }
                if let h = p.members.first(where: { $0.saadTotalHours != nil }) {
                    #expect(h.saadEligibleHours! <= h.saadTotalHours!)
                }
            }
        }
    }

    @Test("Grappes have the intended sizes and organisations")
    func grappeSizes() throws {
        let g = try #require(Shipped.bretagne)
        let reg = Shipped.register
        let rules = RuleSet.campaign2024
        func small(_ e: Establishment) -> Bool { (reg.ogSize[e.ej] ?? 0) < rules.smallOrganisationThreshold(region: e.region) }
        var grappeSizes: [Int] = []
        for p in g.projects {
            let es = p.members.compactMap { reg[$0.finess] }
            let regions = Set(es.map(\.region))
            switch g.kinds[p.id]! {
            case .smallGrappe:
                grappeSizes.append(es.count)
                #expect(es.count <= 41, "\(p.id) has \(es.count) ESSMS")
                #expect(Set(es.map(\.ej)).count >= 2, "\(p.id) is a grappe of one OG")
                #expect(es.allSatisfy(small), "\(p.id) holds an ESSMS of a large OG")
                #expect(regions == ["53"])
            case .ownOrganisation:
                #expect(es.allSatisfy { $0.ej == p.porteur }, "\(p.id): a large OG files for its own ESSMS")
                #expect(!small(es[0]))
            case .soloSmall, .joining:
                #expect(Set(es.map(\.ej)) == [p.porteur])
                #expect(es.allSatisfy(small))
            case .volume:
                #expect(es.count >= 50 && regions == ["53"], "\(p.id): volume grappe of \(es.count) ESSMS in \(regions)")
            case .nationalDesk:
                #expect(es.count >= 50 && regions.count > 1 && regions.contains("53"))
            case .multiRegional:
                #expect(es.count < 50 && regions.count == 2 && regions.contains("53"))
            case .ght:
                #expect(p.ght && p.referencing == .segurHospital)
            case .ahiPjm:
                #expect(es.allSatisfy { $0.sector == .ahi || $0.sector == .pjm })
            }
        }
        #expect(grappeSizes.count >= 10)
        #expect(grappeSizes.filter { $0 >= 8 }.count * 10 >= grappeSizes.count * 8, "most grappes have 8–40 ESSMS: \(grappeSizes)")
        #expect(g.kinds.values.contains(.volume) && g.kinds.values.contains(.nationalDesk) && g.kinds.values.contains(.multiRegional))
    }

    @Test("Some ESSMS are in two projects")
    func conflicts() throws {
        let g = try #require(Shipped.bretagne)
        #expect(g.conflicts.count >= 3)
        for f in g.conflicts {
            #expect(g.projects.filter { p in p.members.contains { $0.finess == f } }.count >= 2)
        }
        let engaged = Set(g.projects.filter { $0.decision == .engaged }.flatMap { $0.members.map(\.finess) })
        #expect(g.conflicts.contains { engaged.contains($0) }, "one conflict involves an engaged grant")
    }

    @Test("A realistic regional mix")
    func regionalMix() throws {
        let g = try #require(Shipped.bretagne)
        let members = g.projects.flatMap(\.members)
        let upgrades = members.filter { $0.mode == .upgrade }.count
        #expect(upgrades * 10 >= members.count * 4 && upgrades * 10 <= members.count * 8, "upgrades \(upgrades) of \(members.count)")
        let refs = Dictionary(grouping: g.projects, by: \.referencing).mapValues(\.count)
        #expect(refs[.segurMedicoSocial]! * 10 >= g.projects.count * 7)
        #expect(refs[.inProgress, default: 0] > 0 && refs[.none, default: 0] > 0 && refs[.segurHospital, default: 0] > 0)
        #expect(g.projects.contains { $0.decision == .engaged } && g.projects.contains { $0.decision == .rejected })
        #expect(g.projects.allSatisfy { $0.scores.allSatisfy { ($0 ?? -1) >= 0 && $0! <= 3 } })
        #expect(g.projects.allSatisfy { $0.id.hasPrefix("BRE-") && $0.id.count == 7 })
        // Upgrades are short, acquisitions mostly within 18 months.
        let upgradeOnly = g.projects.filter { $0.members.allSatisfy { $0.mode == .upgrade } }
        #expect(upgradeOnly.filter { ($0.plannedMonths ?? 0) <= 9 }.count * 10 >= upgradeOnly.count * 8)
        #expect(members.contains { $0.saadEligibleHours != nil && $0.saadEligibleHours! < $0.saadTotalHours! })
        #expect(members.contains { $0.equipmentQuote != nil })
        #expect(g.projects.contains { $0.amoaRequested > .zero })
    }

    @Test("Demand exceeds the envelope, so the selection matters")
    func demand() throws {
        let g = try #require(Shipped.bretagne)
        let engine = FundingEngine(rules: .campaign2024, register: Shipped.register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        let assessed = engine.assess(g.projects)
        let eligible = assessed.filter(\.eligible)
        #expect(eligible.count * 10 >= assessed.count * 8, "most projects are eligible")
        let demand = eligible.reduce(Money.zero) { $0 + $1.amount.total }
        let notified = Money(euros: 3_972_526)
        #expect(demand.cents >= notified.cents * 3 / 2 && demand.cents <= notified.cents * 3, "demand \(demand)")
    }

    @Test("Each planted case is flagged by the rules with its code", arguments: PlantedCase.allCases)
    func planted(_ kind: PlantedCase) throws {
        let rules: RuleSet = kind == .sonsNotCancelled ? .campaign2025 : .campaign2024
        let g = try #require(kind == .sonsNotCancelled ? Shipped.bretagne2025 : Shipped.bretagne)
        let ids = g.planted[kind] ?? []
        #expect(!ids.isEmpty, "no project carries \(kind.rawValue)")
        let engine = FundingEngine(rules: rules, register: Shipped.register,
                                   context: .regional(region: "53", committee: Day(year: rules.campaignYear, month: 6, day: 14)!))
        for id in ids {
            let p = try #require(g.projects.first { $0.id == id })
            let a = engine.assess(p)
            if kind.isExclusion {
                #expect(a.excluded.contains { $0.reason.rawValue == kind.rawValue }, "\(id) not excluded for \(kind.rawValue)")
            } else {
                #expect(a.issues.contains { $0.code == kind.rawValue }, "\(id) not flagged \(kind.rawValue): \(a.issues.map(\.code))")
            }
            if kind != .belowMinimumSize && kind != .afterCutoff && !kind.isExclusion { #expect(!a.eligible) }
        }
    }

    @Test("Under the 2024 rules too, an acquisition with a SONS order not cancelled is excluded [000 §3.2.A]")
    func sonsOrderExcludesIn2024() throws {
        let g = try #require(Shipped.bretagne)
        let engine = FundingEngine(rules: .campaign2024, register: Shipped.register,
                                   context: .regional(region: "53", committee: Day(year: 2024, month: 6, day: 14)!))
        let ids = g.planted[.sonsNotCancelled] ?? []
        #expect(!ids.isEmpty)
        for id in ids {
            let a = engine.assess(g.projects.first { $0.id == id }!)
            #expect(a.excluded.map(\.reason) == [.sonsNotCancelled])
        }
    }

    @Test("The national pipeline: every desk, envelopes, ready dates, the national call")
    func nationalPipeline() throws {
        let g = try #require(Shipped.national)
        #expect(g.regions.map(\.region) == Geography.regions.map(\.code).sorted())
        for r in g.regions {
            let region = Geography.regionsByCode[r.region]!
            #expect(r.notified == region.envelope2024)
            #expect(r.engaged <= Money(cents: r.notified.cents * 85 / 100))
        }
        #expect(g.projects.allSatisfy { $0.region != nil && $0.ready != nil && $0.id.hasPrefix("N-") })
        let deadline = Day(year: 2024, month: 12, day: 31)!
        let late = g.projects.filter { $0.ready! > deadline }.count
        #expect(late > 0 && late * 4 < g.projects.count)
        // Projects follow the ESSMS: Île-de-France and Auvergne-Rhône-Alpes lead, Mayotte has none.
        let byRegion = Dictionary(grouping: g.projects, by: { $0.region! }).mapValues(\.count)
        #expect(byRegion["84", default: 0] > byRegion["53", default: 0])
        #expect(byRegion["06"] == nil)
        let engine = FundingEngine(rules: .campaign2024, register: Shipped.register,
                                   context: .national(date: Day(year: 2024, month: 10, day: 15)!))
        let desk = g.projects.filter { g.kinds[$0.id] == .nationalDesk }
        #expect(!desk.isEmpty)
        for p in desk {
            let a = engine.assess(p)
            #expect(a.guichet == .national && a.eligible, "\(p.id): \(a.issues.map(\.code))")
        }
    }

    @Test("Impossible requests are refused")
    func refusals() {
        #expect(throws: GenerationError.unknownRegion("99")) {
            try Shipped.generate(.regional(region: "99"), projects: 20, seed: 1)
        }
        #expect(throws: GenerationError.regionWithoutESSMS("06")) {
            try Shipped.generate(.regional(region: "06"), projects: 20, seed: 1)
        }
        #expect(throws: GenerationError.projectCount(3)) {
            try Shipped.generate(.regional(region: "53"), projects: 3, seed: 1)
        }
    }
}
