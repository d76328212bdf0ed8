"""Exports for ML, the database's size and retention through the client, against the real gateway (PythonClientIT).

The fixture, logged with an ADMIN key: a bot whose session started 101 days ago, rounds 1-2 100 days old and
rounds 3-4 a day old, with multiplier samples on rounds 1 and 3:

    #  outcome  stake  crash  cash-out  P/L     age       samples
    1  WIN      10     2.10   1.50       5.00   100 days  1.20, 1.50
    2  LOSS     20     1.10   -        -20.00   100 days  -
    3  WIN      10     3.00   2.00      10.00   1 day     1.80
    4  SKIP     -      1.50   -          0      1 day     -
"""

import csv
import datetime
import json
import os
import tempfile
import unittest
import uuid
from decimal import Decimal

import crash_analytics_client as seed
from crash_analytics_client import GatewayAuthError, GatewayClient, GatewayValidationError

URL = os.environ.get("CRASH_GATEWAY_URL", "http://localhost:8080")
ADMIN_KEY = os.environ.get("CRASH_GATEWAY_ADMIN_KEY")

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
OLD = NOW - datetime.timedelta(days=100)
RECENT = NOW - datetime.timedelta(days=1)


@unittest.skipUnless(ADMIN_KEY, "needs a gateway: run by the Java build (PythonClientIT)")
class DataLifecycleTest(unittest.TestCase):

    def setUp(self):
        self.admin = GatewayClient(URL, ADMIN_KEY, default_platform="dafabet")
        self.bot_id = "py_life_" + uuid.uuid4().hex[:8]
        self.session_id = "s_" + self.bot_id
        self.admin.execute("mutation { configurePlatform(input: {gameName: \"aviator\", platformCode: \"dafabet\"})"
                           " { platform { platformCode } } }")
        self.admin.execute("mutation($input: RegisterBotInput!) { registerBot(input: $input) { registration } }",
                           {"input": {"botId": self.bot_id, "strategyName": "compound", "initialBalance": Decimal("1000"),
                                      "baseStake": Decimal("10"), "maxStake": Decimal("100")}})
        self.admin.execute("mutation($input: StartSessionInput!) { startSession(input: $input) { duplicate } }",
                           {"input": {"botId": self.bot_id, "sessionId": self.session_id, "gameName": "aviator",
                                      "platformCode": "dafabet", "initialBalance": Decimal("1000.00"),
                                      "startTime": NOW - datetime.timedelta(days=101)}})
        rounds = [
            dict(round_number=1, round_outcome="WIN", stake_value=Decimal("10"), crash_multiplier=Decimal("2.10"),
                 cashout_multiplier=Decimal("1.50"), round_start_timestamp=OLD,
                 multiplier_samples=[{"multiplier": Decimal("1.20"), "sampleIndex": 0},
                                     {"multiplier": Decimal("1.50"), "sampleIndex": 1}]),
            dict(round_number=2, round_outcome="LOSS", stake_value=Decimal("20"), crash_multiplier=Decimal("1.10"),
                 round_start_timestamp=OLD + datetime.timedelta(minutes=1)),
            dict(round_number=3, round_outcome="WIN", stake_value=Decimal("10"), crash_multiplier=Decimal("3.00"),
                 cashout_multiplier=Decimal("2.00"), round_start_timestamp=RECENT,
                 multiplier_samples=[{"multiplier": Decimal("1.80"), "sampleIndex": 0}]),
            dict(round_number=4, round_outcome="SKIP", crash_multiplier=Decimal("1.50"),
                 round_start_timestamp=RECENT + datetime.timedelta(minutes=1)),
        ]
        for fields in rounds:
            self.admin.log_crash_round(bot_id=self.bot_id, session_id=self.session_id, **fields)

    def test_export_rounds_to_json_answers_plain_python_values_and_streams_into_a_json_file(self):
        rounds = self.admin.export_rounds_to_json(bot_id=self.bot_id)

        self.assertEqual([r["round_number"] for r in rounds], [1, 2, 3, 4])
        first = rounds[0]
        self.assertEqual(first["profit_loss_amount"], Decimal("5.00"))
        self.assertIsInstance(first["stake_value"], Decimal)
        self.assertEqual(first["round_start_timestamp"], OLD)
        self.assertIsNotNone(first["round_start_timestamp"].tzinfo)
        self.assertEqual([s["multiplier"] for s in first["multipliers"]], [Decimal("1.2000"), Decimal("1.5000")])
        self.assertEqual(list(first)[:3], ["round_id", "bot_id", "session_id"])

        recent = self.admin.export_rounds_to_json(bot_id=self.bot_id, start_date=RECENT)
        self.assertEqual([r["round_number"] for r in recent], [3, 4])
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "rounds.json")
            written = self.admin.export_rounds_to_json(path, bot_id=self.bot_id, end_date=RECENT)
            with open(path, encoding="utf-8") as exported:
                document = json.load(exported, parse_float=Decimal)
        self.assertEqual(written, 2)
        self.assertEqual([r["round_number"] for r in document], [1, 2])
        self.assertEqual(document[1]["profit_loss_amount"], Decimal("-20.00000000"))

    def test_export_multipliers_for_ml_has_one_row_per_sample_with_its_rounds_context(self):
        rows = self.admin.export_multipliers_for_ml(bot_id=self.bot_id)

        self.assertEqual([(r["round_number"], r["sample_index"], r["multiplier"]) for r in rows],
                         [(1, 0, Decimal("1.2000")), (1, 1, Decimal("1.5000")), (3, 0, Decimal("1.8000"))])
        self.assertEqual(rows[2]["crash_multiplier_detected"], Decimal("3.0000"))
        self.assertEqual(rows[2]["round_outcome"], "WIN")
        self.assertEqual(rows[2]["round_start_timestamp"], RECENT)
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "samples.csv")
            written = seed.GatewayClient(URL, ADMIN_KEY).export_multipliers_for_ml(path, session_id=self.session_id)
            with open(path, newline="", encoding="utf-8") as exported:
                table = list(csv.reader(exported))
        self.assertEqual(written, 3)
        self.assertEqual(table[0][:3], ["round_id", "bot_id", "session_id"])
        self.assertEqual([row[table[0].index("multiplier")] for row in table[1:]], ["1.2000", "1.5000", "1.8000"])

    def test_a_bad_filter_is_refused_naming_it_and_a_bot_key_may_not_export(self):
        with self.assertRaises(ValueError):
            self.admin.export_rounds_to_json(start_date=datetime.datetime(2026, 11, 20))
        with self.assertRaises(GatewayValidationError) as refused:
            self.admin.export_rounds_to_json(start_date=RECENT, end_date=OLD)
        self.assertEqual((refused.exception.field, refused.exception.rule), ("to", "AFTER_FROM"))
        key = self.admin.execute("mutation($bots: [ID!]) { createApiKey(input: {label: \"py export\", role: BOT,"
                                 " botIds: $bots}) { secret } }", {"bots": [self.bot_id]})["createApiKey"]["secret"]
        with self.assertRaises(GatewayAuthError):
            GatewayClient(URL, key).export_rounds_to_json(bot_id=self.bot_id)

    def test_get_database_size_adds_up(self):
        size = seed.GatewayClient(URL, ADMIN_KEY).get_database_size()

        tables = {t["table"]: t for t in size["tables"]}
        self.assertIn("crash_game_rounds", tables)
        for table in size["tables"]:
            self.assertEqual(table["total_bytes"], table["data_bytes"] + table["index_bytes"])
        self.assertGreaterEqual(size["total_bytes"], sum(t["total_bytes"] for t in size["tables"]))

    def test_cleanup_old_records_counts_then_deletes_the_old_rounds_and_keeps_the_all_time_figures(self):
        before = self.admin.get_bot_statistics(self.bot_id)
        with self.assertRaises(GatewayValidationError):
            self.admin.cleanup_old_records(days_to_keep=90)

        dry = self.admin.cleanup_old_records(dry_run=True)
        self.assertTrue(dry["dry_run"])
        self.assertGreaterEqual(dry["tables"]["crash_game_rounds"]["rows"], 2)
        self.assertEqual(len(self.admin.export_rounds_to_json(bot_id=self.bot_id)), 4)

        done = self.admin.cleanup_old_records()
        self.assertFalse(done["dry_run"])
        self.assertEqual(done["tables"]["crash_game_rounds"]["rows"], dry["tables"]["crash_game_rounds"]["rows"])
        self.assertIsNotNone(done["ran_at"].tzinfo)
        self.assertLess(done["tables"]["crash_game_rounds"]["older_than"], RECENT)
        self.assertEqual([r["round_number"] for r in self.admin.export_rounds_to_json(bot_id=self.bot_id)], [3, 4])
        after = self.admin.get_bot_statistics(self.bot_id)
        self.assertEqual(after["rounds"], 4)
        self.assertEqual(after, before)


