#!/usr/bin/env python3
"""The kernel series as postings: each posting is a slice of the commits
base..HEAD of the kernel tree, posted on its own, the way its tree takes it
(a fix series per subsystem, the feature, one board DTS each).

One definition file (patches/linux/postings) says how the commits are
sliced: one line per posting, in the order they apply, fields separated by
"|" (blank lines and "#" comments are ignored):

    NAME | PATCHES | KIND | DEPENDS | PREFIX | TITLE

  NAME     the posting's folder (patches/linux/NAME/) and the name of its
           cover letter template (patches/linux/NAME.cover: subject line,
           blank line, body); [a-z0-9][a-z0-9._-]*
  PATCHES  how many commits it takes, in order, from base..HEAD; the
           counts add up to the number of commits
  KIND     fixes (every patch must carry Fixes:), feature, board or misc
  DEPENDS  "-" or the postings (comma-separated, defined above it) that
           must be applied first: it is checked to apply alone on the base
           plus those (and theirs), its cover letter names them and carries
           one prerequisite-patch-id per patch of them
  PREFIX   the subject prefix, e.g. "PATCH" or "PATCH v3" ([PATCH v3 n/m])
  TITLE    a short title: the cover letter's subject when NAME.cover is
           missing (which the checks then fail: no body)

Without a definition file the series is exported as one posting written
directly in the output folder (the layout before postings existed).

Commands (scripts/export.sh, scripts/postings-mail.sh and the posting-checks
suite call them):

  plan   --tree T [--definition D]             how base..HEAD is sliced
  export --tree T --out O [--definition D]     git format-patch per posting
  mail   --src S --out O [--definition D]      mail-ready copy with the
                                               sender's identity
  check  --dir O [--definition D]             per-posting static checks
  check  --dir O [--definition D] --sender "Name <email>"
                                               the identity checks of a
                                               mail-ready copy
  apply-check --tree T --dir O --work W [--definition D]
                                               each posting applies alone
  order-check --tree T --dir O                 series order = base..HEAD
"""
import argparse
import email.header
import email.utils
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The identity the committed patches carry: a placeholder, not a person.
# Mail-ready postings replace it with the sender's (patches/README).
PLACEHOLDER_NAME = "BMC Kernel Team"
PLACEHOLDER_EMAIL = "bmc-kernel@example.org"
PLACEHOLDER = f"{PLACEHOLDER_NAME} <{PLACEHOLDER_EMAIL}>"

KINDS = ("fixes", "feature", "board", "misc")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
PREFIX_RE = re.compile(r"^(RFC )?PATCH( [A-Za-z0-9._/+-]+)*$")
PATCH_RE = re.compile(r"^[0-9]{4}-.*\.patch$")
COVER = "0000-cover-letter.patch"
RESERVED = ("series", "postings")
LEGACY = "."            # the one posting of a series without a definition


class DefinitionError(Exception):
    pass


class Refusal(Exception):
    pass


@dataclass
class Posting:
    name: str
    count: int
    kind: str
    deps: list
    prefix: str
    title: str
    start: int = 0                       # index of its first commit
    commits: list = field(default_factory=list)

    def folder(self, top):
        return top if self.name == LEGACY else os.path.join(top, self.name)

    def relpath(self, fname):
        return fname if self.name == LEGACY else f"{self.name}/{fname}"


# ---------------------------------------------------------------- definition

def parse_definition(text, source="postings"):
    postings = []
    seen = {}
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{n}"
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 6:
            raise DefinitionError(f"{where}: {len(fields)} fields, want 6: "
                                  "NAME | PATCHES | KIND | DEPENDS | PREFIX | TITLE")
        name, count, kind, deps, prefix, title = fields
        if not NAME_RE.match(name) or name in RESERVED:
            raise DefinitionError(f"{where}: bad posting name {name!r} "
                                  "([a-z0-9][a-z0-9._-]*, not series or postings)")
        if name in seen:
            raise DefinitionError(f"{where}: posting {name} defined twice (line {seen[name]})")
        if not count.isdigit() or int(count) < 1:
            raise DefinitionError(f"{where}: {name}: PATCHES must be a number >= 1, not {count!r}")
        if kind not in KINDS:
            raise DefinitionError(f"{where}: {name}: KIND {kind!r} is not one of {', '.join(KINDS)}")
        dep_list = [] if deps == "-" else [d.strip() for d in deps.split(",")]
        for d in dep_list:
            if d == name:
                raise DefinitionError(f"{where}: {name} depends on itself")
            if d not in seen:
                raise DefinitionError(f"{where}: {name} depends on {d!r}, which is not defined "
                                      "above it (a posting applies after what it depends on)")
        if len(set(dep_list)) != len(dep_list):
            raise DefinitionError(f"{where}: {name}: a dependency is named twice")
        if not PREFIX_RE.match(prefix):
            raise DefinitionError(f"{where}: {name}: bad subject prefix {prefix!r} "
                                  "(PATCH, PATCH v3, RFC PATCH v2, PATCH net ...)")
        if not title:
            raise DefinitionError(f"{where}: {name}: no title")
        seen[name] = n
        postings.append(Posting(name, int(count), kind, dep_list, prefix, title))
    if not postings:
        raise DefinitionError(f"{source}: no posting defined")
    return postings


