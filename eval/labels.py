"""Hand-checked filler labels and reference scripts for all of codec2's ve9qrp.wav.

Nobody listened to the recording (this machine has no audio out). The labels extend the
method samples/build.py documents for real_fillers.wav's 8 "uh" to the whole 112 s:

1. Candidates, from five sources so that no single detector decides what is true:
   base and tiny.en Whisper with the prompt "Uh, um, uh." decoded per window, each over
   two different window layouts (cuts at 0/22.7/47.2/75.8/104.2 s and 0/12/35/60/85 s,
   beam 5, no VAD), and a held-vowel scan of the whole file (steady F1/F2 in the schwa
   box for 150 ms+). 42 candidate places after merging those within 0.4 s.
2. Each candidate was checked by eye on a spectrogram (0-4 kHz, 2.5 px per 10 ms) with
   Praat's F1, F2 and pitch tracks and the plain pass's word stamps drawn under it. Kept:
   a voiced stretch of steady central vowel (F1 about 500-800 Hz, F2 about 1300-1700 Hz,
   no formant glide) of 0.15-0.65 s, set off from the words around it by a pause or a clear
   spectral change, at a place where the words on both sides are complete without it.
   Start and end are the ends of that steady stretch (good to about 0.05 s).
   Rejected (17): the vowel belonged to a word (a drawn-out "and", "the", "a", "of", "is",
   "should", "very", the glide of "day" or "how", the onset of "weather"), or there was no
   voice at all (hiss before "2,500", the pause before "Kenwood").
3. "probable" (certain=False): a steady schwa that could as well be a drawn-out word onset
   or article ("been, uh, a" / "been a"; "pleasant, uh, enough"; "using a, uh" where "a"
   may be the article; "And, uh, we'll" whose F2 drifts). The eval neither rewards nor
   penalises a detection there, nor counts a miss.

Limits: a filler that none of the five sources proposed is not labelled; the detector under
test uses some of the same evidence (a prompted pass, held vowels), which is why step 2 is a
separate judgement on the spectrogram, and why the rejected list above is long. The scripts
(reference words for the word error rate) were written from the model transcripts where they
agree, and by sense where they do not ("Sackville", "Moncton", "Fundy", "Yagis", "VE9QRP");
they are not verbatim truth, so compare WERs between detectors, not with other corpora.

Times are seconds in the source file. 25 certain, 4 probable.

CODEC2_OTHER holds the other speakers of codec2's all.wav (read Harvard sentences, two CQ
calls, two test transmissions): the same candidate sources proposed no filler there (base and
tiny.en prompted passes over two window layouts wrote one "uh", in all.wav's copy of ve9qrp's
opening, which is left out), so they are labelled filler-free. They were not used while the
detector was tuned: a check of false fillers on voices it has not seen. Their scripts are
best guesses (the call signs and names are unclear), so only fillers are scored on them.
"""

from __future__ import annotations

# (name, (clip start, clip end) s of ve9qrp.wav, script, [(text, start, end, certain), ...])
VE9QRP_EXCERPTS: list[tuple[str, tuple[float, float], str, list[tuple[str, float, float, bool]]]] = [
    (
        "ve9_a_callsign",
        (0.40, 22.60),
        "W5ABC, here is, uh, Victor Echo 9, Quebec Romeo Papa. My name is Bruce, Bravo Romeo Uniform Charlie "
        "Echo. I'm located in Sackville, New Brunswick, which is, uh, sort of at the end of the Bay of Fundy, "
        "separating Nova Scotia and New Brunswick on the east coast of Canada in the maritime provinces.",
        [("uh", 2.83, 3.00, True), ("uh", 13.57, 13.86, True)],
    ),
    (
        "ve9_b_town",
        (22.60, 34.60),
        "And, uh, Sackville is a small university town. Uh, closest large town is Moncton, New Brunswick. "
        "That's where the international airport is.",
        [("uh", 23.57, 23.74, True), ("uh", 27.19, 27.41, True)],
    ),
    (
        "ve9_c_weather",
        (34.85, 54.95),
        "Uh, the, uh, weather here seems quite nice, nice fall day. Uh, the leaves are slowly, uh, departing "
        "from us, but it's been, uh, a pleasant, uh, enough week in the last little while. And, uh, I'm using "
        "a, uh, uh, Kenwood TS-2000 radio.",
        [
            ("uh", 35.45, 35.92, True),
            ("uh", 36.51, 36.88, True),
            ("uh", 40.45, 40.80, True),
            ("uh", 42.11, 42.41, True),
            ("uh", 44.02, 44.34, False),
            ("uh", 44.98, 45.31, False),
            ("uh", 48.08, 48.45, True),
            ("uh", 49.87, 50.19, False),
            ("uh", 50.40, 50.95, True),
        ],
    ),
    (
        "ve9_d_codec",
        (54.95, 75.80),
        "Uh, transmitting about five watts into homemade, uh, Yagis. Uh, and, uh, I'm, uh, using the codec2, "
        "uh, codec2, codec2 and code this, uh, message. And presumably you're using some sort of, uh, "
        "software to, uh, to decode it.",
        [
            ("uh", 55.20, 55.50, True),
            ("uh", 58.68, 58.90, True),
            ("uh", 60.50, 61.06, True),
            ("uh", 61.76, 62.40, True),
            ("uh", 63.20, 63.67, True),
            ("uh", 65.92, 66.11, True),
            ("uh", 68.36, 68.56, True),
            ("uh", 72.49, 72.71, True),
            ("uh", 74.30, 74.61, True),
        ],
    ),
    (
        "ve9_e_bits",
        (75.80, 96.50),
        "And, uh, so this is sort of an interesting thing for me and for you. I guess we neither of us have "
        "ever tried this. And, uh, it'll be intriguing to see how it works out. It should be encoded at "
        "about 2,500, uh, bits per second, which is very highly compressed indeed.",
        [("uh", 76.75, 77.25, True), ("uh", 83.56, 83.76, True), ("uh", 91.53, 91.86, True)],
    ),
    (
        "ve9_f_signoff",
        (96.50, 112.40),
        "Uh, I'm using a Logitech headphone, uh, USB sound device headphone, to, uh, to record this. And, uh, "
        "we'll see how it goes. So back to you, W5ABC, here is VE9QRP. Go ahead.",
        [
            ("uh", 96.75, 96.94, True),
            ("uh", 99.54, 99.94, True),
            ("uh", 102.37, 102.57, True),
            ("uh", 105.06, 105.30, False),
        ],
    ),
]


# (name, (clip start, clip end) s of all.wav, best-guess script); no fillers.
CODEC2_OTHER: list[tuple[str, tuple[float, float], str]] = [
    (
        "all_harvard",
        (0.0, 9.90),
        "The Navy attacked the big task force. These days a chicken leg is a rare dish. That frog jumped "
        "through the weeds. Don't throw trash on the street.",
    ),
    (
        "all_cq_calls",
        (19.40, 33.70),
        "Hello CQ, CQ, CQ, calling CQ. This is KA9Q, Kilo Alpha 9 Quebec, calling CQ and standing by. "
        "Hi, this is Christoph, I was going to November 1, I'll follow my fox.",
    ),
    (
        "all_vk5_tests",
        (33.70, 57.10),
        "This is Victor Kilo 5 Quebec India, Victor Kilo 5 Quebec India, testing 1, 2, 3, 4, 5, 5, 4, 3, 2, 1. "
        "This is VK5DGR, Victor Kilo 5 Delta Golf Romeo, testing 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.",
    ),
]
