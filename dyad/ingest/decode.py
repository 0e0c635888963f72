"""Bytes to text, refusing what is not text.

UTF-8 is the norm. Files saved by old Windows tools are often cp1252; we accept them only
when the result reads as plausible text (no C1 control characters, ftfy sees no mojibake), so
a binary file or a mis-declared encoding becomes one clear error instead of garbage that would
be stored and coded.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

from ftfy.badness import is_bad

__all__ = ["DecodeError", "decode_bytes", "looks_binary"]

log = logging.getLogger(__name__)

# How much of a file is inspected for NUL bytes before deciding it is binary.
SNIFF_BYTES = 8192


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def looks_binary(head: bytes) -> bool:
    """True for bytes that hold NULs (and are not UTF-16 with a byte-order mark)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


# Western European text in cp1252 is mostly ASCII letters; text in another 8-bit code page
# (cp1251 Cyrillic, Greek...) read as cp1252 is mostly accented Latin letters instead.
MAX_NON_ASCII_LETTERS = 0.2


def _plausible(text: str) -> bool:
    """Text decoded from a legacy encoding is believable when it has no control characters
    other than whitespace, few non-ASCII letters, and ftfy finds no mojibake sequences in it."""
    letters = non_ascii = 0
    for ch in text:
        if ch in "\n\r\t\f":
            continue
        if unicodedata.category(ch) == "Cc":
            return False
        if ch.isalpha():
            letters += 1
            non_ascii += not ch.isascii()
    if letters == 0 or non_ascii / letters > MAX_NON_ASCII_LETTERS:
        return False
    return not is_bad(text)


def decode_bytes(data: bytes, name: str = "input", legacy_fallback: bool = True) -> str:
    """Decode ``data`` as UTF-8 (with or without BOM), UTF-16 with BOM, or, as a logged
    fallback, cp1252 when the result is plausible text. Raises :class:`DecodeError`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 at byte {exc.start}") from None
    if looks_binary(data[:SNIFF_BYTES]):
        raise DecodeError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = None
    if legacy_fallback:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
    if text is not None and _plausible(text):
        log.warning("%s: not valid UTF-8 (byte %d); read as cp1252", name, utf8_error.start)
        return text
    raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} (and not plausible cp1252 text)")
