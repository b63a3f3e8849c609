#!/usr/bin/env python3
"""Trunk post-build hook.

Runs on Trunk's staging directory before it becomes dist/:
1. draws the PNG icons (standard, maskable, apple-touch) from the same shapes as icon.svg;
2. puts the hash of Trunk's inline loader script into the Content-Security-Policy;
3. derives a build id from the contents of every file (Trunk's name hash does not change
   when only wasm-opt's output does) and writes it into index.html and sw.js;
4. writes the list of every built file into sw.js for precaching.
Standard library only.
"""
import base64
import hashlib
import json
import os
import re
import struct
import sys
import zlib

BG = (0x0F, 0x12, 0x16)
FG = (0x3D, 0xDC, 0x97)
# The vertebrae of icon.svg, in a 64-unit box: (x, y, w, h, r).
SHAPES = [(22, 8, 20, 9, 4), (19, 20, 26, 10, 5), (16, 33, 32, 11, 5), (13, 47, 38, 11, 5)]


def inside_rounded(px, py, x, y, w, h, r):
    if px < x or px > x + w or py < y or py > y + h:
        return False
    cx = min(max(px, x + r), x + w - r)
    cy = min(max(py, y + r), y + h - r)
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r


def draw(size, scale, corner):
    """An RGBA icon: `scale` is the share of the canvas the logo spans (maskable: smaller)."""
    ss = 3  # supersampling per axis
    offset = 32 * (1 - scale)
    rows = []
    for j in range(size):
        row = bytearray()
        for i in range(size):
            hits_bg = hits_fg = 0
            for sj in range(ss):
                for si in range(ss):
                    u = (i + (si + 0.5) / ss) / size * 64
                    v = (j + (sj + 0.5) / ss) / size * 64
                    if corner == 0 or inside_rounded(u, v, 0, 0, 64, 64, corner):
                        hits_bg += 1
                        lu, lv = (u - offset) / scale, (v - offset) / scale
                        if any(inside_rounded(lu, lv, *s) for s in SHAPES):
                            hits_fg += 1
            n = ss * ss
            a = hits_bg / n
            f = hits_fg / max(hits_bg, 1)
            rgb = [round(BG[k] * (1 - f) + FG[k] * f) for k in range(3)]
            row += bytes(rgb + [round(a * 255)])
        rows.append(bytes(row))
    return rows


def png(rows, size):
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def icons(staging, cache_dir):
    """Icons only change with this script, so they are cached by its own hash."""
    specs = {"icon-192.png": (192, 1.0, 14), "icon-512.png": (512, 1.0, 14),
             "maskable-512.png": (512, 0.62, 0), "apple-touch-icon.png": (180, 1.0, 0)}
    me = hashlib.sha256(open(__file__, "rb").read()).hexdigest()[:16]
    out = os.path.join(staging, "icons")
    os.makedirs(out, exist_ok=True)
    for name, (size, scale, corner) in specs.items():
        cached = os.path.join(cache_dir, f"{me}-{name}")
        if not os.path.exists(cached):
            os.makedirs(cache_dir, exist_ok=True)
            with open(cached + ".tmp", "wb") as f:
                f.write(png(draw(size, scale, corner), size))
            os.replace(cached + ".tmp", cached)
        with open(cached, "rb") as src, open(os.path.join(out, name), "wb") as dst:
            dst.write(src.read())


def csp(inline_scripts):
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in inline_scripts
    )
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def main():
    staging = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    cache_dir = os.path.join(os.path.expanduser("~"), ".cache", "backstrong", "icons")
    icons(staging, cache_dir)

    index_path = os.path.join(staging, "index.html")
    html = open(index_path, encoding="utf-8").read()
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    html = html.replace("__CSP__", csp(inline))

    files = []
    for root, _, names in os.walk(staging):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), staging).replace(os.sep, "/")
            if rel not in ("sw.js", "index.html"):
                files.append(rel)
    files.sort()
    digest = hashlib.sha256(html.encode())
    for rel in files:
        digest.update(rel.encode())
        digest.update(open(os.path.join(staging, rel), "rb").read())
    build = digest.hexdigest()[:16]

    html = html.replace("__BUILD__", build)
    open(index_path, "w", encoding="utf-8").write(html)

    sw_path = os.path.join(staging, "sw.js")
    sw = open(sw_path, encoding="utf-8").read()
    precache = ["/index.html"] + ["/" + f for f in files]
    sw = sw.replace("__BUILD__", build).replace("__PRECACHE__", json.dumps(precache))
    open(sw_path, "w", encoding="utf-8").write(sw)
    print(f"post_build: build {build}, {len(precache)} files precached, {len(inline)} inline script(s) hashed")


if __name__ == "__main__":
    main()
