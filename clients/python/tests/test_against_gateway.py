"""The client against a real gateway: started by the Java build (PythonClientIT), which passes its URL and admin
key in CRASH_GATEWAY_URL and CRASH_GATEWAY_ADMIN_KEY. Every document the client sends is checked by the gateway
against its schema, so a schema change that breaks the client fails here."""

import http.server
import json
import os
import socket
import tempfile
import threading
import unittest
import urllib.request
import uuid
from decimal import Decimal

import crash_analytics_client as seed
from crash_analytics_client import (GatewayClient, GatewayUnavailableError, GatewayValidationError, Transport)

URL = os.environ.get("CRASH_GATEWAY_URL", "http://localhost:8080")
ADMIN_KEY = os.environ.get("CRASH_GATEWAY_ADMIN_KEY")


def admin() -> GatewayClient:
    return GatewayClient(URL, ADMIN_KEY)


def new_bot() -> (str, str):
    """A registered bot on aviator@dafabet with a BOT key of its own: (bot id, key)."""
    bot_id = "py_bot_" + uuid.uuid4().hex[:8]
    gateway = admin()
    gateway.execute("mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"dafabet\"})"
                    " { platform { platformCode } } }")
    key = gateway.execute("mutation($bots: [ID!]) { createApiKey(input: {label: \"python test\", role: BOT,"
                          " botIds: $bots}) { secret } }", {"bots": [bot_id]})["createApiKey"]["secret"]
    GatewayClient(URL, key).execute(
        "mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
        {"input": {"botId": bot_id, "strategyName": "compound_1.33x", "initialBalance": Decimal("1000.00"),
                   "baseStake": Decimal("10.00"), "maxStake": Decimal("100.00")}})
    return bot_id, key


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class SeedBotLoopTest(unittest.TestCase):

    def test_the_seeds_minimal_bot_integration_runs_with_only_the_import_changed(self):
        bot_id, key = new_bot()
        seed.configure(url=URL, api_key=key, default_platform="dafabet")
        seed.init_db()
        session_id = seed.create_session_log(bot_id=bot_id, session_id="s_" + bot_id, game_name="aviator",
                                             initial_balance=Decimal("1000.00"))
        for round_num in range(1, 6):
            stake, crash_mult, target_mult = Decimal("10.00"), Decimal("2.45"), Decimal("1.33")
            outcome = "WIN" if crash_mult >= target_mult else "LOSS"
            profit = (target_mult - 1) * stake if outcome == "WIN" else -stake
            round_id = seed.log_crash_round(bot_id=bot_id, session_id=session_id, game_name="aviator",
                                            platform_code="dafabet", round_number=round_num, stake_value=stake,
                                            crash_multiplier=crash_mult,
                                            cashout_multiplier=target_mult if outcome == "WIN" else None,
                                            round_outcome=outcome, profit_loss=profit)
            self.assertIsNotNone(round_id)
        seed.update_session_log(session_id=session_id, status="completed")

        summary = seed.get_session_summary(session_id)
        # Five wins at 1.33x on 10.00: 5 x 3.30 = 16.50; the balance 1000.00 + 16.50.
        self.assertEqual(summary["status"], "COMPLETED")
        self.assertEqual(summary["totals"]["totalRounds"], 5)
        self.assertEqual(summary["totals"]["wins"], 5)
        self.assertEqual(Decimal(str(summary["totals"]["totalProfitLoss"])), Decimal("16.50"))
        self.assertEqual(Decimal(str(summary["totals"]["currentBalance"])), Decimal("1016.50"))
        statistics = seed.get_bot_statistics(bot_id)
        self.assertEqual(statistics["rounds"], 5)
        self.assertEqual(Decimal(str(statistics["totalProfitLoss"])), Decimal("16.50"))


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class LoggingTest(unittest.TestCase):

    def setUp(self):
        self.bot_id, key = new_bot()
        self.client = GatewayClient(URL, key, default_platform="dafabet")
        self.session_id = self.client.create_session_log(bot_id=self.bot_id, session_id="s_" + self.bot_id,
                                                         game_name="aviator", initial_balance=Decimal("100.00"))

    def log(self, number, **fields):
        round_fields = dict(stake_value=Decimal("10.00"), crash_multiplier=Decimal("2.00"),
                            cashout_multiplier=Decimal("1.50"), profit_loss=Decimal("5.00"))
        round_fields.update(fields)
        return self.client.log_crash_round(bot_id=self.bot_id, session_id=self.session_id, round_number=number,
                                           round_outcome="WIN", **round_fields)

    def test_a_round_sent_again_is_the_same_round(self):
        first = self.log(1)
        again = self.log(1)
        self.assertEqual(first, again)
        self.assertEqual(self.client.get_session_summary(self.session_id)["totals"]["totalRounds"], 1)

    def test_a_refused_round_names_its_field_and_rule_and_is_not_retried(self):
        transport = self.client.transport
        before = transport.retries
        with self.assertRaises(GatewayValidationError) as refused:
            self.log(1, stake_value=Decimal("-1.00"), profit_loss=None)
        self.assertEqual(refused.exception.field, "input.stakeValue")
        self.assertIsNotNone(refused.exception.rule)
        self.assertEqual(transport.retries, before)

    def test_floats_are_refused_before_sending(self):
        with self.assertRaises(TypeError):
            self.log(1, stake_value=10.0)

    def test_multipliers_signals_errors_and_ocr_reads_are_logged_against_the_round(self):
        round_id = self.log(1)
        self.assertIsNotNone(self.client.log_round_multiplier_analytics(round_id=round_id, multiplier=Decimal("1.20"),
                                                                        bot_id=self.bot_id, game_name="aviator",
                                                                        is_crash=False, is_cashout=False))
        self.assertIsNotNone(self.client.log_round_multiplier_analytics(round_id=round_id, multiplier=Decimal("1.50"),
                                                                        is_cashout=True))
        self.assertIsNotNone(self.client.log_round_signal(round_id=round_id, round_number=1, bot_id=self.bot_id,
                                                          game_name="aviator", signal_type="early_flight",
                                                          confidence_score=0.92, pattern_type="exponential",
                                                          feature_vector={"acceleration": 0.089}))
        self.assertIsNotNone(self.client.log_error(bot_id=self.bot_id, session_id=self.session_id,
                                                   error_type="ocr_error", error_message="Failed to read multiplier",
                                                   recovery_action="Retry with preprocessing"))
        self.assertIsNotNone(self.client.log_ocr_validation(bot_id=self.bot_id, raw_ocr_text="1.50x",
                                                            cleaned_value=Decimal("1.50"), confidence=0.95,
                                                            validation_status="valid"))
        samples = self.client.execute("query($id: ID!) { round(id: $id) { multipliers { sampleIndex multiplier }"
                                      " signals { signalType } } }", {"id": round_id})["round"]
        self.assertEqual([(s["sampleIndex"], Decimal(str(s["multiplier"]))) for s in samples["multipliers"]],
                         [(0, Decimal("1.20")), (1, Decimal("1.50"))])
        self.assertEqual([s["signalType"] for s in samples["signals"]], ["early_flight"])

    def test_log_round_outcome_checks_what_the_bot_computed_against_the_gateway(self):
        round_id = self.log(1)
        agrees = self.client.log_round_outcome(round_id=round_id, round_number=1, outcome="WIN",
                                               profit_loss=Decimal("5.00"), hit_target=None)
        differs = self.client.log_round_outcome(round_id=round_id, outcome="WIN", profit_loss=Decimal("4.99"))
        self.assertTrue(agrees["agrees"], agrees)
        self.assertFalse(differs["agrees"])
        self.assertEqual(differs["differences"]["profit_loss"], (Decimal("4.99"), Decimal("5.00")))

    def test_batches_answer_their_ids_in_order(self):
        rounds = [dict(bot_id=self.bot_id, session_id=self.session_id, round_number=n, round_outcome="skip")
                  for n in range(1, 4)]
        ids = self.client.log_batch_rounds(rounds)
        self.assertEqual(len(ids), 3)
        self.assertEqual(len(set(ids)), 3)
        self.assertEqual(self.client.get_session_summary(self.session_id)["totals"]["skips"], 3)


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class ExamplesTest(unittest.TestCase):
    """The examples in examples/ run against the gateway as they are."""

    def test_the_minimal_bot_example_logs_its_99_rounds(self):
        import subprocess
        import sys
        gateway = admin()
        gateway.execute("mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"dafabet\"})"
                        " { platform { platformCode } } }")
        key = gateway.execute("mutation { createApiKey(input: {label: \"example\", role: BOT, botIds:"
                              " [\"my_bot_001\"]}) { secret } }")["createApiKey"]["secret"]
        GatewayClient(URL, key).execute(
            "mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
            {"input": {"botId": "my_bot_001", "strategyName": "compound_1.33x", "initialBalance": Decimal("1000"),
                       "baseStake": Decimal("10"), "maxStake": Decimal("100")}})
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        environment = dict(os.environ, CRASH_GATEWAY_URL=URL, CRASH_GATEWAY_API_KEY=key,
                           CRASH_GATEWAY_PLATFORM="dafabet", PYTHONPATH=here)
        subprocess.run([sys.executable, os.path.join(here, "examples", "minimal_bot.py")], env=environment,
                       check=True, timeout=120)
        totals = gateway.get_session_summary("session_001")["totals"]
        # 99 wins at 1.33x on 10.00: 99 x 3.30 = 326.70.
        self.assertEqual(totals["totalRounds"], 99)
        self.assertEqual(Decimal(str(totals["totalProfitLoss"])), Decimal("326.70"))

        rounds = subprocess.run([sys.executable, os.path.join(here, "examples", "rounds_to_pandas.py"), "my_bot_001"],
                                env=environment, check=True, timeout=120, capture_output=True, text=True).stdout
        self.assertTrue("99 rounds" in rounds or "count" in rounds, rounds)


