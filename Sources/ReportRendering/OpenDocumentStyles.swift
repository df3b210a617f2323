// SPDX-License-Identifier: GPL-3.0-or-later

/// `styles.xml` of the report's OpenDocument texts: an A4 page with 2 cm margins and "Page N" in
/// the footer; named styles a secretary finds in the word processor's list — Heading 1 and 2
/// (in the outline), Text body, List Bullet, Table Heading, Table Contents, Table Number
/// (right-aligned), Table Total, Signature, Horizontal Line; Strong Emphasis, Source Text and
/// Placeholder (the blanks to fill, highlighted) for words.
enum OpenDocumentStyles {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        """

    /// The width of the text between the margins, in thousandths of a centimetre.
    static let textWidth = 17_000

    /// `8.5cm` for 8 500 thousandths: exact decimals, the same bytes everywhere.
    static func centimetres(_ thousandths: Int) -> String {
        let fraction = String(thousandths % 1000)
        let trimmed = String((String(repeating: "0", count: 3 - fraction.count) + fraction).reversed().drop { $0 == "0" }.reversed())
        return "\(thousandths / 1000)" + (trimmed.isEmpty ? "" : "." + trimmed) + "cm"
    }

    /// The tables' shapes, automatic styles of `content.xml` (a word processor reads cell
    /// borders there only): the tables across the text, cells with thin borders, the header
    /// shaded, and the signatures without borders over a row tall enough to sign.
    static let tableStyles = """
        <style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins" \
        fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>
        <style:style style:name="Signatures" style:family="table"><style:table-properties style:width="17cm" table:align="margins" \
        fo:margin-top="0.5cm" style:may-break-between-rows="false"/></style:style>
        <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.06cm" \
        fo:border="0.5pt solid #000000"/></style:style>
        <style:style style:name="Heading_20_Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.06cm" \
        fo:border="0.5pt solid #000000" fo:background-color="#e6e6e6"/></style:style>
        <style:style style:name="Signature_20_Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" \
        fo:border="none"/></style:style>
        <style:style style:name="Signature_20_Row" style:family="table-row"><style:table-row-properties style:min-row-height="3cm"/></style:style>

        """

    static func xml(_ language: ReportLanguage) -> String {
        let (lang, country) = language == .fr ? ("fr", "FR") : ("en", "GB")
        func paragraph(_ name: String, _ display: String?, parent: String?, _ properties: String, next: String? = nil, extra: String = "") -> String {
            "<style:style style:name=\"\(name)\"" + (display.map { " style:display-name=\"\($0)\"" } ?? "") + " style:family=\"paragraph\""
                + (parent.map { " style:parent-style-name=\"\($0)\"" } ?? "") + (next.map { " style:next-style-name=\"\($0)\"" } ?? "")
                + extra + ">" + properties + "</style:style>\n"
        }
        func text(_ name: String, _ display: String, _ properties: String) -> String {
            "<style:style style:name=\"\(name)\" style:display-name=\"\(display)\" style:family=\"text\"><style:text-properties \(properties)/></style:style>\n"
        }
        let bold = "<style:text-properties fo:font-weight=\"bold\"/>", end = "<style:paragraph-properties fo:text-align=\"end\"/>"
        let styles = paragraph("Standard", nil, parent: nil, "")
            + paragraph("Text_20_body", "Text body", parent: "Standard",
                        "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"/>")
            + paragraph("Heading", nil, parent: "Standard",
                        "<style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.25cm\" fo:keep-with-next=\"always\"/>"
                        + "<style:text-properties fo:font-size=\"13pt\" fo:font-weight=\"bold\"/>", next: "Text_20_body")
            + paragraph("Heading_20_1", "Heading 1", parent: "Heading", "<style:text-properties fo:font-size=\"16pt\"/>",
                        next: "Text_20_body", extra: " style:default-outline-level=\"1\"")
            + paragraph("Heading_20_2", "Heading 2", parent: "Heading", "", next: "Text_20_body", extra: " style:default-outline-level=\"2\"")
            + paragraph("List_20_Bullet", "List Bullet", parent: "Text_20_body", "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/>",
                        extra: " style:list-style-name=\"Bullets\"")
            + paragraph("Table_20_Contents", "Table Contents", parent: "Standard", "<style:text-properties fo:font-size=\"9pt\"/>")
            + paragraph("Table_20_Number", "Table Number", parent: "Table_20_Contents", end)
            + paragraph("Table_20_Heading", "Table Heading", parent: "Table_20_Contents", bold)
            + paragraph("Table_20_Heading_20_Number", "Table Heading Number", parent: "Table_20_Heading", end)
            + paragraph("Table_20_Total", "Table Total", parent: "Table_20_Contents", bold)
            + paragraph("Table_20_Total_20_Number", "Table Total Number", parent: "Table_20_Total", end)
            + paragraph("Signature", nil, parent: "Standard", "<style:paragraph-properties fo:text-align=\"center\"/>")
            + paragraph("Horizontal_20_Line", "Horizontal Line", parent: "Standard",
                        "<style:paragraph-properties fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.3cm\" fo:border-bottom=\"0.5pt solid #808080\" fo:padding=\"0cm\"/>"
                        + "<style:text-properties fo:font-size=\"6pt\"/>")
            + paragraph("Footer", nil, parent: "Standard", "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties fo:font-size=\"9pt\"/>")
            + text("Strong_20_Emphasis", "Strong Emphasis", "fo:font-weight=\"bold\"")
            + text("Source_20_Text", "Source Text", "style:font-name=\"Liberation Mono\"")
            + text("Placeholder", "Placeholder", "fo:background-color=\"#fff2a8\"")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-styles \(namespaces) office:version="1.3">
            <office:font-face-decls>
            <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
            <style:font-face style:name="Liberation Mono" svg:font-family="'Liberation Mono'" style:font-family-generic="modern" style:font-pitch="fixed"/>
            </office:font-face-decls>
            <office:styles>
            <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" \
            fo:language="\(lang)" fo:country="\(country)"/></style:default-style>
            \(styles)<text:outline-style style:name="Outline">\
            <text:outline-level-style text:level="1" style:num-format=""/><text:outline-level-style text:level="2" style:num-format=""/>\
            </text:outline-style>
            <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">\
            <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">\
            <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" \
            fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
            </office:styles>
            <office:automatic-styles>
            <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" \
            style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>\
            <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
            </office:automatic-styles>
            <office:master-styles>
            <style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">\
            Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page>
            </office:master-styles>
            </office:document-styles>

            """
    }
}
