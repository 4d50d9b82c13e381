"""reviewer: reviews practice sales voicemails offline.

A recording enters and a review a rep can act on leaves, through stages that each have a
folder, in the order data flows: sound (decode the file, measure the audio once), recognition
(faster-whisper's passes), measures (figures only), rubric (the one judge: findings, score,
caps), record (the `Review` and its summary, for every output), storage (the history), present
(terminal, JSON, CSV, HTML) and apps (the CLI, the batch, the practice server). `pipeline.py`
runs the stages up to the record; `profile.py` and `settings.py` are its inputs besides the
recording. A module imports only its own stage and those before it (tests/test_structure.py).
"""

import os as _os

# Offline by construction, set before any library below is imported (they read these once):
# onnxruntime (Silero VAD, through faster-whisper) otherwise starts its 1DS telemetry on import,
# writing a device id and an event queue under ~/.cache/Microsoft/DeveloperTools/ for upload;
# `disable_telemetry_events()` after import is too late for that. Hugging Face Hub never needs
# the network here (models load by folder path), so it is told so.
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
_os.environ["HF_HUB_OFFLINE"] = "1"
_os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
_os.environ.setdefault("DO_NOT_TRACK", "1")

__version__ = "0.1.0"
