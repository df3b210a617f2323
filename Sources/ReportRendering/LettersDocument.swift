// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection

/// `lettres.html`: one notification letter per applicant of the committee (retained, not
/// retained, inadmissible, for the next committee, excluded), one per printed A4 page, in words
/// an applicant understands: the amount and its two halves with their conditions, or the reasons.
/// Projects decided at an earlier committee (engaged, rejected) get none: they were notified
/// then. The names and the signature are placeholders for the ARS to fill in.
public enum LettersDocument {
    public static func render(_ content: ReportContent, language: ReportLanguage = .fr) -> String {
        let f = ReportFormat(language)
        let facts = ReportFacts(content, f)
        let spec = content.scenario.spec
        let region = spec.region.map { Geography.regionName($0) } ?? ""
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>" + Markup.escape(f.tr("Lettres de notification — ", "Notification letters — ") + facts.title) + "</title>\n"
        out += "<style>\n" + style + "</style>\n</head>\n<body>\n"
        let letters = facts.rows.compactMap { letter($0, content, facts, f, region: region) }
        if letters.isEmpty {
            out += "<p>" + f.tr("Aucune lettre : aucune décision de ce comité ne concerne un demandeur.",
                                "No letter: no decision of this committee concerns an applicant.") + "</p>\n"
        }
        out += letters.joined()
        out += "</body>\n</html>\n"
        return out
    }

    static let style = """
    body { margin: 0 auto; max-width: 800px; padding: 24px; font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; font-size: 14px; line-height: 1.5; color: #1d1d1f; }
    .letter { padding: 8px 0 32px; border-bottom: 1px dashed #c8c8cc; margin-bottom: 32px; }
    .sender { font-weight: bold; }
    .meta { text-align: right; margin: 18px 0; }
    .object { font-weight: bold; margin: 18px 0; }
    table { border-collapse: collapse; margin: 8px 0 12px; }
    th, td { border: 1px solid #c8c8cc; padding: 3px 8px; text-align: left; }
    td.num { text-align: right; white-space: nowrap; }
    .placeholder { background: #fff6d6; }
    .signature { margin-top: 32px; margin-left: 55%; }
    .remedy { font-size: 12px; color: #5b5b60; margin-top: 24px; }
    @page { size: A4; margin: 20mm 18mm; }
    @media print { body { max-width: none; padding: 0; } .letter { border: none; margin: 0; break-after: page; page-break-after: always; } .placeholder { background: none; } }

    """

