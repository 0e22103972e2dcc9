"""Rewrite a Scopus CSV export of the 2020-2023 layout in the reference style
Scopus has written since about 2023.

    python3 scopus_current_style.py scopus-litstudy-v2.csv > scopus-litstudy-v2-current.csv

The two styles differ in how a reference separates its authors: the older
one with ", " ("Kang W., Huang Y., Title, Source, 104, (2016)"), the current
one with "; " ("Kang W.; Huang Y., Title, Source, 104, (2016)"), the same
separator as between references, and often without the dots of the initials
("Braga TV; Evangelista FCG., Title, …", the list closed by a dot). This
script rewrites each reference's leading run of author names that way (all
of a reference that is author names alone): in
the odd data rows with dots ("Kang W.; Huang Y."), in the even ones without
("Kang W; Huang Y."). Nothing else changes: the records and the rest of each
reference are the export's own.
"""

import csv
import re
import sys

csv.field_size_limit(1 << 30)

NAME = re.compile(r"^[^\s,;\d]+(?:\s[^\s,;\d]+){0,3}\s[A-Z]\.(?:\s?-?[A-Z]\.)*$")
ET_AL = {"Et al.", "et al."}


def undot(name):
    words = name.split(" ")
    k = len(words)
    while k > 1 and re.match(r"^-?[A-Z]\.", words[k - 1]):
        k -= 1
    return " ".join(words[:k]) + " " + "".join(words[k:]).replace(".", "")


def rewrite(ref, dotted):
    segs = ref.split(", ")
    k = 0
    while k < len(segs) and (NAME.match(segs[k]) or segs[k] in ET_AL):
        k += 1
    if k < 1:
        return ref
    names = segs[:k]
    if not dotted:
        names = [n if n in ET_AL else undot(n) for n in names]
        if not names[-1].endswith("."):
            names[-1] += "."
    return ", ".join(["; ".join(names)] + segs[k:])


def main():
    data = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
    rows = list(csv.reader(data.splitlines(keepends=True)))
    header = rows[0]
    col = header.index("References")
    out = csv.writer(sys.stdout, quoting=csv.QUOTE_ALL, lineterminator="\n")
    sys.stdout.write("\ufeff")
    out.writerow(header)
    for i, row in enumerate(rows[1:]):
        cell = row[col]
        if cell:
            row[col] = "; ".join(rewrite(r, i % 2 == 0) for r in cell.split("; "))
        out.writerow(row)


if __name__ == "__main__":
    main()
