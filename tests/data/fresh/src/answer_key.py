#!/usr/bin/env python3
"""Prints the answer-key tables of README.md from the gold files and corporations.tsv."""
import glob, os, collections
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CATS = ["infrastructure", "charity", "sponsorship", "one_time_event", "human_development"]
rules = []
for l in open("corporations.tsv", encoding="utf-8"):
    if l.startswith("#") or not l.strip():
        continue
    k, v = l.rstrip("\n").split("\t")
    doc, _, clause = k.partition(":")
    rules.append((doc, clause, v))

def owner(doc, cid):
    for d, c, v in rules:
        if doc.startswith(d) and cid.startswith(c):
            return v
    raise SystemExit(f"no owner for {doc} {cid}")

by_corp = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
by_doc = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
corp_order = []
for g in sorted(glob.glob("[0-9][0-9]-*.gold.tsv")):
    doc = g[:2]
    for l in list(open(g, encoding="utf-8"))[1:]:
        cid, cat, amt, q = l.rstrip("\n").split("\t")
        corp = owner(doc, cid)
        if corp not in corp_order:
            corp_order.append(corp)
        key = doc if doc not in ("01", "07") else f"{doc}-{corp}"
        for t in (by_corp[corp][cat], by_doc[key][cat]):
            t[0] += int(amt or 0); t[1] += 1; t[2] += bool(amt)

def cell(t):
    return f"{t[0]} ({t[1]}; {t[2]} with amount)"

print("| Corporation | " + " | ".join(CATS) + " | all categories |")
print("|---|" + "---:|" * 6)
tot = collections.defaultdict(lambda: [0, 0, 0])
for corp in corp_order:
    row = by_corp[corp]
    s = [sum(row[c][i] for c in CATS) for i in range(3)]
    for c in CATS:
        for i in range(3):
            tot[c][i] += row[c][i]
    print(f"| {corp} | " + " | ".join(cell(row[c]) for c in CATS) + f" | {s[0]} ({s[1]}) |")
s = [sum(tot[c][i] for c in CATS) for i in range(3)]
print("| **All** | " + " | ".join(f"{tot[c][0]} ({tot[c][1]})" for c in CATS) + f" | {s[0]} ({s[1]}) |")
print()
print("| Doc | " + " | ".join(CATS) + " | lines |")
print("|---|" + "---:|" * 6)
for k in sorted(by_doc):
    row = by_doc[k]
    print(f"| {k} | " + " | ".join(f"{row[c][0]} ({row[c][1]})" for c in CATS) + f" | {sum(row[c][1] for c in CATS)} |")
