// SPDX-License-Identifier: GPL-3.0-or-later
import CXLSXWriter
import Foundation

/// Writes a `Workbook` as an Excel file (.xlsx) through libxlsxwriter, the only code that calls
/// it: each sheet with its header row in bold, frozen and filtered, its columns as wide as
/// their values, euros and shares in the workbook's number formats. The same workbook gives the
/// same bytes: the document's time is its `created` property, and libxlsxwriter dates the
/// parts of the zip 1980-01-01, as Excel does.
public enum XLSXWriter {
    /// Excel's limits: rows and columns of a sheet, bytes of a text cell.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    /// Held while libxlsxwriter writes a workbook (`write`).
    private static let lock = NSLock()

    /// Writes the workbook to `path`. libxlsxwriter assembles the parts in unnamed temporary
    /// files of `scratch` (default: the system's), then writes the file in one go; on an error
    /// no file is left at `path`.
    public static func write(_ workbook: Workbook, to path: String, scratch: String? = nil) throws(XLSXError) {
        // libxlsxwriter formats the document's time with gmtime() and dates the zip's parts with
        // localtime()/mktime(), which share one static buffer: two workbooks written at once on
        // two threads could date one of them 1980-01-01 (seen once in the test suite, where
        // workbooks are written in parallel). One workbook at a time.
        lock.lock()
        defer { lock.unlock() }
        let document = try XLSXDocument(path: path, scratch: scratch)
        do {
            try document.add(workbook)
            try document.close()
        } catch {
            unlink(path)
            throw error
        }
    }

    /// The bytes of the file, written to the temporary file `through` (default: a new file of
    /// the system's temporary folder), read back and removed.
    public static func bytes(_ workbook: Workbook, through temporary: String? = nil) throws(XLSXError) -> [UInt8] {
        let path: String
        if let temporary {
            path = temporary
        } else {
            let folder = FileManager.default.temporaryDirectory.path
            var template = Array((folder + "/.workbook-XXXXXX.xlsx").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
            guard fd >= 0 else {
                throw XLSXError(code: nil, cause: String(cString: strerror(errno)), context: "a temporary workbook in \(folder)")
            }
            close(fd)
            path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
        defer { unlink(path) }
        try write(workbook, to: path, scratch: (path as NSString).deletingLastPathComponent)
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw XLSXError(code: nil, cause: "cannot read it back: \(error.localizedDescription)", context: path)
        }
    }

    /// `B3` for row 2, column 1 (from 0).
    public static func reference(row: Int, column: Int) -> String {
        var letters = "", c = column + 1
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row + 1)
    }
}

/// One libxlsxwriter workbook: owns the C pointer until `close` writes and frees it, or frees
/// it unwritten in `deinit`. Every return code is checked and becomes an `XLSXError`.
final class XLSXDocument {
    private var pointer: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    /// The folder of libxlsxwriter's temporary files, kept alive until the workbook is freed.
    private let scratch: UnsafeMutablePointer<CChar>?

