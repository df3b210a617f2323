// SPDX-License-Identifier: GPL-3.0-or-later

/// A workbook that could not be written: libxlsxwriter's error code and sentence (or the
/// check made before calling it), and what was being written —
/// `libxlsxwriter error 2: Error creating output xlsx file. Usually a permissions error. - while writing /r/decisions.xlsx`.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// libxlsxwriter's `lxw_error` number; nil for a check of this module (a value Excel cannot hold).
    public var code: Int?
    /// The cause, in libxlsxwriter's words or this module's.
    public var cause: String
    /// What was being written: the file, the sheet, the cell.
    public var context: String

    public init(code: Int?, cause: String, context: String) {
        self.code = code
        self.cause = cause
        self.context = context
    }

    public var description: String {
        (code.map { "libxlsxwriter error \($0): " } ?? "") + cause + " - while writing " + context
    }
}
