#!/usr/bin/env python3
"""Builds the fuzzers' seed corpus from the bundled gazettes.

    fuzz/seed.py [CORPUS_DIR] OUT_DIR

Writes, replacing what OUT_DIR held before:
  OUT_DIR/text/     windows of about 4 KiB cut at line ends, at most 300,
                    spread evenly over the bundled texts (every target);
  OUT_DIR/encoded/  a few windows as GB18030, UTF-16LE/BE with BOM, UTF-8
                    with BOM and CRLF line ends (decode);
  OUT_DIR/lines/    short lines holding titles and numbers (fold).
Output is deterministic; seeds are generated, never committed.
"""
import codecs
import pathlib
import shutil
import sys

WINDOW_BYTES = 4096
MAX_WINDOWS = 300
MAX_LINES = 300


def windows(data):
    """Cuts `data` into runs of whole lines of at most WINDOW_BYTES."""
    out, current = [], b""
    for line in data.splitlines(keepends=True):
        if current and len(current) + len(line) > WINDOW_BYTES:
            out.append(current)
            current = b""
        current += line
    if current:
        out.append(current)
    return out


def spread(items, limit):
    """At most `limit` items, evenly spaced, first and order kept."""
    if len(items) <= limit:
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def encodings(window):
    text = window.decode("utf-8")
    return {
        "gb18030": text.encode("gb18030"),
        "utf16le": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16be": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf8bom": codecs.BOM_UTF8 + window,
        "crlf": window.replace(b"\n", b"\r\n"),
    }


def is_title_line(line):
    return len(line) <= 200 and any(
        mark in line for mark in ("《", "〔", "号", "[", "（", "令"))


def write(folder, name, data):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    root = pathlib.Path(__file__).resolve().parent.parent
    corpus = pathlib.Path(argv[1]) if len(argv) == 3 else (
        root / "corpus" / "chongqing")
    out = pathlib.Path(argv[-1])
    for sub in ("text", "encoded", "lines"):
        shutil.rmtree(out / sub, ignore_errors=True)
    texts = sorted(corpus.glob("*.txt"))
    if not texts:
        sys.exit(f"seed.py: no *.txt in {corpus}")
    all_windows, lines = [], []
    for path in texts:
        data = path.read_bytes()
        cut = windows(data)
        all_windows += [(path.stem, i, w) for i, w in enumerate(cut)]
        # The first window holds the cover and contents, a middle one body.
        for i in sorted({0, len(cut) // 2}):
            for kind, encoded in encodings(cut[i]).items():
                write(out / "encoded", f"{path.stem}-{i:03d}-{kind}", encoded)
        for line in data.decode("utf-8").splitlines():
            line = line.strip()
            if is_title_line(line) and line not in lines:
                lines.append(line)
    for stem, i, window in spread(all_windows, MAX_WINDOWS):
        write(out / "text", f"{stem}-{i:03d}", window)
    for i, line in enumerate(spread(lines, MAX_LINES)):
        write(out / "lines", f"line-{i:03d}", line.encode("utf-8"))
    print(f"seed.py: {min(len(all_windows), MAX_WINDOWS)} windows, "
          f"{len(list((out / 'encoded').iterdir()))} encoded, "
          f"{min(len(lines), MAX_LINES)} lines in {out}")


if __name__ == "__main__":
    main(sys.argv)
