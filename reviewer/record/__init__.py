"""The record stage: one record of a review for every output. In come the rubric's findings, score
and band with the measurements (from the pipeline), or a review's JSON stored earlier (a history
row, a batch's JSONL); out go the `Review` (review.py, its JSON the schema-1 contract), its
`Summary` (summary.py: the key figures, figure lines, fixes, tiles, the score's band and each
word's kind, filled in for old reviews by the rubric's definitions) and the figures of a rep's
reviews together (reps.py), so that every writer only presents them.
"""
