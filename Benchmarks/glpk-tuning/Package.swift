// swift-tools-version:6.0
// Standalone benchmark of GLPK settings on selection-shaped models (not part of the esms package).
// SwiftPM refuses target paths outside the package root, so Sources/CGLPK and
// Sources/LinearOptimizer are relative symlinks to ../../../Sources/{CGLPK,LinearOptimizer}.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "glpk-tuning",
    platforms: [.macOS(.v13)],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "LinearOptimizer", dependencies: ["CGLPK"], path: "Sources/LinearOptimizer"),
        .executableTarget(name: "glpk-tuning", dependencies: ["LinearOptimizer"]),
    ]
)