    /// The letter to the applicant of `row`, nil when this committee notifies it nothing.
    static func letter(_ row: ReportFacts.ProjectRow, _ content: ReportContent, _ facts: ReportFacts, _ f: ReportFormat,
                       region: String) -> String? {
        let p = row.project, spec = content.scenario.spec
        let body: [String]
        let decisionWords: String
        switch row.decision {
        case "selected":
            guard let a = row.assessment else { return nil }
            decisionWords = f.tr("Décision : projet retenu", "Decision: project retained")
            body = retained(a, content, f)
        case "not-selected":
            decisionWords = f.tr("Décision : projet non retenu", "Decision: project not retained")
            body = notRetained(row, content, facts, f)
        case "ineligible":
            decisionWords = f.tr("Décision : dossier irrecevable", "Decision: application inadmissible")
            let reasons = row.assessment?.errors.map { f.ruleCode($0.code) } ?? []
            body = [f.tr("Après instruction, votre dossier n'est pas recevable au titre du programme ESMS numérique, pour le ou les motifs suivants :",
                         "After review, your application is not admissible under the ESMS numérique programme, for the following reason(s):")
                    + "</p>\n<ul>" + reasons.map { "<li>" + Markup.escape($0) + "</li>" }.joined() + "</ul>\n<p>"
                    + f.tr("Un nouveau dossier corrigé peut être déposé lors d'un prochain appel à projets.",
                           "A corrected application may be filed at a later call.")]
        case "later-committee":
            decisionWords = f.tr("Décision : examen reporté au comité suivant", "Decision: examination carried over to the next committee")
            let cutoff = spec.depositsUntil ?? spec.committee
            body = [f.tr("Votre dossier, déposé le \(f.date(p.deposited))", "Your application, filed on \(f.date(p.deposited))")
                    + (cutoff.map { f.tr(", l'a été après la date limite de dépôt de ce comité (\(f.date($0)))",
                                         ", was filed after this committee's deadline (\(f.date($0)))") } ?? "")
                    + f.tr(". Il n'a donc pas été examiné lors de cette séance ; il le sera lors du prochain comité de sélection.",
                           ". It was therefore not examined at this meeting; it will be at the next selection committee.")]
        case "excluded":
            decisionWords = f.tr("Décision : projet non retenu", "Decision: project not retained")
            body = [f.tr("Le comité de sélection a décidé de ne pas retenir votre projet lors de cette séance.",
                         "The selection committee decided not to retain your project at this meeting.")]
        default:
            return nil  // engaged or rejected at an earlier committee, or no selection computed
        }
        var out = "<section class=\"letter\" id=\"\(Markup.escape(p.id))\">\n"
        out += "<p class=\"sender\">" + Markup.escape(f.tr("Agence régionale de santé", "Regional health agency")
                                                       + (region.isEmpty ? "" : " " + region)) + "<br/>"
        out += f.tr("Programme ESMS numérique", "ESMS numérique programme") + "</p>\n"
        let porteur = content.scenario.register[p.porteur]?.name
        out += "<p class=\"meta\">" + f.tr("À l'attention du porteur du projet", "To the project's porteur") + "<br/>"
        out += (porteur.map { Markup.escape($0) } ?? "<span class=\"placeholder\">" + f.tr("[nom du porteur]", "[porteur's name]") + "</span>")
        out += " — FINESS " + p.porteur.text + "<br/>"
        out += "<span class=\"placeholder\">" + f.tr("[lieu]", "[place]") + "</span>, "
        out += (spec.committee.map { f.tr("le ", "") + f.date($0) } ?? "") + "</p>\n"
        out += "<p class=\"object\">" + f.tr("Objet : ", "Subject: ") + f.tr("votre demande de financement", "your funding application")
        out += " « " + Markup.escape(p.title) + " » (" + Markup.escape(p.id) + ")<br/>" + Markup.escape(decisionWords) + "</p>\n"
        out += "<p>" + f.tr("Madame, Monsieur,", "Dear Sir or Madam,") + "</p>\n"
        out += "<p>" + f.tr("Le comité de sélection du programme ESMS numérique", "The selection committee of the ESMS numérique programme")
        out += (spec.committee.map { f.tr(" réuni le ", " that met on ") + f.date($0) } ?? "")
        out += f.tr(" a examiné votre demande.", " examined your application.") + "</p>\n"
        out += body.map { "<p>" + $0 + "</p>\n" }.joined()
        out += "<p>" + f.tr("Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
                            "Yours faithfully,") + "</p>\n"
        out += "<p class=\"signature\">" + f.tr("Pour le directeur général de l'ARS,", "For the director general of the ARS,") + "<br/>"
        out += "<span class=\"placeholder\">" + f.tr("[nom, fonction, signature]", "[name, position, signature]") + "</span></p>\n"
        if row.decision != "selected" {
            out += "<p class=\"remedy\">" + f.tr("Cette décision peut faire l'objet d'un recours gracieux auprès du directeur général de l'ARS ou d'un recours contentieux devant le tribunal administratif compétent dans un délai de deux mois à compter de sa notification.",
                                                 "This decision may be appealed to the director general of the ARS, or before the competent administrative court, within two months of its notification.") + "</p>\n"
        }
        return out + "</section>\n"
    }