def read_definition(path):
    with open(path, encoding="utf-8") as f:
        return parse_definition(f.read(), path)


def legacy_definition(count, prefix):
    return [Posting(LEGACY, count, "feature", [], prefix, "the series")]


def slice_commits(postings, commits):
    """Give each posting its commits, in order; the counts must add up."""
    total = sum(p.count for p in postings)
    if total != len(commits):
        raise DefinitionError(
            f"the postings take {total} patches ({' + '.join(str(p.count) for p in postings)}) "
            f"but base..HEAD has {len(commits)} commits")
    i = 0
    for p in postings:
        p.start = i
        p.commits = list(commits[i:i + p.count])
        i += p.count
    return postings


def closure(postings, posting):
    """The postings POSTING needs, its dependencies' too, in series order."""
    by_name = {p.name: p for p in postings}
    need, todo = set(), list(posting.deps)
    while todo:
        d = todo.pop()
        if d not in need:
            need.add(d)
            todo.extend(by_name[d].deps)
    return [p for p in postings if p.name in need]


def load(definition, count=None, legacy_prefix=None):
    """(the postings of DEFINITION, False), or, when that file does not
    exist and LEGACY_PREFIX is given, (the one posting of the layout
    before postings, True)."""
    if definition and os.path.exists(definition):
        return read_definition(definition), False
    if legacy_prefix:
        return legacy_definition(count or 0, legacy_prefix), True
    raise DefinitionError(f"no definition file {definition}" if definition
                          else "no definition file given")


# ---------------------------------------------------------------- git

def git(tree, *args, input=None, check=True):
    p = subprocess.run(["git", "-C", tree, *args], input=input, capture_output=True, text=True)
    if check and p.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {p.stderr.strip()}")
    return p.stdout


def series_commits(tree):
    return git(tree, "rev-list", "--reverse", "base..HEAD").split()


def patch_id(path):
    with open(path, "rb") as f:
        p = subprocess.run(["git", "patch-id", "--stable"], input=f.read(), capture_output=True)
    out = p.stdout.decode().split()
    return out[0] if out else None


def base_info(tree):
    """(the base in words, its upstream commit or None).

    A Debian source package has no history: its base is named in words
    only. A base cloned from a kernel git tree (make tree KERNEL_TREE=...) is
    that tree's commit, which is given as base-commit too."""
    gitdir = git(tree, "rev-parse", "--absolute-git-dir").strip()
    desc = None
    try:
        with open(os.path.join(gitdir, "base-version"), encoding="utf-8") as f:
            desc = f.read().strip()
    except FileNotFoundError:
        # prepare-tree.sh's commit: "Linux <desc>, unmodified but for .gitignore"
        subject = git(tree, "log", "-1", "--format=%s", "base").strip()
        m = re.match(r"^Linux (.*), unmodified but for \.gitignore$", subject)
        if m:
            desc = m.group(1)
    if not desc:
        raise RuntimeError("the base is not known: no .git/base-version and the base "
                           "commit is not prepare-tree.sh's")
    m = re.match(r"^(\S+) \(Debian (\S+) (\S+)\)$", desc)
    if m:
        version, pkg, pkgver = m.groups()
        return (f"Linux {version} as Debian's {pkg} {pkgver} ships it (a source "
                "without git history: no base-commit can be named)"), None
    # make tree KERNEL_TREE=...: "<version> (<tree>, <git describe>)". Its
    # commit is upstream's for certain only when it is a release tag.
    m = re.match(r"^(\S+) \((.*), (\S+)\)$", desc)
    if m:
        version, described = m.group(1), m.group(3)
        if re.match(r"^v[0-9]+\.[0-9]+(\.[0-9]+)?(-rc[0-9]+)?$", described):
            return f"Linux {version} ({described})", git(tree, "rev-parse", "base^{commit}").strip()
        return (f"Linux {version}, commit {described} of a kernel git tree (not known to be "
                "an upstream commit: no base-commit is named)"), None
    return f"Linux {desc}", None


