"""The page files, named once: app.py registers them and every link points at them by these names."""

import base64
from pathlib import Path

HOME = "ui/student/home.py"
LESSON = "ui/student/lesson.py"
TIMELINE = "ui/student/timeline.py"
QUIZ = "ui/student/quiz.py"
RESULTS = "ui/student/results.py"
MY_WORK = "ui/student/my_work.py"
TEACHER = "ui/teacher/room.py"
KIOSK = "ui/kiosk/page.py"

# The browser tab's icon, served by the app itself. A ":material/...:" page icon would make every
# browser fetch the icon from a web font host (Streamlit builds that URL in the browser): the visit
# would leave the classroom, and offline the icon would be missing.
# It is a data: URL, read once: given a file path, Streamlit reads, hashes and stores the image again on
# every page run (a twentieth of a page load's CPU, measured with py-spy).
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parent / "static" / "favicon.png").read_bytes()
).decode("ascii")
