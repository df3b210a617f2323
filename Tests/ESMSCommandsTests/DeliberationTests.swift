// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportRendering
import ScenarioModel
import Testing
import TestSupport

/// The deliberation page (`deliberation.html`) and the committee's choices file it exports,
/// which `esms select --pins FILE` takes back: the page's figures in headless Chromium (skipped
/// with a message where Chromium is absent), the file's errors, and the round trip.
@Suite struct DeliberationTests {
    static let mini = ReportCommandTests.mini

    static func folder() -> URL { ReportCommandTests.temporaryFolder() }

    static func write(_ text: String, in dir: URL, name: String = "choix.yaml") throws -> String {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func selected(_ arguments: [String]) throws -> (status: Int32, ids: [String], stderr: String) {
        let r = try CommandRunner.run(["select", mini, "--json", "--quiet"] + arguments)
        guard r.status == 0 else { return (r.status, [], r.stderr) }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let projects = try #require(json["projects"] as? [[String: Any]])
        return (r.status, projects.filter { $0["decision"] as? String == "selected" }.compactMap { $0["id"] as? String }, r.stderr)
    }

    /// The committee's whole list in a file gives that selection, even when the optimiser
    /// would fill the money it leaves.
    @Test func aChoicesFileGivesTheCommitteesList() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try Self.selected([])
        #expect(before.ids == ["SAAD-2", "PH-3", "AHI-4"])
        let file = try Self.write("scenario: mini-bretagne\nforce: [SAAD-2, PH-3]\nexclude: [\"EHP-1\", AHI-4]\n", in: dir)
        let after = try Self.selected(["--pins", file])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.ids == ["SAAD-2", "PH-3"])
        // The minutes name the whole list in one line, and what it changed against the optimiser.
        let report = dir.appendingPathComponent("rapport")
        let r = try CommandRunner.run(["report", Self.mini, "--pins", file, "-o", report.path, "--no-simulation", "--frontier-steps", "0",
                                       "--tradeoff-points", "0", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let minutes = try String(contentsOf: report.appendingPathComponent("pv.md"), encoding: .utf8)
        #expect(minutes.contains("Le comité a arrêté lui-même la liste des projets (fichier de choix de la page de délibération) : 2 retenus, 2 écartés"))
        #expect(minutes.contains("Sans ces choix, seraient retenus : AHI-4"), "\(minutes)")
                // Added to --force and --exclude; the same project in both is refused.
        let both = try CommandRunner.run(["select", Self.mini, "--pins", file, "--force", "AHI-4"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("AHI-4"))
    }

    /// Every problem of the file at once, with its line; exit 1; French by default.
    @Test func aBadChoicesFileSaysEveryProblem() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.write("forse: [PH-3]\nforce: PH-3\nexclude: [AHI-4, AHI-4, [x]]\n", in: dir)
        let r = try CommandRunner.run(["select", Self.mini, "--pins", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file):1"), "\(r.stderr)")
        #expect(r.stderr.contains("forse"))
        #expect(r.stderr.contains("'force' doit être une liste"), "\(r.stderr)")
        #expect(r.stderr.contains("cité deux fois"), "\(r.stderr)")
        #expect(r.stderr.contains("\(file):3"), "\(r.stderr)")
        let missing = try CommandRunner.run(["select", Self.mini, "--pins", dir.appendingPathComponent("absent.yaml").path, "--json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("ne peut pas être lu"))
        let other = try Self.write("scenario: bretagne-2024-juin\nforce: [PH-3]\n", in: dir, name: "autre.yaml")
        let wrong = try CommandRunner.run(["select", Self.mini, "--pins", other])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("'bretagne-2024-juin'"), "\(wrong.stderr)")
    }

    /// A campaign takes a committee's choices file (`pins:` beside its date): that committee
    /// sets the project aside, the others are as before; a choice it cannot honour stops the
    /// campaign with the committee and the project named.
    @Test func aCampaignCommitteeTakesItsChoicesFile() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func committees(_ campaign: String) throws -> [String: [String]] {
            let r = try CommandRunner.run(["campaign", campaign, "--json", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let list = try #require(json["committees"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0["selected"] as? [String] ?? []) })
        }
        let shipped = try committees("Scenarios/bretagne-2024-campagne/campaign.yaml")
        let juin = try #require(shipped["juin"]?.first)
        let scenario = Fixture.repositoryRoot.appendingPathComponent("Scenarios/bretagne-2024-campagne/scenario.yaml").path
        _ = try Self.write("scenario: bretagne-2024-campagne\nexclude: [\(juin)]\n", in: dir)
        let campaign = try Self.write("""
            id: essai
            scenario: \(scenario)
            committees:
              - { id: avril, date: 2024-04-12, deposits_until: 2024-03-31 }
              - { id: juin, date: 2024-06-14, deposits_until: 2024-05-31, pins: choix.yaml }
            """, in: dir, name: "campagne.yaml")
        let pinned = try committees(campaign)
        #expect(pinned["avril"] == shipped["avril"])
        #expect(pinned["juin"]?.contains(juin) == false)
        #expect(!(pinned["juin"] ?? []).isEmpty)

        _ = try Self.write("force: [NOPE-1]\n", in: dir)
        let bad = try CommandRunner.run(["campaign", campaign])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("juin") && bad.stderr.contains("NOPE-1"), "\(bad.stderr)")
        _ = try Self.write("force: NOPE-1\n", in: dir)
        let broken = try CommandRunner.run(["campaign", campaign])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("choix.yaml:1"), "\(broken.stderr)")
    }

    /// The page in headless Chromium: with a project taken out in the address, its figures are
    /// those of the list left, its export is a choices file, and `select --pins` on that file
    /// gives that list.
    @Test func thePageRecomputesAndItsExportRoundTrips() throws {
        guard let chromium = Browser.chromium else {
            print("skipped: Chromium is not installed (apt-get install chromium); the deliberation page is not checked in a browser")
            return
        }
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("rapport")
        let r = try CommandRunner.run(["report", Self.mini, "-o", report.path, "--no-simulation", "--frontier-steps", "0",
                                       "--tradeoff-points", "0", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let page = report.appendingPathComponent("deliberation.html")
        let text = try String(contentsOf: page, encoding: .utf8)
        _ = try XMLDocument(data: Data(text.utf8))

        let proposal = try Browser.dom(chromium, page)
        #expect(Browser.text(proposal, id: "v-used") == "256 666,67 €")
        #expect(Browser.text(proposal, id: "v-essms") == "17")
        #expect(Browser.text(proposal, id: "changes") == "Aucun changement par rapport à la proposition de l'optimiseur.")

        let dom = try Browser.dom(chromium, page, fragment: "-AHI-4")
        #expect(Browser.text(dom, id: "v-used") == "193 666,67 €")
        #expect(Browser.text(dom, id: "v-left") == "136 333,33 €")
        #expect(Browser.text(dom, id: "v-essms") == "14")
        #expect(Browser.text(dom, id: "d-essms") == "−3")
        #expect(Browser.text(dom, id: "v-acquisitions") == "8")
        #expect(Browser.text(dom, id: "changes") == "Retirés : AHI-4")
        #expect(Browser.text(dom, id: "bar") == "Utilisé 193 666,67 € · reliquat 136 333,33 € · 2 projets · 14 ESSMS · 8 acquisitions · score 22",
                "\(Browser.text(dom, id: "bar") ?? "")")
        let exported = try #require(Browser.text(dom, id: "export-text"))
        #expect(exported.contains("force: [\"SAAD-2\", \"PH-3\"]"), "\(exported)")
        #expect(exported.contains("exclude: [\"EHP-1\", \"AHI-4\"]"), "\(exported)")
        let file = try Self.write(exported, in: dir)
        let again = try Self.selected(["--pins", file])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.ids == ["SAAD-2", "PH-3"])
        #expect(!again.stderr.contains("ont changé"), "the digest of the inputs differs: \(again.stderr)")

        // Taking in the project over the envelope: the page says by how much.
        let over = try Browser.dom(chromium, page, fragment: "+EHP-1")
        #expect(Browser.text(over, id: "alerts")?.contains("La liste dépasse l'enveloppe de 272 166,67 €.") == true,
                "\(Browser.text(over, id: "alerts") ?? "")")
        #expect(Browser.text(over, id: "bar")?.hasSuffix("règles enfreintes : 1 (voir ci-dessous)") == true)
    }
}

/// Headless Chromium, where it is installed: the DOM of a page after its scripts ran.
enum Browser {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func dom(_ chromium: String, _ page: URL, fragment: String = "") throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("esms-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--dump-dom",
                       page.absoluteString + (fragment.isEmpty ? "" : "#" + fragment)]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The text of the element with `id`, tags dropped, entities and spaces made plain.
    static func text(_ dom: String, id: String) -> String? {
        guard let start = dom.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = dom[start.upperBound...].firstIndex(of: ">") else { return nil }
        let name = dom[..<start.lowerBound].split(separator: "<").last?.split(separator: " ").first.map(String.init) ?? ""
        guard let close = dom[open...].range(of: "</\(name)>") else { return nil }
        var s = String(dom[dom.index(after: open)..<close.lowerBound])
        s = s.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, plain) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("\u{202F}", " "), ("\u{00A0}", " ")] {
            s = s.replacingOccurrences(of: entity, with: plain)
        }
        return s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
    }
}
