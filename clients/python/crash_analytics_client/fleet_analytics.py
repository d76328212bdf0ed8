"""The seed's fleet analytics functions (``get_game_statistics``, ``get_strategy_performance``,
``get_multiplier_distribution``, ``get_signal_effectiveness``) over the gateway's analytics queries.

Answers are plain Python values: dicts keyed by the gateway's field names (as ``get_bot_statistics`` has them),
lists, ``Decimal`` for every money figure, ratio and multiplier (never float), timezone-aware ``datetime`` for times.
The seed names these functions without fixing their arguments; their keywords follow the seed's column names
(``game_name``, ``platform_code``, ``strategy_name``, ``signal_type``) plus a window: ``days`` (the last N days) or
``start_time`` / ``end_time`` (timezone-aware, end exclusive), and ``trade_type``: whose money counts, 'live' (the
default, as the gateway's), 'paper' or 'any' (both), seed 004's names.
"""

import datetime
from decimal import Decimal
from typing import Any, Dict, List, Optional

from .times import parse_time

_PERFORMANCE_FIELDS = ("currency rounds wins losses skips errors bets winRate totalStaked totalProfitLoss roiPercent"
                       " averageProfitLoss grossWin grossLoss profitFactor expectancy largestWin largestLoss"
                       " averageWin averageLoss longestWinStreak longestLossStreak startingCapital"
                       " maxDrawdown { amount peakAt troughAt } firstRoundAt lastRoundAt")
_GAME_STATISTICS = ("query($game: String!, $platform: String, $window: TimeWindow, $currency: String,"
                    " $tradeType: TradeTypeFilter) { gameStatistics(game: $game, platform: $platform,"
                    " window: $window, currency: $currency, tradeType: $tradeType) { " + _PERFORMANCE_FIELDS + " } }")
_STRATEGY_PERFORMANCE = ("query($name: String!, $game: String, $platform: String, $window: TimeWindow,"
                         " $currency: String, $tradeType: TradeTypeFilter) { strategy(name: $name) { name"
                         " performance(game: $game, platform: $platform, window: $window, currency: $currency,"
                         " tradeType: $tradeType) { " + _PERFORMANCE_FIELDS + " } } }")
_STRATEGIES_PERFORMANCE = ("query($game: String, $platform: String, $window: TimeWindow, $currency: String,"
                           " $tradeType: TradeTypeFilter) { strategies(game: $game, platform: $platform,"
                           " window: $window, currency: $currency, tradeType: $tradeType) {"
                           " name performance { " + _PERFORMANCE_FIELDS + " } } }")
_MULTIPLIER_DISTRIBUTION = ("query($game: String!, $platform: String!, $window: TimeWindow, $edges: [BigDecimal!],"
                            " $percentiles: [BigDecimal!]) { multiplierDistribution(game: $game, platform: $platform,"
                            " window: $window, edges: $edges, percentiles: $percentiles) { game platform"
                            " houseEdgePercent returnToPlayer rounds mean median instantCrashes instantCrashShare"
                            " expectedInstantCrashShare buckets { lower upper count share expectedShare expectedCount }"
                            " survival { multiplier observed theoretical } percentiles { fraction value }"
                            " chiSquare { statistic degreesOfFreedom pValue smallestExpectedCount approximationSound }"
                            " kolmogorovSmirnov { statistic pValue } } }")
_SCORE_FIELDS = ("signals hits truePositives falsePositives trueNegatives falseNegatives hitRate accuracy"
                 " baselineAccuracy precision recall meanConfidence brierScore baselineBrierScore brierSkillScore"
                 " theoreticalBrierScore theoreticalBrierSkillScore actedSignals profitPerUnitWhenActing"
                 " theoreticalProfitPerUnit")
_SIGNAL_EFFECTIVENESS = ("query($type: String, $window: TimeWindow, $buckets: Int, $tradeType: TradeTypeFilter) {"
                         " signalEffectiveness(signalType: $type, window: $window, buckets: $buckets,"
                         " tradeType: $tradeType) { signalType"
                         " expectedCalibrationError overall { " + _SCORE_FIELDS + " } buckets { index lower upper"
                         " calibrationGap score { " + _SCORE_FIELDS + " } } } }")

