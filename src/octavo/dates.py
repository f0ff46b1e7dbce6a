"""Names every reader needs to recognise dates."""

import re

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
# a line that is a date and nothing else: "January 9, 1924", "12 November, 1917", "1792"
DATE_LINE = re.compile(
    rf"^(?:\d{{1,2}} )?(?:{MONTHS})(?: \d{{1,2}})?,? \d{{4}}$|^\d{{4}}$"
)