    init(path: String, scratch: String?) throws(XLSXError) {
        self.path = path
        self.scratch = scratch.map { strdup($0) }
        var options = lxw_workbook_options()
        options.tmpdir = self.scratch
        guard let p = workbook_new_opt(path, &options) else {
            throw XLSXError(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue),
                            cause: String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)), context: path)
        }
        pointer = p
    }

    deinit {
        if let pointer { lxw_workbook_free(pointer) }
        free(scratch)
    }

    /// Writes the file and frees the workbook (libxlsxwriter frees it whatever the outcome).
    func close() throws(XLSXError) {
        guard let p = pointer else { return }
        pointer = nil
        try check(workbook_close(p), path)
    }

    func add(_ workbook: Workbook) throws(XLSXError) {
        guard let p = pointer else { return }
        try setProperties(workbook.properties, p)
        let header = workbook_add_format(p), euros = workbook_add_format(p), share = workbook_add_format(p)
        guard let header, let euros, let share else { throw failure(LXW_ERROR_MEMORY_MALLOC_FAILED, path) }
        format_set_bold(header)
        format_set_num_format(euros, workbook.formats.euros)
        format_set_num_format(share, workbook.formats.share)
        for sheet in workbook.sheets {
            try add(sheet, p, formats: (header, euros, share))
        }
    }

    private func add(_ sheet: Sheet, _ p: UnsafeMutablePointer<lxw_workbook>,
                     formats: (header: UnsafeMutablePointer<lxw_format>, euros: UnsafeMutablePointer<lxw_format>,
                               share: UnsafeMutablePointer<lxw_format>)) throws(XLSXError) {
        let context = "sheet '\(sheet.name)' of \(path)"
        try check(workbook_validate_sheet_name(p, sheet.name), context)
        guard let ws = workbook_add_worksheet(p, sheet.name) else { throw failure(LXW_ERROR_MEMORY_MALLOC_FAILED, context) }
        let width = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        guard width <= XLSXWriter.maximumColumns, sheet.rows.count < XLSXWriter.maximumRows else {
            throw XLSXError(code: nil, cause: "\(sheet.rows.count) rows of \(width) columns are more than an Excel sheet holds "
                                + "(\(XLSXWriter.maximumRows) rows with the header, \(XLSXWriter.maximumColumns) columns)",
                            context: context)
        }
        for (column, title) in sheet.header.enumerated() {
            try write(.text(title), ws, row: 0, column: column, format: formats.header, sheet: sheet)
        }
        for (r, row) in sheet.rows.enumerated() {
            for (column, cell) in row.enumerated() {
                let format: UnsafeMutablePointer<lxw_format>?
                switch cell {
                case .euros: format = formats.euros
                case .share: format = formats.share
                case .text, .integer, .empty: format = nil
                }
                try write(cell, ws, row: r + 1, column: column, format: format, sheet: sheet)
            }
        }
        for (column, w) in sheet.columnWidths.enumerated() {
            try check(worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), Double(w), nil), context)
        }
        guard !sheet.header.isEmpty else { return }
        worksheet_freeze_panes(ws, 1, 0)
        try check(worksheet_autofilter(ws, 0, 0, lxw_row_t(sheet.rows.count), lxw_col_t(sheet.header.count - 1)), context)
    }

    private func write(_ cell: Cell, _ ws: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
                       format: UnsafeMutablePointer<lxw_format>?, sheet: Sheet) throws(XLSXError) {
        let (r, c) = (lxw_row_t(row), lxw_col_t(column))
        let context = "cell \(XLSXWriter.reference(row: row, column: column)) of sheet '\(sheet.name)' of \(path)"
        switch cell {
        case .text(let s):
            // A C string ends at its first NUL: the cell would silently lose the rest.
            guard !s.utf8.contains(0) else { throw XLSXError(code: nil, cause: "a text holds a NUL character", context: context) }
            try check(worksheet_write_string(ws, r, c, s, format), context)
        case .integer(let n): try check(worksheet_write_number(ws, r, c, Double(n), format), context)
        case .euros(let cents): try check(worksheet_write_number(ws, r, c, Cell.euroNumber(cents: cents), format), context)
        case .share(let x): try check(worksheet_write_number(ws, r, c, x, format), context)
        case .empty: break
        }
    }

    private func setProperties(_ d: DocumentProperties, _ p: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        // libxlsxwriter copies the strings.
        let strings = [d.title, d.subject, d.author, d.comments].map { (s: String) -> UnsafeMutablePointer<CChar>? in strdup(s) }
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        (properties.title, properties.subject, properties.author, properties.comments) = (strings[0], strings[1], strings[2], strings[3])
        properties.created = time_t(d.created)
        try check(workbook_set_properties(p, &properties), "the document properties of \(path)")
    }

    private func check(_ e: lxw_error, _ context: @autoclosure () -> String) throws(XLSXError) {
        if e != LXW_NO_ERROR { throw failure(e, context()) }
    }

    private func failure(_ e: lxw_error, _ context: String) -> XLSXError {
        XLSXError(code: Int(e.rawValue), cause: String(cString: lxw_strerror(e)), context: context)
    }
}
