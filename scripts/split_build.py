#!/usr/bin/env python3
"""Builds the app's wasm split into chunks, for Trunk's post-build hook.

Trunk 0.21 cannot split a wasm (trunk-rs/trunk#1022): the split has to happen between
linking and wasm-bindgen. So index.html tells Trunk to skip the crate, and this script
runs the pipeline into the staging directory instead:

  cargo rustc --features split (linked with relocations kept)
  -> wasm-split-cli (the main module, one .wasm per split point, the loader JS)
  -> wasm-bindgen --keep-lld-exports -> wasm-opt -Oz on every .wasm (release)

Everything lands in app/<hash>/, the hash of the files themselves: chunk names are not
content hashes, so a directory per build keeps two builds' chunks from ever mixing (the
service worker precaches one build's directory as a set). The module script that starts
the app is written into index.html with preload links for the main JS and wasm.
Standard library only; tools come from PATH (scripts/env.sh puts them there).
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

CRATE = "backstrong"
TARGET = "wasm32-unknown-unknown"


def run(cmd, **kw):
    print("split_build:", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def main():
    staging = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    release = os.environ.get("TRUNK_PROFILE", "debug") == "release"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target_dir = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))

    cargo = ["cargo", "rustc", "--quiet", "--bin", CRATE, "--target", TARGET, "--features", "split"]
    if release:
        cargo.append("--release")
    # Relocations let wasm-split move functions into chunks; only the final link needs
    # them, so the dependencies are not rebuilt (RUSTFLAGS would also drop
    # .cargo/config.toml's own flags).
    run(cargo + ["--", "-C", "link-arg=--emit-relocs"], cwd=root)
    linked = os.path.join(target_dir, TARGET, "release" if release else "debug", CRATE + ".wasm")

    # npm's binaryen, as Trunk.toml pins it (Debian's wasm-opt breaks the externref table).
    wasm_opt = os.path.join(root, "node_modules", ".bin", "wasm-opt")
    with tempfile.TemporaryDirectory() as work:
        split_dir = os.path.join(work, "split")
        out_dir = os.path.join(work, "out")
        os.makedirs(split_dir)
        run(["wasm-split-cli", "--target", "web", "--out-name", CRATE, linked, split_dir])
        run(["wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-typescript",
             "--out-name", CRATE, "--out-dir", out_dir, os.path.join(split_dir, CRATE + ".wasm")])
        for name in os.listdir(split_dir):
            if name != CRATE + ".wasm":
                shutil.copy(os.path.join(split_dir, name), os.path.join(out_dir, name))
        if release:
            for name in os.listdir(out_dir):
                if name.endswith(".wasm"):
                    p = os.path.join(out_dir, name)
                    # BACKSTRONG_WASM_NAMES=1 keeps function names, for a profiler.
                    keep = ["-g"] if os.environ.get("BACKSTRONG_WASM_NAMES") else []
                    run([wasm_opt, "-Oz", *keep, "--output=" + p, p])

        names = sorted(os.listdir(out_dir))
        digest = hashlib.sha256()
        for name in names:
            digest.update(name.encode())
            digest.update(open(os.path.join(out_dir, name), "rb").read())
        build = digest.hexdigest()[:16]
        app_dir = os.path.join(staging, "app", build)
        old = os.path.join(staging, "app")
        if os.path.isdir(old):
            shutil.rmtree(old)
        shutil.copytree(out_dir, app_dir)

    base = f"/app/{build}/"
    index_path = os.path.join(staging, "index.html")
    html = open(index_path, encoding="utf-8").read()
    # The inline script is the same in every build (its hash is in the CSP): it reads
    # where this build's code is from the meta tag.
    head = (
        f'<meta name="backstrong-app" content="{base}">'
        f'<link rel="modulepreload" href="{base}{CRATE}.js">'
        f'<link rel="preload" href="{base}{CRATE}_bg.wasm" as="fetch" type="application/wasm" crossorigin>'
        '<script type="module">const base=document.querySelector(\'meta[name="backstrong-app"]\').content;'
        f'const {{default:init}}=await import(base+"{CRATE}.js");'
        f'const wasm=await init({{module_or_path:base+"{CRATE}_bg.wasm"}});'
        # The event Trunk's own loader sends (scripts/bench-write.mjs reads the memory).
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}));</script>'
    )
    # Trunk leaves the skipped link (and its comment) in the page: neither does anything.
    html = re.sub(r"\s*<!-- Built and split[^>]*-->", "", html)
    html = re.sub(r"\s*<link data-trunk rel=\"rust\"[^>]*>", "", html)
    html, n = re.subn(r"</head>", head + "</head>", html, count=1)
    if n != 1:
        sys.exit("split_build: no </head> in index.html")
    open(index_path, "w", encoding="utf-8").write(html)
    chunks = [n for n in names if n.endswith(".wasm") and n != CRATE + "_bg.wasm"]
    print(f"split_build: {base} main + {len(chunks)} chunk(s): {', '.join(chunks)}")


if __name__ == "__main__":
    main()
