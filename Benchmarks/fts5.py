#!/usr/bin/env python3
"""SQLite FTS5, the peer for Dossier's index: build an index of a folder of articles, or time queries on one.

  fts5.py build DB FOLDER      prints: inserts SECONDS
  fts5.py query DB QUERIES N   prints: p50 MS p99 MS  (N queries cycling through the file QUERIES, top 20 by rank)

A query file line is a word, a phrase ("prime minister") or a prefix (profit*), as Dossier takes them.
"""
import os, sqlite3, sys, time


def build(db, folder):
    if os.path.exists(db):
        os.remove(db)
    connection = sqlite3.connect(db)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body)")
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(folder) for name in names if name.endswith(".txt"))
    start = time.monotonic()
    with connection:
        for path in paths:
            with open(path, encoding="utf-8", errors="replace") as handle:
                connection.execute("INSERT INTO docs (path, body) VALUES (?, ?)", (path, handle.read()))
    print(f"inserts {time.monotonic() - start:.3f}")
    connection.close()


def fts_query(text):
    words = text.split()
    if len(words) > 1:
        return '"' + " ".join(words) + '"'
    return text if text.endswith("*") else '"' + text + '"'


def query(db, queries_file, count):
    connection = sqlite3.connect(db)
    with open(queries_file, encoding="utf-8") as handle:
        queries = [fts_query(line.strip()) for line in handle if line.strip()]
    latencies = []
    for index in range(count):
        start = time.perf_counter()
        connection.execute("SELECT path FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20", (queries[index % len(queries)],)).fetchall()
        latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    print(f"p50 {latencies[len(latencies) // 2]:.3f} p99 {latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]:.3f}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "query":
        query(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
