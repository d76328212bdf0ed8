"""The seed's fleet analytics functions against a real gateway (started by PythonClientIT), on a small fixture this
test logs itself through the client, with every expected figure worked out by hand below.

The fixture: one bot on a platform and under a strategy no other test uses (so the gateway's data from other tests
never mixes in), house edge 3 %, four rounds a minute apart from 2026-01-05T10:00Z, and three signals:

    round  start   outcome  stake  crash  cash-out  P/L
      1    10:00   WIN      10     2.00   1.50      +5.00
      2    10:01   LOSS     10     1.20   (1.50)   -10.00
      3    10:02   WIN      20     3.00   2.00     +20.00
      4    10:03   SKIP      0     1.00    -         0

    signal           round  predicted  confidence  reached?  acted (>= 0.5)?
      a                1      1.50        0.8        yes        yes  -> true positive,  +0.50 per unit
      b                2      1.50        0.7        no         yes  -> false positive, -1 per unit
      c                3      2.50        0.3        yes        no   -> false negative
"""

import datetime
import os
import unittest
import uuid
from decimal import Decimal

import crash_analytics_client as seed
from crash_analytics_client import GatewayAuthError, GatewayClient
from crash_analytics_client.fleet_analytics import parse_time, time_window

URL = os.environ.get("CRASH_GATEWAY_URL", "http://localhost:8080")
ADMIN_KEY = os.environ.get("CRASH_GATEWAY_ADMIN_KEY")
UTC = datetime.timezone.utc
START = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def minute(i: int) -> datetime.datetime:
    return START + datetime.timedelta(minutes=i)


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class FleetAnalyticsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        suffix = uuid.uuid4().hex[:8]
        cls.platform, cls.strategy, cls.signal = "py_casino_" + suffix, "py_strategy_" + suffix, "py_signal_" + suffix
        cls.bot_id = "py_fleet_" + suffix
        admin = GatewayClient(URL, ADMIN_KEY)
        admin.execute("mutation($platform: String!) { configurePlatform(input: {gameName: \"aviator\","
                      " platformCode: $platform, houseEdgePercent: 3}) { platform { platformCode } } }",
                      {"platform": cls.platform})
        bot_key = admin.execute("mutation($bots: [ID!]) { createApiKey(input: {label: \"python fleet\", role: BOT,"
                                " botIds: $bots}) { secret } }", {"bots": [cls.bot_id]})["createApiKey"]["secret"]
        cls.dashboard_key = admin.execute("mutation { createApiKey(input: {label: \"python dashboard\","
                                          " role: DASHBOARD}) { secret } }")["createApiKey"]["secret"]
        cls.bot = GatewayClient(URL, bot_key, default_platform=cls.platform)
        cls.bot.execute("mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
                        {"input": {"botId": cls.bot_id, "strategyName": cls.strategy,
                                   "initialBalance": Decimal("1000.00"), "baseStake": Decimal("10.00"),
                                   "maxStake": Decimal("100.00")}})
        session = cls.bot.create_session_log(bot_id=cls.bot_id, session_id="s_" + cls.bot_id, game_name="aviator",
                                             initial_balance=Decimal("1000.00"), strategy_name=cls.strategy)
        rounds = [("WIN", "10", "2.00", "1.50", "1.50"), ("LOSS", "10", "1.20", None, "1.50"),
                  ("WIN", "20", "3.00", "2.00", "2.00"), ("SKIP", "0", "1.00", None, None)]
        ids = []
        for number, (outcome, stake, crash, cashout, target) in enumerate(rounds, start=1):
            ids.append(cls.bot.log_crash_round(
                bot_id=cls.bot_id, session_id=session, round_number=number, round_outcome=outcome,
                round_start_timestamp=minute(number - 1), stake_value=Decimal(stake),
                crash_multiplier=Decimal(crash), cashout_multiplier=Decimal(cashout) if cashout else None,
                target_multiplier=Decimal(target) if target else None))
        for round_id, predicted, confidence in ((ids[0], "1.50", 0.8), (ids[1], "1.50", 0.7), (ids[2], "2.50", 0.3)):
            cls.bot.log_round_signal(round_id=round_id, signal_type=cls.signal, confidence_score=confidence,
                                     predicted_multiplier=Decimal(predicted), timestamp=START)
        seed.configure(url=URL, api_key=cls.dashboard_key, default_platform=cls.platform)

    def test_game_statistics_add_up_every_bots_rounds_of_the_game_on_the_platform(self):
        stats = seed.get_game_statistics("aviator", platform_code=self.platform)
        self.assertEqual((stats["rounds"], stats["wins"], stats["losses"], stats["skips"]), (4, 2, 1, 1))
        self.assertEqual(stats["totalStaked"], Decimal("40"))            # 10 + 10 + 20 + 0
        self.assertEqual(stats["totalProfitLoss"], Decimal("15"))        # 5 - 10 + 20
        self.assertEqual(stats["winRate"], Decimal("0.666667"))          # 2 / 3, to 6 decimals
        self.assertEqual(stats["roiPercent"], Decimal("37.5"))           # 15 x 100 / 40
        self.assertEqual(stats["profitFactor"], Decimal("2.5"))          # 25 / 10
        self.assertEqual(stats["expectancy"], Decimal("5"))              # (25 - 10) / 3
        self.assertEqual((stats["largestWin"], stats["largestLoss"]), (Decimal("20"), Decimal("10")))
        self.assertIsInstance(stats["totalStaked"], Decimal)
        self.assertEqual(stats["currency"], "USD")
        self.assertEqual(stats["firstRoundAt"], START)
        self.assertEqual(stats["lastRoundAt"], minute(3))
        self.assertIsNotNone(stats["firstRoundAt"].tzinfo)
        # the curve 0 -> 5 -> -5 -> 15: the largest fall is 10, from the peak after round 1 to the trough at round 2
        self.assertEqual(stats["maxDrawdown"]["amount"], Decimal("10"))
        self.assertEqual(stats["maxDrawdown"]["troughAt"], minute(1))
        self.assertEqual((stats["game_name"], stats["platform_code"]), ("aviator", self.platform))

    def test_a_window_keeps_the_rounds_that_started_in_it(self):
        stats = seed.get_game_statistics("aviator", platform_code=self.platform, start_time=minute(2),
                                         end_time=minute(4))
        self.assertEqual(stats["rounds"], 2)                             # rounds 3 and 4
        self.assertEqual(stats["totalProfitLoss"], Decimal("20"))
        self.assertEqual(seed.get_game_statistics("aviator", platform_code=self.platform, days=1)["rounds"], 0)
        with self.assertRaises(ValueError):
            seed.get_game_statistics("aviator", days=1, start_time=START)

    def test_strategy_performance_by_name_and_for_every_strategy(self):
        one = seed.get_strategy_performance(self.strategy)
        self.assertEqual(one["strategy_name"], self.strategy)
        self.assertEqual((one["rounds"], one["totalProfitLoss"]), (4, Decimal("15")))
        self.assertIsNone(seed.get_strategy_performance("no_such_strategy_" + self.bot_id))
        every = seed.get_strategy_performance(platform_code=self.platform)
        self.assertEqual(list(every), [self.strategy])
        self.assertEqual(every[self.strategy]["losses"], 1)
        early = seed.get_strategy_performance(self.strategy, end_time=minute(2))
        self.assertEqual((early["rounds"], early["totalProfitLoss"]), (2, Decimal("-5")))   # rounds 1 and 2

    def test_the_multiplier_distribution_counts_the_crashes_into_the_bins(self):
        distribution = seed.get_multiplier_distribution("aviator", bins=[Decimal("1.5"), Decimal("2.5")],
                                                        percentiles=[Decimal("0.5")])
        self.assertEqual(distribution["platform"], self.platform)        # the configured default platform
        self.assertEqual(distribution["rounds"], 4)
        self.assertEqual(distribution["houseEdgePercent"], Decimal("3"))
        self.assertEqual(distribution["returnToPlayer"], Decimal("0.97"))
        # [1, 1.5): 1.00 and 1.20; [1.5, 2.5): 2.00; [2.5, inf): 3.00
        self.assertEqual([(b["lower"], b["upper"], b["count"]) for b in distribution["buckets"]],
                         [(Decimal("1"), Decimal("1.5"), 2), (Decimal("1.5"), Decimal("2.5"), 1),
                          (Decimal("2.5"), None, 1)])
        self.assertEqual(distribution["mean"], Decimal("1.8"))           # 7.20 / 4
        self.assertEqual(distribution["median"], Decimal("1.6"))         # between 1.20 and 2.00
        self.assertEqual(distribution["percentiles"], [{"fraction": Decimal("0.5"), "value": Decimal("1.6")}])
        self.assertEqual(distribution["instantCrashes"], 1)              # the 1.00 round
        self.assertEqual(distribution["instantCrashShare"], Decimal("0.25"))
        self.assertIsInstance(distribution["buckets"][0]["expectedShare"], float)
        with self.assertRaises(TypeError):
            seed.get_multiplier_distribution("aviator", bins=[1.5])

    def test_signal_effectiveness_scores_each_signal_type(self):
        scores = seed.get_signal_effectiveness(self.signal, buckets=2)
        self.assertEqual(list(scores), [self.signal])
        overall = scores[self.signal]["overall"]
        self.assertEqual((overall["signals"], overall["hits"]), (3, 2))
        self.assertEqual((overall["truePositives"], overall["falsePositives"], overall["trueNegatives"],
                          overall["falseNegatives"]), (1, 1, 0, 1))
        self.assertEqual(overall["hitRate"], Decimal("0.666667"))        # 2 / 3
        self.assertEqual(overall["accuracy"], Decimal("0.333333"))       # (1 + 0) / 3
        self.assertEqual((overall["precision"], overall["recall"]), (Decimal("0.5"), Decimal("0.5")))
        self.assertEqual(overall["actedSignals"], 2)
        self.assertEqual(overall["profitPerUnitWhenActing"], Decimal("-0.25"))   # (0.50 - 1) / 2
        # two buckets: [0, 0.5) holds c, [0.5, 1] holds a and b
        self.assertEqual([(b["index"], b["lower"], b["upper"], b["score"]["signals"])
                          for b in scores[self.signal]["buckets"]], [(0, 0.0, 0.5, 1), (1, 0.5, 1.0, 2)])
        self.assertEqual(seed.get_signal_effectiveness("no_such_signal_" + self.bot_id), {})

    def test_the_bots_own_statistics_and_session_summary_are_plain_values_too(self):
        statistics = self.bot.get_bot_statistics(self.bot_id)
        self.assertEqual(statistics["totalStaked"], Decimal("40"))          # a whole number: JSON 40, made Decimal
        self.assertIsInstance(statistics["totalStaked"], Decimal)
        summary = self.bot.get_session_summary("s_" + self.bot_id)
        self.assertIsInstance(summary["initialBalance"], Decimal)
        self.assertIsInstance(summary["startTime"], datetime.datetime)
        self.assertIsNotNone(summary["startTime"].tzinfo)
        self.assertEqual(summary["totals"]["currentBalance"], Decimal("1015"))   # 1000 + 15

    def test_a_bot_key_may_not_read_across_bots(self):
        with self.assertRaises(GatewayAuthError):
            self.bot.get_game_statistics("aviator", platform_code=self.platform)


class WindowAndTimeTest(unittest.TestCase):
    """What needs no gateway."""

    def test_times_from_the_gateway_are_zoned_datetimes(self):
        self.assertEqual(parse_time("2026-01-05T10:00:00Z"), START)
        self.assertEqual(parse_time("2026-01-05T10:00:00.123456789Z"), START + datetime.timedelta(microseconds=123456))
        self.assertEqual(parse_time("2026-01-05T12:00:00+02:00"), START)

    def test_days_is_the_last_days_up_to_now(self):
        window = time_window(days=2)
        self.assertEqual(window["to"] - window["from"], datetime.timedelta(days=2))
        self.assertIsNone(time_window())
        with self.assertRaises(ValueError):
            time_window(days=0)


if __name__ == "__main__":
    unittest.main()