# ---------------------------------------------------------------- mail files

def split_mail(text):
    """(header blocks, body): each header block is its list of lines."""
    head, sep, body = text.partition("\n\n")
    blocks = []
    for line in head.split("\n"):
        if line[:1] in (" ", "\t") and blocks:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks, body


def join_mail(blocks, body):
    return "\n".join(line for b in blocks for line in b) + "\n\n" + body


def header_value(blocks, name):
    for b in blocks:
        if b[0].lower().startswith(name.lower() + ":"):
            raw = " ".join(x.strip() for x in b)[len(name) + 1:].strip()
            return str(email.header.make_header(email.header.decode_header(raw)))
    return None


def message_part(body):
    """The commit message (or cover text) of a mail body: up to "---"."""
    lines = body.split("\n")
    try:
        end = lines.index("---")
    except ValueError:
        end = len(lines)
    return lines[:end], lines[end:]


TRAILER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: \S")


def trailer_split(msg_lines):
    """(body lines, trailer lines) of a commit message: the trailers are
    its last paragraph when every line of it looks like "Tag: value"."""
    lines = list(msg_lines)
    while lines and not lines[-1].strip():
        lines.pop()
    start = len(lines)
    while start > 0 and lines[start - 1].strip():
        start -= 1
    last = lines[start:]
    if last and all(TRAILER_RE.match(x) or x[:1] in (" ", "\t") for x in last):
        return lines[:start], last
    return lines, []


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------- export

FP_CONFIG = ["-c", "core.abbrev=12", "-c", "diff.algorithm=myers", "-c", "diff.noprefix=false",
             "-c", "diff.mnemonicPrefix=false", "-c", "format.signature="]


def format_patch(tree, prefix, out, rev_range, rcpt=()):
    subprocess.run(["git", "-C", tree, *FP_CONFIG, "format-patch", "-q", "--zero-commit",
                    "--no-signature", "--cover-letter", "--notes",
                    f"--subject-prefix={prefix}", "--no-base", "-o", out, *rcpt, rev_range],
                   check=True)
    return sorted(os.path.join(out, f) for f in os.listdir(out) if PATCH_RE.match(f))


def recipients(tree, files):
    """get_maintainer.pl on FILES, without git history (the base has none):
    maintainers, reviewers and supporters in To, the rest (lists) in Cc."""
    script = os.path.join(tree, "scripts", "get_maintainer.pl")
    if not os.path.exists(script):
        print(f"postings: warning: no {script}: no recipients", file=sys.stderr)
        return []
    # get_maintainer.pl orders some ties by perl's hash order, which perl
    # randomizes per run: a fixed seed keeps the export deterministic
    env = dict(os.environ, PERL_HASH_SEED="0", PERL_PERTURB_KEYS="0")
    p = subprocess.run(["perl", "scripts/get_maintainer.pl", "--no-git", "--no-git-fallback",
                        *files], cwd=tree, capture_output=True, text=True, env=env)
    rcpt = []
    for line in p.stdout.split("\n"):
        if not line:
            continue
        addr = line.split(" (", 1)[0]
        if any(r in line for r in ("(maintainer:", "(reviewer:", "(supporter:")):
            rcpt.append(f"--to={addr}")
        else:
            rcpt.append(f"--cc={addr}")
    return rcpt


