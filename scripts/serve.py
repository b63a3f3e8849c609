#!/usr/bin/env python3
"""A static server for dist/: every unknown path gets index.html (the app routes on the
client), index.html and sw.js are never cached by the browser so updates are seen, and
text and wasm are gzipped as any real host would.
Usage: serve.py DIR PORT"""
import gzip
import http.server
import io
import os
import sys

root, port = sys.argv[1], int(sys.argv[2])
COMPRESS = (".wasm", ".js", ".css", ".html", ".webmanifest", ".svg", ".txt", "/")
CACHE = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".svg": "image/svg+xml"}

    def __init__(self, *a, **kw):
        super().__init__(*a, directory=root, **kw)

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            self.path = "/index.html"
        if self.always_fresh():
            # Last-Modified has one-second resolution: a deploy within the same second
            # would get "304 Not Modified" and the update would go unseen.
            del self.headers["If-Modified-Since"]
        if "gzip" in self.headers.get("Accept-Encoding", "") and self.path.split("?")[0].endswith(COMPRESS):
            return self.send_gzipped()
        return super().send_head()

    def send_gzipped(self):
        path = self.translate_path(self.path.split("?")[0])
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            return super().send_head()
        key = (path, mtime)
        if key not in CACHE:
            with open(path, "rb") as f:
                CACHE[key] = gzip.compress(f.read(), 9)
        body = CACHE[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def always_fresh(self):
        return self.path.split("?")[0] in ("/", "/index.html", "/sw.js")

    def end_headers(self):
        if self.always_fresh():
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("SERVE_LOG"):
            super().log_message(fmt, *args)


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
