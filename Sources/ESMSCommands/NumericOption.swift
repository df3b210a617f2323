// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import ScenarioModel
import Selection

/// The values a numeric option accepts, written once for every command that has it: a value
/// outside them (`--time-limit inf`, `--draws 0`) is a usage error, exit 2, that names them.
struct NumericOption<Value: Comparable & Sendable>: Sendable {
    let name: String
    /// What the option takes, for a person: "a number of seconds more than 0, at most 1000000".
    let allowed: Phrase
    let accepts: @Sendable (Value) -> Bool

    init(_ name: String, _ allowed: Phrase, accepts: @escaping @Sendable (Value) -> Bool) {
        self.name = name
        self.allowed = allowed
        self.accepts = accepts
    }

    init(_ name: String, _ range: ClosedRange<Value>, orZero: Bool = false) where Value == Int {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        let allowed: Phrase = orZero
            ? .fr("0 ou un nombre entier de \(Phrase.french(lo)) à \(Phrase.french(hi))", en: "0 or whole number from \(lo) to \(hi)")
            : .wholeNumber(range)
        self.init(name, allowed) { (orZero && $0 == 0) || range.contains($0) }
    }

    /// Throws the usage error when `value` is given and not accepted.
    func check(_ value: Value?) throws {
        guard let value, !accepts(value) else { return }
        throw Output.usage(.fr("\(name) prend \(allowed.fr), reçu \(value)", en: "\(name) takes \(allowed.en), got \(value)"))
    }
}

/// Every numeric option of esms and its range.
enum NumericOptions {
    /// GLPK counts its time limit in milliseconds in a 32-bit integer (24.8 days); a million seconds is below.
    static let timeLimit = NumericOption<Double>("--time-limit", .fr("un nombre de secondes supérieur à 0 et au plus égal à 1\u{202F}000\u{202F}000 (11,5 jours)",
                                                                                en: "a number of seconds more than 0 and at most 1000000 (11.5 days)")) {
        $0 > 0 && $0 <= 1_000_000
    }
    static let gap = NumericOption<Double>("--gap", .fr("un nombre de 0 à moins de 1 (par exemple 0.0001)",
                                                                  en: "a number from 0 to less than 1 (e.g. 0.0001)")) { $0 >= 0 && $0 < 1 }
    static let explainLimit = NumericOption<Int>("--explain-limit", 0...100_000)
    static let nextInLine = NumericOption<Int>("--next-in-line", 0...10)
    static let steps = NumericOption<Int>("--steps", 2...201)
    static let points = NumericOption<Int>("--points", 2...101)
    static let frontierSteps = NumericOption<Int>("--frontier-steps", 2...201, orZero: true)
    static let tradeoffPoints = NumericOption<Int>("--tradeoff-points", 2...101, orZero: true)
    static let draws = NumericOption<Int>("--draws", 1...100_000_000)
    static let threads = NumericOption<Int>("--threads", 1...1024)
    static let targetActiveDUI = NumericOption<Int>("--target-active-dui", 0...100_000_000)
    static let tolerance = NumericOption<Double>("--tolerance", .fr("une fraction supérieure à 0 et inférieure à 1 (par exemple 0.002)",
                                                                              en: "a fraction more than 0 and less than 1 (e.g. 0.002)")) { $0 > 0 && $0 < 1 }
    static let sensitivityDraws = NumericOption<Int>("--sensitivity-draws", 0...100_000_000)
    static let projects = NumericOption<Int>("--projects", 10...20_000)
    static let seed = NumericOption<UInt64>("--seed", .wholeNumber(0...UInt64.max)) { _ in true }

    /// What each option takes, by name (also `--total` and `--floor` of `envelopes`, given as text).
    static let allowedByName: [String: Phrase] = {
        let euros = Phrase.fr("un nombre entier d'euros", en: "a whole number of euros")
        var names: [String: Phrase] = ["--total": euros, "--floor": euros]
        for (name, allowed) in [(timeLimit.name, timeLimit.allowed), (gap.name, gap.allowed), (tolerance.name, tolerance.allowed),
                                (seed.name, seed.allowed)] {
            names[name] = allowed
        }
        for o in [explainLimit, nextInLine, steps, points, frontierSteps, tradeoffPoints, draws, threads, targetActiveDUI,
                  sensitivityDraws, projects] {
            names[o.name] = o.allowed
        }
        return names
    }()
}

/// `--time-limit` and `--gap`, declared and checked once for every command that solves a selection.
struct SolveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Time limit in seconds: for the whole selection (each one of a frontier, a trade-off or a redeployment round), also bounding the diagnosis of an infeasible or undecided selection (10 s without it). Without it, the search for a first selection meeting the hard constraints stops after 5 000 nodes (status time-limit, exit 4); once one is found, the search is not cut.",
                               valueName: "seconds"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Relative gap at which a stage may stop (0 = prove optimality).", valueName: "gap"))
    var gap: Double = 0

    func validate() throws {
        try NumericOptions.timeLimit.check(timeLimit)
        try NumericOptions.gap.check(gap)
    }

    /// The selector these options ask for.
    var selector: Selector { Selector(timeLimit: timeLimit, relativeGap: gap) }
}
