// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import ZIPFoundation

/// What `meta.xml` says of a document: its generator and its creation time, the run's (never
/// the clock: the same report gives the same bytes).
struct OpenDocumentProperties {
    var generator: String
    /// Seconds since 1970, UTC.
    var created: Int64
    var language: ReportLanguage
}

/// An OpenDocument file that could not be put together: ZIPFoundation's error, and the part
/// being added (`content.xml`).
public struct OpenDocumentError: Error, Sendable, CustomStringConvertible {
    public var cause: String
    public var part: String

    public var description: String { "ZIPFoundation: \(cause) - while adding \(part)" }
}

extension TextDocument {
    /// The OpenDocument text (ODF 1.3): `mimetype` first and stored, then `content.xml`,
    /// `styles.xml`, `meta.xml` and `META-INF/manifest.xml`, deflated. Every entry is dated
    /// 1 January 1980 (UTC, as the workbook's) and written in this order, so that the same
    /// document gives the same bytes.
    func openDocument(_ properties: OpenDocumentProperties) throws(OpenDocumentError) -> [UInt8] {
        let title = parts.lazy.compactMap { part -> String? in
            guard case .heading(1, let text) = part.block else { return nil }
            return Self.spans(text).map(\.text).joined()
        }.first ?? ""
        let parts: [(String, String)] = [
            ("mimetype", OpenDocumentPackage.mediaType),
            ("content.xml", openDocumentContent()),
            ("styles.xml", OpenDocumentStyles.xml(properties.language)),
            ("meta.xml", OpenDocumentPackage.meta(title: title, properties)),
            ("META-INF/manifest.xml", OpenDocumentPackage.manifest(["content.xml", "styles.xml", "meta.xml"])),
        ]
        return try OpenDocumentPackage.zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }
}

enum OpenDocumentPackage {
    static let mediaType = "application/vnd.oasis.opendocument.text"
    /// 1980-01-01 00:00 UTC, the first time a zip entry can hold.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func meta(title: String, _ p: OpenDocumentProperties) -> String {
        let time = ReportFormat.iso8601(epoch: p.created)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
            <office:meta><meta:generator>\(Markup.escape(p.generator))</meta:generator><dc:title>\(Markup.escape(title))</dc:title>\
            <dc:language>\(p.language == .fr ? "fr-FR" : "en-GB")</dc:language>\
            <meta:creation-date>\(time)</meta:creation-date><dc:date>\(time)</dc:date></office:meta>
            </office:document-meta>

            """
    }

    static func manifest(_ files: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>
        \(files.map { "<manifest:file-entry manifest:full-path=\"\($0)\" manifest:media-type=\"text/xml\"/>\n" }.joined())</manifest:manifest>

        """
    }

    /// The parts in an in-memory zip, in their order: `mimetype` stored (a reader finds the
    /// type at byte 38), the others deflated — by zlib on Linux, as the workbook; on Apple
    /// platforms ZIPFoundation deflates with the Compression framework, whose bytes differ
    /// there (the inflated parts do not: the test of the shipped reports compares those).
    static func zip(_ parts: [(String, Data)]) throws(OpenDocumentError) -> [UInt8] {
        var part = "the archive"
        do {
            let archive = try Archive(accessMode: .create)
            for (name, data) in parts {
                part = name
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                                     permissions: 0o644, compressionMethod: name == "mimetype" ? .none : .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw OpenDocumentError(cause: "no bytes in memory", part: part) }
            return Array(data)
        } catch let error as OpenDocumentError {
            throw error
        } catch {
            throw OpenDocumentError(cause: "\(error)", part: part)
        }
    }
}
