// swift-tools-version:6.0
// esms fuzz targets: libFuzzer entry points over the readers of untrusted input.
// Built only by `make fuzz` (Fuzz/run.sh), never by the main package's `swift build` or `swift test`:
//     swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "esms-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "esms", path: "..")],
    targets: [
        // What every target does with a result: render every diagnostic, check an invariant.
        .target(name: "FuzzSupport", dependencies: [.product(name: "ScenarioModel", package: "esms")]),
        // The CSV reader (`CSVTable`), then the projects and members tables read from it.
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport"]),
        // The YAML scenario reader: `ConfigNode.parse(bytes:)`, `ScenarioSpec.decode`, variants.
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport"]),
        // The official FINESS extract (`FINESSExtract.parse`) and its register CSV read back.
        .executableTarget(name: "FuzzFINESSExtract", dependencies: ["FuzzSupport"]),
        // The register loader (`Register.load`) on a parsed CSV.
        .executableTarget(name: "FuzzRegister", dependencies: ["FuzzSupport"]),
    ]
)