def export(tree, out, postings, templates, legacy_template=None, log=print):
    commits = series_commits(tree)
    legacy = legacy_template is not None
    if legacy:
        postings[0].count = len(commits)
    slice_commits(postings, commits)
    base_words, base_commit = (None, None) if legacy else base_info(tree)
    tmp = tempfile.mkdtemp(prefix="postings-")
    try:
        written = {}
        for i, p in enumerate(postings):
            if not p.commits:
                continue
            prev = commits[p.start - 1] if p.start else "base"
            rev_range = f"{prev}..{p.commits[-1]}"
            pass1 = format_patch(tree, p.prefix, os.path.join(tmp, "pass1", str(i)), rev_range)
            # get_maintainer.pl on this posting's patches only (the legacy
            # layout ran it on the cover letter too: kept, same output)
            rcpt = recipients(tree, [f for f in pass1 if legacy or not f.endswith(COVER)])
            files = format_patch(tree, p.prefix, os.path.join(tmp, "out", str(i)), rev_range, rcpt)
            template = legacy_template or os.path.join(templates, f"{p.name}.cover")
            if not os.path.exists(template):
                log(f"postings: warning: no cover letter template {template}: "
                    f"the cover letter of {p.name} says only its title")
                template = os.path.join(tmp, f"{i}.cover")
                with open(template, "w", encoding="utf-8") as f:
                    f.write(f"{p.title}\n\n*** BLURB HERE ***\n")
            args = [sys.executable, os.path.join(HERE, "make-cover-letter.py"), template,
                    files[0], *files[1:]]
            if base_words:
                args += ["--base", base_words]
            if base_commit:
                args += ["--base-commit", base_commit]
            for d in closure(postings, p):
                subject = header_value(split_mail(read(written[d.name][0]))[0], "Subject")
                args += ["--depends", f"{d.name}: {subject}"]
                args += [f"--prerequisite-patch-id={patch_id(f)}" for f in written[d.name][1:]]
            subprocess.run(args, check=True)
            written[p.name] = files
        replace_output(out, postings, written)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return written


def stale_folder(path):
    """A folder that holds exported patch files and nothing else."""
    names = os.listdir(path)
    return bool(names) and all(PATCH_RE.match(n) for n in names)


def replace_output(out, postings, written):
    """Replace the exported files of OUT (top-level NNNN-*.patch, posting
    folders of patch files only) with WRITTEN, and write OUT/series; the
    definition, the templates and anything else are kept."""
    os.makedirs(out, exist_ok=True)
    for n in os.listdir(out):
        path = os.path.join(out, n)
        if os.path.isfile(path) and PATCH_RE.match(n):
            os.unlink(path)
        elif os.path.isdir(path) and not os.path.islink(path) and stale_folder(path):
            shutil.rmtree(path)
    series = []
    for p in postings:
        if p.name not in written:
            continue
        dest = p.folder(out)
        os.makedirs(dest, exist_ok=True)
        for n in os.listdir(dest):    # a posting folder that holds more than patches
            if PATCH_RE.match(n) and os.path.isfile(os.path.join(dest, n)):
                os.unlink(os.path.join(dest, n))
        for f in written[p.name]:
            shutil.copyfile(f, os.path.join(dest, os.path.basename(f)))
            if not f.endswith(COVER):
                series.append(p.relpath(os.path.basename(f)))
    with open(os.path.join(out, "series"), "w", encoding="utf-8") as f:
        f.write("".join(s + "\n" for s in series))


# ---------------------------------------------------------------- reading an export

def read_series(top):
    path = os.path.join(top, "series")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [x.strip() for x in f if x.strip() and not x.startswith("#")]


def posting_files(top, p):
    """The cover letter and patches of posting P in the exported folder TOP."""
    d = p.folder(top)
    if not os.path.isdir(d):
        return []
    if p.name == LEGACY:
        return ([COVER] if os.path.exists(os.path.join(d, COVER)) else []) + \
            [s for s in read_series(top) if "/" not in s]
    return sorted(f for f in os.listdir(d) if PATCH_RE.match(f))


def load_export(top, definition=None, legacy_prefix=None):
    """The postings of the exported folder TOP."""
    return load(definition, len(read_series(top)), legacy_prefix)[0]


# ---------------------------------------------------------------- identity

def sender_identity(repo):
    """user.name and user.email of REPO's git configuration; Refusal when
    there is none or it is the placeholder."""
    def cfg(key):
        p = subprocess.run(["git", "-C", repo, "config", key], capture_output=True, text=True)
        return p.stdout.strip()
    name, addr = cfg("user.name"), cfg("user.email")
    check_identity(name, addr, f"git config user.name / user.email of {repo}")
    return name, addr


