"""Errors that the CLI turns into one clear line naming the input."""
from __future__ import annotations


class ExtractorError(Exception):
    """Base class: a problem with an input or a stage, never a bug."""


class ReadError(ExtractorError):
    """The input could not be read as an article (missing, binary, empty, too large …)."""
