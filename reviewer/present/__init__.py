"""The present stage: every output of a review, made from the record alone. In come reviews with
their summaries (record stage) and the history's attempts, trends and team figures (storage
stage); out go the terminal view and the JSON (terminal.py), a batch's CSV, JSONL and HTML report
(writers.py, report.py), the progress and team pages (progress_page.py, team.py), the library
of best takes (library.py), and user text made safe for a terminal or a spreadsheet
(textsafe.py). Bands, word kinds and figures are read from the record, never computed here.
"""
