// SPDX-License-Identifier: GPL-3.0-or-later

/// Character-set helpers for files written by spreadsheets and by the FINESS extract.
public enum TextDecoding {
    /// Whether `bytes` are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool { firstInvalidUTF8Offset(bytes) == bytes.count }

    /// Offset of the first byte that is not well-formed UTF-8 (`bytes.count` when there is none).
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard let base = b.baseAddress else { return 0 }
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
                default: return i
                }
                guard i + length <= n, b[i + 1] >= low, b[i + 1] <= high else { return i }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return n
        }
    }

    /// The text of a file as UTF-8 bytes, the policy of every reader: a UTF-8 byte order mark is
    /// dropped; a file that is not UTF-8 gets a warning at its first invalid byte and is read as
    /// Windows-1252 (what French spreadsheets and old editors write).
    public static func utf8Text(_ data: [UInt8], file: String, code: String, hint: Phrase,
                                diagnostics: inout Diagnostics) -> [UInt8] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let invalid = firstInvalidUTF8Offset(bytes)
        guard invalid < bytes.count else { return bytes }
        let (line, column) = position(ofByte: invalid, in: bytes)
        diagnostics.warning(code, at: SourceLocation(file: file, line: line, column: column),
                            .fr("le fichier n'est pas en UTF-8 ; il a été lu en Windows-1252", en: "the file is not UTF-8; it was read as Windows-1252"),
                            hint: hint)
        return windows1252ToUTF8(bytes)
    }

    /// Offset of the first control character in UTF-8 text — C0 but tab, line feed and carriage
    /// return; DEL; C1 but NEL — which no YAML file may hold; nil when there is none.
    public static func firstControlCharacter(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard let base = b.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < n {
                // Eight bytes at a time while none is below 0x20, 0x7F or non-ASCII.
                if i + 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let below20 = (x &- ones &* 0x20) & ~x & highs
                    let y = x ^ (ones &* 0x7F)
                    let del = (y &- ones) & ~y & highs
                    if below20 | del | (x & highs) == 0 {
                        i += 8
                        continue
                    }
                }
                switch b[i] {
                case 0x09, 0x0A, 0x0D: break
                case 0x00...0x1F, 0x7F: return i
                case 0xC2 where i + 1 < n && (0x80...0x9F).contains(b[i + 1]) && b[i + 1] != 0x85: return i
                default: break
                }
                i += 1
            }
            return nil
        }
    }

    /// Line and 1-based character column of byte `offset` of UTF-8 text (LF, CRLF or CR line ends).
    public static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for k in 0..<min(offset, bytes.count) {
            let b = bytes[k]
            if b == 10 || (b == 13 && (k + 1 >= bytes.count || bytes[k + 1] != 10)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 13 {
                column += 1
            }
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
