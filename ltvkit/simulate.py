"""Seeded synthetic data with known true parameters; ``python -m ltvkit.simulate`` writes data/.

Every generator takes a seed and returns the same data on every machine, so the files in
``data/`` are reproduced byte for byte and a reader can compare estimates with the truth.
"""

from __future__ import annotations

# --- order exports, partners and engagement (notebooks 09-11) --------------------------


# --- probabilistic models: sBG, BG/NBD, Gamma-Gamma (notebooks 12-13) ------------------
