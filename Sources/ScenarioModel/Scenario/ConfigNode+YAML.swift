// SPDX-License-Identifier: GPL-3.0-or-later

/// Reading a `ConfigNode` tree from a YAML file.
extension ConfigNode {
    /// Reads a YAML file's bytes with the policy of the CSV tables: a file that is not UTF-8 is
    /// read as Windows-1252 with a warning at its first invalid byte.
    public static func parse(bytes: [UInt8], file: String, diagnostics d: inout Diagnostics) -> ConfigNode? {
        let text = TextDecoding.utf8Text(bytes, file: file, code: "yaml-encoding",
                                         hint: .fr("enregistrez le fichier en UTF-8 pour que les accents soient lus tels qu'ils sont écrits",
                                                   en: "save the file as UTF-8 so that accented text is read as written"),
                                         diagnostics: &d)
        return parse(utf8: text, file: file, diagnostics: &d)
    }

    /// Parses YAML text; syntax errors are reported with their line and column.
    public static func parse(yaml: String, file: String, diagnostics d: inout Diagnostics) -> ConfigNode? {
        parse(utf8: Array(yaml.utf8), file: file, diagnostics: &d)
    }

    /// Refuses control characters (which YAML forbids) at their line and column, then reads the
    /// tree within `YAMLReader`'s budget.
    static func parse(utf8 text: [UInt8], file: String, diagnostics d: inout Diagnostics) -> ConfigNode? {
        if let offset = TextDecoding.firstControlCharacter(text) {
            let (line, column) = TextDecoding.position(ofByte: offset, in: text)
            let scalar = text[offset] == 0xC2 ? text[offset + 1] : text[offset]
            let hex = String(scalar, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: 4 - hex.count) + hex
            d.error("yaml-control-character", at: SourceLocation(file: file, line: line, column: column),
                    .fr("le fichier contient un caractère de contrôle, que YAML n'admet pas",
                        en: "the file holds a control character, which YAML does not allow"),
                    expected: .fr("du texte : lettres, chiffres, espaces, tabulations et fins de ligne",
                                  en: "text: letters, digits, spaces, tabs and line ends"),
                    found: .fr("le caractère de contrôle U+\(code)", en: "the control character U+\(code)"),
                    hint: .fr("supprimez-le (il vient peut-être d'un copier-coller, ou le fichier n'est pas du texte du tout)",
                              en: "remove it (it may come from a copy and paste, or the file may not be text at all)"))
            return nil
        }
        return YAMLReader.read(text, file: file, diagnostics: &d)
    }
}
