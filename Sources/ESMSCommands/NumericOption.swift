// SPDX-License-Identifier: GPL-3.0-or-later
import ArgumentParser
import Selection

/// The values a numeric option accepts, written once for every command that has it: a value
/// outside them (`--time-limit inf`, `--draws 0`) is a usage error, exit 2, that names them.
struct NumericOption<Value: Comparable & Sendable>: Sendable {
    let name: String
    /// What the option takes, for a person: "a number of seconds more than 0, at most 1000000".
    let allowed: String
    let accepts: @Sendable (Value) -> Bool

    init(_ name: String, _ allowed: String, accepts: @escaping @Sendable (Value) -> Bool) {
        self.name = name
        self.allowed = allowed
        self.accepts = accepts
    }

    init(_ name: String, _ range: ClosedRange<Value>, orZero: Bool = false, unit: String = "") where Value == Int {
        let text = "a whole number\(unit) from \(range.lowerBound) to \(range.upperBound)"
        self.init(name, orZero ? "0 or \(text.dropFirst(2))" : text) { (orZero && $0 == 0) || range.contains($0) }
    }

    /// Throws the usage error when `value` is given and not accepted.
    func check(_ value: Value?) throws {
        guard let value, !accepts(value) else { return }
        throw ValidationError("\(name) takes \(allowed), got \(value)")
    }
}

/// Every numeric option of esms and its range.
enum NumericOptions {
    /// GLPK counts its time limit in milliseconds in a 32-bit integer (24.8 days); a million seconds is below.
    static let timeLimit = NumericOption<Double>("--time-limit", "a number of seconds more than 0 and at most 1000000 (11.5 days)") {
        $0 > 0 && $0 <= 1_000_000
    }
    static let gap = NumericOption<Double>("--gap", "a number from 0 to less than 1 (e.g. 0.0001)") { $0 >= 0 && $0 < 1 }
    static let explainLimit = NumericOption<Int>("--explain-limit", 0...100_000)
    static let nextInLine = NumericOption<Int>("--next-in-line", 0...10)
    static let steps = NumericOption<Int>("--steps", 2...201)
    static let points = NumericOption<Int>("--points", 2...101)
    static let frontierSteps = NumericOption<Int>("--frontier-steps", 2...201, orZero: true)
    static let tradeoffPoints = NumericOption<Int>("--tradeoff-points", 2...101, orZero: true)
    static let draws = NumericOption<Int>("--draws", 1...100_000_000)
    static let threads = NumericOption<Int>("--threads", 1...1024)
    static let targetActiveDUI = NumericOption<Int>("--target-active-dui", 0...100_000_000)
    static let tolerance = NumericOption<Double>("--tolerance", "a fraction more than 0 and less than 1 (e.g. 0.002)") { $0 > 0 && $0 < 1 }
    static let sensitivityDraws = NumericOption<Int>("--sensitivity-draws", 0...100_000_000)
    static let projects = NumericOption<Int>("--projects", 10...20_000)
    static let seed = NumericOption<UInt64>("--seed", "a whole number from 0 to \(UInt64.max)") { _ in true }

    /// What each option takes, by name (also `--total` and `--floor` of `envelopes`, given as text).
    static let allowedByName: [String: String] = {
        var names: [String: String] = ["--total": "a whole number of euros", "--floor": "a whole number of euros"]
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
