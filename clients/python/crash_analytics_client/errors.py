"""Exceptions for what the gateway answers, one class per ``extensions.classification`` a bot branches on."""

from typing import Any, Dict, List, Optional


class GatewayError(Exception):
    """The gateway refused or failed a request. ``errors`` holds every GraphQL error it answered."""

    def __init__(self, message: str, classification: Optional[str] = None, field: Optional[str] = None,
                 rule: Optional[str] = None, errors: Optional[List[Dict[str, Any]]] = None,
                 http_status: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.classification = classification
        self.field = field
        self.rule = rule
        self.errors = errors or []
        self.http_status = http_status


class GatewayValidationError(GatewayError):
    """BAD_REQUEST (or a document that does not fit the schema): fix the value named by ``field``; never retried."""


class GatewayConflictError(GatewayError):
    """CONFLICT: the same identity was sent before with other content; the stored data stays as it was."""


class GatewayNotFoundError(GatewayError):
    """NOT_FOUND: what was named does not exist (register the bot or start the session first)."""


class GatewayAuthError(GatewayError):
    """UNAUTHORIZED or FORBIDDEN: no valid key, or the key may not do this."""


class GatewayRateLimitedError(GatewayError):
    """TOO_MANY_REQUESTS, still over the limit after the waits the client allows itself."""


class GatewayUnavailableError(GatewayError):
    """The gateway could not be reached, or answered UNAVAILABLE/5xx, after every retry."""


_BY_CLASSIFICATION = {
    "BAD_REQUEST": GatewayValidationError,
    "ValidationError": GatewayValidationError,
    "InvalidSyntax": GatewayValidationError,
    "CONFLICT": GatewayConflictError,
    "NOT_FOUND": GatewayNotFoundError,
    "UNAUTHORIZED": GatewayAuthError,
    "FORBIDDEN": GatewayAuthError,
    "TOO_MANY_REQUESTS": GatewayRateLimitedError,
    "UNAVAILABLE": GatewayUnavailableError,
}


def error_for(errors: List[Dict[str, Any]], http_status: Optional[int] = None) -> GatewayError:
    """The exception for a GraphQL ``errors`` list: its first error decides the class and names field and rule."""
    first = errors[0] if errors else {}
    extensions = first.get("extensions") or {}
    classification = extensions.get("classification")
    cls = _BY_CLASSIFICATION.get(classification, GatewayError)
    message = "; ".join(str(e.get("message")) for e in errors) or "the gateway answered HTTP %s" % http_status
    return cls(message, classification=classification, field=extensions.get("field"), rule=extensions.get("rule"),
               errors=errors, http_status=http_status)
