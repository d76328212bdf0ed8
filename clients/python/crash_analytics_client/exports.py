"""The gateway's streamed downloads (GET /exports/rounds.ndjson and .csv), read line by line as they arrive."""

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal
from typing import Any, Dict, Iterator, Optional

from .times import parse_time
from .errors import GatewayError, GatewayUnavailableError, error_for
from .transport import Transport

# Export columns (and sample/signal fields) that hold times: ISO-8601 with offset, read as aware datetimes.
_TIME_FIELDS = {"round_start_timestamp", "round_end_timestamp", "timestamp"}


def _query_value(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("times must carry their zone (timezone-aware datetime), got %s" % value)
        return value.isoformat()
    return str(value)


def export_url(transport: Transport, path: str, filters: Dict[str, Any]) -> str:
    """The download's URL: the gateway's base URL, the path, and the filters that are set."""
    base = transport.endpoint[:-len("/graphql")]
    query = urllib.parse.urlencode({name: _query_value(value) for name, value in filters.items() if value is not None})
    return base + path + ("?" + query if query else "")


def stream_lines(transport: Transport, path: str, filters: Dict[str, Any]) -> Iterator[str]:
    """The download's lines (without their ends), one at a time: never the whole download in memory.

    A refusal (400 naming the parameter and rule, 401, 403) raises the matching GatewayError before any line.
    """
    request = urllib.request.Request(export_url(transport, path, filters), method="GET")
    if transport.api_key:
        request.add_header("Authorization", "Bearer " + transport.api_key)
    try:
        response = urllib.request.urlopen(request, timeout=transport.timeout)
    except urllib.error.HTTPError as refused:
        raise _refusal(refused.code, refused.read()) from None
    except (urllib.error.URLError, OSError) as unreachable:
        raise GatewayUnavailableError("the gateway did not answer: %s" % unreachable) from unreachable
    with response:
        for raw in response:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line:
                yield line


def _refusal(status: int, body: bytes) -> GatewayError:
    try:
        errors = json.loads(body.decode("utf-8")).get("errors") or []
    except (ValueError, AttributeError):
        errors = []
    if status >= 500 and not errors:
        return GatewayUnavailableError("the gateway answered HTTP %d" % status, http_status=status)
    return error_for(errors, status)


def plain(value: Any, name: Optional[str] = None) -> Any:
    """A parsed export value as plain Python: times as aware datetimes, nested samples and signals likewise."""
    if isinstance(value, dict):
        return {key: plain(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if name in _TIME_FIELDS and isinstance(value, str):
        return parse_time(value)
    return value


def parse_round(line: str) -> Dict[str, Any]:
    """One NDJSON line as a dict: numbers as Decimal (exact), times as aware datetimes."""
    return plain(json.loads(line, parse_float=Decimal))
