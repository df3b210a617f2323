// SPDX-License-Identifier: GPL-3.0-or-later
// Usage: glpk-tuning [--sizes 500,2000,5000] [--configs a,b,...] [--time-limit 60] [--seed 1]
// Prints one Markdown table row per (size, configuration) run.
import Foundation
import LinearOptimizer

struct Configuration {
    let name: String
    let options: SolverOptions
    let useStart: Bool
    let useHeuristic: Bool
}

func configurations(timeLimit: Double) -> [String: Configuration] {
    var defaults = SolverOptions.glpkDefaults
    defaults.timeLimit = timeLimit
    let tunedNoGranularity = SolverOptions(timeLimit: timeLimit, strategies: [.tuned], granularity: .none)
    let tuned = SolverOptions(timeLimit: timeLimit, strategies: [.tuned], granularity: .automatic)
    var noPresolve = SearchStrategy.tuned
    noPresolve.presolve = false
    noPresolve.label = "tuned-nopresolve"
    var dfs = noPresolve
    dfs.backtracking = .depthFirst
    dfs.label = "tuned-dfs"
    var proximity = noPresolve
    proximity.proximitySearch = true
    proximity.proximitySearchTimeLimit = 10
    proximity.label = "tuned-proximity"
    var first = SearchStrategy.tuned
    first.timeShare = 0.5
    return [
        "defaults": Configuration(name: "GLPK defaults", options: defaults, useStart: false, useHeuristic: false),
        "tuned": Configuration(name: "tuned", options: tunedNoGranularity, useStart: false, useHeuristic: false),
        "tuned-gran": Configuration(name: "tuned + granularity", options: tuned, useStart: false, useHeuristic: false),
        "nopresolve-gran": Configuration(name: "tuned, no presolve + granularity",
            options: SolverOptions(timeLimit: timeLimit, strategies: [noPresolve]), useStart: false, useHeuristic: false),
        "tuned-gran-greedy": Configuration(name: "tuned (no presolve) + granularity + greedy",
            options: SolverOptions(timeLimit: timeLimit, strategies: [noPresolve]), useStart: true, useHeuristic: true),
        "tuned-gran-start": Configuration(name: "tuned + granularity + greedy start only",
            options: SolverOptions(timeLimit: timeLimit, strategies: [noPresolve]), useStart: true, useHeuristic: false),
        "dfs-gran": Configuration(name: "tuned, no presolve, depth-first + granularity",
            options: SolverOptions(timeLimit: timeLimit, strategies: [dfs]), useStart: false, useHeuristic: false),
        "dfs-greedy": Configuration(name: "tuned, depth-first + granularity + greedy",
            options: SolverOptions(timeLimit: timeLimit, strategies: [dfs]), useStart: true, useHeuristic: true),
        "proximity-greedy": Configuration(name: "tuned + proximity search + granularity + greedy",
            options: SolverOptions(timeLimit: timeLimit, strategies: [proximity]), useStart: true, useHeuristic: true),
        "fallback": Configuration(name: "presolved tuned (50 %) then no-presolve + greedy",
            options: SolverOptions(timeLimit: timeLimit, strategies: [first, noPresolve]), useStart: false, useHeuristic: true),
    ]
}

func argument(_ name: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

let sizes = argument("--sizes", "500,2000,5000").split(separator: ",").compactMap { Int($0) }
let configNames = argument("--configs", "defaults,tuned,tuned-gran,tuned-gran-greedy").split(separator: ",").map(String.init)
let timeLimit = Double(argument("--time-limit", "60")) ?? 60
let seed = UInt64(argument("--seed", "1")) ?? 1
let table = configurations(timeLimit: timeLimit)
if CommandLine.arguments.contains("--check-greedy") {
    // Objective of the ratio greedy alone (the start solution), per size.
    for n in sizes {
        let instance = SelectionInstance(projects: n, seed: seed &+ UInt64(n))
        let value = instance.ratioGreedy().flatMap { instance.model.objectiveValue(of: $0) }
        print(n, value.map { "greedy \($0)" } ?? "greedy found no feasible solution")
    }
    exit(0)
}

func format(_ value: Double?, _ digits: Int = 1) -> String {
    guard let value else { return "-" }
    return String(format: "%.\(digits)f", value)
}

print("GLPK \(GLPKSolver.glpkVersion); time limit \(timeLimit) s; seed \(seed)")
print("")
print("| N | configuration | status | seconds | objective | best bound | gap | nodes | heuristic sols |")
print("|---|---|---|---|---|---|---|---|---|")
for n in sizes {
    let instance = SelectionInstance(projects: n, seed: seed &+ UInt64(n))
    for name in configNames {
        guard let configuration = table[name] else {
            FileHandle.standardError.write(Data("unknown configuration \(name)\n".utf8))
            continue
        }
        let start = configuration.useStart ? instance.ratioGreedy() : nil
        let heuristic: IncumbentHeuristic? = configuration.useHeuristic ? { instance.lpGreedy($0) } : nil
        do {
            let result = try GLPKSolver().solve(instance.model, options: configuration.options, start: start, heuristic: heuristic)
            let proven = result.provenByGranularity ? " (granularity)" : ""
            let startNote: String
            switch result.startSolution {
            case .notGiven: startNote = ""
            case .accepted: startNote = ", start accepted"
            case .rejected(let why): startNote = ", start rejected: \(why)"
            }
            print("| \(n) | \(configuration.name) | \(result.status)\(proven) | \(format(result.seconds)) | \(format(result.objectiveValue, 0)) | \(format(result.bestBound, 2)) | \(result.gap.map { String(format: "%.5f %%", $0 * 100) } ?? "-") | \(result.nodeCount.map { "\($0)" } ?? "-") | \(result.heuristicSolutionsAccepted)\(startNote) |")
        } catch {
            print("| \(n) | \(configuration.name) | error: \(error) | | | | | | |")
        }
        fflush(nil)
    }
}
