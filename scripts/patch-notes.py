#!/usr/bin/env python3
"""Print the notes of a "git format-patch --notes" file: the text git puts
under "Notes:" below the "---" line (remarks for reviewers that are not part
of the commit message). Prints nothing when the patch has none.

Usage: patch-notes.py PATCH
"""
import re
import sys


def notes(lines):
    try:
        start = lines.index("---")
    except ValueError:
        return ""
    rest = lines[start + 1:]
    while rest and rest[0] == "":
        rest = rest[1:]
    if not rest or rest[0] != "Notes:":
        return ""
    out = []
    for line in rest[1:]:
        if re.match(r"^ \S", line) or line.startswith("diff --git "):
            break
        out.append(line[4:] if line.startswith("    ") else line.strip())
    return "\n".join(out).strip("\n")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        text = notes(f.read().split("\n"))
    if text:
        print(text)


if __name__ == "__main__":
    main()
