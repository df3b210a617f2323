// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import ReportRendering
import ScenarioModel
import Selection
import Workflow

/// `esms frontier`: the selection re-solved along the envelope.
struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "Re-solve the selection along the envelope: what each level of funding buys.",
        discussion: """
        Solves the selection of the scenario (same model and objective as 'esms select') at \
        STEPS envelopes evenly spaced from --from to --to, each given as a percentage of the \
        available envelope (notified − engaged − reserve − engaged projects), e.g. 80%, or as an \
        amount in euros, e.g. 250000 or 250 000,50 (below 1 000 € write the sign: 500€, so that a forgotten % is not read as euros). For each envelope: status, funded ESSMS, \
        acquisitions, score, money used and the projects that enter (+) or leave (−) from one \
        envelope to the next.

        Exit codes: 0 the frontier was computed (points may be infeasible: see 'status'), 1 the \
        scenario has errors or the solver failed, 2 usage.
        """)

    @OptionGroup var options: ScenarioOptions

    @Option(help: ArgumentHelp("First envelope: a percentage of the available envelope (50%) or euros.", valueName: "level"))
    var from: String = "50%"

    @Option(help: ArgumentHelp("Last envelope: a percentage of the available envelope (150%) or euros.", valueName: "level"))
    var to: String = "150%"

    @Option(help: ArgumentHelp("Number of envelopes, both ends included (2 to 201).", valueName: "n"))
    var steps: Int = 21

    @OptionGroup(title: "Committee pins")
    var pins: CommitteePins

    @OptionGroup(title: "Solver")
    var solve: SolveOptions

    func validate() throws {
        _ = try Self.level(from, option: "--from")
        _ = try Self.level(to, option: "--to")
        try NumericOptions.steps.check(steps)
    }

    func run() throws {
        let committee = try SelectionMessages.committee(options, pins: pins)
        let (scenario, problem) = (committee.scenario, committee.problem)
        SelectionMessages.warn(committee)
        let (low, high) = (try Self.level(from, option: "--from"), try Self.level(to, option: "--to"))
        let points: [FrontierPoint]
        do {
            let shown = Output.showsProgress
            defer { if shown { Output.clearProgress() } }
            points = try committee.frontier(from: low, to: high, steps: steps, selector: solve.selector, progress: shown ? { done, total in
                Output.progress(.fr("frontière : \(done) / \(total) enveloppes", en: "frontier: \(done) / \(total) envelopes"), final: false)
            } : nil)
        } catch {
            Output.fail(SelectionMessages.describe(error))
            throw ExitStatus.scenarioErrors
        }
        let infeasible = points.filter { $0.status == .infeasible }.count
        if infeasible > 0 {
            // The diagnosis is select's, made once; not re-run at every envelope.
            Output.note(.fr("enveloppes infaisables : \(infeasible) sur \(points.count) (aucune sélection n'y respecte l'équilibre impératif ou les projets imposés et exclus) ; 'esms select' en diagnostique la cause et les tolérances qui conviendraient",
                            en: "infeasible envelopes: \(infeasible) of \(points.count) (no selection meets the hard balance or the pins there); 'esms select' diagnoses why and which tolerances would do"))
        }
        let undecided = points.filter { $0.status == .timeLimit }.count
        if undecided > 0 {
            Output.note(.fr("enveloppes sans sélection trouvée ni prouvée impossible avant la limite de la recherche : \(undecided) sur \(points.count) (--time-limit cherche plus longtemps) ; 'esms select' en fait le diagnostic",
                            en: "envelopes where no selection was found and none proven impossible before the search's limit: \(undecided) of \(points.count) (--time-limit searches longer); 'esms select' diagnoses it"))
        }
        SelectionMessages.noteUnproven(.fr("enveloppes dont la sélection n'est pas prouvée optimale", en: "envelopes whose selection is not proven optimal"),
                                       count: points.filter { $0.status == .feasible }.count, of: points.count,
                                       timeLimited: solve.timeLimit != nil)
        if options.json {
            try Output.out(FrontierDocument.json(problem: problem, points: points).rendered())
        } else {
            let title = scenario.spec.title.isEmpty ? scenario.spec.id : scenario.spec.title
            try Output.out(FrontierDocument.text(title: title, problem: problem, points: points, language: options.language))
        }
    }

    /// `80%`, `37.5 %` (up to four decimals) or an amount in euros (`250000`, `250 000,50`).
    static func level(_ text: String, option: String) throws -> EnvelopeLevel {
        let t = text.trimmingSpaces
        if t.hasSuffix("%") {
            let number = String(t.dropLast()).trimmingSpaces.replacingOccurrences(of: ",", with: ".")
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
                  parts.count == 1 || (1...4).contains(parts[1].count), parts[0].count <= 6,
                  let whole = Int64(parts[0]) else {
                throw Output.usage(.fr("\(option) \(text) : un pourcentage est attendu, par exemple 80% ou 37,5% (4 décimales au plus)",
                                       en: "\(option) \(text): expected a percentage such as 80% or 37.5% (at most 4 decimals)"))
            }
            var fraction: Int64 = 0
            if parts.count == 2 { fraction = Int64(parts[1] + String(repeating: "0", count: 4 - parts[1].count)) ?? 0 }
            return .share(millionths: whole * 10_000 + fraction)
        }
        // "50" is more likely a forgotten % than an envelope of 50 €: below 1 000 € the euros
        // must be said ("50€").
        let euros = t.hasSuffix("€")
        let amount = euros ? String(t.dropLast()).trimmingSpaces : t
        switch Money.parse(amount, decimalComma: true) {
        case .success(let m):
            if !euros && m < Money(euros: 1_000) {
                throw Output.usage(.fr("\(option) \(text) : une enveloppe de \(m.frenchString) est très probablement un % oublié : écrivez \(text)% pour un pourcentage de l'enveloppe disponible, ou \(text)€ pour des euros",
                                       en: "\(option) \(text): an envelope of \(m.frenchString) is most likely a forgotten %: write \(text)% for a percentage of the available envelope, or \(text)€ for euros"))
            }
            return .amount(m)
        case .failure:
            throw Output.usage(.fr("\(option) \(text) : un pourcentage de l'enveloppe disponible (80%) ou un montant en euros (250000) est attendu",
                                   en: "\(option) \(text): expected a percentage of the available envelope (80%) or an amount in euros (250000)"))
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
