// SPDX-License-Identifier: GPL-3.0-or-later
import ScenarioModel
import Spreadsheet

/// The committee report: the files of `Reports/<scenario id>/`, rendered from one
/// `ReportContent`. The same content gives the same bytes; the workbook is written through the
/// temporary file `workbookFile` (default: one of the system's temporary folder), whose failure
/// is the only error.
public enum Report {
    /// The names of the files, in the order they are written (audit last: it holds the others' digests).
    /// `index-details.js` only above 400 projects, `lettres.html` only for a regional committee.
    public static let fileNames = ["note.html", "index.html", HTMLReport.detailsFile, "deliberation.html", "decisions.csv",
                                   "essms.csv", "decisions.xlsx", "pv.md", "pv.odt", "lettres.html", "results.json", "audit.json"]

    public static func files(_ content: ReportContent, language: ReportLanguage = .fr,
                             workbookFile: String? = nil) throws(ReportFileError) -> [ReportFile] {
        let facts = ReportFacts(content, ReportFormat(language))
        // Above 400 projects the annex's details are a file of their own, which it loads on request.
        let annex = HTMLReport.annex(content, language: language, detailsFile: HTMLReport.detailsFile)
        var files = [
            ReportFile(name: "note.html", bytes: Array(NoteDocument.render(content, language: language).utf8)),
            ReportFile(name: "index.html", bytes: Array(annex.page.utf8)),
        ]
        if let details = annex.details { files.append(ReportFile(name: HTMLReport.detailsFile, bytes: Array(details.utf8))) }
        files += [
            ReportFile(name: "deliberation.html", bytes: Array(DeliberationPage.render(content, language: language).utf8)),
            ReportFile(name: "decisions.csv", bytes: ExcelCSV(ReportSheets.decisions(facts)).bytes),
            ReportFile(name: "essms.csv", bytes: ExcelCSV(ReportSheets.essms(facts)).bytes),
        ]
        do {
            files.append(ReportFile(name: "decisions.xlsx", bytes: try XLSXWriter.bytes(DecisionsWorkbook.workbook(facts), through: workbookFile)))
        } catch { throw .workbook(error) }
        files.append(ReportFile(name: "pv.md", bytes: Array(MinutesDocument.render(content, language: language).utf8)))
        do {
            files.append(ReportFile(name: "pv.odt", bytes: try MinutesDocument.openDocument(content, language: language)))
        } catch { throw .minutes(error) }
        // A regional committee's letters to its applicants (a national redeployment has none: the
        // regions notify after their own committees).
        if content.scenario.spec.scope == .regional {
            files.append(ReportFile(name: "lettres.html", bytes: Array(LettersDocument.render(content, language: language).utf8)))
        }
        files.append(ReportFile(name: "results.json", bytes: ResultsDocument.json(content).renderedBytes()))
        files.append(ReportFile(name: "audit.json", bytes: AuditDocument.json(content, outputs: files).renderedBytes()))
        return files
    }
}

/// A file of the report that could not be made: the workbook (through its temporary file) or
/// the procès-verbal's OpenDocument zip.
public enum ReportFileError: Error, Sendable, CustomStringConvertible {
    case workbook(XLSXError)
    case minutes(OpenDocumentError)

    /// The file's name.
    public var file: String {
        switch self {
        case .workbook: return "decisions.xlsx"
        case .minutes: return "pv.odt"
        }
    }

    public var description: String {
        switch self {
        case .workbook(let e): return e.description
        case .minutes(let e): return e.description
        }
    }
}

/// `results.json`: the machine-readable results of every step, each the document its own
/// command prints with `--json` (`fund`, `select`, `frontier`, `tradeoff`), plus the simulation
/// and redeployment sections when present.
public enum ResultsDocument {
    public static func json(_ c: ReportContent) -> JSONValue {
        let spec = c.scenario.spec
        var pairs: [(String, JSONValue)] = [
            ("scenario", .string(spec.id)),
            ("title", .string(spec.title)),
            ("variant", c.variant.map { .string($0) } ?? .null),
            ("scope", .string(spec.scope.rawValue)),
            ("fund", FundDocument.json(scenario: spec.id, rules: c.rules, assessments: c.assessments)),
        ]
        if let s = c.selection {
            var extra: [(String, JSONValue)] = [("warnings", .array(s.warnings.map { .string($0) }))]
            if let inf = s.infeasibility {
                extra.append(("infeasibility", SelectionAnalysisDocument.infeasibility(inf, problem: s.problem)))
            } else {
                extra.append(("next_in_line", SelectionAnalysisDocument.nextInLine(s.nextInLine)))
            }
            pairs.append(("select", SelectDocument.json(scenario: c.scenario, rules: c.rules, problem: s.problem, result: s.result,
                                                        explanations: s.explanations, extra: extra)))
        }
        if let points = c.frontier, let p = c.selection?.problem {
            pairs.append(("frontier", FrontierDocument.json(problem: p, points: points)))
        }
        if let curve = c.tradeoff, let p = c.selection?.problem {
            pairs.append(("tradeoff", TradeoffDocument.json(problem: p, curve: curve)))
        }
        if let sim = c.simulation {
            var s: [(String, JSONValue)] = [("draws", .int(sim.draws)), ("seed", .number(String(sim.seed))),
                                            ("histograms", .array(sim.histograms.map(histogram)))]
            if let t = sim.tornado {
                s.append(("tornado", .object([("title", .string(t.title)), ("base", .double(t.base)),
                                              ("rows", .array(t.rows.map { .object([("label", .string($0.label)), ("low", .double($0.low)), ("high", .double($0.high))]) }))])))
            }
            if let d = sim.document { s.append(("document", d)) }
            pairs.append(("simulation", .object(s)))
        }
        if let w = c.whatif { pairs.append(("whatif", w.document)) }
        if let r = c.campaign { pairs.append(("campaign", CampaignDocument.json(r, scenario: c.scenario))) }
        if let r = c.followup { pairs.append(("followup", FollowupDocument.json(r))) }
        if let r = c.redeployment {
            var s: [(String, JSONValue)] = [("policy", .string(r.policy)), ("regions", .array(r.regions.map { g in
                .object([("region", .string(g.region)), ("released", .money(g.released)), ("received", .money(g.received)),
                         ("funded", .money(g.funded)), ("projects", .int(g.projects)), ("essms", .int(g.essms))])
            }))]
            if let d = r.document { s.append(("document", d)) }
            pairs.append(("redeployment", .object(s)))
        }
        return .object(pairs)
    }

    static func histogram(_ h: HistogramData) -> JSONValue {
        .object([("title", .string(h.title)), ("p5", .double(h.p5)), ("p50", .double(h.p50)), ("p95", .double(h.p95)),
                 ("bins", .array(h.bins.map { .object([("low", .double($0.low)), ("high", .double($0.high)), ("count", .int($0.count))]) }))])
    }
}
