"""Pieces every detector of the scrubber shares."""

# A character that may not touch an identifier. CJK text is allowed right next to it, which is
# why `\b` (true between "号" and "5" in Python's Unicode regexes) is not used.
NB = r"(?<![A-Za-z0-9])"
NA = r"(?![A-Za-z0-9])"

Span = tuple[int, int]
