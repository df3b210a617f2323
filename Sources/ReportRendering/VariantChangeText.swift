// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

extension ReportFormat {
    /// A variant's change as the scenario file writes it (`envelope.notified = 3575273`), in
    /// words for a reader of the report: `enveloppe notifiée : 3 575 273 €`. The file's key is
    /// kept in the JSON (`set`); a key this table does not know is shown as written.
    public func variantChange(_ change: String) -> String {
        guard let range = change.range(of: " = ") else { return change }
        let key = String(change[..<range.lowerBound]), value = String(change[range.upperBound...])
        guard let (fr, en, kind) = Self.variantKeys[key] else { return change }
        return (language == .fr ? fr + " : " : en + ": ") + variantValue(value, kind)
    }

    enum VariantValue { case money, percent, integer, boolean, day, policy, mode, terms, raw }

    static let variantKeys: [String: (String, String, VariantValue)] = [
        "envelope.notified": ("enveloppe notifiée", "notified envelope", .money),
        "envelope.engaged": ("engagé hors projets listés", "engaged outside the listed projects", .money),
        "envelope.reserve": ("réserve pour les comités suivants", "reserve for later committees", .money),
        "committee": ("date du comité", "committee date", .day),
        "committee.date": ("date du comité", "committee date", .day),
        "committee.deposits_until": ("dossiers déposés jusqu'au", "deposits until", .day),
        "policies.minimum_size.hard": ("taille minimale impérative", "minimum size enforced", .boolean),
        "policies.minimum_size.value": ("taille minimale (ESSMS)", "minimum size (ESSMS)", .integer),
        "policies.mixed_rank_order": ("rang des grappes mixtes", "rank order of mixed grappes", .policy),
        "policies.amoa_requires": ("aide à l'AMOA", "AMOA aid", .policy),
        "policies.second_tranche": ("seconde tranche", "second tranche", .policy),
        "balance.territory.tolerance": ("tolérance de l'équilibre territorial", "territory balance tolerance", .percent),
        "balance.sector.tolerance": ("tolérance de l'équilibre sectoriel", "sector balance tolerance", .percent),
        "balance.territory.mode": ("équilibre territorial", "territory balance", .mode),
        "balance.sector.mode": ("équilibre sectoriel", "sector balance", .mode),
        "objective": ("ordre des priorités", "priority order", .terms),
        "redeployment.policy": ("politique de redéploiement", "redeployment policy", .policy),
        "simulation.draws": ("tirages", "draws", .integer),
        "simulation.seed": ("graine", "seed", .raw),
    ]

    func variantValue(_ value: String, _ kind: VariantValue) -> String {
        switch kind {
        case .money:
            guard case .success(let m) = Money.parse(value, decimalComma: false) else { return value }
            return money(m)
        case .percent:
            guard let x = ConfigReader.parseNumber(value) else { return value }
            return percent(x, digits: x * 100 == (x * 100).rounded() ? 0 : 1)
        case .integer:
            guard let n = Int(value) else { return value }
            return integer(n)
        case .boolean:
            switch value.lowercased() {
            case "true", "oui", "yes", "1": return yesNo(true)
            case "false", "non", "no", "0": return yesNo(false)
            default: return value
            }
        case .day:
            return Day.parse(value).map(date) ?? value
        case .policy:
            return policyValue(value)
        case .mode:
            guard language == .fr else { return value }
            return ["soft": "souple", "hard": "stricte", "off": "sans"][value] ?? value
        case .terms:
            guard language == .fr, value.hasPrefix("["), value.hasSuffix("]") else { return value }
            let words = ["finess": "ESSMS financés", "acquisition": "acquisitions", "score": "score",
                         "expected_attaining": "ESSMS attendus aux cibles"]
            return value.dropFirst().dropLast().split(separator: ",")
                .map { let t = String($0).trimmingSpaces; return words[t] ?? t }
                .joined(separator: ", puis ")
        case .raw:
            return value
        }
    }
}