# The gateway's BigDecimal fields these documents (and get_bot_statistics, get_session_summary) read: a JSON number such as 100 arrives as an int, made Decimal.
_DECIMAL_FIELDS = {"winRate", "totalStaked", "totalProfitLoss", "roiPercent", "averageProfitLoss", "grossWin",
                   "grossLoss", "profitFactor", "expectancy", "largestWin", "largestLoss", "averageWin", "averageLoss",
                   "startingCapital", "amount", "houseEdgePercent", "returnToPlayer", "mean", "median",
                   "instantCrashShare", "lower", "upper", "share", "multiplier", "observed", "fraction", "value",
                   "hitRate", "accuracy", "baselineAccuracy", "precision", "recall", "profitPerUnitWhenActing",
                   "theoreticalProfitPerUnit", "initialBalance", "currentBalance"}
# Float fields (statistics and confidences, not money): kept as Python floats.
_FLOAT_FIELDS = {"expectedInstantCrashShare", "expectedShare", "expectedCount", "theoretical", "statistic", "pValue",
                 "smallestExpectedCount", "meanConfidence", "brierScore", "baselineBrierScore", "brierSkillScore",
                 "theoreticalBrierScore", "theoreticalBrierSkillScore", "expectedCalibrationError", "calibrationGap"}
_TIME_FIELDS = {"peakAt", "troughAt", "firstRoundAt", "lastRoundAt", "startTime", "endTime"}
# CalibrationBucket's lower/upper are Floats (confidence bounds), unlike MultiplierBucket's BigDecimal ones.
_FLOAT_IN_CALIBRATION = {"lower", "upper"}

def plain(value: Any, in_calibration: bool = False, field: Optional[str] = None) -> Any:
    """The gateway's answer as plain Python values: Decimal money and ratios, float statistics, zoned datetimes."""
    if isinstance(value, dict):
        calibration = in_calibration or "calibrationGap" in value
        return {key: plain(item, calibration, key) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item, in_calibration, field) for item in value]
    if value is None or field is None:
        return value
    if field in _TIME_FIELDS:
        return parse_time(value)
    if in_calibration and field in _FLOAT_IN_CALIBRATION:
        return float(value)
    if field in _DECIMAL_FIELDS and isinstance(value, (int, Decimal, str)) and not isinstance(value, bool):
        return Decimal(str(value))
    if field in _FLOAT_FIELDS and isinstance(value, (int, Decimal)):
        return float(value)
    return value


def time_window(days: Optional[float] = None, start_time: Optional[datetime.datetime] = None,
                end_time: Optional[datetime.datetime] = None) -> Optional[Dict[str, datetime.datetime]]:
    """The gateway's TimeWindow: the last ``days`` days up to now, or [start_time, end_time); None for all time."""
    if days is not None:
        if start_time is not None or end_time is not None:
            raise ValueError("pass days or start_time/end_time, not both")
        if days <= 0:
            raise ValueError("days must be above 0, got %r" % days)
        now = datetime.datetime.now(datetime.timezone.utc)
        return {"from": now - datetime.timedelta(days=days), "to": now}
    if start_time is None and end_time is None:
        return None
    window = {}
    if start_time is not None:
        window["from"] = start_time
    if end_time is not None:
        window["to"] = end_time
    return window


def trade_type_filter(trade_type: Optional[str]) -> Optional[str]:
    """Seed 004's trade_type as the gateway's TradeTypeFilter: 'live' → LIVE, 'paper' → PAPER, 'any' → ANY (both);
    None leaves the gateway's default, LIVE. Seed 004's third value, 'optimization', has no money of its own here:
    log such runs as a PAPER bot."""
    if trade_type is None:
        return None
    value = str(trade_type).upper()
    if value not in ("LIVE", "PAPER", "ANY"):
        raise ValueError("trade_type must be 'live', 'paper' or 'any' (got %r); log optimization runs as a paper bot"
                         % (trade_type,))
    return value


