#!/usr/bin/env python3
"""Verify the gold of this set against the PDFs and check links.tsv.

* every NAME.gold.tsv: header, clause ids NN.MM in order, known categories,
  integer-or-empty amounts, quotes without tabs and at most 120 characters;
* every quote occurs exactly once in `pdftotext NAME.pdf -` (lines joined with
  single spaces, whitespace collapsed), and also in `pdftotext -raw`;
* no word of the PDF text mixes Latin and Cyrillic letters (typing slips);
* links.tsv: columns, statuses, clause ids that exist, every memorandum line
  linked at least once, every report line linked exactly once, fact_kzt equal to
  the report line's amount, and the delivered/partly threshold (95 %);
* prints the counts used in README.md.
Exit status 1 on any error.
"""
import csv
import glob
import os
import re
import subprocess
import sys
from collections import Counter, OrderedDict

os.chdir(os.path.dirname(os.path.abspath(__file__)))

CATS = {"infrastructure", "charity", "sponsorship", "one_time_event", "human_development"}
STATUSES = ["delivered", "partly", "postponed", "cancelled", "not_reported", "unpromised"]
# language of each document (kk, ru, en)
LANG = {
    "01-kazzinc-ridder-memorandum-2021": "ru",
    "02-kazzinc-ridder-report-2021": "ru",
    "03-kazakhmys-balkhash-memorandum-2019": "kk",
    "04-kazakhmys-balkhash-report-2019": "kk",
    "05-kpo-burlin-memorandum-2023": "en",
    "06-kpo-sustainability-2023-en": "en",
    "07-amt-shakhtinsk-memorandum-2019": "kk",
    "08-shakhtinsk-akimat-summary-2019": "ru",
    "09-kazminerals-ayagoz-memorandum-2021": "ru",
    "10-kazminerals-sustainability-2021-en": "en",
    "11-kazchrome-aktobe-memorandum-2022": "kk",
    "12-erg-sustainability-2022-en": "en",
    "13-kazatomprom-sozak-memorandum-2023": "ru",
    "14-kazatomprom-sozak-report-2023": "kk",
    "15-bogatyr-ekibastuz-memorandum-2022": "ru",
    "16-bogatyr-ekibastuz-report-2022": "ru",
    "17-ekibastuz-akimat-summary-2022": "kk",
}
MEMOS = [n for n in LANG if "memorandum" in n]
# which memorandum each report covers (pairs)
PAIR = {
    "02-kazzinc-ridder-report-2021": "01-kazzinc-ridder-memorandum-2021",
    "04-kazakhmys-balkhash-report-2019": "03-kazakhmys-balkhash-memorandum-2019",
    "06-kpo-sustainability-2023-en": "05-kpo-burlin-memorandum-2023",
    "08-shakhtinsk-akimat-summary-2019": "07-amt-shakhtinsk-memorandum-2019",
    "10-kazminerals-sustainability-2021-en": "09-kazminerals-ayagoz-memorandum-2021",
    "12-erg-sustainability-2022-en": "11-kazchrome-aktobe-memorandum-2022",
    "14-kazatomprom-sozak-report-2023": "13-kazatomprom-sozak-memorandum-2023",
    "16-bogatyr-ekibastuz-report-2022": "15-bogatyr-ekibastuz-memorandum-2022",
    "17-ekibastuz-akimat-summary-2022": "15-bogatyr-ekibastuz-memorandum-2022",
}

errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


def pdf_text(name, raw=False):
    args = ["pdftotext"] + (["-raw"] if raw else []) + [name + ".pdf", "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", " ".join(out.splitlines())).strip()


