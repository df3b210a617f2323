// SPDX-License-Identifier: GPL-3.0-or-later
import CZlibReader

/// A zip file read back, as the tests read a workbook: the central directory (names, CRC-32,
/// sizes: stored uncompressed, so they describe the parts whatever the compressor), and each
/// part's bytes, stored or inflated by zlib. No zip64, no encryption: what libxlsxwriter and
/// ZIPFoundation write.
public struct ZipArchive {
    public struct Entry: Sendable, Hashable {
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var size: Int
        public var localHeaderOffset: Int
        /// The entry's time and date in MS-DOS form.
        public var dosTime: UInt16
        public var dosDate: UInt16
    }

    public enum ReadError: Error, CustomStringConvertible {
        case notAZip(String)
        case missing(String)
        case inflate(String, Int32)

        public var description: String {
            switch self {
            case .notAZip(let why): return "not a zip file: \(why)"
            case .missing(let name): return "no part \(name) in the zip file"
            case .inflate(let name, let code): return "cannot inflate \(name): zlib error \(code)"
            }
        }
    }

    public let bytes: [UInt8]
    public let entries: [Entry]

    public init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        // The end of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw ReadError.notAZip("no local header at the start") }
        let lowest = max(0, bytes.count - 22 - 65_535)
        guard let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { Self.u32(bytes, $0) == 0x0605_4B50 }) else {
            throw ReadError.notAZip("no end of central directory")
        }
        let count = Int(Self.u16(bytes, end + 10))
        var at = Int(Self.u32(bytes, end + 16))
        var entries: [Entry] = []
        for _ in 0..<count {
            guard at + 46 <= bytes.count, Self.u32(bytes, at) == 0x0201_4B50 else { throw ReadError.notAZip("bad central directory at \(at)") }
            let nameLength = Int(Self.u16(bytes, at + 28)), extra = Int(Self.u16(bytes, at + 30)), comment = Int(Self.u16(bytes, at + 32))
            guard at + 46 + nameLength <= bytes.count else { throw ReadError.notAZip("truncated central directory") }
            entries.append(Entry(name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                                 method: Self.u16(bytes, at + 10), crc32: Self.u32(bytes, at + 16),
                                 compressedSize: Int(Self.u32(bytes, at + 20)), size: Int(Self.u32(bytes, at + 24)),
                                 localHeaderOffset: Int(Self.u32(bytes, at + 42)),
                                 dosTime: Self.u16(bytes, at + 12), dosDate: Self.u16(bytes, at + 14)))
            at += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    public var names: [String] { entries.map(\.name) }

    /// The bytes of part `name`, checked against its CRC-32.
    public func contents(_ name: String) throws -> [UInt8] {
        guard let e = entries.first(where: { $0.name == name }) else { throw ReadError.missing(name) }
        let local = e.localHeaderOffset
        guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4B50 else { throw ReadError.notAZip("bad local header of \(name)") }
        let start = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
        guard start + e.compressedSize <= bytes.count else { throw ReadError.notAZip("\(name) is truncated") }
        let data = Array(bytes[start..<(start + e.compressedSize)])
        let out = e.method == 0 ? data : try Self.inflate(data, size: e.size, name: name)
        let crc = out.withUnsafeBufferPointer { UInt32(CZlibReader.crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == e.crc32, out.count == e.size else { throw ReadError.notAZip("\(name) does not match its CRC-32 or size") }
        return out
    }

    public func text(_ name: String) throws -> String { String(decoding: try contents(name), as: UTF8.self) }

    /// Raw deflate (no zlib header), as in a zip.
    static func inflate(_ input: [UInt8], size: Int, name: String) throws -> [UInt8] {
        var stream = z_stream()
        var status = inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw ReadError.inflate(name, status) }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var source = input
        status = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                return CZlibReader.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw ReadError.inflate(name, status) }
        return Array(output.prefix(Int(stream.total_out)))
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}
