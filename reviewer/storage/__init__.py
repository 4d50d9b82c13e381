"""The storage stage: what lasts between runs. In come reviews (their JSON and summaries, from
the record stage) with the rep, the script practised and when; they are kept in one SQLite
history (history.py, with its named scripts, rep profiles, notes and best takes, and erasure
(erasure.py: deleting a rep leaves no row, file or byte about them) as parts), and
out come stored attempts (attempts.py), the line comparing a take with the last one and the
trends over a rep's attempts (progress.py), and the team's figures over time (team.py), for
the outputs to present.
"""
