"""Measures: the `Audio`, its `Signal` (sound) and the `Transcript` (recognition) enter, with the
detection settings that say how to measure (settings.py); figures leave as frozen records for the
rubric to judge: timing and pauses (pace.py), fillers and hedges (fillers/), the phone numbers
(number/), tonality (prosody/), clarity (clarity.py), the message's parts (parts.py) and a
practised script's comparison (script.py). Nothing here judges pass or fail.
"""
