"""Every size limit the engine enforces, in one place, so a client or a file can never exceed what the server can hold.

Each limit is far above what a real course or a real student needs (the shipped
course's largest values are noted beside them) and far below what would slow or
stop a server process. The checks that use them live beside the code they protect:

- content files: ``classroom/content/yamlguard.py`` (before any YAML parser runs) and
  ``classroom/content/yamlread.py``; question counts in ``classroom/content/models.py``;
- answers: each kind's ``Kind.check_response`` (``classroom/kinds/``), called by
  ``classroom/quiz/answering.submit``;
- uploads: ``classroom/results/shared_files.py`` (kept in the database, any server process takes them);
- previews: ``PREVIEW_PAGE_QUESTIONS`` (the teacher's quiz preview shows one page at a time).
"""

from __future__ import annotations

# ---------------------------------------------------------------- content files (YAML)

MAX_FILE_BYTES = 1_000_000  # one lesson or quiz file (the largest shipped file is about 20 KB)
MAX_NODES = 50_000  # values a file expands to, each alias counted every time it expands
MAX_DEPTH = 20  # nesting of lists and mappings (a quiz needs 5: quiz > questions > question > feedback > text)
MAX_LINE_CHARS = 20_000  # one line (a long paragraph is about 2,000; the importer breaks lines at 10,000)
MAX_GUARD_PROBLEMS = 20  # problems the guard lists for one file before it stops counting

# ---------------------------------------------------------------- uploaded files (classroom/results/shared_files.py)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # one uploaded file: an article for the importer (5 MB) or a content file (1 MB)
MAX_WAITING_UPLOADS = 20  # files one teacher has uploaded and not yet saved or removed

# ---------------------------------------------------------------- questions

MAX_QUESTIONS_PER_QUIZ = 200  # questions in one quiz (a long end-of-term test has 60)
MAX_QUESTIONS_PER_FILE = 200  # questions in one uploaded or checked file
MAX_OPTIONS = 50  # options, items, pairs or accepted answers in one question
PREVIEW_PAGE_QUESTIONS = 20  # questions the teacher's preview draws per page

# ---------------------------------------------------------------- answers

MAX_TEXT_ANSWER_CHARS = 500  # a written answer (a name, a place, a short phrase)
MAX_NUMBER_ANSWER_CHARS = 40  # a number typed as text ("1,000,000.5")
MAX_DATE_ANSWER_CHARS = 60  # a date as a student writes it ("the 26th of December 1991")
MAX_ANALYSED_ANSWER_CHARS = 200  # what item analysis reads of one stored answer (older rows may be longer)
