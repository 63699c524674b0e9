#!/usr/bin/env python3
"""Checks the gold and trap files of this folder against the PDFs.

For every NN-<slug>.gold.tsv line and every traps.tsv line:
  * the quote is found in `pdftotext` (default mode) output of NN-<slug>.pdf, with
    whitespace collapsed to single spaces, exactly once in the document;
  * it lies within one page (does not cross a page break);
  * it is also found in `pdftotext -raw` output. Default mode joins a word split by a
    hyphen at a line end ("инфра-\\nструктуры" -> "инфраструктуры", and also a real
    compound such as "Усть-\\nКаменогорск" -> "УстьКаменогорск"), raw mode does not, so a
    quote found in both does not cross a hyphenated line break;
  * the quote has at most 120 characters and no tab; clause ids, categories and amounts
    are well formed; a trap quote does not overlap a gold quote's text.
Exit status 0 when everything is found, 1 otherwise.
"""
import csv
import glob
import os
import re
import subprocess
import sys

CATEGORIES = {"infrastructure", "charity", "sponsorship", "one_time_event", "human_development"}
REASONS = {"background", "negated", "postponed", "aggregate", "repeat", "akimat",
           "core_business", "declaration", "description"}
HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def pdf_text(pdf, raw=False):
    args = ["pdftotext"] + (["-raw"] if raw else []) + [pdf, "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    pages = [norm(p) for p in out.split("\f")]
    return pages, " ".join(p for p in pages if p)


def check_quote(where, quote, texts, errors):
    pages, full, rpages, rfull = texts
    if not quote:
        errors.append(f"{where}: empty quote")
        return
    if len(quote) > 120:
        errors.append(f"{where}: quote longer than 120 characters ({len(quote)})")
    if "\t" in quote or norm(quote) != quote:
        errors.append(f"{where}: quote has a tab or uncollapsed whitespace")
    n = full.count(quote)
    if n != 1:
        errors.append(f"{where}: found {n} times in pdftotext output: {quote!r}")
        return
    if not any(quote in p for p in pages):
        errors.append(f"{where}: crosses a page break: {quote!r}")
    if quote not in rfull:
        errors.append(f"{where}: not in pdftotext -raw output (hyphenated line break?): {quote!r}")


def main():
    os.chdir(HERE)
    errors = []
    texts = {}
    golds = sorted(glob.glob("[0-9][0-9]-*.gold.tsv"))
    n_lines = 0
    for g in golds:
        stem = g[: -len(".gold.tsv")]
        nn = stem[:2]
        texts[stem] = pdf_text(stem + ".pdf") + pdf_text(stem + ".pdf", raw=True)
        with open(g, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        if rows[0] != ["clause_id", "category", "amount_kzt", "quote"]:
            errors.append(f"{g}: bad header {rows[0]}")
        seen = set()
        for i, r in enumerate(rows[1:], 2):
            where = f"{g}:{i}"
            if len(r) != 4:
                errors.append(f"{where}: {len(r)} fields")
                continue
            cid, cat, amt, quote = r
            if not re.fullmatch(rf"{nn}\.\d\d", cid) or cid in seen:
                errors.append(f"{where}: bad or repeated clause_id {cid}")
            seen.add(cid)
            if cat not in CATEGORIES:
                errors.append(f"{where}: bad category {cat}")
            if amt and not re.fullmatch(r"[1-9]\d*", amt):
                errors.append(f"{where}: bad amount {amt}")
            check_quote(where, quote, texts[stem], errors)
            n_lines += 1
    n_traps = 0
    gold_quotes = {}
    for g in golds:
        with open(g, encoding="utf-8") as f:
            gold_quotes[g[:2]] = [l.rstrip("\n").split("\t")[3] for l in f][1:]
    if os.path.exists("traps.tsv"):
        with open("traps.tsv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        for i, r in enumerate(rows[1:], 2):
            where = f"traps.tsv:{i}"
            if len(r) != 3:
                errors.append(f"{where}: {len(r)} fields")
                continue
            doc, reason, quote = r
            if reason not in REASONS:
                errors.append(f"{where}: bad reason {reason}")
            stem = next((s for s in texts if s.startswith(doc[:2] + "-")), None)
            if stem is None or stem != doc:
                errors.append(f"{where}: unknown document {doc}")
                continue
            check_quote(where, quote, texts[stem], errors)
            for gq in gold_quotes[doc[:2]]:
                if quote in gq or gq in quote:
                    errors.append(f"{where}: trap quote overlaps gold quote {gq!r}")
            n_traps += 1
    for e in errors:
        print("FAIL", e)
    print(f"{len(golds)} documents, {n_lines} gold lines, {n_traps} trap lines, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
