"""The page files, named once: app.py registers them and every link points at them by these names."""

HOME = "ui/student/home.py"
LESSON = "ui/student/lesson.py"
TIMELINE = "ui/student/timeline.py"
QUIZ = "ui/student/quiz.py"
RESULTS = "ui/student/results.py"
TEACHER = "ui/teacher/room.py"
KIOSK = "ui/kiosk/page.py"
