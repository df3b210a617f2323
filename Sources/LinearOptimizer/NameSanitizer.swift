// SPDX-License-Identifier: GPL-3.0-or-later

/// Turns free-form names into names every MPS and CPLEX LP reader accepts, deterministically.
///
/// Rules: characters outside `[A-Za-z0-9_]` become `_`; an empty name becomes
/// `fallbackPrefix` + position (1-based); a name starting with a digit gets a
/// leading `_`; a name equal (ignoring case) to an LP-format keyword gets a
/// trailing `_`; names are cut to 255 characters; a name already taken gets the
/// suffix `_2`, `_3`... (case-sensitively unique within one sanitizer).
struct NameSanitizer {
    static let maximumLength = 255

    /// Words LP-format readers may take as section keywords or infinity.
    static let keywords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "to", "such", "that", "st", "s", "t", "bounds", "bound", "general", "generals", "gen",
        "integer", "integers", "int", "binary", "binaries", "bin", "end", "free", "inf", "infinity",
    ]

    private var taken: Set<String>
    private let fallbackPrefix: String

    init(fallbackPrefix: String, reserved: Set<String> = []) {
        self.fallbackPrefix = fallbackPrefix
        self.taken = reserved
    }

    /// A clean, unique version of `name`; `position` is 0-based.
    mutating func sanitize(_ name: String, position: Int) -> String {
        var base = String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            Self.isAllowed(scalar) ? scalar : "_"
        }))
        if base.isEmpty { base = "\(fallbackPrefix)\(position + 1)" }
        if let first = base.unicodeScalars.first, ("0"..."9").contains(first) { base = "_" + base }
        if Self.keywords.contains(base.lowercased()) { base += "_" }
        base = String(base.prefix(Self.maximumLength))
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            let tail = "_\(suffix)"
            candidate = String(base.prefix(Self.maximumLength - tail.count)) + tail
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
