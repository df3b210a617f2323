// SPDX-License-Identifier: GPL-3.0-or-later
import ReportRendering
import ScenarioModel
import Testing

/// A what-if variant's changes, as the note and the what-if table show them: the scenario file's
/// keys in words, amounts, shares, dates and policies in the reader's formats; a key the table
/// does not know, as the file writes it.
@Suite struct VariantChangeTextTests {
    @Test func knownKeysAreSaidInWordsInBothLanguages() {
        let fr = ReportFormat(.fr), en = ReportFormat(.en)
        #expect(fr.variantChange("envelope.notified = 3575273") == "enveloppe notifiée : " + fr.money(Money(euros: 3_575_273)))
        #expect(fr.variantChange("envelope.reserve = 794000.5") == "réserve pour les comités suivants : " + fr.money(Money(cents: 79_400_050)))
        #expect(en.variantChange("envelope.notified = 3575273") == "notified envelope: " + en.money(Money(euros: 3_575_273)))
        #expect(fr.variantChange("policies.minimum_size.hard = true") == "taille minimale impérative : oui")
        #expect(fr.variantChange("balance.sector.tolerance = 0.3") == "tolérance de l'équilibre sectoriel : " + fr.percent(0.3, digits: 0))
        #expect(fr.variantChange("balance.territory.mode = hard") == "équilibre territorial : stricte")
        #expect(fr.variantChange("committee.date = 2024-10-15") == "date du comité : 15/10/2024")
        #expect(fr.variantChange("redeployment.policy = own-first") == "politique de redéploiement : chaque région d'abord (own-first)")
        #expect(fr.variantChange("objective = [acquisition, finess]") == "ordre des priorités : acquisitions, puis ESSMS financés")
    }

    @Test func unknownKeysAndUnreadableValuesStayAsWritten() {
        let fr = ReportFormat(.fr)
        #expect(fr.variantChange("simulation.model.spread = 0.2") == "simulation.model.spread = 0.2")
        #expect(fr.variantChange("envelope.notified = beaucoup") == "enveloppe notifiée : beaucoup")
        #expect(fr.variantChange("no separator") == "no separator")
    }
}