class _FlakyProxy(http.server.BaseHTTPRequestHandler):
    """Answers the first N requests 503 UNAVAILABLE (as the gateway does while its database restarts), then
    passes requests on to the gateway."""
    unavailable_left = 0
    seen = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen += 1
        if type(self).unavailable_left > 0:
            type(self).unavailable_left -= 1
            answer = json.dumps({"errors": [{"message": "The database is unavailable for a moment", "extensions": {
                "classification": "UNAVAILABLE", "retryAfterSeconds": 0, "errorId": "x"}}]}).encode()
            self.send_response(503)
            self.send_header("Retry-After", "0")
        else:
            request = urllib.request.Request(URL.rstrip("/") + "/graphql", data=body, method="POST", headers={
                "Content-Type": "application/json", "Authorization": self.headers["Authorization"]})
            with urllib.request.urlopen(request) as response:
                answer = response.read()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class RetriesAndSpoolTest(unittest.TestCase):

    def setUp(self):
        self.bot_id, self.key = new_bot()
        self.session_id = "s_" + self.bot_id
        GatewayClient(URL, self.key, default_platform="dafabet").create_session_log(
            bot_id=self.bot_id, session_id=self.session_id, game_name="aviator", initial_balance=Decimal("100.00"))

    def round(self, number):
        return dict(bot_id=self.bot_id, session_id=self.session_id, round_number=number, round_outcome="LOSS",
                    stake_value=Decimal("1.00"), crash_multiplier=Decimal("1.10"), profit_loss=Decimal("-1.00"))

    def test_an_unavailable_gateway_is_waited_out_and_the_round_lands_once(self):
        proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FlakyProxy)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        try:
            _FlakyProxy.unavailable_left, _FlakyProxy.seen = 2, 0
            client = GatewayClient("http://127.0.0.1:%d" % proxy.server_address[1], self.key, first_backoff=0.01)
            round_id = client.log_crash_round(**self.round(1))
        finally:
            proxy.shutdown()
            proxy.server_close()
        self.assertIsNotNone(round_id)
        self.assertEqual(_FlakyProxy.seen, 3)
        self.assertEqual(client.transport.retries, 2)
        self.assertEqual(admin().get_session_summary(self.session_id)["totals"]["totalRounds"], 1)

    def test_rounds_logged_while_the_gateway_is_away_are_spooled_and_sent_in_order_when_it_is_back(self):
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            dead_port = unused.getsockname()[1]
        spool_path = os.path.join(tempfile.mkdtemp(), "spool.jsonl")
        away = GatewayClient("http://127.0.0.1:%d" % dead_port, self.key, spool_path=spool_path, max_attempts=2,
                             first_backoff=0.01)
        self.assertIsNone(away.log_crash_round(**self.round(1)))
        self.assertIsNone(away.log_crash_round(**self.round(2)))
        self.assertEqual(len(away.spool), 2)

        back = GatewayClient(URL, self.key, spool_path=spool_path)
        third = back.log_crash_round(**self.round(3))
        again = back.log_crash_round(**self.round(1))  # a round the bot sends again: already delivered from the spool

        self.assertIsNotNone(third)
        self.assertEqual(len(back.spool), 0)
        totals = admin().get_session_summary(self.session_id)["totals"]
        self.assertEqual(totals["totalRounds"], 3)
        self.assertEqual(Decimal(str(totals["totalProfitLoss"])), Decimal("-3.00"))
        rounds = admin().execute("query($id: ID!) { session(sessionId: $id) { rounds(first: 10) { edges { node {"
                                 " id roundNumber } } } } }", {"id": self.session_id})
        numbers = [e["node"]["roundNumber"] for e in rounds["session"]["rounds"]["edges"]]
        self.assertEqual(sorted(numbers), [1, 2, 3])
        self.assertIn(again, [e["node"]["id"] for e in rounds["session"]["rounds"]["edges"]])

    def test_a_gateway_that_never_answers_raises_unavailable_without_a_spool(self):
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            dead_port = unused.getsockname()[1]
        client = GatewayClient("http://127.0.0.1:%d" % dead_port, self.key, max_attempts=2, first_backoff=0.01)
        with self.assertRaises(GatewayUnavailableError):
            client.log_crash_round(**self.round(1))


class OfflineTest(unittest.TestCase):
    """What needs no gateway."""

    def test_naive_datetimes_are_refused(self):
        import datetime
        from crash_analytics_client.transport import dumps
        with self.assertRaises(ValueError):
            dumps({"at": datetime.datetime(2026, 1, 1)})
        self.assertIn(b"+00:00", dumps({"at": datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)}))

    def test_decimals_travel_as_exact_strings(self):
        from crash_analytics_client.transport import dumps
        self.assertEqual(json.loads(dumps({"stake": Decimal("0.10000001")}))["stake"], "0.10000001")
        with self.assertRaises(ValueError):
            dumps({"stake": Decimal("NaN")})

    def test_the_endpoint_is_found_from_the_base_url(self):
        self.assertEqual(Transport("http://h:1/", None).endpoint, "http://h:1/graphql")
        self.assertEqual(Transport("http://h:1/graphql", None).endpoint, "http://h:1/graphql")


if __name__ == "__main__":
    unittest.main()
