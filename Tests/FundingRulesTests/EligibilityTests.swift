// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Testing
import TestSupport

/// Eligibility of RULES.md §3: every exclusion and condition, with its stable code.
@Suite struct EligibilityTests {
    static let committee = Day(year: 2024, month: 6, day: 14)!
    let register: Register
    let ogs: [Fixture.OG]

    init() {
        (register, ogs) = Fixture.register([("29", 20, "500"), ("35", 40, "460"), ("75", 40, "500"), ("29", 3, "214"),
                                            ("29", 2, "340"), ("974", 20, "500")])
    }

    func engine(_ rules: RuleSet = .campaign2024) -> FundingEngine {
        FundingEngine(rules: rules, register: register, context: .regional(region: "53", committee: Self.committee))
    }

    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    @Test func eachESSMSLevelExclusionHasItsReason() {
        var p = Fixture.project("P", ogs[0].establishments)
        p.members[0].otherEUFunds = true
        p.members[1].priorFunding = true
        p.members[2].mode = .upgrade
        p.members[2].sonsValidated = day(2023, 3, 31)       // on the cutoff: excluded
        p.members[3].mode = .upgrade
        p.members[3].sonsValidated = day(2023, 4, 1)        // after: kept
        p.members[4].saadEligibleHours = Quantity(raw: 0)
        p.members[4].saadTotalHours = Quantity(raw: 10_000)
        let a = engine().assess(p)
        #expect(a.excluded.map(\.reason) == [.otherEUFunds, .priorFunding, .sonsValidatedEarly, .comfortOnly])
        #expect(a.finessCount == 16)
        #expect(a.eligible)
        #expect(a.excluded.allSatisfy { !$0.message.isEmpty })
    }

    @Test func sonsOrderCancellationFrom2025() {
        var p = Fixture.project("P", ogs[0].establishments, deposited: day(2025, 3, 1))
        p.members[0].sonsOrder = true                                   // never cancelled
        p.members[1].sonsOrder = true
        p.members[1].sonsCancelled = day(2025, 4, 16)                   // in time
        p.members[2].sonsOrder = true
        p.members[2].sonsCancelled = day(2025, 4, 17)                   // on the deadline: late
        p.members[3].sonsOrder = true
        p.members[3].sonsValidated = day(2025, 2, 1)
        p.members[3].sonsCancelled = day(2025, 3, 1)                    // after its VA: late
        let e2025 = FundingEngine(rules: .campaign2025, register: register,
                                  context: .regional(region: "53", committee: day(2025, 6, 14)))
        #expect(e2025.assess(p).excluded.map(\.finess) == [p.members[0].finess, p.members[2].finess, p.members[3].finess])
        #expect(e2025.assess(p).excluded.allSatisfy { $0.reason == .sonsNotCancelled })
        // Under the 2024 rules an order cancelled at any date lifts the exclusion; the order never
        // cancelled still excludes (below).
        var p2024 = p
        p2024.deposited = day(2024, 3, 1)
        #expect(engine().assess(p2024).excluded.map(\.finess) == [p.members[0].finess])
    }

    /// [000 §3.2.A] "Un ESSMS ne peut percevoir un financement ESMS numérique si : […] Dans le cas où il
    /// passe une commande auprès d'un éditeur pour bénéficier de la « Prestation Ségur », sa demande de
    /// financement ESMS numérique concerne l'acquisition d'un autre logiciel de DUI." — an exclusion in
    /// 2024 too, lifted by a cancellation at any date; an upgrade with the same order is not concerned.
    @Test func sonsOrderWithAcquisitionIsExcludedIn2024() {
        var p = Fixture.project("P", ogs[0].establishments)             // 20 acquisitions, an OG of 20 ESSMS
        #expect(engine().assess(p).amount.total == Money(euros: 420_000))   // 20 × (7 000 + 14 000)
        p.members[0].sonsOrder = true                                   // order kept: excluded
        p.members[1].sonsOrder = true
        p.members[1].sonsCancelled = day(2024, 5, 2)                    // cancelled (any date in 2024): kept
        p.members[2].sonsOrder = true
        p.members[2].mode = .upgrade                                    // upgrade through SONS: the normal case
        let a = engine().assess(p)
        #expect(a.excluded.map(\.finess) == [p.members[0].finess])
        #expect(a.excluded.map(\.reason) == [.sonsNotCancelled])
        #expect(a.excluded[0].message.contains("Prestation Ségur"))
        // 18 acquisitions × 21 000 € + 1 upgrade × 5 000 € = 383 000 €.
        #expect(a.finessCount == 19 && a.acquisitionCount == 18)
        #expect(a.amount.total == Money(euros: 383_000))
        #expect(a.eligible)
    }

