"""The seed analytics database's functions, with its names and keyword arguments, over the gateway's GraphQL API."""

import csv
import datetime
import json
import threading
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from .errors import GatewayError, GatewayUnavailableError, GatewayValidationError
from . import exports as _exports
from .fleet_analytics import FleetAnalytics, plain, trade_type_filter
from .transport import Spool, Transport

_LOG_ROUND = ("mutation($input: LogRoundInput!) { logRound(input: $input) { duplicate round { id roundNumber"
              " roundOutcome profitLoss } } }")
_LOG_ROUNDS = ("mutation($input: LogRoundsInput!) { logRounds(input: $input) { written duplicates"
               " rounds { duplicate round { id roundNumber } } } }")
_REGISTER_BOT = ("mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration"
                 " bot { botId strategyName tradeType } } }")
_START_SESSION = ("mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate"
                  " session { sessionId } } }")
_END_SESSION = ("mutation($input: EndSessionInput!) { endSession(input: $input) { duplicate"
                " session { sessionId status } } }")
_LOG_MULTIPLIER = "mutation($input: LogMultiplierInput!) { logMultiplier(input: $input) { duplicate sample { id } } }"
_LOG_SIGNAL = "mutation($input: LogSignalInput!) { logSignal(input: $input) { duplicate signal { id } } }"
_LOG_ERROR = "mutation($input: LogErrorInput!) { logError(input: $input) { duplicate error { id } } }"
_LOG_OCR = ("mutation($input: LogOcrValidationInput!) { logOcrValidation(input: $input) { duplicate"
            " ocrValidation { id } } }")
_ROUND = ("query($id: ID!) { round(id: $id) { id roundNumber roundOutcome profitLoss stakeValue targetMultiplier"
          " cashoutMultiplier crashMultiplier strategyName session { sessionId } bot { botId }"
          " outcome { outcomeCategory hitTarget } } }")
_SESSION_BOT = "query($id: ID!) { session(sessionId: $id) { sessionId bot { botId } } }"
_BOT_STATISTICS = ("query($id: ID!) { bot(botId: $id) { botId strategyName statistics { rounds bets wins losses"
                   " skips errors winRate totalStaked totalProfitLoss roiPercent profitFactor expectancy"
                   " largestWin largestLoss averageWin averageLoss longestWinStreak longestLossStreak } } }")
_DATABASE_SIZE = "{ databaseSize { totalBytes tables { table estimatedRows dataBytes indexBytes totalBytes } } }"
_CLEANUP = ("mutation($dryRun: Boolean) { cleanupOldRecords(dryRun: $dryRun) { dryRun ranAt"
            " tables { table olderThan rows } } }")
# One row per multiplier sample: the sample's fields, then its round's, for a training set.
_ML_COLUMNS = ["round_id", "bot_id", "session_id", "game_name", "platform_code", "strategy_name", "round_number",
               "round_start_timestamp", "sample_index", "timestamp", "elapsed_ms", "multiplier", "is_crash_multiplier",
               "is_cashout_multiplier", "ocr_confidence", "data_quality_score", "target_multiplier",
               "crash_multiplier_detected", "cashout_multiplier", "round_outcome"]
_SESSION_SUMMARY = ("query($id: ID!) { session(sessionId: $id) { sessionId gameName platformCode status startTime"
                    " endTime initialBalance totals { totalRounds wins losses skips errors winRate totalStaked"
                    " totalProfitLoss currentBalance roiPercent longestWinStreak longestLossStreak } } }")

# The seed's session statuses in lower case; the gateway's in upper case.
_STATUSES = {"completed": "COMPLETED", "aborted": "ABORTED", "error": "ERROR", "stopped": "COMPLETED",
             "crashed": "ERROR"}

# Seed keyword -> gateway input field, where the camelCase of the keyword is not the field.
_ROUND_RENAMES = {"crash_multiplier": "crashMultiplier", "profit_loss": "profitLoss",
                  "recovery_action": "recoveryActionTaken", "error_description": "errorDescription",
                  "ocr_cleaned_value": "ocrCleanedValue"}


