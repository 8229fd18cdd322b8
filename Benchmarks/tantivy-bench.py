#!/usr/bin/env python3
"""tantivy, the peer for Dossier's index and search: build an index of a folder of articles, count a
word's documents as a whole process would, or time ranked queries in process. Through tantivy's official
Python bindings (`pip install tantivy`); positions are kept, as Dossier keeps them, so phrases work.

  tantivy-bench.py build DIR FOLDER [THREADS]  prints: build SECONDS   (DIR: the index, made anew)
  tantivy-bench.py count DIR WORD              prints: the number of documents holding WORD
  tantivy-bench.py query DIR QUERIES N         prints: p50 MS p99 MS  (N queries cycling through the
                                               file QUERIES, top 20 by score, paths fetched)

A query file line is a word, a phrase ("prime minister") or a prefix (profit*), as Dossier takes them.
"""
import os, shutil, sys, time

import tantivy


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("path", stored=True, tokenizer_name="raw")
    builder.add_text_field("body", stored=False, tokenizer_name="default", index_option="position")
    return builder.build()


def build(directory, folder, threads):
    if os.path.exists(directory):
        shutil.rmtree(directory)
    os.makedirs(directory)
    index = tantivy.Index(schema(), path=directory)
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(folder) for name in names if name.endswith(".txt"))
    start = time.monotonic()
    writer = index.writer(heap_size=256_000_000, num_threads=threads)
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            writer.add_document(tantivy.Document(path=path, body=handle.read()))
    writer.commit()
    writer.wait_merging_threads()
    print(f"build {time.monotonic() - start:.3f}")


def parse(index, text):
    words = text.split()
    if len(words) > 1:
        return index.parse_query('"' + " ".join(words) + '"', ["body"])
    if text.endswith("*"):
        # A prefix: every term that starts with it, as Dossier's `profit*` takes it.
        return tantivy.Query.regex_query(index.schema, "body", text[:-1].lower() + ".*")
    return index.parse_query(text.lower(), ["body"])


def count(directory, word):
    index = tantivy.Index.open(directory)
    searcher = index.searcher()
    print(searcher.search(parse(index, word), 1, count=True).count)


def query(directory, queries_file, number):
    index = tantivy.Index.open(directory)
    searcher = index.searcher()
    with open(queries_file, encoding="utf-8") as handle:
        queries = [parse(index, line.strip()) for line in handle if line.strip()]
    latencies = []
    for position in range(number):
        start = time.perf_counter()
        for _, address in searcher.search(queries[position % len(queries)], 20).hits:
            searcher.doc(address)
        latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    print(f"p50 {latencies[len(latencies) // 2]:.3f} p99 {latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]:.3f}")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 2)
    elif len(sys.argv) == 4 and sys.argv[1] == "count":
        count(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "query":
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
