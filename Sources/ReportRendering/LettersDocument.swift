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
        out += "<title>" + Markup.escape(f(.lettersTitle) + facts.title) + "</title>\n"
        out += "<style>\n" + style + "</style>\n</head>\n<body>\n"
        let letters = facts.rows.compactMap { letter($0, content, facts, f, region: region) }
        if letters.isEmpty {
            out += "<p>" + f(.noLetter) + "</p>\n"
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
            decisionWords = f(.decisionProjectRetained)
            body = retained(a, content, f)
        case "not-selected":
            decisionWords = f(.decisionProjectNotRetained)
            body = notRetained(row, content, facts, f)
        case "ineligible":
            decisionWords = f(.decisionApplicationInadmissible)
            let reasons = row.assessment?.errors.map { f.ruleCode($0.code) } ?? []
            body = [f(.letterIneligible)
                    + "</p>\n<ul>" + reasons.map { "<li>" + Markup.escape($0) + "</li>" }.joined() + "</ul>\n<p>"
                    + f(.letterResubmit)]
        case "later-committee":
            decisionWords = f(.decisionLater)
            let cutoff = spec.depositsUntil ?? spec.committee
            body = [f(.laterCommitteeBody, f.date(p.deposited), cutoff.map { f(.wasFiledAfter, f.date($0)) } ?? "")]
        case "excluded":
            decisionWords = f(.decisionProjectNotRetained)
            body = [f(.letterExcluded)]
        default:
            return nil  // engaged or rejected at an earlier committee, or no selection computed
        }
        var out = "<section class=\"letter\" id=\"\(Markup.escape(p.id))\">\n"
        out += "<p class=\"sender\">" + Markup.escape(f(.regionalHealthAgency)
                                                       + (region.isEmpty ? "" : " " + region)) + "<br/>"
        out += f(.esmsNumeriqueProgramme) + "</p>\n"
        let porteur = content.scenario.register[p.porteur]?.name
        out += "<p class=\"meta\">" + f(.toTheProjects) + "<br/>"
        out += (porteur.map { Markup.escape($0) } ?? "<span class=\"placeholder\">" + f(.porteursName) + "</span>")
        out += " — FINESS " + p.porteur.text + "<br/>"
        out += "<span class=\"placeholder\">" + f(.letterPlace) + "</span>, "
        out += (spec.committee.map { f(.letterDate, f.date($0)) } ?? "") + "</p>\n"
        out += "<p class=\"object\">" + f(.subject, f(.yourFundingApplication))
        out += " « " + Markup.escape(p.title) + " » (" + Markup.escape(p.id) + ")<br/>" + Markup.escape(decisionWords) + "</p>\n"
        out += "<p>" + f(.dearSirOr) + "</p>\n"
        out += "<p>" + f(.committeeExamined, spec.committee.map { f(.thatMetOn, f.date($0)) } ?? "") + "</p>\n"
        out += body.map { "<p>" + $0 + "</p>\n" }.joined()
        out += "<p>" + f(.yoursFaithfully) + "</p>\n"
        out += "<p class=\"signature\">" + f(.forTheDirector) + "<br/>"
        out += "<span class=\"placeholder\">" + f(.namePositionSignature) + "</span></p>\n"
        if row.decision != "selected" {
            out += "<p class=\"remedy\">" + f(.thisDecisionMay) + "</p>\n"
        }
        return out + "</section>\n"
    }

    /// The amount, its parts, its two halves and the conditions of the second.
    static func retained(_ a: ProjectAssessment, _ content: ReportContent, _ f: ReportFormat) -> [String] {
        let amount = a.amount
        let first = a.funded.reduce(Money.zero) { $0 + $1.amount.total.firstHalf }
        var parts: [(String, Money)] = [(f(.letterUsage), amount.usage), (f(.letterSoftware), amount.software)]
        if amount.equipment != .zero { parts.append((f(.letterEquipment), amount.equipment)) }
        if amount.amoa != .zero { parts.append((f(.letterAmoa), amount.amoa)) }
        var modes: [String] = []
        if a.acquisitionCount > 0 {
            modes.append(f(.letterAcquiring, f.integer(a.acquisitionCount)))
        }
        if a.upgradeCount > 0 {
            modes.append(f(.letterUpgrading, f.integer(a.upgradeCount)))
        }
        var out = [f(.letterRetained, f.money(amount.total), f.ess(a.finessCount), modes.joined(separator: f(.and)))
                   + "</p>\n<table>" + parts.map { "<tr><td>" + $0.0 + "</td><td class=\"num\">" + f.money($0.1) + "</td></tr>" }.joined()
                   + "<tr><th>" + f(.total) + "</th><th class=\"num\">" + f.money(amount.total) + "</th></tr></table>\n<p>"]
        let perESSMS = content.rules.policies.secondTranche == .perESSMS
        let t = content.rules.usageTargets
        out.append(f(.letterPayment, f.money(first), f.money(amount.total - first),
                     perESSMS ? f(.letterPerESSMS) : f(.letterAllOrNothing))
                   + "</p>\n<ul>"
                   + [(f(.letterTargetActive), t.activeRecords),
                      (f(.letterTargetPersonalised), t.personalisedProject),
                      (f(.letterTargetAgenda), t.agendaEvent),
                      (f(.letterTargetMssante), t.mssante),
                      (f(.letterTargetDmp), t.dmp)]
                       .map { "<li>" + f(.targetLine, $0.0, f.percent($0.1)) + "</li>" }.joined() + "</ul>\n<p>"
                   + f(.theIndicatorsAre))
        if !a.excluded.isEmpty {
            out.append(f(.theFollowingEstablishments) + "</p>\n<ul>"
                       + a.excluded.map { e in
                           "<li>" + Markup.escape(content.scenario.register[e.finess]?.name ?? "") + " (FINESS " + e.finess.text + ") : "
                               + Markup.escape(f.exclusion(e.reason)) + "</li>"
                       }.joined() + "</ul>\n<p>")
        }
        return out
    }

    /// Why an admissible project was not retained, in the applicant's terms.
    static func notRetained(_ row: ReportFacts.ProjectRow, _ content: ReportContent, _ facts: ReportFacts, _ f: ReportFormat) -> [String] {
        var out = [f(.notRetainedAdmissible)]
        let e = row.explanation
        if let e, (e.code == "conflict" || e.code == "held-by-engaged"), let c = e.conflicts.first {
            let name = content.scenario.register[c.finess]?.name
            let establishment = (name.map { Markup.escape($0) + " " } ?? "") + "(FINESS " + c.finess.text + ")"
            out.append(f(e.code == "conflict" ? .conflictSelected : .conflictEngaged, establishment, Markup.escape(c.project)))
        } else {
            out.append(f(.notRetainedEnvelope, f.money(facts.envelope.available), f.ess(row.essms), f.money(row.amount)))
            out.append(f(.notRetainedLater))
        }
        return out
    }
}
