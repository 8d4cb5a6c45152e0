"""Reading input: text files, folders of them and JSONL, checked before anything else runs.

Bad input raises KgError with a one-line message naming the file (and line) and the problem.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from kg.errors import KgError

MAX_BYTES = 2_000_000  # larger documents are refused: no news article is this long, and NER would take minutes
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds an Arabic letter (any of the Arabic Unicode blocks)."""
    return bool(_ARABIC.search(text))


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""  # file (and line) it came from, for messages
    source_file: str | None = None  # the absolute path of its file: an id met again from another file is a clash

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class BadInput:
    """A skipped input (one bad JSONL line, say) reported while the rest goes on."""

    origin: str
    problem: str


def decode_text(data: bytes, origin: str) -> str:
    """UTF-8 text from bytes, or a KgError saying why not."""
    if not data.strip():
        raise KgError(f"{origin}: the file is empty" if not data else f"{origin}: the file holds only whitespace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise KgError(f"{origin}: UTF-16 text; convert it first, e.g. `iconv -f UTF-16 -t UTF-8`")
    if b"\x00" in data[:8192]:
        raise KgError(f"{origin}: this looks like a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise KgError(
            f"{origin}: not valid UTF-8 (byte {e.start}); convert it first, e.g. "
            f"`iconv -f CP1256 -t UTF-8`"
        ) from None
    if not text.strip():
        raise KgError(f"{origin}: the file holds only whitespace")
    return text


def read_text_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KgError(f"{path}: {_too_big(size)}; split it")
        return decode_text(path.read_bytes(), str(path))
    except OSError as e:
        raise KgError(f"{path}: cannot read it ({e.strerror})") from None


def _too_big(size: int) -> str:
    return f"{size / 1e6:.0f} MB is over the {MAX_BYTES // 1_000_000} MB limit for one document"


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def iso_date(value: str) -> str | None:
    """``yyyy-mm-dd`` of a date as news metadata writes it: ISO 8601 (2018-05-30,
    2018-05-30T16:44:24+04:00) or RFC 2822 (Wed, 30 May 2018 16:44:24 +0400), the day in
    the writer's own time zone; None when it is neither."""
    value = value.strip().translate(_DIGITS)
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def date_problem(doc: Document) -> str | None:
    """Why the document's metadata date cannot be used, if it cannot."""
    if doc.date and not iso_date(doc.date):
        return (f"{doc.origin}: date {doc.date!r} not understood (expected ISO 8601 such as 2018-05-30 or RFC 2822 "
                "such as 'Wed, 30 May 2018 16:44:24 +0400'); the document is dated from its text instead")
    return None


def check_arabic(doc: Document) -> None:
    if not has_arabic(doc.text):
        raise KgError(f"{doc.origin}: no Arabic text found; kg reads Arabic news")


def _from_jsonl_line(line: str, origin: str, source_file: str) -> Document:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise KgError(f"{origin}: malformed JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise KgError(f"{origin}: malformed JSON (nested too deeply)") from None
    except ValueError as e:  # an integer past Python's digit limit
        raise KgError(f"{origin}: malformed JSON ({str(e).split(':')[0]})") from None
    if not isinstance(row, dict):
        raise KgError(f"{origin}: expected a JSON object with `id` and `text`")
    doc_id, text = row.get("id"), row.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        raise KgError(f"{origin}: missing `id` (a string or a number)")
    if not isinstance(text, str) or not text.strip():
        raise KgError(f"{origin}: missing or empty `text`")
    # Only scalars are kept: str() of a nested value is not metadata (and may recurse too deep).
    meta = {k: (str(row[k]) if isinstance(row.get(k), (str, int, float)) else None)
            for k in ("date", "source", "url", "title")}
    if meta["date"]:  # in the one form the mapper reads; one it cannot read stays, for the warning
        meta["date"] = iso_date(meta["date"]) or meta["date"]
    doc = Document(id=str(doc_id).strip(), text=text, origin=origin, source_file=source_file, **meta)
    try:
        for value in (doc.id, doc.text, *meta.values()):
            if value:
                value.encode("utf-8")
    except UnicodeEncodeError:  # "\ud800" escapes decode to lone surrogates, which no file can hold
        raise KgError(f"{origin}: holds an unpaired surrogate escape such as \\ud800, which is not text") from None
    return doc


def iter_jsonl(path: Path, errors: list[BadInput]) -> Iterator[Document]:
    """Documents of a JSONL file; a bad line is recorded in ``errors`` and skipped."""
    try:
        f = path.open("rb")
    except OSError as e:
        raise KgError(f"{path}: cannot read it ({e.strerror})") from None
    source_file = str(path.resolve())
    with f:
        for n, raw in enumerate(f, 1):
            origin = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                errors.append(BadInput(origin, _too_big(len(raw))))
                continue
            try:
                yield _from_jsonl_line(decode_text(raw, origin), origin, source_file)
            except KgError as e:
                errors.append(BadInput(origin, str(e).removeprefix(origin + ": ")))


INPUT_SUFFIXES = (".txt", ".jsonl")  # in any case: NEWS.TXT is a text file too


def input_files(inputs: list[Path]) -> list[tuple[Path, str]]:
    """The .txt and .jsonl files of ``inputs``, folders searched recursively in name order,
    each with the id of its document: the path relative to the folder given, without the
    suffix, ``/`` between folders (a flat folder's ids are the file stems; a file given
    alone has its stem). A JSONL file's documents have their own ids.

    A path that does not exist, or a folder with no such file, stops everything: it is a
    mistake in the command, not in the data.
    """
    for path in inputs:
        if not path.exists():
            raise KgError(f"{path}: no such file or folder")
    files = []
    for path in inputs:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES and p.is_file())
            if not found:
                raise KgError(f"{path}: no .txt or .jsonl files in this folder")
            files += [(p, p.relative_to(path).with_suffix("").as_posix()) for p in found]
        else:
            files.append((path, path.stem))
    return files


def file_documents(path: Path, doc_id: str, errors: list[BadInput], date: str | None = None) -> Iterator[Document]:
    """The documents of one input file: a JSONL file's lines (each with its own date), or a
    text file with id ``doc_id`` and publication date ``date`` (ISO). A file that cannot be
    read is recorded in ``errors`` and skipped."""
    if path.suffix.lower() == ".jsonl":
        yield from iter_jsonl(path, errors)
        return
    try:
        yield Document(id=doc_id, text=read_text_file(path), date=date, origin=str(path),
                       source_file=str(path.resolve()))
    except KgError as e:
        errors.append(BadInput(str(path), str(e).removeprefix(f"{path}: ")))


def count_documents(inputs: list[Path]) -> int:
    """How many documents ``inputs`` hold, for the progress bar: one per text file, one per
    JSONL line that is not blank (a bad one included)."""
    count = 0
    for path, _ in input_files(inputs):
        if path.suffix.lower() != ".jsonl":
            count += 1
            continue
        try:
            with path.open("rb") as f:
                count += sum(1 for raw in f if raw.strip())
        except OSError:
            count += 1  # reported as one bad input when it is read
    return count


def iter_documents(inputs: list[Path], errors: list[BadInput] | None = None,
                   date: str | None = None) -> Iterator[Document]:
    """Documents from .txt files, .jsonl files and folders of them (see input_files), streamed;
    text files dated ``date`` (their publication date, ISO), else from their dateline."""
    errors = [] if errors is None else errors
    for path, doc_id in input_files(inputs):
        yield from file_documents(path, doc_id, errors, date)
