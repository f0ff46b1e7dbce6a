"""The model of where a volume's setter breaks words, on a few hand-made breaks."""

from collections import Counter

from octavo.readers.ocr.breaking import Breaks, shape

# a setter who breaks between syllables: a consonant carried over before a vowel
SYLLABLES = [("ca", "pital"), ("com", "mon"), ("pro", "duction"), ("ma", "chinery"),
             ("wor", "kers"), ("la", "bour"), ("con", "dition"), ("so", "ciety"),
             ("rea", "son")]
# the words the volume prints, whose places of each shape are counted
WORDS = Counter({"constant": 3, "capital": 3, "common": 2, "labour": 3, "reason": 1,
                 "transport": 2})


def test_shape_is_the_letters_classes_either_side_of_the_cut() -> None:
    assert shape("com", "mon") == "VC|CV"
    assert shape("world", "wide") == "CC|CV"
    assert shape("a", "go") == "#V|CV"


def test_the_setters_shapes_are_those_seen_twice_or_too_rare_to_tell() -> None:
    breaks = Breaks.learn(SYLLABLES, WORDS)
    assert breaks.makes("pa", "per") and breaks.makes("mar", "ket")  # CV|CV, VC|CV
    # CC|CV: never broken, though ``con-stant``, ``trans-port`` hold five such places
    assert not breaks.makes("world", "wide")
    assert breaks.makes("rea", "son")  # VV|CV: seen once, but one place: not judged
    assert Breaks.learn(SYLLABLES[:3], WORDS).makes("world", "wide")  # too few breaks


def test_a_words_least_head_is_its_earliest_cut_the_setter_makes() -> None:
    breaks = Breaks.learn(SYLLABLES, WORDS)
    assert breaks.tail == 3  # the least rest he carries over (``son``, ``mon``)
    assert breaks.least("capitalists", 2) == 2  # ca-pitalists
    assert breaks.least("Competition", 2) == 3  # Com-petition, not Co-mpetition
    assert breaks.seen("Com", "petition") and not breaks.seen("rea", "son")
