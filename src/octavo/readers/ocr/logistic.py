"""A logistic fit of one score: the slope and intercept of the log-odds that a case is of a
kind against its score, by Newton's method (what a volume's settled cases say a cue of
its own is worth)."""

from __future__ import annotations

import math

ROUNDS = 25  # Newton's steps (it settles in a handful: to 1e-9 in 5 to 8 on the sample
# and five generated volumes, so three times as many are ample)


def fit(scores: list[tuple[float, bool]]) -> tuple[float, float]:
    """The slope and intercept of the log-odds that a case is of the kind (True) against
    its score; (0, 0) where either kind is missing."""
    kind = sum(k for _, k in scores)
    if not kind or kind == len(scores):
        return 0.0, 0.0
    a = b = 0.0
    for _ in range(ROUNDS):
        ga = gb = haa = hab = hbb = 0.0
        for x, k in scores:
            p = 1 / (1 + math.exp(-(a + b * x)))
            ga, gb = ga + k - p, gb + (k - p) * x
            w = p * (1 - p)
            haa, hab, hbb = haa + w, hab + w * x, hbb + w * x * x
        det = haa * hbb - hab * hab
        if det <= 0:
            break
        a, b = a + (hbb * ga - hab * gb) / det, b + (haa * gb - hab * ga) / det
    return b, a
