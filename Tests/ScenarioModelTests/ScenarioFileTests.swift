// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Testing

@Suite struct ScenarioFileTests {
    func decode(_ yaml: String, _ d: inout Diagnostics) -> ScenarioSpec? {
        guard let node = ConfigNode.parse(yaml: yaml, file: "s.yaml", diagnostics: &d) else { return nil }
        return ScenarioSpec.decode(node, file: "s.yaml", diagnostics: &d)
    }

    static let minimal = """
        id: test-1
        rules: 2024
        region: "53"
        committee: 2024-06-14
        envelope: { notified: 3972526, engaged: 1250000.50 }
        register: r.csv
        projects: p.csv
        members: m.csv
        """

    @Test func minimalScenarioWithDefaults() throws {
        var d = Diagnostics()
        let s = try #require(decode(Self.minimal, &d))
        #expect(d.items.isEmpty)
        #expect(s.envelope.notified == Money(euros: 3_972_526))
        #expect(s.envelope.engaged == Money(cents: 125_000_050))
        #expect(s.objective == .lexicographic([.finess, .acquisition, .score]))
        #expect(s.territory.mode == .soft && s.territory.tolerance == 0.20)
        #expect(s.sector.tolerance == 0.25)
    }

    @Test func everyKeyProblemIsLocated() {
        var d = Diagnostics()
        let yaml = """
            id: Test_1
            rules: 2024
            region: "99"
            committee: 14 juin
            envelope: { notified: beaucoup }
            register: r.csv
            projects: p.csv
            members: m.csv
            objective: [finess, money]
            balance:
              territory: { mode: strict }
            envelop: 3
            """
        _ = decode(yaml, &d)
        let codes = d.sorted.map(\.code)
        #expect(codes == ["config-id", "unknown-region", "config-date", "config-amount", "objective-term", "config-choice",
                          "config-unknown-key"])
        #expect(d.sorted.map { $0.location.line ?? 0 } == [1, 3, 4, 5, 9, 11, 12])
        #expect(d.sorted[3].location.keyPath == "envelope.notified")
    }

    @Test func weightedObjectiveAndGivenShares() throws {
        var d = Diagnostics()
        let yaml = Self.minimal + """

            objective: { finess: 1.0, acquisition: 0.5, score: 0.05 }
            balance:
              territory: { basis: { "22": 0.25, "29": 0.3, "35": 0.3, "56": 0.15 }, tolerance: 10%, mode: hard }
            """
        let s = try #require(decode(yaml, &d))
        #expect(d.items.isEmpty)
        #expect(s.objective == .weighted([.finess: 1.0, .acquisition: 0.5, .score: 0.05]))
        #expect(s.territory.basis == .shares(["22": 0.25, "29": 0.3, "35": 0.3, "56": 0.15]))
        #expect(s.territory.tolerance == 0.1 && s.territory.mode == .hard)
    }

    @Test func variantsOverrideKeys() throws {
        var d = Diagnostics()
        let yaml = Self.minimal + """

            variants:
              - id: moins-10
                set: { envelope.notified: 3575273, balance.sector.mode: off }
            """
        let s = try #require(decode(yaml, &d))
        #expect(s.variants.map(\.id) == ["moins-10"])
        var node = s.node
        for (k, v) in s.variants[0].set { node = node.setting(k, to: v) }
        let varied = try #require(ScenarioSpec.decode(node, file: "s.yaml", diagnostics: &d))
        #expect(varied.envelope.notified == Money(euros: 3_575_273))
        #expect(varied.envelope.engaged == Money(cents: 125_000_050))
        #expect(varied.sector.mode == .off)
        #expect(d.items.isEmpty)
    }

    @Test func yamlSyntaxErrorIsLocated() {
        var d = Diagnostics()
        #expect(decode("id: x\nenvelope:\n  notified: 1\n engaged: 2\n", &d) == nil)
        #expect(d.items.first?.code == "yaml-syntax")
        #expect(d.items.first?.location.line == 4)
    }

    @Test func nationalScopeNeedsItsKeys() {
        var d = Diagnostics()
        _ = decode("id: n\nrules: 2024\nscope: national\nregister: r.csv\nprojects: p.csv\nmembers: m.csv\n", &d)
        #expect(d.items.map(\.code).sorted() == ["config-missing", "config-missing"])
        #expect(d.items.compactMap(\.location.keyPath).sorted() == ["date", "regions"])
    }
}
