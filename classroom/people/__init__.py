"""Who is who: students' names and sign-in codes, sessions that last, and the sign-in throttle.

Everything here lives in the results database (tables in ``classroom/results/store.py``), never in
one process's memory, so every server process and every restart sees the same sessions and the same
throttle, and nothing a browser sends can reset them.
"""
