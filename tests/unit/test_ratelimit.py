"""The steady rate limiter: evenly spaced sends, and a pause after RetryAfter."""

from __future__ import annotations

import asyncio
import itertools
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter

from bot.ratelimit import SteadyRateLimiter


async def test_sends_are_spaced_evenly_without_a_burst() -> None:
    limiter = SteadyRateLimiter(per_second=50)
    loop = asyncio.get_running_loop()
    moments: list[float] = []

    async def send() -> bool:
        moments.append(loop.time())
        return True

    await asyncio.gather(
        *(
            limiter.process_request(send, (), {}, "sendMessage", {"chat_id": i}, None)
            for i in range(6)
        )
    )

    gaps = [b - a for a, b in itertools.pairwise(moments)]
    # 1/50 s apart, never a burst (asyncio may wake a timer up to a millisecond early).
    assert min(gaps) >= 0.015
    assert moments[-1] - moments[0] >= 5 * 0.02 - 0.005


async def test_calls_without_a_chat_are_not_held_back() -> None:
    limiter = SteadyRateLimiter(per_second=1)
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def call() -> bool:
        return True

    for _ in range(3):
        await limiter.process_request(call, (), {}, "getMe", {}, None)

    assert loop.time() - start < 0.5


async def test_retry_after_waits_then_retries() -> None:
    limiter = SteadyRateLimiter(per_second=100)
    attempts: list[float] = []
    loop = asyncio.get_running_loop()

    async def flaky() -> Any:
        attempts.append(loop.time())
        if len(attempts) == 1:
            raise RetryAfter(timedelta(seconds=0.2))
        return {"ok": True}

    result = await limiter.process_request(flaky, (), {}, "sendMessage", {"chat_id": 1}, None)

    assert result == {"ok": True}
    assert attempts[1] - attempts[0] >= 0.2


async def test_no_one_second_window_holds_more_than_the_limit() -> None:
    limiter = SteadyRateLimiter(per_second=40)
    loop = asyncio.get_running_loop()
    moments: list[float] = []

    async def send() -> bool:
        moments.append(loop.time())
        await asyncio.sleep(0.003)  # a late-waking task must not let the next ones bunch up
        return True

    await asyncio.gather(
        *(
            limiter.process_request(send, (), {}, "sendMessage", {"chat_id": i}, None)
            for i in range(90)
        )
    )

    most = max(sum(1 for m in moments if start <= m < start + 1.0) for start in moments)
    assert most <= 40
    rate = (len(moments) - 1) / (moments[-1] - moments[0])
    assert rate >= 0.95 * 40
