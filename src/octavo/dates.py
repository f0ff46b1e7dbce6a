"""Names every reader needs to recognise dates."""

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