    @Test func referencing() {
        var p = Fixture.project("P", ogs[0].establishments, referencing: .none)
        #expect(engine().assess(p).errors.map(\.code) == ["not-referenced"])
        p.referencing = .segurHospital
        #expect(engine().assess(p).errors.map(\.code) == ["hospital-corridor-not-ght"])
        p.ght = true
        #expect(engine().assess(p).eligible)
        p.referencing = .inProgress
        let inProgress = engine().assess(p)
        #expect(inProgress.eligible && inProgress.issues.contains { $0.code == "referencing-in-progress" })
        // AHI and PJM only: no referencing obligation.
        var exempt = Fixture.project("Q", ogs[3].establishments + ogs[4].establishments, referencing: .none)
        exempt.joinsGrappe = nil
        #expect(engine().assess(exempt).errors.isEmpty)
    }

    @Test func oneSolutionPerProject() {
        var p = Fixture.project("P", ogs[0].establishments)
        p.members[0].software = "Autre logiciel"
        #expect(engine().assess(p).errors.map(\.code) == ["several-solutions"])
    }

    @Test func nationalEntityAgreementAndJoiningAGrappe() {
        var p = Fixture.project("P", ogs[0].establishments)
        p.members[0].nationalEntity = true
        #expect(engine().assess(p).errors.map(\.code) == ["national-entity-agreement"])
        p.nationalEntityAgreement = true
        #expect(engine().assess(p).eligible)
        // Read on the ESSMS left after exclusions: excluded, it no longer needs the agreement.
        p.nationalEntityAgreement = false
        p.members[0].priorFunding = true
        #expect(engine().assess(p).eligible)

        var join = Fixture.project("J", Array(ogs[1].establishments.prefix(1)))
        join.joinsGrappe = "GRAPPE-1"
        #expect(engine().assess(join).errors.map(\.code) == ["joins-without-agreement"])
        join.joinsAgreement = true
        let joined = engine().assess(join)
        #expect(joined.eligible)
        #expect(!joined.issues.contains { $0.code == "below-minimum-size" })  // no minimum size when joining
    }

    /// [000 §3.2.D] "Les projets d'ESSMS isolés consistant à rejoindre un regroupement déjà financé
    /// par le programme ESMS numérique pourront être recevables aux conditions cumulatives suivantes :
    /// avoir obtenu l'accord du porteur de la grappe préexistante […]". The grappe must be funded:
    /// an `engaged` project of the scenario or one of its `funded_grappes`; otherwise the minimum
    /// size applies and the project is not admissible.
    @Test func joiningNeedsAFundedGrappe() {
        let funded = FundingEngine(rules: .campaign2024, register: register,
                                   context: .regional(region: "53", committee: Self.committee),
                                   fundedGrappes: ["BRE-004", "BRE-2023-117"], scenarioProjects: ["BRE-004", "BRE-005", "J"])
        var join = Fixture.project("J", Array(ogs[1].establishments.prefix(2)))    // 2 isolated ESSMS
        join.joinsAgreement = true
        join.joinsGrappe = "BRE-004"                                        // engaged in the scenario
        #expect(funded.assess(join).eligible && funded.assess(join).issues.isEmpty)
        join.joinsGrappe = "BRE-2023-117"                                   // funded at an earlier campaign
        #expect(funded.assess(join).eligible && funded.assess(join).issues.isEmpty)
        join.joinsGrappe = "BRE-005"                                        // a candidate, not funded yet
        let unfunded = funded.assess(join)
        #expect(!unfunded.eligible)
        #expect(unfunded.issues.map(\.code) == ["joins-unfunded-grappe", "below-minimum-size"])
        join.joinsGrappe = "BRE-999"                                        // nowhere
        #expect(funded.assess(join).issues.map(\.code) == ["joins-unknown-grappe", "below-minimum-size"])
        // 2 acquisitions of an OG of 40 ESSMS: 2 × 21 000 € whatever the reference.
        #expect(funded.assess(join).amount.total == Money(euros: 42_000))
    }

    @Test func minimumSizeIsAWarningUnlessHard() {
        let p = Fixture.project("P", Array(ogs[0].establishments.prefix(10)))
        let soft = engine().assess(p)
        #expect(soft.eligible && soft.issues.map(\.code) == ["below-minimum-size"])
        var rules = RuleSet.campaign2024
        rules.policies.minimumSize.hard = true
        #expect(engine(rules).assess(p).errors.map(\.code) == ["below-minimum-size"])
        // Overseas projects are exempt.
        let overseas = Fixture.project("O", Array(ogs[5].establishments.prefix(5)))
        #expect(!engine(rules).assess(overseas).issues.contains { $0.code == "below-minimum-size" })
    }

