"""Scores extractors side by side, from their outputs in the Article Extraction Benchmark's format
({"version": ..., "output": {PAGE: {"articleBody": ..., "headline": ...}}}).

Usage:
  python3 extraction-scores.py readability PAGES_DIR SCORE_PY NAME=OUTPUT.json ...
      Every page's bag-of-words F1 and title beside one another, then each extractor's totals, by
      the Readability pages' own scorer (SCORE_PY; PAGES_DIR holds its reference extractions).
  python3 extraction-scores.py titles TITLES.tsv NAME=OUTPUT.json ...
      Each extractor's title accuracy against hashed, hand-checked headlines (TITLES.tsv: page id,
      SHA-256 of the headline lower-cased with every run of non-word characters one space).
"""
import hashlib, importlib.util, json, re, sys


def outputs(arguments):
    named = []
    for argument in arguments:
        name, path = argument.split("=", 1)
        with open(path, encoding="utf-8") as file:
            named.append((name, json.load(file)["output"]))
    return named


def readability(pages_dir, score_py, named):
    spec = importlib.util.spec_from_file_location("score", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    results = []
    for name, output in named:
        predictions = {page: {"text": value.get("articleBody") or "", "title": value.get("headline")}
                       for page, value in output.items()}
        results.append((name, score.score(pages_dir, predictions)))
    rows = [result[1][0] for result in results]
    print(f"{'page':34s}" + "".join(f" {name[:18]:>18s}" for name, _ in results) + "   (F1, title)")
    for index, row in enumerate(rows[0]):
        cells = "".join(f" {each[index][3]:13.3f} {'ok' if each[index][4] else '--':>4s}" for each in rows)
        print(f"{row[0][:34]:34s}{cells}")
    print()
    for name, (page_rows, precision, recall, f1, titles, count) in results:
        mean = sum(row[3] for row in page_rows) / len(page_rows)
        print(f"{name:18s} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  mean page F1 {mean:.3f}  titles {titles}/{count}")


def normalised(title):
    return re.sub(r"\W+", " ", (title or "").lower()).strip()


def titles(tsv, named):
    reference = {}
    with open(tsv, encoding="utf-8") as file:
        for line in file:
            if line.startswith("#") or not line.strip():
                continue
            page, digest = line.rstrip("\n").split("\t")
            reference[page] = digest
    for name, output in named:
        right = 0
        for page, digest in reference.items():
            title = normalised((output.get(page) or {}).get("headline"))
            found = hashlib.sha256(title.encode("utf-8")).hexdigest() if title else "NONE"
            right += found == digest
        print(f"{name:18s} titles {right}/{len(reference)} ({right / len(reference):.3f})")


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "readability":
        readability(sys.argv[2], sys.argv[3], outputs(sys.argv[4:]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "titles":
        titles(sys.argv[2], outputs(sys.argv[3:]))
    else:
        sys.exit(__doc__)
