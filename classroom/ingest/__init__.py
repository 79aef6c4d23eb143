"""The article importer: a history article in, draft lessons and quizzes out.

    course = draft_course(text, "berlin-airlift.html")   # or read_article_file(path) first
    for lesson in course.lessons: lesson.lesson, lesson.quiz, lesson.lesson_yaml, lesson.quiz_yaml
    write_course(course, "drafts/berlin-airlift")

Every drafted question has ``status: draft`` and cites its passage; a teacher
reviews it before students see it. See docs/importer.md.
"""

from classroom.ingest.course import (
    FORMATS,
    PROGRESS_CHARS,
    ArticleError,
    DraftCourse,
    DraftLesson,
    draft_course,
    read_article_file,
    write_course,
)
from classroom.ingest.write import lesson_yaml, quiz_yaml

__all__ = [
    "FORMATS",
    "PROGRESS_CHARS",
    "ArticleError",
    "DraftCourse",
    "DraftLesson",
    "draft_course",
    "lesson_yaml",
    "quiz_yaml",
    "read_article_file",
    "write_course",
]
