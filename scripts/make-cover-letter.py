#!/usr/bin/env python3
"""Fill the cover letter that "git format-patch --cover-letter" wrote.

Usage: make-cover-letter.py TEMPLATE COVER PATCH... [--base TEXT]
           [--base-commit ID] [--depends TEXT]... [--prerequisite-patch-id ID]...

TEMPLATE holds the subject on its first line, a blank line, then the body.
The subject and blurb placeholders of COVER are replaced with them; its From
and Date headers are taken from the first and the last patch so that the
output does not depend on who exported it, or when.

--base TEXT names the base in words (a paragraph appended to the body, e.g.
"Linux 7.3.4 as Debian's linux-source-7.3 7.3.4-1~bpo13+1 ships it"), for a
base whose upstream commit is not known; --depends TEXT (repeatable) names a
posting this one applies on top of. --base-commit and
--prerequisite-patch-id write b4's trailers at the end of the cover letter,
where "git format-patch --base" puts them: the base commit only when it is
known with certainty, one prerequisite-patch-id ("git patch-id --stable")
per patch of the postings this one depends on.
"""
import argparse
import textwrap


def header_blocks(head):
    """The header lines of HEAD, each with its continuation lines."""
    blocks = []
    for line in head.split("\n"):
        if line[:1] in (" ", "\t") and blocks:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def header(path, name):
    """The (unfolded) NAME header of the mail PATH, as one line."""
    with open(path, encoding="utf-8") as f:
        head = f.read().partition("\n\n")[0]
    for block in header_blocks(head):
        if block[0].startswith(name + ": "):
            return " ".join(x.strip() if i else x for i, x in enumerate(block))
    raise SystemExit(f"{path}: no {name} header")


def wrap(text):
    return textwrap.fill(text, width=72, break_long_words=False, break_on_hyphens=False)


def base_paragraphs(base, depends):
    out = []
    if base:
        out.append(wrap(f"Based on {base}."))
    if depends:
        what = "posting" if len(depends) == 1 else "postings"
        lines = [wrap(f"Applies on top of, and needs, the {what} below "
                      f"(prerequisite-patch-id lines at the end):")]
        for d in depends:
            lines.append(textwrap.fill(d, width=72, initial_indent="- ",
                                       subsequent_indent="  ", break_long_words=False))
        out.append("\n".join(lines))
    return out


def fill(template, cover, patches, base=None, base_commit=None, depends=(), prerequisites=()):
    patches = sorted(p for p in patches if not p.endswith("0000-cover-letter.patch"))
    with open(template, encoding="utf-8") as f:
        subject, _, body = f.read().partition("\n\n")
    body = body.rstrip("\n")
    extra = base_paragraphs(base, list(depends))
    if extra:
        body = "\n\n".join([body] + extra)
    with open(cover, encoding="utf-8") as f:
        text = f.read()
    head, sep, rest = text.partition("\n\n")
    lines = []
    for block in header_blocks(head):
        if block[0].startswith("From: "):
            block = [header(patches[0], "From")]
        elif block[0].startswith("Date: "):
            block = [header(patches[-1], "Date")]
        lines.extend(block)
    head = "\n".join(lines).replace("*** SUBJECT HERE ***", subject.strip())
    rest = rest.replace("*** BLURB HERE ***", body)
    trailers = ([f"base-commit: {base_commit}"] if base_commit else []) + \
        [f"prerequisite-patch-id: {p}" for p in prerequisites]
    if trailers:
        rest += "\n" + "\n".join(trailers) + "\n"
    with open(cover, "w", encoding="utf-8") as f:
        f.write(head + sep + rest)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("template")
    ap.add_argument("cover")
    ap.add_argument("patches", nargs="+")
    ap.add_argument("--base", help="the base, in words")
    ap.add_argument("--base-commit")
    ap.add_argument("--depends", action="append", default=[])
    ap.add_argument("--prerequisite-patch-id", action="append", default=[])
    a = ap.parse_args()
    fill(a.template, a.cover, a.patches, a.base, a.base_commit, a.depends,
         a.prerequisite_patch_id)


if __name__ == "__main__":
    main()
