"""The seed's "Minimal Bot Integration" loop, unchanged but for the import line (and the configuration: set
CRASH_GATEWAY_URL, CRASH_GATEWAY_API_KEY with the bot's key and CRASH_GATEWAY_PLATFORM, e.g. dafabet).

    CRASH_GATEWAY_API_KEY=cag_... CRASH_GATEWAY_PLATFORM=dafabet python3 examples/minimal_bot.py
"""
from crash_analytics_client import (
    init_db,
    create_session_log,
    update_session_log,
    log_crash_round,
    log_round_outcome,
)
from decimal import Decimal

# Initialize once
init_db()

# Start session
session_id = create_session_log(
    bot_id="my_bot_001",
    session_id="session_001",
    game_name="aviator",
    initial_balance=Decimal("1000.00"),
)

# In your bot loop
for round_num in range(1, 100):
    # Your betting logic...
    stake = Decimal("10.00")
    crash_mult = Decimal("2.45")
    target_mult = Decimal("1.33")

    # Determine outcome
    if crash_mult >= target_mult:
        outcome = "WIN"
        profit = (target_mult - 1) * stake
    else:
        outcome = "LOSS"
        profit = -stake

    # Log the round
    round_id = log_crash_round(
        bot_id="my_bot_001",
        session_id=session_id,
        game_name="aviator",
        platform_code="dafabet",
        round_number=round_num,
        stake_value=stake,
        crash_multiplier=crash_mult,
        cashout_multiplier=target_mult if outcome == "WIN" else None,
        round_outcome=outcome,
        profit_loss=profit,
    )

# Close session
update_session_log(session_id=session_id, status="completed")
