// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel

/// The DUI solutions generated projects deploy. The names are invented: they do not name any
/// real product or vendor.
enum SoftwareCatalogue {
    struct Product {
        let name: String
        let referencing: Referencing
        /// Relative market share among the solutions of its kind.
        let weight: Double
    }

    /// Referenced "vague 1", medico-social corridor.
    static let referenced: [Product] = [
        Product(name: "Ogirys DUI", referencing: .segurMedicoSocial, weight: 9),
        Product(name: "Medisoc Suite", referencing: .segurMedicoSocial, weight: 8),
        Product(name: "Keravel Usager", referencing: .segurMedicoSocial, weight: 6),
        Product(name: "Tramelis DUI", referencing: .segurMedicoSocial, weight: 5),
        Product(name: "Sociavia Parcours", referencing: .segurMedicoSocial, weight: 4),
        Product(name: "Aubrelia Dossier", referencing: .segurMedicoSocial, weight: 3),
        Product(name: "Calyxis Social", referencing: .segurMedicoSocial, weight: 3),
        Product(name: "Verinome ESMS", referencing: .segurMedicoSocial, weight: 2),
    ]
    /// Home-care specialists (SAAD, SSIAD, SPASAD).
    static let domicile: [Product] = [
        Product(name: "Domivance", referencing: .segurMedicoSocial, weight: 5),
        Product(name: "Nuvelia Soins", referencing: .segurMedicoSocial, weight: 4),
    ]
    /// Being referenced: admissible with a warning.
    static let inProgress: [Product] = [
        Product(name: "Lisandre DUI", referencing: .inProgress, weight: 2),
        Product(name: "Orvalis Accompagnement", referencing: .inProgress, weight: 1),
    ]
    /// Not referenced: admissible only for projects made of AHI and PJM ESSMS.
    static let unreferenced: [Product] = [
        Product(name: "Tessaline Social", referencing: .none, weight: 2),
        Product(name: "Mandatis Gestion", referencing: .none, weight: 1),
    ]
    /// A hospital DPI referenced in the hospital corridor (GHT exception).
    static let hospital = Product(name: "Hospidea DPI", referencing: .segurHospital, weight: 1)

    static func pick(_ list: [Product], _ rng: inout SplitMix64) -> Product {
        list[rng.weightedIndex(list.map(\.weight))]
    }
}
