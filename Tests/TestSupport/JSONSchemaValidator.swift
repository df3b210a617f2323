// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation

/// Checks a JSON document against the subset of JSON Schema (draft 2020-12) that the schemas in
/// docs/schemas use: `type` (one or a list), `properties`, `required`, `additionalProperties`
/// (false or a schema), `items`, `enum`, `const`, `minimum`, `maximum`, `pattern` (a regular
/// expression searched in a string, as JSON Schema does: anchor it with `^…$`), `minItems`,
/// `anyOf`, and `$ref` to `#/$defs/…`. A keyword it does not know makes the check fail, so that
/// a schema never silently promises more than is checked.
public struct JSONSchemaValidator {
    let root: [String: Any]
    static let known: Set<String> = ["$schema", "$id", "title", "description", "$defs", "type", "properties", "required",
                                     "additionalProperties", "items", "enum", "const", "minimum", "maximum", "pattern", "minItems",
                                     "anyOf", "$ref"]

    public init(schema data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "schema", code: 1, userInfo: [NSLocalizedDescriptionKey: "the schema is not a JSON object"])
        }
        self.root = root
    }

    /// Every violation, as `path: what`; empty when the document conforms.
    public func validate(_ document: Any) -> [String] {
        var errors: [String] = []
        check(document, root, path: "$", &errors)
        return errors
    }

    func check(_ value: Any, _ schema: [String: Any], path: String, _ errors: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) { errors.append("\(path): the schema uses '\(key)', which the validator does not check") }
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                errors.append("\(path): unknown $ref \(ref)")
                return
            }
            check(value, target, path: path, &errors)
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            let failures = anyOf.map { sub in
                var e: [String] = []
                check(value, sub, path: path, &e)
                return e
            }
            // The branch that came closest says what is wrong, rather than only "none": the fewest
            // violations, a branch whose own `type` or `const` fails here counting as the farthest.
            func distance(_ e: [String]) -> Int { e.contains { $0.hasPrefix("\(path): expected ") } ? 1_000_000 + e.count : e.count }
            if let closest = failures.min(by: { distance($0) < distance($1) }), !closest.isEmpty {
                errors.append("\(path): matches none of anyOf (closest: \(closest.prefix(3).joined(separator: "; ")))")
            }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { Self.isType(value, $0) }) {
                errors.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(Self.describe(value)) is not one of \(options)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { errors.append("\(path): expected \(constant)") }
        if let minimum = schema["minimum"] as? Double, let n = Self.number(value), n < minimum {
            errors.append("\(path): \(n) is below \(minimum)")
        }
        if let maximum = schema["maximum"] as? Double, let n = Self.number(value), n > maximum {
            errors.append("\(path): \(n) is above \(maximum)")
        }
        if let pattern = schema["pattern"] as? String, let s = value as? String {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                if regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
                    errors.append("\(path): \(Self.describe(value)) does not match \(pattern)")
                }
            } else {
                errors.append("\(path): the schema's pattern \(pattern) is not a regular expression")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { errors.append("\(path): missing '\(key)'") }
            for (key, v) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(v, sub, path: "\(path).\(key)", &errors)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed { errors.append("\(path): unexpected '\(key)'") }
                    if let sub = extra as? [String: Any] { check(v, sub, path: "\(path).\(key)", &errors) }
                }
            }
        }
        if let array = value as? [Any] {
            if let minItems = schema["minItems"] as? Int, array.count < minItems { errors.append("\(path): fewer than \(minItems) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, v) in array.enumerated() { check(v, items, path: "\(path)[\(i)]", &errors) }
            }
        }
    }

    static func number(_ v: Any) -> Double? {
        guard let n = v as? NSNumber, !isBool(n) else { return nil }
        return n.doubleValue
    }

    /// JSONSerialization gives booleans as NSNumber whose type is `c` (char); numbers are `i`, `q` or `d`.
    static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    static func isType(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "null": return v is NSNull
        case "boolean": return (v as? NSNumber).map(isBool) ?? false
        case "number": return number(v) != nil
        case "integer": return number(v).map { $0 == $0.rounded() } ?? false
        case "string": return v is String
        case "array": return v is [Any]
        case "object": return v is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = number(a), let y = number(b) { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber, isBool(x), isBool(y) { return x.boolValue == y.boolValue }
        return a is NSNull && b is NSNull
    }

    static func describe(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let n = v as? NSNumber { return isBool(n) ? "boolean \(n.boolValue)" : "number \(n)" }
        if let s = v as? String { return "string \"\(s.prefix(40))\"" }
        if v is [Any] { return "an array" }
        return "an object"
    }
}
