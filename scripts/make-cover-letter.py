#!/usr/bin/env python3
"""Fill the cover letter that "git format-patch --cover-letter" wrote.

Usage: make-cover-letter.py TEMPLATE COVER PATCH...

TEMPLATE holds the subject on its first line, a blank line, then the body.
The subject and blurb placeholders of COVER are replaced with them; its From
and Date headers are taken from the first and the last patch so that the
output does not depend on who exported it, or when.
"""
import sys


def header(path, name):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(name + ": "):
                return line
            if line == "\n":
                break
    raise SystemExit(f"{path}: no {name} header")


def main():
    template, cover, patches = sys.argv[1], sys.argv[2], sys.argv[3:]
    patches = sorted(p for p in patches if not p.endswith("0000-cover-letter.patch"))
    with open(template, encoding="utf-8") as f:
        subject, _, body = f.read().partition("\n\n")
    with open(cover, encoding="utf-8") as f:
        text = f.read()
    head, sep, rest = text.partition("\n\n")
    lines = []
    for line in head.split("\n"):
        if line.startswith("From: "):
            line = header(patches[0], "From").rstrip("\n")
        elif line.startswith("Date: "):
            line = header(patches[-1], "Date").rstrip("\n")
        lines.append(line)
    head = "\n".join(lines).replace("*** SUBJECT HERE ***", subject.strip())
    rest = rest.replace("*** BLURB HERE ***", body.rstrip("\n"))
    with open(cover, "w", encoding="utf-8") as f:
        f.write(head + sep + rest)


if __name__ == "__main__":
    main()