class FleetAnalytics:
    """The seed's analytics across bots, mixed into GatewayClient (which supplies ``execute`` and
    ``default_platform``). They read across bots: they need a DASHBOARD or ADMIN key (a BOT key is refused)."""

    def get_game_statistics(self, game_name: str, platform_code: Optional[str] = None, days: Optional[float] = None,
                            start_time: Optional[datetime.datetime] = None,
                            end_time: Optional[datetime.datetime] = None,
                            currency: Optional[str] = None, trade_type: Optional[str] = None) -> Dict[str, Any]:
        """Every bot's rounds of a game (optionally on one platform) as one portfolio: ``gameStatistics``; live
        bots' unless ``trade_type`` says 'paper' or 'any'."""
        data = self.execute(_GAME_STATISTICS, {"game": game_name, "platform": platform_code,
                                               "window": time_window(days, start_time, end_time),
                                               "currency": currency, "tradeType": trade_type_filter(trade_type)})
        return dict(plain(data["gameStatistics"]), game_name=game_name, platform_code=platform_code)

    def get_strategy_performance(self, strategy_name: Optional[str] = None, game_name: Optional[str] = None,
                                 platform_code: Optional[str] = None, days: Optional[float] = None,
                                 start_time: Optional[datetime.datetime] = None,
                                 end_time: Optional[datetime.datetime] = None,
                                 currency: Optional[str] = None,
                                 trade_type: Optional[str] = None) -> Optional[Dict[str, Any]]:
        """One strategy's performance (None when no round, session or bot uses the name), or, without a name, every
        strategy's keyed by its name: ``strategy { performance }`` / ``strategies { performance }``; live bots'
        rounds unless ``trade_type`` says 'paper' or 'any'."""
        variables = {"game": game_name, "platform": platform_code, "window": time_window(days, start_time, end_time),
                     "currency": currency, "tradeType": trade_type_filter(trade_type)}
        if strategy_name is not None:
            strategy = self.execute(_STRATEGY_PERFORMANCE, dict(variables, name=strategy_name))["strategy"]
            return None if strategy is None else dict(plain(strategy["performance"]), strategy_name=strategy["name"])
        strategies = self.execute(_STRATEGIES_PERFORMANCE, variables)["strategies"]
        return {s["name"]: dict(plain(s["performance"]), strategy_name=s["name"]) for s in strategies}

    def get_multiplier_distribution(self, game_name: str, platform_code: Optional[str] = None,
                                    days: Optional[float] = None, start_time: Optional[datetime.datetime] = None,
                                    end_time: Optional[datetime.datetime] = None,
                                    bins: Optional[List[Decimal]] = None,
                                    percentiles: Optional[List[Decimal]] = None) -> Dict[str, Any]:
        """A game's crash multipliers on a platform next to the provably fair distribution: ``multiplierDistribution``.
        ``bins`` are the bucket edges (default the gateway's 1.01, 1.5, 2, 3, 5, 10, 20, 50, 100)."""
        platform = platform_code or self.default_platform
        if not platform:
            raise ValueError("the distribution is per platform: pass platform_code or configure default_platform")
        for name, values in (("bins", bins), ("percentiles", percentiles)):
            if values is not None and any(isinstance(v, float) for v in values):
                raise TypeError("%s are exact: pass Decimals, not floats" % name)
        data = self.execute(_MULTIPLIER_DISTRIBUTION, {"game": game_name, "platform": platform,
                                                       "window": time_window(days, start_time, end_time),
                                                       "edges": bins, "percentiles": percentiles})
        return plain(data["multiplierDistribution"])

    def get_signal_effectiveness(self, signal_type: Optional[str] = None, days: Optional[float] = None,
                                 start_time: Optional[datetime.datetime] = None,
                                 end_time: Optional[datetime.datetime] = None,
                                 buckets: int = 10, trade_type: Optional[str] = None) -> Dict[str, Dict[str, Any]]:
        """How well each signal type predicted, keyed by signal type (only ``signal_type`` when given; empty when it
        has no signal whose round is over): ``signalEffectiveness``; live bots' signals unless ``trade_type`` says
        'paper' or 'any'."""
        data = self.execute(_SIGNAL_EFFECTIVENESS, {"type": signal_type, "buckets": buckets,
                                                    "window": time_window(days, start_time, end_time),
                                                    "tradeType": trade_type_filter(trade_type)})
        return {entry["signalType"]: plain(entry) for entry in data["signalEffectiveness"]}
