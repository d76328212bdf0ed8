"""A Python client for the Crash Analytics Gateway, standard library only (Python 3.9+).

A bot written against the seed analytics database ports by changing its import::

    from crash_analytics_client import init_db, create_session_log, update_session_log, log_crash_round

and its configuration: ``CRASH_GATEWAY_URL`` (default http://localhost:8080), ``CRASH_GATEWAY_API_KEY`` (the bot's
key), ``CRASH_GATEWAY_PLATFORM`` (the platform the seed's ``create_session_log`` does not name) and, optionally,
``CRASH_GATEWAY_SPOOL`` (a file that keeps writes while the gateway is away). Or call ``configure(...)``.
Money and multipliers are ``Decimal`` in and out, times timezone-aware ``datetime``.
"""

import os
from typing import Any, Optional

from .client import GatewayClient
from .errors import (GatewayAuthError, GatewayConflictError, GatewayError, GatewayNotFoundError,
                     GatewayRateLimitedError, GatewayUnavailableError, GatewayValidationError)
from .transport import Spool, Transport

__all__ = ["GatewayClient", "GatewayError", "GatewayValidationError", "GatewayConflictError", "GatewayNotFoundError",
           "GatewayAuthError", "GatewayRateLimitedError", "GatewayUnavailableError", "Spool", "Transport",
           "configure", "client", "init_db", "register_bot", "create_session_log", "update_session_log",
           "log_crash_round", "log_batch_rounds", "log_round_multiplier_analytics", "log_round_signal", "log_round_outcome",
           "log_error", "log_ocr_validation", "get_bot_statistics", "get_session_summary",
           "export_rounds_to_json", "export_multipliers_for_ml", "get_database_size", "cleanup_old_records"]
__all__ += ["get_game_statistics", "get_strategy_performance", "get_multiplier_distribution",
            "get_signal_effectiveness"]

_default: Optional[GatewayClient] = None


def configure(url: Optional[str] = None, api_key: Optional[str] = None, default_platform: Optional[str] = None,
              spool_path: Optional[str] = None, **transport_options: Any) -> GatewayClient:
    """Sets up the client the module-level functions use; unset arguments come from the environment."""
    global _default
    _default = GatewayClient(url or os.environ.get("CRASH_GATEWAY_URL", "http://localhost:8080"),
                             api_key or os.environ.get("CRASH_GATEWAY_API_KEY"),
                             spool_path=spool_path or os.environ.get("CRASH_GATEWAY_SPOOL"),
                             default_platform=default_platform or os.environ.get("CRASH_GATEWAY_PLATFORM"),
                             **transport_options)
    return _default


def client() -> GatewayClient:
    """The client the module-level functions use (configured from the environment on first use)."""
    return _default or configure()


def init_db(drop_existing: bool = False) -> bool:
    return client().init_db(drop_existing)


def register_bot(*args: Any, **kwargs: Any) -> Any:
    return client().register_bot(*args, **kwargs)


def create_session_log(*args: Any, **kwargs: Any) -> str:
    return client().create_session_log(*args, **kwargs)


def update_session_log(*args: Any, **kwargs: Any) -> Any:
    return client().update_session_log(*args, **kwargs)


def log_crash_round(*args: Any, **kwargs: Any) -> Optional[str]:
    return client().log_crash_round(*args, **kwargs)


def log_batch_rounds(*args: Any, **kwargs: Any) -> Any:
    return client().log_batch_rounds(*args, **kwargs)


def log_round_multiplier_analytics(*args: Any, **kwargs: Any) -> Optional[str]:
    return client().log_round_multiplier_analytics(*args, **kwargs)


def log_round_signal(*args: Any, **kwargs: Any) -> Optional[str]:
    return client().log_round_signal(*args, **kwargs)


def log_round_outcome(*args: Any, **kwargs: Any) -> Any:
    return client().log_round_outcome(*args, **kwargs)


def log_error(*args: Any, **kwargs: Any) -> Optional[str]:
    return client().log_error(*args, **kwargs)


def log_ocr_validation(*args: Any, **kwargs: Any) -> Optional[str]:
    return client().log_ocr_validation(*args, **kwargs)


def get_bot_statistics(*args: Any, **kwargs: Any) -> Any:
    return client().get_bot_statistics(*args, **kwargs)


def get_session_summary(*args: Any, **kwargs: Any) -> Any:
    return client().get_session_summary(*args, **kwargs)


# --- fleet analytics (GatewayClient's FleetAnalytics): DASHBOARD or ADMIN keys ----------------------------------------

def get_game_statistics(*args: Any, **kwargs: Any) -> Any:
    return client().get_game_statistics(*args, **kwargs)


def get_strategy_performance(*args: Any, **kwargs: Any) -> Any:
    return client().get_strategy_performance(*args, **kwargs)


def get_multiplier_distribution(*args: Any, **kwargs: Any) -> Any:
    return client().get_multiplier_distribution(*args, **kwargs)


def get_signal_effectiveness(*args: Any, **kwargs: Any) -> Any:
    return client().get_signal_effectiveness(*args, **kwargs)


# Data lifecycle (ADMIN or DASHBOARD keys for the exports, ADMIN for the rest)

def export_rounds_to_json(*args: Any, **kwargs: Any) -> Any:
    return client().export_rounds_to_json(*args, **kwargs)


def export_multipliers_for_ml(*args: Any, **kwargs: Any) -> Any:
    return client().export_multipliers_for_ml(*args, **kwargs)


def get_database_size() -> Any:
    return client().get_database_size()


def cleanup_old_records(*args: Any, **kwargs: Any) -> Any:
    return client().cleanup_old_records(*args, **kwargs)
