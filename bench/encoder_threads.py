"""Is the encoder's output the same on any number of threads? (engine.py, ENCODER_THREADS)

Encodes the typical voicemails (samples/bench/) in a 30 s and in a 15 s window with the model
loaded on 1, 2 and 4 threads and prints whether every output is bit-for-bit the one of 1 thread.
Run it once per CPU kernel path: as is (MKL on Intel), with CT2_USE_MKL=0 (oneDNN, as on every
other CPU) and with CT2_FORCE_CPU_ISA=AVX2.

    .venv/bin/python bench/encoder_threads.py [--model base] [FILE...]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THREADS = (1, 2, 4)
WINDOWS = (3000, 1500)  # frames: Whisper's 30 s window and the number's quick listen (15 s)


def main() -> int:
    import ctranslate2
    import numpy as np
    from faster_whisper.feature_extractor import FeatureExtractor

    from reviewer.recognition.models import resolve_model
    from reviewer.sound.decode import load_audio

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="base")
    parser.add_argument(
        "files", nargs="*", default=[str(p) for p in sorted((ROOT / "samples" / "bench").glob("*.flac"))]
    )
    args = parser.parse_args()
    spec = resolve_model(args.model)
    models = {
        n: ctranslate2.models.Whisper(str(spec.path), device="cpu", compute_type="int8", intra_threads=n)
        for n in THREADS
    }
    print(
        f"CT2_USE_MKL={os.environ.get('CT2_USE_MKL', '')} CT2_FORCE_CPU_ISA={os.environ.get('CT2_FORCE_CPU_ISA', '')}"
    )
    same = True
    for file in args.files:
        audio = load_audio(file)
        features = FeatureExtractor()(audio.samples[: 30 * audio.rate])
        for frames in WINDOWS:
            window = np.zeros((1, features.shape[0], frames), np.float32)
            kept = min(frames, features.shape[1])
            window[0, :, :kept] = features[:, :kept]
            view = ctranslate2.StorageView.from_array(window)
            outputs = {}
            for n, model in models.items():
                t = time.perf_counter()
                outputs[n] = np.array(model.encode(view, to_cpu=True))
                took = time.perf_counter() - t
                digest = hashlib.blake2b(outputs[n].tobytes(), digest_size=8).hexdigest()
                equal = np.array_equal(outputs[n], outputs[1])
                same &= equal
                print(
                    f"{Path(file).name} {frames} frames, {n} threads: {took:.3f} s {digest} {'same' if equal else 'DIFFERENT'}"
                )
    print("every output the same as on 1 thread" if same else "SOME OUTPUTS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
