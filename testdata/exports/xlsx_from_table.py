"""Write a table as an Excel workbook (.xlsx), as Excel saves an export.

    python3 xlsx_from_table.py scopus-umbrella.csv scopus-umbrella.xlsx
    python3 xlsx_from_table.py --wos wos-umbrella-savedrecs.txt wos-umbrella-excel.xlsx

A CSV is written cell for cell (the first worksheet, shared strings). With
--wos, a Web of Science plain-text export is written as Web of Science's
Excel export lays it out: one record a row under the export's column
names ("Publication Type", "Authors", …, "Cited References", "UT (Unique
WOS ID)"), multi-valued fields joined by "; ", wrapped text by spaces.
Only the standard library is used; the workbook has one plain style.
"""

import csv
import sys
import zipfile
from xml.sax.saxutils import escape

csv.field_size_limit(1 << 30)

WOS_COLUMNS = [
    ("PT", "Publication Type"), ("AU", "Authors"), ("AF", "Author Full Names"),
    ("CA", "Group Authors"), ("TI", "Article Title"), ("SO", "Source Title"),
    ("DT", "Document Type"), ("DE", "Author Keywords"), ("ID", "Keywords Plus"),
    ("AB", "Abstract"), ("C1", "Addresses"), ("CR", "Cited References"),
    ("NR", "Cited Reference Count"), ("TC", "Times Cited, WoS Core"), ("PU", "Publisher"),
    ("J9", "Journal Abbreviation"), ("JI", "Journal ISO Abbreviation"), ("PY", "Publication Year"),
    ("VL", "Volume"), ("IS", "Issue"), ("BP", "Start Page"), ("EP", "End Page"),
    ("AR", "Article Number"), ("DI", "DOI"), ("UT", "UT (Unique WOS ID)"),
]
MULTI = {"AU", "AF", "CA", "C1", "CR"}


def wos_rows(path):
    rows, rec, tag = [], None, None
    for line in open(path, encoding="utf-8-sig").read().split("\n"):
        if line.startswith("ER"):
            rows.append([rec.get(t, "") for t, _ in WOS_COLUMNS])
            rec, tag = None, None
            continue
        if line[:2].strip() and line[2:3] == " ":
            tag, value = line[:2], line[3:].strip()
            if tag in ("FN", "VR", "EF"):
                continue
            rec = rec if rec is not None else {}
            rec[tag] = value if tag not in rec else rec[tag] + "; " + value
        elif line.startswith("   ") and rec is not None and tag:
            sep = "; " if tag in MULTI else " "
            rec[tag] += sep + line.strip()
    return [[name for _, name in WOS_COLUMNS]] + rows


def column(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(rows, path):
    strings, index = [], {}
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        sheet.append('<row r="%d">' % r)
        for c, value in enumerate(row):
            if value == "":
                continue
            if value not in index:
                index[value] = len(strings)
                strings.append(value)
            sheet.append('<c r="%s%d" t="s"><v>%d</v></c>' % (column(c), r, index[value]))
        sheet.append("</row>")
    sheet.append("</sheetData></worksheet>")
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
              % (len(strings), len(strings))]
    shared += ['<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings]
    shared.append("</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="savedrecs" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": "".join(sheet),
        "xl/sharedStrings.xml": "".join(shared),
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    args = sys.argv[1:]
    if args[0] == "--wos":
        rows = wos_rows(args[1])
        out = args[2]
    else:
        rows = list(csv.reader(open(args[0], encoding="utf-8-sig", newline="")))
        out = args[1]
    write_xlsx(rows, out)


if __name__ == "__main__":
    main()