def read_gold(name):
    rows = OrderedDict()
    with open(name + ".gold.tsv", encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[0] != "clause_id\tcategory\tamount_kzt\tquote":
        err(f"{name}: bad header")
    nn = name[:2]
    for i, line in enumerate(l for l in lines[1:] if l):
        parts = line.split("\t")
        if len(parts) != 4:
            err(f"{name}: line {i + 2} has {len(parts)} fields")
            continue
        cid, cat, amt, quote = parts
        if cid != f"{nn}.{i + 1:02d}":
            err(f"{name}: clause id {cid} out of order")
        if cat not in CATS:
            err(f"{name}: {cid}: unknown category {cat}")
        if amt and not re.fullmatch(r"[1-9][0-9]*", amt):
            err(f"{name}: {cid}: bad amount {amt!r}")
        if len(quote) > 120 or quote != quote.strip() or "  " in quote:
            err(f"{name}: {cid}: quote too long or badly spaced")
        rows[cid] = (cat, int(amt) if amt else None, quote)
    return rows


gold = {}
for name in LANG:
    for ext in (".pdf", ".gold.tsv"):
        if not os.path.exists(name + ext):
            err(f"missing {name}{ext}")
    gold[name] = read_gold(name)
    text, raw = pdf_text(name), pdf_text(name, raw=True)
    for cid, (_, _, q) in gold[name].items():
        n, nr = text.count(q), raw.count(q)
        if n != 1:
            err(f"{name}: {cid}: quote found {n} times in pdftotext output: {q}")
        if nr != 1:
            err(f"{name}: {cid}: quote found {nr} times in pdftotext -raw output: {q}")
    for w in set(re.findall(r"\w+", text)):
        if re.search(r"[A-Za-z]", w) and re.search(r"[\u0400-\u04FF]", w):
            err(f"{name}: mixed-script word {w!r}")
stray = set(os.path.basename(p)[: -len(".gold.tsv")] for p in glob.glob("*.gold.tsv")) - set(LANG)
for s in sorted(stray):
    err(f"gold file not listed in verify.py: {s}")

# ---- links.tsv
COLS = ["memorandum", "memo_clause", "report", "report_clause", "status", "fact_kzt", "note"]
with open("links.tsv", encoding="utf-8") as f:
    lines = [l for l in f.read().split("\n") if l]
if lines[0].split("\t") != COLS:
    err("links.tsv: bad header")
links = []
for i, line in enumerate(lines[1:], start=2):
    parts = line.split("\t")
    if len(parts) != len(COLS):
        err(f"links.tsv line {i}: {len(parts)} fields")
        continue
    links.append(dict(zip(COLS, parts), line=i))

memo_seen = Counter()
report_seen = Counter()
status_count = Counter()
lang_count = Counter()
status_lang = Counter()
for L in links:
    i, st = L["line"], L["status"]
    memo, mc, rep, rc, fact = L["memorandum"], L["memo_clause"], L["report"], L["report_clause"], L["fact_kzt"]
    if st not in STATUSES:
        err(f"links.tsv line {i}: bad status {st}")
        continue
    status_count[st] += 1
    if memo and memo not in MEMOS:
        err(f"links.tsv line {i}: unknown memorandum {memo}")
    if rep and (rep not in LANG or rep in MEMOS):
        err(f"links.tsv line {i}: unknown report {rep}")
    if mc:
        if mc not in gold.get(memo, {}):
            err(f"links.tsv line {i}: {mc} not in {memo}")
        memo_seen[(memo, mc)] += 1
    if rc:
        if rc not in gold.get(rep, {}):
            err(f"links.tsv line {i}: {rc} not in {rep}")
        report_seen[(rep, rc)] += 1
    if rep and memo and PAIR.get(rep) != memo:
        err(f"links.tsv line {i}: {rep} does not report on {memo}")
    if st == "unpromised":
        if mc or memo or not rep or not rc:
            err(f"links.tsv line {i}: unpromised needs report and report_clause, empty memo columns")
    else:
        if not memo or not mc:
            err(f"links.tsv line {i}: {st} needs memorandum and memo_clause")
    if st in ("delivered", "partly") and not (rep and rc):
        err(f"links.tsv line {i}: {st} needs report and report_clause")
    if st in ("postponed", "cancelled") and (not rep or rc or fact):
        err(f"links.tsv line {i}: {st} names the report that states it, without report_clause or fact")
    if st == "not_reported" and (rep or rc or fact):
        err(f"links.tsv line {i}: not_reported has report columns")
    if rc and rc in gold.get(rep, {}):
        amt = gold[rep][rc][1]
        if (fact or None) != (str(amt) if amt is not None else None):
            err(f"links.tsv line {i}: fact_kzt {fact!r} differs from {rep} {rc} amount {amt}")
    if st in ("delivered", "partly") and mc and rc and mc in gold.get(memo, {}) and rc in gold.get(rep, {}):
        promised = gold[memo][mc][1]
        got = gold[rep][rc][1]
        if promised and got:
            ratio = got / promised
            if st == "delivered" and ratio < 0.95:
                err(f"links.tsv line {i}: delivered but fact is {ratio:.1%} of the promise")
            if st == "partly" and ratio >= 0.95:
                err(f"links.tsv line {i}: partly but fact is {ratio:.1%} of the promise")
        if gold[memo][mc][0] != gold[rep][rc][0]:
            print(f"note: links.tsv line {i}: category {gold[memo][mc][0]} -> {gold[rep][rc][0]}")
    if rep in PAIR:
        kind = "same" if LANG[PAIR[rep]] == LANG[rep] else "cross"
    else:
        kind = "n/a"
    lang_count[kind] += 1
    status_lang[(st, kind)] += 1

for memo in MEMOS:
    for cid in gold.get(memo, {}):
        if memo_seen[(memo, cid)] == 0:
            err(f"links.tsv: {memo} {cid} has no link")
for rep in LANG:
    if rep in MEMOS:
        continue
    for cid in gold.get(rep, {}):
        if report_seen[(rep, cid)] != 1:
            err(f"links.tsv: {rep} {cid} linked {report_seen[(rep, cid)]} times")

print()
print("documents:", len(LANG), " gold lines:", sum(len(g) for g in gold.values()),
      "(memoranda", sum(len(gold[m]) for m in MEMOS), "/ reports",
      sum(len(gold[r]) for r in LANG if r not in MEMOS), ")")
print("links:", len(links))
for st in STATUSES:
    print(f"  {st:13s} {status_count[st]:3d}   same-language {status_lang[(st, 'same')]:3d}"
          f"   cross-language {status_lang[(st, 'cross')]:3d}   no report {status_lang[(st, 'n/a')]:3d}")
print("  (language of a link = memorandum's language vs the report's; for unpromised the memorandum of the pair)")
print(f"  same-language {lang_count['same']}, cross-language {lang_count['cross']}, no report (not_reported) {lang_count['n/a']}")
if errors:
    print(f"\n{len(errors)} error(s)")
    sys.exit(1)
print("\nOK")