def check_identity(name, addr, where="the sender's identity"):
    missing = [k for k, v in (("user.name", name), ("user.email", addr)) if not v]
    if missing:
        raise Refusal(f"{where}: no {' and no '.join(missing)}: a posting goes out "
                      "From: and Signed-off-by: its sender (DCO). Set yours: "
                      "git config user.name 'Your Name'; git config user.email you@your.domain")
    if name == PLACEHOLDER_NAME or addr.lower() == PLACEHOLDER_EMAIL:
        raise Refusal(f"{where} is the placeholder identity {PLACEHOLDER} "
                      "(patches/README): it is nobody's, and cannot sign the DCO. "
                      "Set your own: git config user.name 'Your Name'; "
                      "git config user.email you@your.domain")
    if not re.match(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$", addr):
        raise Refusal(f"{where}: {addr!r} is not a mail address")
    if any(c in name for c in "<>\n"):
        raise Refusal(f"{where}: {name!r} is not a name")


def from_header(name, addr):
    """A From: header value as git writes it: RFC 2047 for a non-ASCII name."""
    return email.utils.formataddr((name, addr), charset="utf-8")


def placeholder_line(line):
    return PLACEHOLDER_EMAIL in line.lower() or PLACEHOLDER_NAME in line


def rewrite_identity(text, name, addr):
    """The mail TEXT with the sender NAME <ADDR> in place of the placeholder:
    its From: header and the placeholder's trailers (Signed-off-by: ...),
    every other tag kept; the sender's Signed-off-by: added to a patch that
    has none. A body that becomes 8-bit gets its MIME headers."""
    blocks, body = split_mail(text)
    me = f"{name} <{addr}>"
    blocks = [[f"From: {from_header(name, addr)}"]
              if b[0].startswith("From: ") and placeholder_line(" ".join(b)) else b
              for b in blocks]
    is_cover = re.search(r" 0+/[0-9]+\]", header_value(blocks, "Subject") or "") is not None
    msg, rest = message_part(body)
    if is_cover:
        # the shortlog's author heading: "BMC Kernel Team (3):"
        msg = [re.sub(r"^" + re.escape(PLACEHOLDER_NAME) + r"( \([0-9]+\):)$",
                      lambda m: name + m.group(1), x) for x in msg]
    blank = 0                         # blank lines before "---", kept
    while blank < len(msg) and not msg[-1 - blank].strip():
        blank += 1
    keep, trailers = trailer_split(msg)
    new = []
    for t in trailers:
        m = re.match(r"^([A-Za-z][A-Za-z0-9-]*): (.*)$", t)
        if m and m.group(2).strip() == PLACEHOLDER:
            t = f"{m.group(1)}: {me}"
        if t.startswith("Signed-off-by: ") and t in new:
            continue                  # the sender had signed already
        new.append(t)
    if not is_cover and f"Signed-off-by: {me}" not in new:
        if not new:
            keep = keep + [""]
        new.append(f"Signed-off-by: {me}")
    body = "\n".join(keep + new + [""] * blank + rest)
    if any(ord(c) > 127 for c in body) and header_value(blocks, "Content-Type") is None:
        blocks += [["MIME-Version: 1.0"], ["Content-Type: text/plain; charset=UTF-8"],
                   ["Content-Transfer-Encoding: 8bit"]]
    return join_mail(blocks, body)


def write_mail(src, out, postings, name, addr, definition=None):
    """Mail-ready copies of the exported postings of SRC in OUT (replaced)."""
    check_identity(name, addr)
    todo = []
    for p in postings:
        files = posting_files(src, p)
        if not files:
            raise RuntimeError(f"{src}: posting {p.name} has no exported files (run make export)")
        todo.append((p, files))
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for p, files in todo:
        os.makedirs(p.folder(out), exist_ok=True)
        for f in files:
            text = rewrite_identity(read(os.path.join(p.folder(src), f)), name, addr)
            with open(os.path.join(p.folder(out), f), "w", encoding="utf-8") as fh:
                fh.write(text)
    shutil.copyfile(os.path.join(src, "series"), os.path.join(out, "series"))
    if definition and os.path.exists(definition):
        shutil.copyfile(definition, os.path.join(out, "postings"))
    leftover = [os.path.join(dp, f) for dp, _, fs in os.walk(out) for f in fs
                if PATCH_RE.match(f) and PLACEHOLDER_EMAIL in read(os.path.join(dp, f)).lower()]
    if leftover:
        raise RuntimeError(f"the placeholder identity is still in {', '.join(leftover)}")


# ---------------------------------------------------------------- checks

SUBJECT_RE = re.compile(r"^\[(?P<prefix>[^\]]*?) (?P<n>\d+)/(?P<m>\d+)\] (?P<rest>.*)$")


def check_postings(top, postings, sender=None):
    """Per-posting checks of the exported folder TOP: [(verdict, name,
    detail)]. With SENDER, (name, email), only those of a mail-ready copy:
    From: and Signed-off-by: the sender, no placeholder identity."""
    res = []

    def result(ok, name, detail=""):
        if (sender is not None) == (" mail-ready: " in name):
            res.append(("PASS" if ok else "FAIL", name, detail))

    series = read_series(top)
    want = []
    for p in postings:
        want += [p.relpath(f) for f in posting_files(top, p) if f != COVER]
    diff = next((f"line {i + 1}: series has {a or 'nothing'}, the postings {b or 'nothing'}"
                 for i, (a, b) in enumerate(zip(series + [None] * len(want),
                                                want + [None] * len(series))) if a != b), "")
    result(not diff and bool(series),
           "series lists every posting's patches, in the definition's order",
           diff or "empty series")
    for p in postings:
        tag = "the series" if p.name == LEGACY else p.name
        files = posting_files(top, p)
        patches = [f for f in files if f != COVER]
        ok = bool(files) and files[0] == COVER and len(patches) == p.count
        result(ok, f"{tag}: a cover letter and {p.count} patch(es)",
               f"found {len(patches)} patch(es), cover letter {'present' if COVER in files else 'missing'}")
        if not files:
            if sender is not None:
                result(False, f"{tag}: mail-ready: From: and Signed-off-by: "
                       f"{sender[0]} <{sender[1]}>, no placeholder", "no files")
            continue
        texts = {f: read(os.path.join(p.folder(top), f)) for f in files}

        # one version and numbering in the whole posting
        bad = []
        width = None
        for i, f in enumerate(files):
            subject = header_value(split_mail(texts[f])[0], "Subject") or ""
            m = SUBJECT_RE.match(subject)
            if not m:
                bad.append(f"{f}: no [PREFIX n/m] in {subject!r}")
                continue
            want_n = 0 if f == COVER else int(f[:4])
            if m.group("prefix") != p.prefix:
                bad.append(f"{f}: [{m.group('prefix')} ...], the posting is [{p.prefix} ...]")
            if int(m.group("m")) != len(patches):
                bad.append(f"{f}: n/{m.group('m')}, the posting has {len(patches)} patches")
            if int(m.group("n")) != want_n:
                bad.append(f"{f}: numbered {m.group('n')}, it is {want_n}")
            width = width or len(m.group("n"))
            if len(m.group("n")) != width:
                bad.append(f"{f}: numbered {m.group('n')}, the others have {width} digits")
        result(not bad, f"{tag}: every subject is [{p.prefix} n/{len(patches)}], one version",
               "\n".join(bad))

        # the cover letter is written: a subject, and a text of its own
        # before the shortlog besides the base and dependency paragraphs
        cover_msg = message_part(split_mail(texts.get(COVER, ""))[1])[0]
        subject = header_value(split_mail(texts.get(COVER, ""))[0], "Subject") or ""
        m = SUBJECT_RE.match(subject)
        blurb = []
        for para in "\n".join(cover_msg).split("\n\n"):
            if re.match(r"^\S.* \([0-9]+\):$", para.split("\n")[0]):
                break                 # the shortlog
            if para.strip() and not para.startswith(("Based on ", "Applies on top of")):
                blurb.append(para)
        unfilled = (not m or not m.group("rest").strip() or "*** SUBJECT HERE ***" in subject
                    or not blurb or any("*** BLURB HERE ***" in x for x in blurb))
        result(COVER in texts and not unfilled,
               f"{tag}: the cover letter has its subject and text",
               f"{p.name}.cover missing, or its subject or body empty" if COVER in texts
               else "no cover letter")

        # every patch says why
        empty, nofixes = [], []
        for f in patches:
            msg = message_part(split_mail(texts[f])[1])[0]
            body, trailers = trailer_split(msg)
            if not any(x.strip() for x in body):
                empty.append(f)
            if not any(re.match(r"^Fixes: [0-9a-f]{12,40} \(\".*\"\)$", t) for t in trailers):
                nofixes.append(f)
        result(not empty, f"{tag}: every patch has a commit message body",
               "no body: " + ", ".join(empty))
        if p.kind == "fixes":
            result(not nofixes, f"{tag}: every patch of the fix posting has Fixes:",
                   "no Fixes: tag: " + ", ".join(nofixes))

        if sender is not None:
            name, addr = sender
            me = f"{name} <{addr}>"
            bad = []
            for f in files:
                blocks, body = split_mail(texts[f])
                frm = header_value(blocks, "From") or ""
                if email.utils.parseaddr(frm) != (name, addr):
                    bad.append(f"{f}: From: {frm}")
                msg = message_part(body)[0]
                if f != COVER and f"Signed-off-by: {me}" not in trailer_split(msg)[1]:
                    bad.append(f"{f}: no Signed-off-by: {me}")
                for line in [" ".join(b) for b in blocks] + msg:
                    if placeholder_line(line):
                        bad.append(f"{f}: placeholder identity: {line.strip()}")
                        break
            result(not bad, f"{tag}: mail-ready: From: and Signed-off-by: {me}, no placeholder",
                   "\n".join(bad))
    return res


def worktree(tree, work):
    """A git worktree of TREE at WORK, detached at base: kept between runs
    (creating one checks out the whole kernel; removing it costs as much)."""
    common = git(tree, "rev-parse", "--path-format=absolute", "--git-common-dir").strip()
    if os.path.isdir(work):
        r = subprocess.run(["git", "-C", work, "rev-parse", "--path-format=absolute",
                            "--git-common-dir"], capture_output=True, text=True)
        top = subprocess.run(["git", "-C", work, "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True).stdout.strip()
        if r.returncode == 0 and r.stdout.strip() == common and \
                os.path.realpath(top) == os.path.realpath(work):
            git(work, "am", "--abort", check=False)
            git(work, "reset", "-q", "--hard", "base")
            git(work, "clean", "-qfdx")
            return
        if os.listdir(work) and not os.path.isfile(os.path.join(work, ".git")):
            raise RuntimeError(f"{work} exists and is not a git worktree: not touching it")
        shutil.rmtree(work)
    git(tree, "worktree", "prune")
    os.makedirs(os.path.dirname(work), exist_ok=True)
    git(tree, "worktree", "add", "-q", "--detach", work, "base")


def apply_check(tree, top, postings, work):
    """Each posting applies with git am on a pristine base, alone or after
    the postings it depends on: [(verdict, name, detail)]. WORK is a git
    worktree of TREE, made at the first run and kept."""
    top, work = os.path.abspath(top), os.path.abspath(work)
    res = []
    worktree(tree, work)
    for p in postings:
        tag = "the series" if p.name == LEGACY else p.name
        deps = closure(postings, p)
        files = []
        for d in deps + [p]:
            files += [os.path.join(d.folder(top), f) for f in posting_files(top, d) if f != COVER]
        what = "on the base" + (" + " + " + ".join(d.name for d in deps) if deps else " alone")
        r = subprocess.run(["git", "-C", work, "-c", "user.name=am", "-c", "user.email=am@localhost",
                            "am", "-q", "--keep-cr", *files], capture_output=True, text=True)
        n = int(git(work, "rev-list", "--count", "base..HEAD").strip())
        ok = r.returncode == 0 and n == len(files) and bool(files)
        res.append(("PASS" if ok else "FAIL", f"{tag}: git am {what} applies ({n}/{len(files)} patches)",
                    (r.stdout + r.stderr).strip()[-800:]))
        git(work, "am", "--abort", check=False)
        git(work, "reset", "-q", "--hard", "base")
        git(work, "clean", "-qfdx")
    return res


def order_check(tree, top):
    """The series file lists the commits base..HEAD in their order (the
    order bisect-build builds), compared by patch-id."""
    series = read_series(top)
    log = subprocess.run(["git", "-C", tree, *FP_CONFIG, "log", "--reverse", "-p", "--format=commit %H",
                          "base..HEAD"], capture_output=True, check=True).stdout
    ids = subprocess.run(["git", "patch-id", "--stable"], input=log, capture_output=True,
                         check=True).stdout.decode().split("\n")
    commits = [x.split()[0] for x in ids if x.strip()]
    files = [patch_id(os.path.join(top, s)) for s in series]
    ok = files == commits and bool(commits)
    detail = ""
    if not ok:
        for i, (a, b) in enumerate(zip(files + [None] * len(commits), commits + [None] * len(files))):
            if a != b:
                detail = (f"series line {i + 1} ({series[i] if i < len(series) else 'none'}) is not "
                          f"commit {i + 1} of base..HEAD ({len(files)} lines, {len(commits)} commits)")
                break
    return [("PASS" if ok else "FAIL",
             f"series order is the linear order of base..HEAD ({len(commits)} commits, by patch-id)",
             detail)]


# ---------------------------------------------------------------- plan

def plan(tree, postings):
    commits = series_commits(tree)
    slice_commits(postings, commits)
    lines = []
    for p in postings:
        if p.name == LEGACY:
            lines.append(f"one posting (no definition file): [{p.prefix} n/{len(commits)}]")
        else:
            lines.append(f"{p.name}: [{p.prefix} n/{p.count}] {p.kind}, after: "
                         f"{', '.join(p.deps) or '-'}: {p.title}")
        for i, c in enumerate(p.commits, 1):
            s = git(tree, "log", "-1", "--format=%h %s", c).strip()
            lines.append(f"  {i:2}  {s}")
    return "\n".join(lines)


# ---------------------------------------------------------------- main

def print_results(res):
    failed = 0
    for verdict, name, detail in res:
        print(f"{verdict}\t{name}")
        if verdict == "FAIL":
            failed += 1
            if detail:
                print(textwrap.indent(detail, "    "), file=sys.stderr)
    return 1 if failed else 0


def main(argv=None):
    ap = argparse.ArgumentParser(prog="postings.py", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--definition", help="the definition file (default: none: one posting)")
    common.add_argument("--legacy-prefix", help="subject prefix of the one posting when the "
                        "definition file does not exist")
    for name in ("plan", "export", "mail", "check", "apply-check", "order-check"):
        s = sub.add_parser(name, parents=[common])
        if name in ("plan", "export", "apply-check", "order-check"):
            s.add_argument("--tree", required=True)
        if name in ("export", "mail"):
            s.add_argument("--out", required=True)
        if name in ("check", "apply-check", "order-check"):
            s.add_argument("--dir", required=True)
        if name == "export":
            s.add_argument("--legacy-template", help="cover letter template of the one posting")
            s.add_argument("--quiet", action="store_true", help="no summary line")
        if name == "mail":
            s.add_argument("--src", required=True)
            s.add_argument("--repo", default=ROOT, help="whose git config names the sender")
        if name == "check":
            s.add_argument("--sender", help='"Name <email>": check mail-ready output')
        if name == "apply-check":
            s.add_argument("--work", required=True)
    a = ap.parse_args(argv)
    try:
        if a.cmd == "plan":
            postings, _ = load(a.definition, len(series_commits(a.tree)), a.legacy_prefix)
            print(plan(a.tree, postings))
        elif a.cmd == "export":
            postings, legacy = load(a.definition, None, a.legacy_prefix)
            templates = os.path.dirname(os.path.abspath(a.definition)) if a.definition else None
            export(a.tree, a.out, postings, templates, a.legacy_template if legacy else None,
                   log=lambda m: print(m, file=sys.stderr))
            if not a.quiet:
                n = sum(p.count for p in postings)
                print(f"export.sh: exported {n} patch(es) in {len(postings)} posting(s) to {a.out}",
                      file=sys.stderr)
        elif a.cmd == "mail":
            name, addr = sender_identity(a.repo)
            postings = load_export(a.src, a.definition, a.legacy_prefix)
            write_mail(a.src, a.out, postings, name, addr, a.definition)
            print(f"mail-ready postings from {name} <{addr}> in {a.out}: "
                  f"{', '.join(p.name if p.name != LEGACY else 'the series' for p in postings)}",
                  file=sys.stderr)
        elif a.cmd == "check":
            postings = load_export(a.dir, a.definition, a.legacy_prefix)
            sender = None
            if a.sender:
                sender = email.utils.parseaddr(a.sender)
            return print_results(check_postings(a.dir, postings, sender))
        elif a.cmd == "apply-check":
            postings = load_export(a.dir, a.definition, a.legacy_prefix)
            return print_results(apply_check(a.tree, a.dir, postings, a.work))
        elif a.cmd == "order-check":
            return print_results(order_check(a.tree, a.dir))
    except Refusal as e:
        print(f"postings: refusing to write mail-ready postings: {e}", file=sys.stderr)
        return 3
    except DefinitionError as e:
        print(f"postings: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