    /// The amount, its parts, its two halves and the conditions of the second.
    static func retained(_ a: ProjectAssessment, _ content: ReportContent, _ f: ReportFormat) -> [String] {
        let amount = a.amount
        let first = a.funded.reduce(Money.zero) { $0 + $1.amount.total.firstHalf }
        var parts: [(String, Money)] = [(f.tr("Usage", "Usage"), amount.usage), (f.tr("Logiciel", "Software"), amount.software)]
        if amount.equipment != .zero { parts.append((f.tr("Équipement", "Equipment"), amount.equipment)) }
        if amount.amoa != .zero { parts.append((f.tr("Assistance à maîtrise d'ouvrage (AMOA)", "Project-owner assistance (AMOA)"), amount.amoa)) }
        var modes: [String] = []
        if a.acquisitionCount > 0 {
            modes.append(f.tr("\(f.integer(a.acquisitionCount)) en acquisition d'une solution de dossier usager informatisé",
                              "\(f.integer(a.acquisitionCount)) acquiring a computerised user record"))
        }
        if a.upgradeCount > 0 {
            modes.append(f.tr("\(f.integer(a.upgradeCount)) en mise à niveau de leur solution", "\(f.integer(a.upgradeCount)) upgrading theirs"))
        }
        var out = [f.tr("J'ai le plaisir de vous informer que votre projet est retenu. Il bénéficiera d'un financement de <strong>\(f.money(amount.total))</strong> pour \(f.ess(a.finessCount)) (",
                        "I am pleased to inform you that your project is retained. It will be funded with <strong>\(f.money(amount.total))</strong> for \(f.ess(a.finessCount)) (")
                   + modes.joined(separator: f.tr(" et ", " and ")) + f.tr(") :", "):")
                   + "</p>\n<table>" + parts.map { "<tr><td>" + $0.0 + "</td><td class=\"num\">" + f.money($0.1) + "</td></tr>" }.joined()
                   + "<tr><th>" + f.tr("Total", "Total") + "</th><th class=\"num\">" + f.money(amount.total) + "</th></tr></table>\n<p>"]
        let perESSMS = content.rules.policies.secondTranche == .perESSMS
        let t = content.rules.usageTargets
        out.append(f.tr("Le versement se fera en deux fois : <strong>\(f.money(first))</strong> à la signature de la convention entre l'ARS et votre organisme ; le solde, <strong>\(f.money(amount.total - first))</strong>, à la fin du projet, sur présentation de l'état certifié des dépenses et ",
                        "Payment is made in two halves: <strong>\(f.money(first))</strong> when the agreement between the ARS and your organisation is signed; the balance, <strong>\(f.money(amount.total - first))</strong>, at the end of the project, on a certified statement of expenses and ")
                   + (perESSMS ? f.tr("au prorata des établissements qui atteignent les cibles d'usage suivantes :",
                                      "in proportion to the establishments that reach the following usage targets:")
                               : f.tr("si tous les établissements atteignent les cibles d'usage suivantes :",
                                      "if every establishment reaches the following usage targets:"))
                   + "</p>\n<ul>"
                   + [(f.tr("dossiers usagers actifs rapportés à la file active", "active user records over the people accompanied"), t.activeRecords),
                      (f.tr("dossiers actifs comportant un projet personnalisé", "active records with a personalised project"), t.personalisedProject),
                      (f.tr("dossiers actifs comportant au moins un événement d'agenda", "active records with at least one agenda event"), t.agendaEvent),
                      (f.tr("taux d'usage de la messagerie sécurisée MSSanté", "usage rate of the MSSanté secure messaging"), t.mssante),
                      (f.tr("taux d'alimentation du DMP", "usage rate of the shared medical record (DMP)"), t.dmp)]
                       .map { "<li>" + $0.0 + f.tr(" : ", ": ") + f.percent($0.1) + "</li>" }.joined() + "</ul>\n<p>"
                   + f.tr("Les indicateurs sont mesurés sur les trois derniers mois à la fin du projet.",
                          "The indicators are measured over the last three months at the end of the project."))
        if !a.excluded.isEmpty {
            out.append(f.tr("Les établissements suivants ne sont pas financés :", "The following establishments are not funded:") + "</p>\n<ul>"
                       + a.excluded.map { e in
                           "<li>" + Markup.escape(content.scenario.register[e.finess]?.name ?? "") + " (FINESS " + e.finess.text + ") : "
                               + Markup.escape(f.exclusion(e.reason)) + "</li>"
                       }.joined() + "</ul>\n<p>")
        }
        return out
    }

    /// Why an admissible project was not retained, in the applicant's terms.
    static func notRetained(_ row: ReportFacts.ProjectRow, _ content: ReportContent, _ facts: ReportFacts, _ f: ReportFormat) -> [String] {
        var out = [f.tr("Votre dossier est recevable, mais votre projet n'a pas pu être retenu lors de cette séance.",
                        "Your application is admissible, but your project could not be retained at this meeting.")]
        let e = row.explanation
        if let e, (e.code == "conflict" || e.code == "held-by-engaged"), let c = e.conflicts.first {
            let name = content.scenario.register[c.finess]?.name
            out.append(f.tr("L'établissement ", "The establishment ") + (name.map { Markup.escape($0) + " " } ?? "") + "(FINESS " + c.finess.text + ")"
                       + (e.code == "conflict"
                          ? f.tr(" figure aussi dans le projet \(Markup.escape(c.project)), retenu par le comité",
                                 " is also part of project \(Markup.escape(c.project)), retained by the committee")
                          : f.tr(" est déjà financé par le projet \(Markup.escape(c.project)), retenu lors d'un comité précédent",
                                 " is already funded by project \(Markup.escape(c.project)), retained at an earlier committee"))
                       + f.tr(" : un établissement ne peut bénéficier que d'un seul financement du programme.",
                              ": an establishment can receive only one grant from the programme."))
        } else {
            out.append(f.tr("Les crédits disponibles pour ce comité, \(f.money(facts.envelope.available)), ont été attribués par ordre de priorité : le nombre d'établissements équipés, puis les acquisitions de solutions, puis le score de priorité du dossier, en veillant à l'équilibre entre les départements et entre les secteurs d'activité. Votre projet, \(f.ess(row.essms)) pour \(f.money(row.amount)), n'a pas pu être financé dans cette enveloppe.",
                            "The credits available to this committee, \(f.money(facts.envelope.available)), were granted in order of priority: the number of establishments equipped, then the acquisitions of a solution, then the application's priority score, with a balance between départements and between sectors. Your project, \(f.ess(row.essms)) for \(f.money(row.amount)), could not be funded within this envelope."))
            out.append(f.tr("Votre dossier pourra être examiné de nouveau lors d'un prochain comité si des crédits restent disponibles.",
                            "Your application may be examined again at a later committee if credits remain available."))
        }
        return out
    }
}
