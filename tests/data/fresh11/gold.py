# helper: python3 gold.py NN-stem < rows (category<TAB>amount<TAB>quote) -> NN-stem.gold.tsv
import sys
stem = sys.argv[1]; nn = stem[:2]
rows = [l.rstrip("\n") for l in sys.stdin if l.strip()]
with open(stem + ".gold.tsv", "w", encoding="utf-8") as f:
    f.write("clause_id\tcategory\tamount_kzt\tquote\n")
    for i, r in enumerate(rows, 1):
        assert r.count("\t") == 2, r
        f.write(f"{nn}.{i:02d}\t{r}\n")
