// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// A scenario with its tables loaded and checked.
public struct Scenario: Sendable {
    public var spec: ScenarioSpec
    public var register: Register
    public var projects: [Project]
    /// National scope: each region's envelope.
    public var regionEnvelopes: [RegionEnvelope]
    /// Every input file read, with its path as given and as resolved (for the audit record).
    public var inputs: [InputFile]
    /// Warnings and notes found while loading (errors make loading fail).
    public var diagnostics: Diagnostics
    /// The reports of the `followup` block, read and checked row by row.
    public var followup: FollowupReports?

    public init(spec: ScenarioSpec, register: Register, projects: [Project], regionEnvelopes: [RegionEnvelope] = [],
                inputs: [InputFile] = [], diagnostics: Diagnostics = Diagnostics()) {
        self.spec = spec
        self.register = register
        self.projects = projects
        self.regionEnvelopes = regionEnvelopes
        self.inputs = inputs
        self.diagnostics = diagnostics
    }
}

/// An input file as read.
public struct InputFile: Sendable {
    public var role: String
    public var path: String
    public var bytes: [UInt8]
}

/// Loads a scenario file and the tables it names, collecting every problem of every file.
public struct ScenarioLoader {
    public var nomenclature: CategoryNomenclature
    /// Registers already loaded, by resolved path (variants and batches share one).
    private var registers: [String: (Register, InputFile, Diagnostics)] = [:]

    public init(nomenclature: CategoryNomenclature = .shipped) {
        self.nomenclature = nomenclature
    }