# Money and multipliers: exact decimals only (a float such as 0.1 is not the number it looks like).
_EXACT_FIELDS = {"stakeValue", "targetMultiplier", "crashMultiplier", "cashoutMultiplier", "finalMultiplier",
                 "profitLoss", "runningBalanceBefore", "runningBalanceAfter", "ocrCleanedValue", "initialBalance",
                 "finalBalance", "multiplier", "cleanedValue", "expectedValue", "predictedMultiplier", "cashoutAmount"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _input(arguments: Dict[str, Any], renames: Optional[Dict[str, str]] = None,
           drop: Iterable[str] = ()) -> Dict[str, Any]:
    """The seed's keyword arguments as the gateway's input: camelCase names, None left out."""
    renames = renames or {}
    dropped = set(drop)
    fields = {renames.get(key, _camel(key)): value for key, value in arguments.items()
              if value is not None and key not in dropped}
    for name, value in fields.items():
        if name in _EXACT_FIELDS and isinstance(value, float):
            raise TypeError("%s is money or a multiplier: pass a Decimal (Decimal(\"%r\")), not a float" % (name, value))
    return fields


class GatewayClient(FleetAnalytics):
    """A bot's connection to the gateway, with the seed's function names (the fleet analytics, such as
    ``get_game_statistics``, come from :class:`FleetAnalytics`).

    ``spool_path`` (optional) keeps writes the gateway could not take in a local file and sends them, in order,
    once it answers again; such a write returns None instead of its id. ``default_platform`` stands in for the
    platform code the seed's ``create_session_log`` does not take.
    """

    def __init__(self, url: str, api_key: Optional[str], spool_path: Optional[str] = None,
                 default_platform: Optional[str] = None, transport: Optional[Transport] = None, **transport_options):
        self.transport = transport or Transport(url, api_key, **transport_options)
        self.spool = Spool(spool_path) if spool_path else None
        self.default_platform = default_platform
        self._rounds: Dict[str, Tuple[str, str, int]] = {}
        self._session_bots: Dict[str, str] = {}
        self._samples: Dict[str, int] = {}
        self._lock = threading.Lock()

    # --- the wire ----------------------------------------------------------------------------------------------

    def execute(self, document: str, variables: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """Any GraphQL document; answers its ``data``."""
        return self.transport.execute(document, variables)

    def _write(self, document: str, variables: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        """A write: sent after whatever is spooled, or spooled itself while the gateway is away (answers None)."""
        with self._lock:
            if self.spool is None:
                return self.transport.execute(document, variables)
            if len(self.spool):
                self.spool.drain(self.transport)
                if len(self.spool):  # still away: keep the order, this goes behind what waits
                    self.spool.append(document, variables)
                    return None
            try:
                return self.transport.execute(document, variables)
            except GatewayUnavailableError:
                self.spool.append(document, variables)
                return None

    def drain_spool(self) -> int:
        """Sends what the spool holds, in order; answers how many were delivered."""
        with self._lock:
            return self.spool.drain(self.transport) if self.spool else 0

    # --- logging -----------------------------------------------------------------------------------------------

    def init_db(self, drop_existing: bool = False) -> bool:
        """The seed created tables here; the gateway migrates its own database. Checks the gateway answers."""
        if drop_existing:
            raise GatewayError("the gateway never drops its data from a client")
        self.execute("{ __typename }")
        return True

    def register_bot(self, bot_id: str, trade_type: Optional[str] = None, **configuration: Any) -> Optional[str]:
        """Registers the bot (or updates its configuration: ``bot_name``, ``vm_name``, ``vm_provider``, ``region``,
        ``strategy_name``, ``initial_balance``, ``base_stake``, ``max_stake``): ``registerBot``. ``trade_type`` is seed
        004's 'paper' or 'live': omitted, a new bot plays live money and a known one keeps its kind; it cannot change
        once the bot has played a session. Answers the bot's trade type ('paper' or 'live'; None when spooled)."""
        data = self._write(_REGISTER_BOT, {"input": _input(dict(configuration, bot_id=bot_id,
                                                                    trade_type=_bot_trade_type(trade_type)))})
        return data["registerBot"]["bot"]["tradeType"].lower() if data else None

    def create_session_log(self, bot_id: str, session_id: str, game_name: str, initial_balance: Decimal,
                           platform_code: Optional[str] = None, strategy_name: Optional[str] = None,
                           trade_type: Optional[str] = None, **extra: Any) -> str:
        """Starts the session: ``startSession``. ``trade_type`` ('paper' or 'live', seed 004's) must be the bot's
        when given (the gateway refuses another: rule SAME_AS_BOT); omitted, the session plays its bot's money."""
        platform = platform_code or self.default_platform
        if not platform:
            raise GatewayError("the gateway needs the session's platform: pass platform_code or configure"
                               " default_platform (CRASH_GATEWAY_PLATFORM)")
        self._session_bots[session_id] = bot_id
        self._write(_START_SESSION, {"input": _input(dict(extra, bot_id=bot_id, session_id=session_id,
                                                               game_name=game_name, platform_code=platform,
                                                               initial_balance=initial_balance,
                                                               strategy_name=strategy_name,
                                                               trade_type=_bot_trade_type(trade_type)))})
        return session_id

    def update_session_log(self, session_id: str, final_balance: Optional[Decimal] = None,
                           status: str = "completed", bot_id: Optional[str] = None, notes: Optional[str] = None,
                           **extra: Any) -> Optional[Dict[str, Any]]:
        gateway_status = _STATUSES.get(status.lower(), status.upper())
        bot = bot_id or self._bot_of_session(session_id)
        data = self._write(_END_SESSION, {"input": _input(dict(extra, bot_id=bot, session_id=session_id,
                                                                   status=gateway_status, final_balance=final_balance,
                                                                   notes=notes))})
        return data["endSession"]["session"] if data else None

    def log_crash_round(self, bot_id: str, session_id: str, round_number: int, round_outcome: str,
                        **round_fields: Any) -> Optional[str]:
        """Logs a round; answers its id (None while spooled). Every other seed keyword is passed as the gateway's
        camelCase input field (``stake_value`` -> ``stakeValue``, ``profit_loss`` -> ``profitLoss``)."""
        fields = _input(dict(round_fields, bot_id=bot_id, session_id=session_id, round_number=round_number,
                             round_outcome=round_outcome.upper()), _ROUND_RENAMES)
        data = self._write(_LOG_ROUND, {"input": fields})
        if not data:
            return None
        round_id = data["logRound"]["round"]["id"]
        self._rounds[round_id] = (bot_id, session_id, round_number)
        return round_id

    def log_batch_rounds(self, rounds: List[Dict[str, Any]]) -> List[Optional[str]]:
        """Logs many rounds (seed keyword dicts), 500 to a request; answers their ids in order."""
        ids: List[Optional[str]] = []
        for start in range(0, len(rounds), 500):
            chunk = rounds[start:start + 500]
            inputs = [_input(dict(r, round_outcome=str(r["round_outcome"]).upper()), _ROUND_RENAMES) for r in chunk]
            data = self._write(_LOG_ROUNDS, {"input": {"rounds": inputs}})
            if not data:
                ids.extend([None] * len(chunk))
                continue
            for sent, logged in zip(chunk, data["logRounds"]["rounds"]):
                round_id = logged["round"]["id"]
                self._rounds[round_id] = (sent["bot_id"], sent["session_id"], sent["round_number"])
                ids.append(round_id)
        return ids

    def log_round_multiplier_analytics(self, round_id: str, multiplier: Decimal, bot_id: Optional[str] = None,
                                       game_name: Optional[str] = None, sample_index: Optional[int] = None,
                                       **extra: Any) -> Optional[str]:
        bot, session, number = self._round_key(round_id)
        if sample_index is None:
            sample_index = self._samples.get(round_id, 0)
        self._samples[round_id] = sample_index + 1
        data = self._write(_LOG_MULTIPLIER, {"input": _input(dict(extra, bot_id=bot, session_id=session,
                                                                      round_number=number, sample_index=sample_index,
                                                                      multiplier=multiplier))})
        return data["logMultiplier"]["sample"]["id"] if data else None

    def log_round_signal(self, round_id: str, signal_type: str, confidence_score: float,
                         round_number: Optional[int] = None, bot_id: Optional[str] = None,
                         game_name: Optional[str] = None, **extra: Any) -> Optional[str]:
        bot, session, number = self._round_key(round_id)
        data = self._write(_LOG_SIGNAL, {"input": _input(dict(extra, bot_id=bot, session_id=session,
                                                                  round_number=number, signal_type=signal_type,
                                                                  confidence_score=confidence_score))})
        return data["logSignal"]["signal"]["id"] if data else None

    def log_round_outcome(self, round_id: str, outcome: Optional[str] = None,
                          profit_loss: Optional[Decimal] = None, hit_target: Optional[bool] = None,
                          **ignored: Any) -> Dict[str, Any]:
        """The gateway derives outcomes itself; this checks what the bot computed against what it derived and says
        so, writing nothing: ``{"agrees": bool, "differences": {field: (sent, derived)}, "derived": {...}}``."""
        derived = self.execute(_ROUND, {"id": round_id})["round"]
        if derived is None:
            raise GatewayError("no round %s at the gateway" % round_id, classification="NOT_FOUND")
        gateway = {"outcome": derived["roundOutcome"], "profit_loss": Decimal(str(derived["profitLoss"])),
                   "hit_target": (derived.get("outcome") or {}).get("hitTarget")}
        sent = {"outcome": outcome.upper() if outcome else None,
                "profit_loss": Decimal(str(profit_loss)) if profit_loss is not None else None,
                "hit_target": hit_target}
        differences = {key: (sent[key], gateway[key]) for key in sent
                       if sent[key] is not None and sent[key] != gateway[key]}
        return {"agrees": not differences, "differences": differences, "derived": gateway}

    def log_error(self, bot_id: str, error_type: str, error_message: Optional[str] = None,
                  session_id: Optional[str] = None, **extra: Any) -> Optional[str]:
        data = self._write(_LOG_ERROR, {"input": _input(dict(extra, bot_id=bot_id, session_id=session_id,
                                                                 error_type=error_type, error_message=error_message))})
        return data["logError"]["error"]["id"] if data else None

    def log_ocr_validation(self, bot_id: str, validation_status: str, raw_ocr_text: Optional[str] = None,
                           cleaned_value: Optional[Decimal] = None, confidence: Optional[float] = None,
                           **extra: Any) -> Optional[str]:
        data = self._write(_LOG_OCR, {"input": _input(dict(extra, bot_id=bot_id,
                                                               validation_status=validation_status.upper(),
                                                               raw_ocr_text=raw_ocr_text, cleaned_value=cleaned_value,
                                                               confidence=confidence))})
        return data["logOcrValidation"]["ocrValidation"]["id"] if data else None

    # --- analytics ---------------------------------------------------------------------------------------------

    def get_bot_statistics(self, bot_id: str) -> Optional[Dict[str, Any]]:
        bot = self.execute(_BOT_STATISTICS, {"id": bot_id})["bot"]
        return None if bot is None else dict(plain(bot["statistics"]), bot_id=bot["botId"],
                                             strategy_name=bot["strategyName"])

    def get_session_summary(self, session_id: str) -> Optional[Dict[str, Any]]:
        return plain(self.execute(_SESSION_SUMMARY, {"id": session_id})["session"])

    # --- what the client remembers ------------------------------------------------------------------------------

    def _round_key(self, round_id: str) -> Tuple[str, str, int]:
        """(bot, session, round number) of a round: the gateway's writes name a round by these, the seed by id."""
        if round_id not in self._rounds:
            found = self.execute(_ROUND, {"id": round_id})["round"]
            if found is None:
                raise GatewayError("no round %s at the gateway" % round_id, classification="NOT_FOUND")
            self._rounds[round_id] = (found["bot"]["botId"], found["session"]["sessionId"], found["roundNumber"])
        return self._rounds[round_id]

    def _bot_of_session(self, session_id: str) -> str:
        if session_id not in self._session_bots:
            found = self.execute(_SESSION_BOT, {"id": session_id})["session"]
            if found is None:
                raise GatewayError("no session %s at the gateway" % session_id, classification="NOT_FOUND")
            self._session_bots[session_id] = found["bot"]["botId"]
        return self._session_bots[session_id]

    # --- data lifecycle: exports for ML, database size, retention (ADMIN or DASHBOARD keys) -----------------------

    def export_rounds_to_json(self, output_file: Optional[str] = None, bot_id: Optional[str] = None,
                              session_id: Optional[str] = None, game_name: Optional[str] = None,
                              platform_code: Optional[str] = None, strategy_name: Optional[str] = None,
                              start_date: Optional[datetime.datetime] = None,
                              end_date: Optional[datetime.datetime] = None, trade_type: Optional[str] = None) -> Any:
        """Rounds with their samples, signals and derived outcome, oldest first (GET /exports/rounds.ndjson): live
        bots' unless ``trade_type`` says 'paper' or 'any' (one bot's or session's: that bot's own rounds).

        With ``output_file``: streams them into that file as one JSON array (never all in memory) and answers how
        many rounds it wrote. Without: answers them as a list of dicts (money and multipliers Decimal, times aware
        datetimes). Filters combine; ``start_date`` is inclusive, ``end_date`` exclusive, both zoned datetimes.
        """
        lines = _exports.stream_lines(self.transport, "/exports/rounds.ndjson", self._export_filters(
            bot_id, session_id, game_name, platform_code, strategy_name, start_date, end_date, trade_type))
        if output_file is None:
            return [_exports.parse_round(line) for line in lines]
        written = 0
        with open(output_file, "w", encoding="utf-8") as out:
            out.write("[")
            for line in lines:
                out.write(",\n" if written else "\n")
                out.write(line)
                written += 1
            out.write("\n]\n" if written else "]\n")
        return written

    def export_multipliers_for_ml(self, output_file: Optional[str] = None, bot_id: Optional[str] = None,
                                  session_id: Optional[str] = None, game_name: Optional[str] = None,
                                  platform_code: Optional[str] = None, strategy_name: Optional[str] = None,
                                  start_date: Optional[datetime.datetime] = None,
                                  end_date: Optional[datetime.datetime] = None, trade_type: Optional[str] = None) -> Any:
        """One row per multiplier sample with its round's context (``_ML_COLUMNS``), from the streamed rounds.

        With ``output_file``: writes a CSV (header first, rows as they arrive) and answers how many rows it wrote.
        Without: answers the rows as a list of dicts (Decimal multipliers, aware datetimes).
        """
        lines = _exports.stream_lines(self.transport, "/exports/rounds.ndjson", self._export_filters(
            bot_id, session_id, game_name, platform_code, strategy_name, start_date, end_date, trade_type))
        samples = (row for line in lines for row in _multiplier_rows(json.loads(line, parse_float=Decimal)))
        if output_file is None:
            return [_exports.plain(row) for row in samples]
        written = 0
        with open(output_file, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=_ML_COLUMNS)
            writer.writeheader()
            for row in samples:
                writer.writerow(row)
                written += 1
        return written

    def get_database_size(self) -> Dict[str, Any]:
        """The database's size (ADMIN key): ``total_bytes`` and per table (largest first) ``estimated_rows``,
        ``data_bytes``, ``index_bytes``, ``total_bytes``."""
        size = self.execute(_DATABASE_SIZE)["databaseSize"]
        return {"total_bytes": size["totalBytes"],
                "tables": [{"table": t["table"], "estimated_rows": t["estimatedRows"], "data_bytes": t["dataBytes"],
                            "index_bytes": t["indexBytes"], "total_bytes": t["totalBytes"]} for t in size["tables"]]}

    def cleanup_old_records(self, days_to_keep: Optional[int] = None, dry_run: bool = False) -> Dict[str, Any]:
        """Retention now (ADMIN key): deletes what the gateway's keep times no longer keep; ``dry_run`` only counts.

        Answers ``dry_run``, ``ran_at``, ``tables`` (per table ``older_than`` and ``rows``) and ``total_rows``. The
        keep times are the gateway's settings (GATEWAY_RETENTION_*), the same for every replica and every caller:
        a ``days_to_keep`` is refused rather than silently ignored.
        """
        if days_to_keep is not None:
            raise GatewayValidationError("keep times are the gateway's settings (GATEWAY_RETENTION_ROUNDS, _ERRORS,"
                                         " _OCR_VALIDATIONS); call cleanup_old_records() without days_to_keep",
                                         field="days_to_keep", rule="SET_ON_THE_GATEWAY")
        report = self.execute(_CLEANUP, {"dryRun": bool(dry_run)})["cleanupOldRecords"]
        tables = {t["table"]: {"older_than": _exports.parse_time(t["olderThan"]),
                               "rows": t["rows"]} for t in report["tables"]}
        return {"dry_run": report["dryRun"],
                "ran_at": _exports.parse_time(report["ranAt"]),
                "tables": tables, "total_rows": sum(t["rows"] for t in tables.values())}

    @staticmethod
    def _export_filters(bot_id, session_id, game_name, platform_code, strategy_name, start_date, end_date,
                        trade_type=None):
        return {"botId": bot_id, "sessionId": session_id, "gameName": game_name, "platformCode": platform_code,
                "strategy": strategy_name, "from": start_date, "to": end_date,
                "tradeType": trade_type_filter(trade_type)}


def _bot_trade_type(trade_type: Optional[str]) -> Optional[str]:
    """Seed 004's 'paper' or 'live' as the gateway's TradeType; a bot or session plays one of them, never 'any'."""
    value = trade_type_filter(trade_type)
    if value == "ANY":
        raise ValueError("a bot or session plays 'paper' or 'live' money, not 'any'")
    return value


def _multiplier_rows(round_: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    for sample in round_["multipliers"]:
        row = {column: round_.get(column) for column in _ML_COLUMNS}
        row.update({key: sample.get(key) for key in ("sample_index", "timestamp", "elapsed_ms", "multiplier",
                                                     "is_crash_multiplier", "is_cashout_multiplier", "ocr_confidence",
                                                     "data_quality_score")})
        yield row
