// SPDX-License-Identifier: GPL-3.0-or-later
import FundingRules
import ScenarioModel
import Selection
import Spreadsheet

/// The tables of the report for a spreadsheet, with typed cells: the decisions and the ESSMS
/// (written as `decisions.csv` and `essms.csv`, and as sheets of `decisions.xlsx`), the balance,
/// the envelope and the regions of a national scope (sheets of the workbook). The CSV and the
/// workbook lay out the same tables, so they have the same columns and values.
enum ReportSheets {
    /// One row per project: where it is, its decision and reason, its counts, score and money,
    /// and the amount this committee grants it (the selected projects'; their sum is the
    /// envelope used).
    static func decisions(_ facts: ReportFacts) -> Sheet {
        let f = facts.f, scenario = facts.content.scenario
        var t = Sheet(name: f(.decisions),
                      header: [f(.colProject), f(.colTitle), f(.colPorteur),
                               f(.colDepartement), f(.colRegion),
                               f(.colDecision), f(.colDecisionLabel),
                               f(.colReasonCode), f(.colReason), f(.colEligible),
                               f(.colDesk), "essms", "acquisitions", f(.colUpgrades),
                               f(.colEssmsExcluded), "score", "usage", f(.colSoftware),
                               f(.colEquipment), "amoa", f(.colAmount),
                               f(.colGranted)])
        for row in facts.rows {
            let a = row.assessment
            let (departement, region) = DecisionsCSV.place(row.project, scenario)
            let project: [Cell] = [.text(row.id), .text(row.title), .text(row.project.porteur.text), .text(departement), .text(region)]
            let decision: [Cell] = [.text(f.decisionValue(row.decision)), .text(row.decisionLabel), .text(f.reasonCodeValue(row.reasonCode)),
                                    .text(row.reason), a.map { .text(f.yesNo($0.eligible)) } ?? .empty,
                                    a.map { .text(f.guichet($0.guichet)) } ?? .empty]
            let counts: [Cell] = [.integer(row.essms), .integer(row.acquisitions), .integer(row.upgrades), .integer(row.excluded),
                                  .integer(row.project.score)]
            let amount = a?.amount ?? Amount()
            let money: [Cell] = [.money(amount.usage), .money(amount.software), .money(amount.equipment), .money(amount.amoa),
                                 .money(row.amount), .money(row.decision == "selected" ? row.amount : .zero)]
            t.append(project + decision + counts + money)
        }
        return t
    }

