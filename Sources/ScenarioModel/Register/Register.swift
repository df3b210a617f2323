// SPDX-License-Identifier: GPL-3.0-or-later

/// An establishment or service (ESSMS) of the FINESS register.
public struct Establishment: Hashable, Sendable {
    public let finess: FINESS
    /// FINESS juridique of its organisme gestionnaire (OG).
    public let ej: FINESS
    public let name: String
    public let category: String
    public let departement: String
    public let region: String
    public let sector: Sector
    /// People accompanied in the year, when known.
    public let fileActive: Int?

    public init(finess: FINESS, ej: FINESS, name: String, category: String, departement: String,
                region: String, sector: Sector, fileActive: Int?) {
        self.finess = finess
        self.ej = ej
        self.name = name
        self.category = category
        self.departement = departement
        self.region = region
        self.sector = sector
        self.fileActive = fileActive
    }
}

/// The register of establishments a scenario runs on — normally the national one, since the
/// size of an organisation counts all its ESSMS wherever they are.
public struct Register: Sendable {
    public let establishments: [Establishment]
    private let indexByFINESS: FINESSMap
    /// Number of ESSMS run by each OG (FINESS juridique), over the whole register.
    public let ogSize: FINESSMap

    public init(_ establishments: [Establishment]) {
        var index = FINESSMap(capacity: establishments.count)
        for (i, e) in establishments.enumerated() { _ = index.insertIfAbsent(e.finess, i) }
        self.init(establishments, index: index)
    }

    /// With the index already built (by the loader, which finds duplicates with it).
    init(_ establishments: [Establishment], index: FINESSMap) {
        self.establishments = establishments
        var sizes = FINESSMap(capacity: establishments.count / 2)
        for e in establishments { sizes.increment(e.ej) }
        self.indexByFINESS = index
        self.ogSize = sizes
    }

    public var count: Int { establishments.count }

    public subscript(finess: FINESS) -> Establishment? {
        indexByFINESS[finess].map { establishments[$0] }
    }

    public func index(of finess: FINESS) -> Int? { indexByFINESS[finess] }

    public func contains(_ finess: FINESS) -> Bool { indexByFINESS[finess] != nil }

    /// ESSMS count per key (département, region, sector) over the establishments that `include`.
    public func counts<K: Hashable>(by key: (Establishment) -> K, where include: (Establishment) -> Bool = { _ in true }) -> [K: Int] {
        var c: [K: Int] = [:]
        for e in establishments where include(e) { c[key(e), default: 0] += 1 }
        return c
    }
}
