// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import Testing
import ScenarioModel
import TestSupport

/// `esms` copied elsewhere: with its resource folder it runs as built; without it, it says what
/// is missing and exits 1 instead of stopping on a fatal error (`Bundle.module`, signal 4).
@Suite("An esms copied without its resources says so")
struct InstallTests {
    @Test(.enabled(if: CommandRunner.executable != nil, "the esms binary is built"))
    func copiedWithoutItsResources() throws {
        let built = try #require(CommandRunner.executable)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("esms-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("esms")
        try FileManager.default.copyItem(at: built, to: copy)
        let scenario = Fixture.repositoryRoot.appendingPathComponent("Scenarios/bretagne-2024/scenario.yaml").path

        // A fatal error would end it by signal 4: its status would be 4, not 1.
        let bare = try CommandRunner.run(["validate", scenario], binary: copy)
        #expect(bare.status == 1, "\(bare.stderr)")
        #expect(bare.stderr.contains("nomenclature"), "\(bare.stderr)")
        #expect(bare.stderr.contains(CategoryNomenclature.resourceFolder), "\(bare.stderr)")

        let resources = built.deletingLastPathComponent().appendingPathComponent(CategoryNomenclature.resourceFolder)
        try FileManager.default.copyItem(at: resources, to: dir.appendingPathComponent(CategoryNomenclature.resourceFolder))
        let installed = try CommandRunner.run(["validate", scenario], binary: copy)
        #expect(installed.status == 0, "\(installed.stderr)")
    }
}
