"""Fillers: a `Transcript` enters (and, for the full check, the filler-prompted pass, the `Audio`
and its `Signal`); the `Filler`s and `Hedge`s found leave, with the transcript the fillers were
merged into. transcript.py reads what Whisper wrote; audio.py finds held central vowels (the
shape of "uh") in the Signal's pitch track, its intensity and Praat's formants; hidden.py guards
the prompted pass stretch by stretch and checks each of its fillers against the audio.
"""
