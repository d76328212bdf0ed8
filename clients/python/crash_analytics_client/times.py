"""The gateway's times as timezone-aware datetimes, on every Python the client supports."""
import datetime
import re
from typing import Optional

_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$")


def parse_time(text: Optional[str]) -> Optional[datetime.datetime]:
    """An ISO-8601 time with its offset (as the API and PostgreSQL's exports write it) as an aware datetime; None
    stays None. Python 3.9's fromisoformat takes neither 'Z' nor fractions of other than 3 or 6 digits (the gateway
    may send 9, PostgreSQL fewer than 6), so the fraction is normalised first."""
    if text is None:
        return None
    match = _ISO.match(text)
    if match is None or match.group(3) is None:
        raise ValueError("not an ISO-8601 time with an offset: %r" % text)
    whole, fraction, offset = match.groups()
    fraction = (fraction or "")[:6].ljust(6, "0")
    offset = "+00:00" if offset == "Z" else offset
    return datetime.datetime.fromisoformat("%s.%s%s" % (whole.replace(" ", "T"), fraction, offset))
