"""Paper and live money kept apart (seed 004's trade_type), through the client against a real gateway (started by
PythonClientIT), on a fixture this test logs itself, on a platform and under a strategy no other test uses:

    bot          trade_type  round  outcome  stake  crash  cash-out  P/L
    py_live_…    live          1    WIN      10     3.00   2.00      +10
    py_live_…    live          2    LOSS     20     1.10    -        -20
    py_paper_…   paper         1    WIN      100    4.00   3.00     +200

live: 2 rounds, staked 30, P/L -10; paper: 1 round, staked 100, P/L +200; any: 3 rounds, staked 130, P/L +190.
"""

import datetime
import os
import unittest
import uuid
from decimal import Decimal

from crash_analytics_client import GatewayClient, GatewayConflictError, GatewayValidationError

URL = os.environ.get("CRASH_GATEWAY_URL", "http://localhost:8080")
ADMIN_KEY = os.environ.get("CRASH_GATEWAY_ADMIN_KEY")
START = datetime.datetime(2026, 1, 6, 10, 0, tzinfo=datetime.timezone.utc)


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class TradeTypeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        suffix = uuid.uuid4().hex[:8]
        cls.platform, cls.strategy = "py_trade_casino_" + suffix, "py_trade_strategy_" + suffix
        cls.live_bot, cls.paper_bot = "py_live_" + suffix, "py_paper_" + suffix
        cls.gateway = GatewayClient(URL, ADMIN_KEY, default_platform=cls.platform)
        cls.gateway.execute("mutation($platform: String!) { configurePlatform(input: {gameName: \"aviator\","
                            " platformCode: $platform}) { platform { platformCode } } }", {"platform": cls.platform})
        cls.registered = (cls.gateway.register_bot(cls.live_bot, strategy_name=cls.strategy),
                          cls.gateway.register_bot(cls.paper_bot, trade_type="paper", strategy_name=cls.strategy))
        cls.gateway.create_session_log(cls.live_bot, "s_" + cls.live_bot, "aviator", Decimal("1000"))
        cls.gateway.create_session_log(cls.paper_bot, "s_" + cls.paper_bot, "aviator", Decimal("1000"),
                                       trade_type="paper")
        for bot, number, outcome, stake, crash, cashout in (
                (cls.live_bot, 1, "WIN", "10", "3.00", "2.00"), (cls.live_bot, 2, "LOSS", "20", "1.10", None),
                (cls.paper_bot, 1, "WIN", "100", "4.00", "3.00")):
            cls.gateway.log_crash_round(bot_id=bot, session_id="s_" + bot, round_number=number, round_outcome=outcome,
                                        round_start_timestamp=START + datetime.timedelta(minutes=number),
                                        stake_value=Decimal(stake), crash_multiplier=Decimal(crash),
                                        cashout_multiplier=Decimal(cashout) if cashout else None)

    def test_a_bot_registers_paper_or_live_and_says_nothing_for_live(self):
        self.assertEqual(self.registered, ("live", "paper"))

    def test_game_statistics_count_live_money_unless_asked(self):
        def figures(**trade_type):
            stats = self.gateway.get_game_statistics("aviator", platform_code=self.platform, **trade_type)
            return stats["rounds"], stats["totalStaked"], stats["totalProfitLoss"]
        self.assertEqual(figures(), (2, Decimal("30"), Decimal("-10")))
        self.assertEqual(figures(trade_type="live"), (2, Decimal("30"), Decimal("-10")))
        self.assertEqual(figures(trade_type="paper"), (1, Decimal("100"), Decimal("200")))
        self.assertEqual(figures(trade_type="any"), (3, Decimal("130"), Decimal("190")))

    def test_strategy_performance_and_exports_take_the_trade_type(self):
        self.assertEqual(self.gateway.get_strategy_performance(self.strategy)["totalProfitLoss"], Decimal("-10"))
        self.assertEqual(self.gateway.get_strategy_performance(self.strategy, trade_type="paper")["totalProfitLoss"],
                         Decimal("200"))
        every = self.gateway.get_strategy_performance(platform_code=self.platform, trade_type="any")
        self.assertEqual(every[self.strategy]["totalProfitLoss"], Decimal("190"))
        exported = self.gateway.export_rounds_to_json(strategy_name=self.strategy)
        self.assertEqual([r["bot_id"] for r in exported], [self.live_bot, self.live_bot])
        paper = self.gateway.export_rounds_to_json(strategy_name=self.strategy, trade_type="paper")
        self.assertEqual([r["bot_id"] for r in paper], [self.paper_bot])

    def test_a_session_of_the_other_kind_of_money_is_refused_naming_the_field_and_rule(self):
        with self.assertRaises(GatewayValidationError) as refused:
            self.gateway.create_session_log(self.paper_bot, "s2_" + self.paper_bot, "aviator", Decimal("1000"),
                                            trade_type="live")
        self.assertEqual((refused.exception.field, refused.exception.rule), ("input.tradeType", "SAME_AS_BOT"))
        with self.assertRaises(GatewayConflictError):
            self.gateway.register_bot(self.paper_bot, trade_type="live", strategy_name=self.strategy)

    def test_a_trade_type_the_gateway_does_not_know_is_refused_before_sending(self):
        with self.assertRaises(ValueError):
            self.gateway.get_game_statistics("aviator", platform_code=self.platform, trade_type="optimization")
        with self.assertRaises(ValueError):
            self.gateway.register_bot("py_never_" + uuid.uuid4().hex[:8], trade_type="any")


if __name__ == "__main__":
    unittest.main()
