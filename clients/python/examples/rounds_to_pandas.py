"""Loads a bot's rounds into a pandas DataFrame (or prints them when pandas is not installed), paging through the
gateway's rounds connection. Money and multipliers stay Decimal.

    CRASH_GATEWAY_API_KEY=cag_... python3 examples/rounds_to_pandas.py my_bot_001
"""
import sys

from crash_analytics_client import client

ROUNDS = """
query($bot: ID!, $after: String) {
  rounds(filter: {botIds: [$bot]}, first: 500, after: $after) {
    edges { node { roundNumber roundStartTimestamp roundOutcome stakeValue crashMultiplier cashoutMultiplier profitLoss } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def rounds_of(bot_id):
    after = None
    while True:
        page = client().execute(ROUNDS, {"bot": bot_id, "after": after})["rounds"]
        for edge in page["edges"]:
            yield edge["node"]
        if not page["pageInfo"]["hasNextPage"]:
            return
        after = page["pageInfo"]["endCursor"]


if __name__ == "__main__":
    rows = list(rounds_of(sys.argv[1] if len(sys.argv) > 1 else "my_bot_001"))
    try:
        import pandas
    except ImportError:
        for row in rows[:20]:
            print(row)
        print("%d rounds (install pandas for a DataFrame)" % len(rows))
    else:
        frame = pandas.DataFrame(rows)
        frame["roundStartTimestamp"] = pandas.to_datetime(frame["roundStartTimestamp"], utc=True)
        print(frame.describe(include="all"))
