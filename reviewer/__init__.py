"""reviewer: reviews practice sales voicemails offline."""

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