class DataLifecycleOfflineTest(unittest.TestCase):

    def test_times_with_z_or_short_fractions_read_as_aware_datetimes(self):
        from crash_analytics_client.exports import parse_time
        utc = datetime.timezone.utc
        self.assertEqual(parse_time("2026-11-20T14:00:00.12+00:00"), datetime.datetime(2026, 11, 20, 14, 0, 0, 120000, utc))
        self.assertEqual(parse_time("2026-11-20T15:00:00Z"), datetime.datetime(2026, 11, 20, 15, tzinfo=utc))
        with self.assertRaises(ValueError):
            parse_time("2026-11-20T14:00:00")

    def test_the_export_url_carries_only_the_filters_that_are_set(self):
        from crash_analytics_client.exports import export_url
        client = GatewayClient("http://gateway:8080/", "key")
        start = datetime.datetime(2026, 11, 20, 14, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
        self.assertEqual(export_url(client.transport, "/exports/rounds.ndjson", client._export_filters(
            "bot 1", None, None, None, None, start, None)),
            "http://gateway:8080/exports/rounds.ndjson?botId=bot+1&from=2026-11-20T14%3A00%3A00%2B01%3A00")
        self.assertEqual(export_url(client.transport, "/exports/rounds.ndjson", client._export_filters(
            None, None, "aviator", None, None, None, None, "paper")),
            "http://gateway:8080/exports/rounds.ndjson?gameName=aviator&tradeType=PAPER")

    def test_days_to_keep_is_refused_before_anything_is_sent(self):
        with self.assertRaises(GatewayValidationError) as refused:
            GatewayClient("http://127.0.0.1:9", "key").cleanup_old_records(days_to_keep=30)
        self.assertEqual(refused.exception.field, "days_to_keep")
