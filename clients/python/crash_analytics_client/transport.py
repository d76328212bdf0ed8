"""GraphQL over HTTP to the gateway, with the retries a bot needs and a local spool for when it is away."""

import datetime
import json
import os
import random
import threading
import time
import urllib.error
import urllib.request
from decimal import Decimal
from typing import Any, Callable, Dict, List, Optional

from .errors import GatewayError, GatewayRateLimitedError, GatewayUnavailableError, error_for

_RETRYABLE_CLASSIFICATIONS = {"UNAVAILABLE", "INTERNAL_ERROR"}


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("money and multipliers must be finite, got %s" % value)
        return str(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("times must carry their zone (timezone-aware datetime), got %s" % value)
        return value.isoformat()
    raise TypeError("cannot send %r" % (value,))


def dumps(payload: Dict[str, Any]) -> bytes:
    """JSON with Decimals as exact strings and zoned datetimes as ISO-8601 (naive ones are refused)."""
    def default(value: Any) -> Any:
        return _encode(value)
    return json.dumps(payload, default=default, ensure_ascii=False, allow_nan=False).encode("utf-8")


class Transport:
    """Sends one GraphQL request and retries it the way the gateway's contract allows.

    After no answer, a 5xx, UNAVAILABLE or INTERNAL_ERROR the same request is sent again (the gateway recognises a
    retried write as a duplicate); after TOO_MANY_REQUESTS it waits the ``retryAfterSeconds`` asked for, plus a
    little jitter; a refused request (validation, conflict, forbidden, not found) is never sent again.
    """

    def __init__(self, url: str, api_key: Optional[str], timeout: float = 10.0, max_attempts: int = 5,
                 first_backoff: float = 0.25, max_backoff: float = 8.0, max_rate_limit_wait: float = 600.0,
                 sleep: Callable[[float], None] = time.sleep):
        url = url.rstrip("/")
        self.endpoint = url if url.endswith("/graphql") else url + "/graphql"
        self.api_key = api_key
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.max_rate_limit_wait = max_rate_limit_wait
        self.sleep = sleep
        self.retries = 0

    def execute(self, document: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """The ``data`` of the answer; raises a GatewayError subclass for what the gateway refused."""
        body = dumps({"query": document, "variables": variables or {}})
        failures = 0
        waited = 0.0
        while True:
            try:
                return self._send(body)
            except GatewayRateLimitedError as limited:
                wait = float(_retry_after(limited.errors) or 1) + random.uniform(0, 0.25)
                waited += wait
                if waited > self.max_rate_limit_wait:
                    raise
                self.retries += 1
                self.sleep(wait)
            except GatewayUnavailableError as away:
                failures += 1
                if failures >= self.max_attempts:
                    raise
                backoff = min(self.max_backoff, self.first_backoff * (2 ** (failures - 1)))
                asked = _retry_after(away.errors)
                self.retries += 1
                self.sleep(max(backoff, float(asked or 0)) + random.uniform(0, backoff / 4))

    def _send(self, body: bytes) -> Dict[str, Any]:
        headers = {"Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json"}
        if self.api_key:
            headers["Authorization"] = "Bearer " + self.api_key
        request = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                status, text = response.status, response.read()
        except urllib.error.HTTPError as failed:
            status, text = failed.code, failed.read()
        except (urllib.error.URLError, OSError) as unreachable:
            raise GatewayUnavailableError("the gateway did not answer: %s" % unreachable) from unreachable
        try:
            answer = json.loads(text.decode("utf-8"), parse_float=Decimal)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            if status >= 500:
                raise GatewayUnavailableError("the gateway answered HTTP %d without a GraphQL body" % status,
                                              http_status=status)
            raise GatewayError("the gateway answered HTTP %d with something other than GraphQL" % status,
                               http_status=status)
        errors = answer.get("errors") or []
        if errors:
            classes = {(e.get("extensions") or {}).get("classification") for e in errors}
            if status == 429 or "TOO_MANY_REQUESTS" in classes:
                raise GatewayRateLimitedError(errors[0].get("message", "too many requests"),
                                              classification="TOO_MANY_REQUESTS", errors=errors, http_status=status)
            if status >= 500 or classes & _RETRYABLE_CLASSIFICATIONS:
                raise GatewayUnavailableError("; ".join(str(e.get("message")) for e in errors),
                                              classification=next(iter(classes & _RETRYABLE_CLASSIFICATIONS), None),
                                              errors=errors, http_status=status)
            raise error_for(errors, status)
        if status >= 500:
            raise GatewayUnavailableError("the gateway answered HTTP %d" % status, http_status=status)
        return answer.get("data") or {}


def _retry_after(errors: List[Dict[str, Any]]) -> Optional[float]:
    for error in errors:
        seconds = (error.get("extensions") or {}).get("retryAfterSeconds")
        if seconds is not None:
            return float(seconds)
    return None


class Spool:
    """Writes the gateway could not take, kept in order in a local file (one JSON request per line).

    Nothing a bot logged is lost while the gateway is away: the request is appended here, and sent, in order,
    before anything new once the gateway answers again. The gateway recognises a write it already has, so a spooled
    request that had in fact arrived becomes a duplicate, never a second row. A spooled request the gateway then
    refuses (it was wrong) is moved to ``<spool>.rejected`` with the reason, so one bad line cannot block the rest.
    """

    def __init__(self, path: str):
        self.path = path
        self.lock = threading.Lock()

    def __len__(self) -> int:
        if not os.path.exists(self.path):
            return 0
        with open(self.path, "r", encoding="utf-8") as spool:
            return sum(1 for line in spool if line.strip())

    def append(self, document: str, variables: Dict[str, Any]) -> None:
        line = dumps({"query": document, "variables": variables}).decode("utf-8")
        with open(self.path, "a", encoding="utf-8") as spool:
            spool.write(line + "\n")
            spool.flush()
            os.fsync(spool.fileno())

    def drain(self, transport: Transport) -> int:
        """Sends what is spooled, in order; stops (keeping the rest) while the gateway stays away. Answers how many
        were delivered."""
        if not os.path.exists(self.path):
            return 0
        with open(self.path, "r", encoding="utf-8") as spool:
            lines = [line for line in spool if line.strip()]
        delivered = 0
        for index, line in enumerate(lines):
            request = json.loads(line, parse_float=Decimal)
            try:
                transport.execute(request["query"], request.get("variables"))
            except GatewayUnavailableError:
                self._keep(lines[index:])
                return delivered
            except GatewayError as refused:
                with open(self.path + ".rejected", "a", encoding="utf-8") as rejected:
                    rejected.write(json.dumps({"request": json.loads(line), "error": str(refused)}) + "\n")
            delivered += 1
        self._keep([])
        return delivered

    def _keep(self, lines: List[str]) -> None:
        temporary = self.path + ".tmp"
        with open(temporary, "w", encoding="utf-8") as spool:
            spool.writelines(lines)
            spool.flush()
            os.fsync(spool.fileno())
        os.replace(temporary, self.path)
