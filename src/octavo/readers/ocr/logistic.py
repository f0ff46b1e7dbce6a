"""A logistic fit of one score: the slope and intercept of the log-odds that a case is of a
kind against its score, by Newton's method (what a volume's settled cases say a cue of
its own is worth)."""

from __future__ import annotations

import math

ROUNDS = 25  # Newton's steps: it settles (to 1e-9) in 5 to 8 on the 60 fits of the bench's
# 30 generated volumes; the rest is a margin, that costs nothing once settled


def fit(scores: list[tuple[float, bool]]) -> tuple[float, float]:
    """The slope and intercept of the log-odds that a case is of the kind (True) against
    its score; (0, 0) where either kind is missing.  Where the kinds fall apart by their
    scores (a small volume's few cases), no slope is steep enough and Newton's steps run
    off: a case of each kind is counted beforehand at the scores' mean (Laplace's rule,
    as ``fit._rate``), which keeps it finite."""
    kind = sum(k for _, k in scores)
    if not kind or kind == len(scores):
        return 0.0, 0.0
    ones, others = ([x for x, k in scores if k == side] for side in (True, False))
    if max(ones) < min(others) or min(ones) > max(others):
        mean = sum(x for x, _ in scores) / len(scores)
        scores = [*scores, (mean, True), (mean, False)]
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
