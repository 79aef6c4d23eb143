"""The engine's error types: what the user can fix, and what is a bug in the classroom.

A ``UserError`` is about something the user gave (a file, a name, a password) and
its message says how to put it right; it is shown without a traceback. An
``InternalError`` means the engine broke one of its own rules (points over the
maximum, a plan naming a question the quiz lacks): it is a bug, shown with its
traceback so it can be reported. Problems *inside* content files are not
exceptions at all: the loader collects them as ``Problem`` records, every one at once.
"""

from __future__ import annotations


class ClassroomError(Exception):
    """Any error the engine raises on purpose."""


class UserError(ClassroomError, ValueError):
    """Something the user gave cannot be used; the message says what to change.

    Also a ``ValueError``: callers that only know "a bad value" still catch it.
    """


class InternalError(ClassroomError):
    """The engine broke its own invariant: a bug to report, never the user's fault."""