    /// One row per ESSMS of every project: its money, or why it is excluded.
    static func essms(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: "ESSMS",
                      header: [f(.colProject), f(.colProjectDecision), "finess",
                               f(.colEstablishment), f(.colDepartement),
                               f(.colSector), "mode", f(.colRank), f(.colFullRate),
                               f(.colSmallOrganisation), "usage", f(.colSoftware),
                               f(.colEquipment), "amoa", f(.colAmount), f(.colFunded),
                               f(.colExclusionReason)])
        for row in facts.rows {
            for l in EssmsLine.lines(row, facts) {
                func part(_ k: KeyPath<Amount, Money>) -> Cell { l.amount.map { .money($0[keyPath: k]) } ?? .empty }
                func yesNo(_ b: Bool?) -> Cell { b.map { .text(f.yesNo($0)) } ?? .empty }
                let funded = l.amount != nil && (row.decision == "selected" || row.decision == "engaged")
                let place: [Cell] = [.text(l.departement), .text(l.sector.map(f.sector) ?? ""), .text(f.modeValue(l.mode))]
                let rate: [Cell] = [l.rank.map { .integer($0) } ?? .empty, yesNo(l.fullRate), yesNo(l.smallOrganisation)]
                let money: [Cell] = [part(\.usage), part(\.software), part(\.equipment), part(\.amoa), .money(l.amount?.total ?? .zero)]
                t.append([.text(row.id), .text(f.decisionValue(row.decision)), .text(l.finess), .text(l.name)] + place + rate + money
                         + [.text(f.yesNo(funded)), .text(l.exclusion ?? "")])
            }
        }
        return t
    }

    /// Each key of the territory then the sector balance: the money of the selection and the
    /// engaged projects, its share against the target and the tolerance range (empty without a
    /// selection).
    static func balance(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: f(.balance),
                      header: [f(.colBalance), "mode", f(.colTolerance), f(.colKey),
                               f(.colLabel), f(.colAmount), f(.colShare), f(.chartTarget),
                               f(.colLow), f(.colHigh), f(.colWithin)])
        guard let s = facts.content.selection, s.solved else { return t }
        let p = s.problem
        for (spec, lines, kind, name) in [(p.territory, p.territoryBalance(s.result.selected), f(.colTerritory), f.departement),
                                          (p.sector, p.sectorBalance(s.result.selected), f(.colSector), f.sector)] {
            for l in lines {
                t.append([.text(kind), .text(f.balanceMode(spec.mode)), .share(spec.tolerance), .text(l.key), .text(name(l.key)),
                          .money(l.money), .share(l.share), .share(l.target), .share(l.low), .share(l.high), .text(f.yesNo(l.within))])
            }
        }
        return t
    }

    /// The envelope line by line, as in the minutes: notified, engaged earlier, reserve,
    /// available, used, left.
    static func envelope(_ facts: ReportFacts) -> Sheet {
        let f = facts.f
        var t = Sheet(name: f(.envelope), header: [f(.colItem), f(.colAmount)])
        for line in facts.envelope.lines(f) { t.append([.text(line.label), .money(line.money)]) }
        return t
    }

    /// A national scope's regions: their envelope (notified, engaged) and, with the
    /// redeployment, what each released, received and funded; nil for a regional scope.
    static func regions(_ facts: ReportFacts) -> Sheet? {
        let f = facts.f, c = facts.content
        guard c.scenario.spec.scope == .national else { return nil }
        var t = Sheet(name: f(.regions),
                      header: [f(.colRegion), f(.colLabel), f(.colNotified), f(.colEngaged),
                               f(.colReleased), f(.colReceived), f(.colFundedFeminine),
                               f(.colProjects), "essms"])
        let envelopes = Dictionary(c.scenario.regionEnvelopes.map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
        let flows = Dictionary((c.redeployment?.regions ?? []).map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
        var codes = c.scenario.regionEnvelopes.map(\.region)
        codes += (c.redeployment?.regions ?? []).map(\.region).filter { envelopes[$0] == nil }
        for code in codes {
            let e = envelopes[code], r = flows[code]
            t.append([.text(code), .text(Geography.regionName(code)), e.map { .money($0.notified) } ?? .empty,
                      e.map { .money($0.engaged) } ?? .empty, r.map { .money($0.released) } ?? .empty,
                      r.map { .money($0.received) } ?? .empty, r.map { .money($0.funded) } ?? .empty,
                      r.map { .integer($0.projects) } ?? .empty, r.map { .integer($0.essms) } ?? .empty])
        }
        return t
    }
}

extension Cell {
    /// An amount of money: its cents, in the euro format.
    static func money(_ m: Money) -> Cell { .euros(cents: m.cents) }
}

extension ReportFacts.Envelope {
    struct Line {
        var label: String
        var money: Money
        /// `available` and `left`: the totals, in bold in the minutes.
        var isTotal = false
        var isReserve = false
    }

    /// The envelope line by line, in the words of the minutes: notified, the national call,
    /// engaged earlier, the reserve, the projects engaged, available, granted by this
    /// committee and left (the last two when a selection was decided).
    func lines(_ f: ReportFormat) -> [Line] {
        var lines = [Line(label: f(.envNotifiedLine), money: notified)]
        if let call = nationalCall { lines.append(Line(label: f(.nationalCall), money: call)) }
        lines.append(Line(label: f(.engagedEarlierProjectsNot), money: engagedEarlier))
        lines.append(Line(label: f(.reserve), money: reserve, isReserve: true))
        lines.append(Line(label: f(.projectsEngagedAtEarlier), money: engagedProjects))
        lines.append(Line(label: f(.availableToThis), money: available, isTotal: true))
        if let used, let left {
            lines.append(Line(label: f(.grantedByThis), money: used))
            lines.append(Line(label: f(.left), money: left, isTotal: true))
        }
        return lines
    }
}
