"""The phone number: a `Transcript` enters (with the `Signal`'s frame power to time it, and the
region to read numbers in); `PhoneNumber`s leave (find.py): their digits, whether they are valid,
how fast and in which groups they were said. digits.py reads words as digits (with the one
spelled-digit vocabulary, recognition/words.py's), valid.py checks candidates with phonenumbers, timing.py
times them on the energy envelope, and second_listen.py decodes each saying again with only
digits allowed and reconciles the two listens.
"""
