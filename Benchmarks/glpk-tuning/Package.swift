// swift-tools-version:6.0
// Standalone benchmark of GLPK settings on selection-shaped models (not part of the esms package).
// SwiftPM refuses target paths outside the package root, so Sources/CGLPK, Sources/CGLPKGuard and
// Sources/LinearOptimizer are relative symlinks to ../../../Sources/{CGLPK,CGLPKGuard,LinearOptimizer}.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "glpk-tuning",
    platforms: [.macOS(.v13)],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], path: "Sources/CGLPKGuard",
                linkerSettings: [.linkedLibrary("glpk")]),
        .target(name: "LinearOptimizer", dependencies: ["CGLPK", "CGLPKGuard"], path: "Sources/LinearOptimizer"),
        .executableTarget(name: "glpk-tuning", dependencies: ["LinearOptimizer"]),
    ]
)