    /// Loads `path`; with `variant`, applies that variant's overrides first.
    public mutating func load(_ path: String, variant: String? = nil) -> Result<Scenario, ScenarioError> {
        var d = Diagnostics()
        let display = path
        // Without the category nomenclature every establishment would be an error of its own.
        guard nomenclature.check(reading: display, &d) else { return .failure(ScenarioError(d)) }
        guard let bytes = Self.read(path) else {
            d.error("file-missing", at: SourceLocation(file: display), .fr("le fichier de scénario ne peut pas être lu", en: "the scenario file cannot be read"),
                    expected: .readableYAML,
                    found: FileManager.default.fileExists(atPath: path) ? .fr("un fichier illisible", en: "a file that cannot be read")
                        : .fr("aucun fichier de ce nom", en: "no such file"),
                    hint: .checkPath)
            return .failure(ScenarioError(d))
        }
        guard var node = ConfigNode.parse(bytes: bytes, file: display, diagnostics: &d) else { return .failure(ScenarioError(d)) }
        guard let base = ScenarioSpec.decode(node, file: display, diagnostics: &d) else { return .failure(ScenarioError(d)) }
        if let variant {
            guard let v = base.variants.first(where: { $0.id == variant }) else {
                d.error("variant-unknown", at: SourceLocation(file: display, keyPath: "variants"), .fr("aucune variante '\(variant)'", en: "no variant '\(variant)'"),
                        expected: .fr("l'une de : ", en: "one of: ") + .verbatim(base.variants.map(\.id).joined(separator: ", ")))
                return .failure(ScenarioError(d))
            }
            node = node.applying(v)
        }
        guard var spec = variant == nil ? base : ScenarioSpec.decode(node, file: display, diagnostics: &d) else {
            return .failure(ScenarioError(d))
        }
        if variant != nil { spec.variants = [] }
        var inputs = [InputFile(role: "scenario", path: path, bytes: bytes)]
        let dir = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : (dir.isEmpty ? p : dir + "/" + p) }
        func table(_ key: String, _ rel: String) -> CSVTable? {
            let full = resolve(rel)
            guard let data = Self.read(full) else {
                let n = node[key]?.position
                d.error("file-missing", at: SourceLocation(file: display, line: n?.line, column: n?.column, keyPath: key),
                        .fr("la table \(key) '\(rel)' ne peut pas être lue", en: "the \(key) table '\(rel)' cannot be read"),
                        expected: .fr("un fichier CSV, relatif au fichier de scénario", en: "a CSV file, relative to the scenario file"),
                        found: FileManager.default.fileExists(atPath: full) ? .fr("un fichier illisible", en: "an unreadable file")
                            : .fr("aucun fichier à \(full)", en: "no file at \(full)"))
                return nil
            }
            inputs.append(InputFile(role: key, path: full, bytes: data))
            return CSVTable.parse(data, file: full, diagnostics: &d)
        }
        // Register (shared between loads of the same file).
        let registerPath = resolve(spec.register)
        var register = Register([])
        if let cached = registers[registerPath] {
            register = cached.0
            inputs.append(cached.1)
            d.append(contentsOf: cached.2)
        } else if let t = table("register", spec.register) {
            var rd = Diagnostics()
            register = Register.load(t, nomenclature: nomenclature, diagnostics: &rd)
            d.append(contentsOf: rd)
            if let input = inputs.last { registers[registerPath] = (register, input, rd) }
        }
        var projects: [Project] = []
        let pt = table("projects", spec.projects), mt = table("members", spec.members)
        if let pt, let mt {
            projects = ProjectTables.load(projects: pt, members: mt, register: register,
                                          nationalScope: spec.scope == .national, fundedGrappes: spec.fundedGrappes,
                                          diagnostics: &d)
        }
        var regionEnvelopes: [RegionEnvelope] = []
        if spec.scope == .national, let rel = spec.regions, let rt = table("regions", rel) {
            regionEnvelopes = Self.loadRegions(rt, &d)
        }
        var followup: FollowupReports?
        if let f = spec.followup, let it = table("followup", f.indicators) {
            let et = f.expenses.flatMap { table("followup", $0) }
            if f.expenses == nil || et != nil {
                followup = FollowupReports.read(asOf: f.asOf, indicators: it, expenses: et, projects: projects,
                                                register: register, diagnostics: &d)
            }
        }
        if d.hasErrors { return .failure(ScenarioError(d)) }
        var scenario = Scenario(spec: spec, register: register, projects: projects, regionEnvelopes: regionEnvelopes,
                                inputs: inputs, diagnostics: d)
        scenario.followup = followup
        return .success(scenario)
    }

    static func loadRegions(_ t: CSVTable, _ d: inout Diagnostics) -> [RegionEnvelope] {
        let s = TableSchema(table: t, required: ["region", "notified"], optional: ["engaged", "name"], diagnostics: &d)
        var out: [RegionEnvelope] = []
        var seen: Set<String> = []
        for row in t.rows {
            guard let r = s.required(row, "region", &d, what: .fr("un code INSEE de région", en: "an INSEE region code")) else { continue }
            let code = r.count == 1 ? "0" + r : r
            guard Geography.regionsByCode[code] != nil else {
                d.error("unknown-region", at: s.location(row, "region"), .unknownRegion,
                        expected: .fr("un code INSEE de région (par exemple 53)", en: "an INSEE region code (e.g. 53)"), found: "'\(r)'")
                continue
            }
            if !seen.insert(code).inserted {
                d.error("duplicate-region", at: s.location(row, "region"), .fr("la région \(code) figure deux fois", en: "region \(code) is listed twice"))
                continue
            }
            guard let notified = s.money(row, "notified", &d) else {
                if s.text(row, "notified") == nil {
                    d.error("missing-value", at: s.location(row, "notified"), .fr("le champ 'notified' est vide", en: "the 'notified' field is empty"),
                            expected: .fr("les AE notifiées à la région, en euros", en: "the AE notified to the region, in euros"))
                }
                continue
            }
            out.append(RegionEnvelope(region: code, notified: notified, engaged: s.money(row, "engaged", &d) ?? .zero))
        }
        return out
    }

    /// The bytes of a regular file, read straight into an array; nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { failed = n < 0; break }
                done += n
            }
            count = done
        }
        return failed ? nil : bytes
    }
}
