#!/usr/bin/env python3
"""A feed server on 127.0.0.1 for the fetch tests: prints its port, then serves until killed or
with --exit-with-stdin, until its standard input (a pipe from the test) closes.

/feed.xml      a feed of two items, with an ETag; 304 when asked with it
/more.xml      the same two items and a third
/gzip.xml      a feed sent gzipped (Content-Encoding: gzip)
/redirect      302 to /feed.xml
/loop          302 to itself, without end
/error         500
/slow          waits 30 s before answering
/huge          a 50 MB body
/invalid       200, but not XML
/http09        a body with no status line, as HTTP/0.9 or a server speaking something else answers
/always304     304 to every request, conditional or not
/many.xml      20,000 items
/flawed.xml    ten items, the fifth with a byte that is not UTF-8, with an ETag (304 when asked with it)
/files/NAME    with --folder DIR, the file DIR/NAME as it is at the time of asking, so a test can add and change items
"""
import gzip, http.server, os, socketserver, sys, threading, time

def feed(items):
    body = "".join(
        f"<item><title>Item {n}</title><link>https://served.example/{n}</link><guid>served-{n}</guid>"
        f"<pubDate>Sat, 0{n} Sep 2018 10:00:00 +0000</pubDate><description>Mike Pompeo said item {n} was new.</description></item>"
        for n in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Served Desk</title>{body}</channel></rss>'.encode()

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304)
            return self.send(200, feed([1, 2]), [("ETag", '"v1"'), ("Content-Type", "application/rss+xml")])
        if self.path == "/more.xml":
            return self.send(200, feed([1, 2, 3]))
        if self.path == "/gzip.xml":
            return self.send(200, gzip.compress(feed([4])), [("Content-Encoding", "gzip")])
        if self.path == "/redirect":
            return self.send(302, b"", [("Location", "/feed.xml")])
        if self.path == "/loop":
            return self.send(302, b"", [("Location", "/loop")])
        if self.path == "/error":
            return self.send(500, b"broken")
        if self.path == "/slow":
            time.sleep(30)
            return self.send(200, feed([5]))
        if self.path == "/huge":
            return self.send(200, b"<rss>" + b"x" * 50_000_000)
        if self.path == "/many.xml":
            return self.send(200, feed(range(100, 20_100)))
        if self.path == "/http09":
            self.wfile.write(b"<rss><channel><title>No status line</title></channel></rss>\n")
            self.close_connection = True
            return
        if self.path == "/always304":
            return self.send(304)
        if self.path == "/flawed.xml":
            if self.headers.get("If-None-Match") == '"f1"':
                return self.send(304)
            return self.send(200, feed(range(10, 15)).replace(b"Item 14", b"Item 14 caf\xe9").replace(b"</channel>", b"")
                             .replace(b"</rss>", b"") + feed(range(15, 20)).split(b"<title>Served Desk</title>")[1],
                             [("ETag", '"f1"')])
        if self.path == "/bigheader":
            return self.send(200, feed([6]), [("X-Padding", "p" * 2_000_000)])
        if self.path == "/entities.xml":
            return self.send(200, feed([7]).replace(b"?>", b'?><!DOCTYPE rss [<!ENTITY who "Mike Pompeo">]>', 1)
                             .replace(b"<title>Item 7", b"<title>&who; Item 7"))
        if self.path.startswith("/files/") and folder:
            name = self.path[len("/files/"):]
            if "/" in name or name.startswith("."):
                return self.send(404)
            try:
                with open(os.path.join(folder, name), "rb") as file:
                    return self.send(200, file.read(), [("Content-Type", "application/rss+xml")])
            except OSError:
                return self.send(404)
        if self.path == "/invalid":
            return self.send(200, b"this is not a feed at all")
        self.send(404)

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

def exit_when_parent_goes():
    # The test holds our standard input open; when it ends, however it ends, so do we.
    sys.stdin.read()
    os._exit(0)

folder = sys.argv[sys.argv.index("--folder") + 1] if "--folder" in sys.argv else None
server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
if "--exit-with-stdin" in sys.argv:
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
server.serve_forever()
