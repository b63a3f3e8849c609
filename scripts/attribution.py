#!/usr/bin/env python3
"""Where the bytes of the first screen's wasm are: top crates and our own modules.

Run after a release build (`trunk build --release`), which leaves the linked wasm in
target/. It is split again here exactly as scripts/split_build.py does, the main module
is optimised with its names kept (`wasm-opt -Oz -g`), and twiggy's per-function sizes are
summed by crate (serde's derived code counted as serde wherever it lives) and by our own
module. Sizes are raw bytes before wasm-bindgen, so read them as shares, not as transfer.
`--chunk NAME` looks at a split-off chunk instead (e.g. split_screens).

Needs twiggy: `cargo install twiggy --version 0.8.0 --locked` (about 4 minutes).
Usage: python3 scripts/attribution.py [--chunk NAME] [--top N]
"""
import argparse
import collections
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINKED = os.path.join(ROOT, "target", "wasm32-unknown-unknown", "release", "backstrong.wasm")
SKIP = ("function names", "__wasm_bindgen_unstable", "__wbindgen_describe")


def tool(name, *extra):
    for p in extra:
        if os.path.exists(p):
            return p
    found = shutil.which(name)
    if not found:
        sys.exit(f"attribution: {name} not found (see the usage at the top of this script)")
    return found


def bucket(name):
    if "serde" in name:
        return "serde + serde_json"
    if name.startswith("data segment"):
        return "static data"
    m = re.match(r"[<&\s]*(?:dyn )?([a-z_0-9]+)(?:\[[0-9a-f]+\])?::([a-z_0-9]+)", name)
    if not m:
        return "generic glue (closures, trait objects)"
    return "backstrong (our code)" if m.group(1) == "backstrong" else m.group(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunk", help="a split-off chunk, e.g. split_screens")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    if not os.path.exists(LINKED):
        sys.exit("attribution: no release build in target/ (run `trunk build --release` first)")
    split = tool("wasm-split-cli")
    wasm_opt = tool("wasm-opt", os.path.join(ROOT, "node_modules", ".bin", "wasm-opt"))
    twiggy = tool("twiggy", os.path.expanduser("~/.cargo/bin/twiggy"))

    with tempfile.TemporaryDirectory() as work:
        subprocess.run([split, "--target", "web", "--out-name", "backstrong", LINKED, work],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        module = os.path.join(work, (args.chunk or "backstrong") + ".wasm")
        if not os.path.exists(module):
            names = sorted(n[:-5] for n in os.listdir(work) if n.endswith(".wasm"))
            sys.exit(f"attribution: no {args.chunk}; the modules are: {', '.join(names)}")
        named = os.path.join(work, "named.wasm")
        # The features rustc's wasm32 target emits; all of binaryen's would write sections
        # twiggy cannot read.
        features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                    "--enable-mutable-globals", "--enable-reference-types"]
        subprocess.run([wasm_opt, "-Oz", "-g", *features, module, "-o", named],
                       check=True, stderr=subprocess.DEVNULL)
        out = subprocess.run([twiggy, "top", "-n", "1000000", "-f", "csv", named],
                             check=True, capture_output=True, text=True).stdout

    crates = collections.Counter()
    own = collections.Counter()
    total = 0
    for row in csv.DictReader(io.StringIO(out)):
        name, size = row["Name"], int(row["ShallowSize"])
        if any(s in name for s in SKIP):
            continue
        total += size
        crates[bucket(name)] += size
        m = re.search(r"backstrong::(ui|storage|domain|share|platform)::([a-z_]+)", name)
        if m and "serde" not in name:
            own[f"{m.group(1)}::{m.group(2)}"] += size

    kb = lambda b: f"{b / 1024:8.1f} KB"
    print(f"{args.chunk or 'main module (first screen)'}: {total / 1024:.1f} KB raw, names kept, before wasm-bindgen")
    print("by crate:")
    for k, v in crates.most_common(args.top):
        print(f"  {kb(v)}  {v * 100 / total:4.1f} %  {k}")
    print("our own modules (serde's derived code not included):")
    for k, v in own.most_common(args.top):
        print(f"  {kb(v)}  {v * 100 / total:4.1f} %  {k}")


if __name__ == "__main__":
    main()
