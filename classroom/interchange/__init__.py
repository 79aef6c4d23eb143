"""Question banks in and out: GIFT and Moodle XML import and export, QTI 3.0 and TimelineJS export.

Each format has one module that reads or writes a neutral record (``items.Item``,
close to Moodle's own question model, which every format here descends from);
``mapping`` is the one place that turns those records into this classroom's
question kinds and back, so GIFT and Moodle XML treat every kind alike and the
import report says the same thing for both. ``bank`` puts imported questions
into draft quizzes that pass ``check``.
"""

from classroom.interchange.bank import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    BankImport,
    export_quiz,
    guess_format,
    read_bank,
    write_bank,
)
from classroom.interchange.items import Note
from classroom.interchange.timelinejs import timeline_json

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "BankImport",
    "Note",
    "export_quiz",
    "guess_format",
    "read_bank",
    "timeline_json",
    "write_bank",
]
