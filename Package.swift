// swift-tools-version:6.0
// esms — simulation and optimisation of the ESMS numérique programme.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "esms",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "esms", targets: ["esms"]),
        .library(name: "ScenarioModel", targets: ["ScenarioModel"]),
        .library(name: "FundingRules", targets: ["FundingRules"]),
        .library(name: "LinearOptimizer", targets: ["LinearOptimizer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Scenario files, the FINESS register, money, dates, diagnostics. Its YAML reader imports
        // CYaml, the libyaml of the Yams product: Yams offers no product of that module alone, so
        // the Yams product is what declares it.
        .target(
            name: "ScenarioModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: ["Resources/ATTRIBUTION.md"],
            resources: [.copy("Resources/finess-categories-full.csv")]
        ),
        // The programme's rules: eligibility and funding, pure functions.
        .target(name: "FundingRules", dependencies: ["ScenarioModel"]),
        // GLPK, as the system library `libglpk-dev` (Debian ships no glpk.pc).
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // GLPK's calls that run solver code, behind setjmp and GLPK's error hook: an internal
        // error of GLPK (abort() otherwise) becomes a return value. C, no API of its own.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        // Solver-agnostic MIP model and the GLPK solver behind it.
        .target(name: "LinearOptimizer", dependencies: ["CGLPK", "CGLPKGuard"]),
        // libxlsxwriter (BSD-2-Clause), as the system library `libxlsxwriter-dev`. C, no API of its own.
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Workbooks of typed cells, and their writer to .xlsx (the only importer of CXLSXWriter).
        .target(name: "Spreadsheet", dependencies: ["CXLSXWriter"]),
        // Monte-Carlo attainment of the usage targets, what-if variants.
        .target(name: "Simulation", dependencies: ["ScenarioModel", "FundingRules"]),
        // What leaves the tool: JSON documents, CSV for Excel, Markdown, HTML, the audit record, and
        // the procès-verbal as an OpenDocument text, zipped by ZIPFoundation (MIT).
        .target(
            name: "ReportRendering",
            dependencies: ["ScenarioModel", "FundingRules", "Selection", "Simulation", "CampaignYear", "Spreadsheet",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Committee selection (and national redeployment) as mixed-integer programs.
        .target(name: "Selection", dependencies: ["ScenarioModel", "FundingRules", "LinearOptimizer"]),
        // The year: committees in sequence, and the follow-up of funded projects to the second-tranche payment.
        .target(name: "CampaignYear", dependencies: ["ScenarioModel", "FundingRules", "Selection"]),
        // Synthetic candidate pipelines over the real register.
        .target(name: "ScenarioGeneration", dependencies: ["ScenarioModel", "FundingRules"]),
        // The workflow under every command: a loaded scenario assessed, selected, explained,
        // simulated; it prints nothing and never exits.
        .target(name: "Workflow", dependencies: ["ScenarioModel", "FundingRules", "Selection", "Simulation", "CampaignYear"]),
        // Command-line interface: the only code that prints, exits, reads the clock or picks a seed.
        .target(
            name: "ESMSCommands",
            dependencies: [
                "ScenarioModel", "FundingRules", "ScenarioGeneration", "ReportRendering", "Selection", "LinearOptimizer",
                "Simulation", "CampaignYear", "Workflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "esms", dependencies: ["ESMSCommands"]),

        // zlib (`zlib1g-dev`), for the tests' own zip reader: they inflate the parts of the workbooks
        // and OpenDocument texts written. Not `CZlib`: ZIPFoundation's zlib module has that name.
        .systemLibrary(name: "CZlibReader", path: "Tests/CZlibReader", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TestSupport", dependencies: ["ScenarioModel", "CZlibReader"], path: "Tests/TestSupport"),
        .testTarget(
            name: "ScenarioModelTests", dependencies: ["ScenarioModel", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FundingRulesTests", dependencies: ["FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet", "TestSupport"]),
        .testTarget(name: "LinearOptimizerTests", dependencies: ["LinearOptimizer", "CGLPK", "TestSupport"]),
        .testTarget(name: "ScenarioGenerationTests", dependencies: ["ScenarioGeneration", "ScenarioModel", "FundingRules"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Selection", "FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(name: "ReportRenderingTests", dependencies: ["ReportRendering", "Spreadsheet", "Selection", "Simulation", "FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(name: "CampaignYearTests", dependencies: ["CampaignYear", "Selection", "FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "ScenarioGeneration", "Selection", "Simulation", "FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(name: "SelectionTests", dependencies: ["Selection", "LinearOptimizer", "FundingRules", "ScenarioModel", "TestSupport"]),
        .testTarget(
            name: "ESMSCommandsTests",
            dependencies: ["ESMSCommands", "ReportRendering", "ScenarioModel", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