    @Test func desk() {
        // 40 + 40 ESSMS in two regions: national desk, not for a regional committee.
        let national = Fixture.project("N", ogs[1].establishments + ogs[2].establishments)
        let a = engine().assess(national)
        #expect(a.guichet == .national && a.errors.map(\.code).contains("national-desk"))
        #expect(a.regions == ["11", "53"])
        // The same project in a national run is eligible (national call window: 15/02–01/06).
        let n = FundingEngine(rules: .campaign2024, register: register, context: .national(date: nil)).assess(national)
        #expect(n.guichet == .national && n.eligible)
        // 60 ESSMS in one region: regional desk.
        let (r2, o2) = Fixture.register([("29", 60, "500")])
        let one = FundingEngine(rules: .campaign2024, register: r2, context: .regional(region: "53", committee: Self.committee))
            .assess(Fixture.project("R", o2[0].establishments))
        #expect(one.guichet == .regional && one.eligible)
    }

    /// [000 §8] "Première quinzaine de juin, sélectionnant les candidatures déposées jusqu'à fin mai":
    /// the 14 June committee takes the deposits until 31 May; one deposited on 1 June goes to the
    /// next committee, admissible all the same.
    @Test func committeeCutoff() {
        let june = FundingEngine(rules: .campaign2024, register: register,
                                 context: .regional(region: "53", committee: Self.committee, depositsUntil: day(2024, 5, 31)))
        let may31 = june.assess(Fixture.project("P", ogs[0].establishments, deposited: day(2024, 5, 31)))
        #expect(may31.eligible && !may31.afterCutoff && may31.issues.isEmpty)
        let june1 = june.assess(Fixture.project("P", ogs[0].establishments, deposited: day(2024, 6, 1)))
        #expect(june1.eligible && june1.afterCutoff)
        #expect(june1.issues.map(\.code) == ["after-cutoff"] && june1.issues[0].severity == .warning)
        #expect(june1.issues[0].message.contains("31/05/2024"))
        #expect(june1.amount.total == Money(euros: 420_000))                // 20 × 21 000 €, informative
    }

    @Test func depositWindowsAndCommitteeDate() {
        func codes(_ d: Day, _ members: [Establishment]) -> [String] {
            engine().assess(Fixture.project("P", members, deposited: d)).errors.map(\.code)
        }
        let regional = ogs[0].establishments
        #expect(codes(day(2024, 1, 15), regional) == [])                    // opening day included
        #expect(codes(day(2024, 1, 14), regional) == ["deposit-before-window"])
        #expect(codes(day(2024, 6, 14), regional) == [])                    // on the committee day
        // After the committee: not before it (a warning), not ineligible.
        let after = engine().assess(Fixture.project("P", regional, deposited: day(2024, 6, 15)))
        #expect(after.eligible && after.afterCutoff && after.issues.map(\.code) == ["after-cutoff"])
        let late = FundingEngine(rules: .campaign2024, register: register,
                                 context: .regional(region: "53", committee: day(2024, 9, 30)))
        #expect(late.assess(Fixture.project("P", regional, deposited: day(2024, 9, 15))).eligible)
        #expect(late.assess(Fixture.project("P", regional, deposited: day(2024, 9, 16))).errors.map(\.code) == ["deposit-after-window"])
        // Multi-regional project filed with an ARS: 15/01–01/06.
        let multi = Array(ogs[1].establishments.prefix(10)) + Array(ogs[2].establishments.prefix(10))
        let lateCommittee = FundingEngine(rules: .campaign2024, register: register,
                                          context: .regional(region: "53", committee: day(2024, 9, 30)))
        #expect(lateCommittee.assess(Fixture.project("M", multi, deposited: day(2024, 6, 1))).eligible)
        #expect(lateCommittee.assess(Fixture.project("M", multi, deposited: day(2024, 6, 2))).errors.map(\.code) == ["deposit-after-window"])
    }

    @Test func allExcludedMeansIneligible() {
        var p = Fixture.project("P", Array(ogs[0].establishments.prefix(2)))
        p.members[0].priorFunding = true
        p.members[1].priorFunding = true
        let a = engine().assess(p)
        #expect(!a.eligible && a.errors.map(\.code) == ["no-eligible-essms"] && a.amount.total == .zero)
    }
}
