// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportRendering
import ScenarioModel
import Testing

/// The chart functions on constructed data (the simulation and redeployment charts are wired
/// when those modules give their results), and the French formatting of numbers and dates.
@Suite struct ChartTests {
    let fr = ReportFormat(.fr)
    let en = ReportFormat(.en)

    @Test func frenchNumbers() {
        #expect(fr.money(Money(euros: 1_234_567)) == "1\u{202F}234\u{202F}567\u{00A0}€")
        #expect(fr.money(Money(cents: 123_450)) == "1\u{202F}234,50\u{00A0}€")
        #expect(en.money(Money(cents: 123_450)) == "€1,234.50")
        #expect(fr.integer(29_000) == "29\u{202F}000")
        #expect(fr.integer(-3) == "−3")
        #expect(fr.percent(0.3214) == "32,1\u{00A0}%")
        #expect(en.percent(0.3214) == "32.1%")
        #expect(fr.decimal(1234.5, digits: 2) == "1\u{202F}234,5")
        #expect(fr.date(Day(year: 2024, month: 6, day: 14)!) == "14/06/2024")
    }

    @Test(arguments: [(Int64(0), "1970-01-01T00:00:00Z"), (1_718_352_000, "2024-06-14T08:00:00Z"),
                      (951_782_400, "2000-02-29T00:00:00Z"), (4_107_542_399, "2100-02-28T23:59:59Z"), (-1, "1969-12-31T23:59:59Z")])
    func civilTimeWithoutTheSystemCalendar(epoch: Int64, iso: String) {
        #expect(ReportFormat.iso8601(epoch: epoch) == iso)
    }

    @Test func frenchTimeOfTheRun() {
        #expect(fr.dateTime(epoch: 1_718_352_000) == "14/06/2024 08:00 UTC")
    }

    static func wellFormed(_ svg: String) -> Bool { XMLParser(data: Data(svg.utf8)).parse() }

    @Test func histogramShowsBinsAndPercentiles() {
        let h = ReportFixture.simulation.histograms[0]
        let svg = DistributionCharts.histogram(h, yTitle: "Tirages", fr)
        #expect(Self.wellFormed(svg))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == h.bins.count)
        for label in ["p5 : 1\u{202F}250\u{202F}000\u{00A0}€", "p50 : 1\u{202F}530\u{202F}000\u{00A0}€", "p95 : 1\u{202F}820\u{202F}000\u{00A0}€"] {
            #expect(svg.contains(label), "missing \(label)")
        }
        #expect(svg.contains(">Tirages</text>") && svg.contains(">Montant (€)</text>"))
    }

    @Test func histogramOfACount() {
        let svg = DistributionCharts.histogram(ReportFixture.simulation.histograms[1], yTitle: "Tirages", fr)
        #expect(Self.wellFormed(svg))
        #expect(svg.contains("p50 : 21\u{202F}900\u{00A0}DUI"))
    }

    @Test func tornadoDrawsWidestFirstAndEscapesLabels() throws {
        let t = ReportFixture.simulation.tornado!
        let svg = DistributionCharts.tornado(t, lowLabel: "hypothèse basse", highLabel: "hypothèse haute", fr)
        #expect(Self.wellFormed(svg))
        let first = try #require(svg.range(of: "Taux d&#39;atteinte"))
        let last = try #require(svg.range(of: "File active"))
        #expect(first.lowerBound < last.lowerBound)
        #expect(svg.contains("Retard de déploiement &lt;6 mois&gt;"))
        #expect(svg.contains("référence : 1\u{202F}530\u{202F}000\u{00A0}€"))
    }

    @Test func barChartByRegionWithThreeSeries() {
        let r = ReportFixture.redeployment
        let chart = BarChart(title: "AE par région", unit: .euros, axisTitle: "Montant (€)", series: ["Libéré", "Reçu", "Financé"],
                             rows: r.regions.map { .init(label: Geography.regionName($0.region), values: [$0.released, $0.received, $0.funded].map { Double($0.cents) / 100 }) })
        let svg = chart.svg(fr)
        #expect(Self.wellFormed(svg))
        #expect(svg.contains(">Bretagne</text>") && svg.contains(">Île-de-France</text>"))
        #expect(svg.contains(">2\u{202F}512\u{202F}346\u{00A0}€</text>"))
        #expect(svg.contains(">Libéré</text>") && svg.contains(">Montant (€)</text>"))
    }

    @Test func barChartAgainstTargetsFlagsKeysOutsideTheirBand() {
        let chart = BarChart(title: "Montant par département", unit: .euros, axisTitle: "Montant (€)", series: ["Montant"],
                             rows: [.init(label: "Finistère (29)", values: [500_000], target: 300_000, band: 240_000...360_000, flagged: true),
                                    .init(label: "Morbihan (56)", values: [200_000], target: 210_000, band: 168_000...252_000)],
                             targetLabel: "cible", bandLabel: "tolérance")
        let svg = chart.svg(fr)
        #expect(Self.wellFormed(svg))
        #expect(svg.contains("fill=\"#b3261e\">500\u{202F}000\u{00A0}€</text>"))
        #expect(svg.contains(">cible</text>") && svg.contains(">tolérance</text>"))
    }

    @Test func lineChartHasAxisTitlesAndUnits() {
        let chart = LineChart(title: "Frontière", xUnit: .euros, yUnit: .count("ESSMS"), xTitle: "Enveloppe (€)", yTitle: "ESSMS financés",
                              series: [.init(name: "ESSMS", points: [.init(1_000_000, 100), .init(2_000_000, 180)])],
                              markers: [.init(x: 1_500_000, label: "disponible")])
        let svg = chart.svg(fr)
        #expect(Self.wellFormed(svg))
        #expect(svg.contains(">Enveloppe (€)</text>") && svg.contains(">ESSMS financés</text>"))
        #expect(svg.contains(">2\u{202F}000\u{202F}000\u{00A0}€</text>"))
    }

    @Test func emptyDataStillDraws() {
        let h = HistogramData(title: "vide", unit: .euros, bins: [], p5: 0, p50: 0, p95: 0)
        #expect(Self.wellFormed(DistributionCharts.histogram(h, yTitle: "Tirages", fr)))
        #expect(Self.wellFormed(BarChart(title: "vide", unit: .euros, axisTitle: "€", series: [], rows: []).svg(fr)))
        #expect(Self.wellFormed(LineChart(title: "vide", xUnit: .euros, yUnit: .share, xTitle: "", yTitle: "", series: []).svg(fr)))
    }
}
