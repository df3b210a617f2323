// SPDX-License-Identifier: GPL-3.0-or-later

/// Character-set helpers for files written by spreadsheets and by the FINESS extract.
public enum TextDecoding {
    /// Whether `bytes` are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard let base = b.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i < n {
                // ASCII runs eight bytes at a time.
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                // RFC 3629: lead byte, then continuation bytes, no overlongs, no surrogates, ≤ U+10FFFF.
                let length: Int, low: UInt8, high: UInt8
                switch c {
                case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
                case 0xED: (length, low, high) = (3, 0x80, 0x9F)
                case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
                case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
                case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
                default: return false
                }
                guard i + length <= n, b[i + 1] >= low, b[i + 1] <= high else { return false }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return false }
                i += length
            }
            return true
        }
    }

    /// Line and column (1-based) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if i + length > bytes.count { return (line, column) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column)
    }

    /// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let scalar: UInt32 = b >= 0xA0 ? UInt32(b) : cp1252High[Int(b - 0x80)]
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
        }
        return out
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (undefined ones map to themselves).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
