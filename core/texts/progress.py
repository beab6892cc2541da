"""What /progress, its picture, the weekly recap and the mood check-in say. Merged into
`core.texts.catalogue.EN` like the other text modules."""

from __future__ import annotations

from core.texts.plural import Plural

PROGRESS_TEXTS: dict[str, str | Plural] = {
    "command.progress": "Your progress as a picture",
    # /progress: the caption under the picture (it says what the picture shows).
    "progress.title": "📈 Your progress so far:",
    "progress.steps": Plural("Steps: {count} of 10 done.", "Steps: {count} of 10 done."),
    "progress.mood_none": "Mood: nothing yet. I'll ask now and then, and it shows up here.",
    "progress.mood_one": "Mood: {mood} out of 5 so far.",
    "progress.mood_up": "Mood: from {first} to {last} out of 5. That's movement.",
    "progress.mood_down": (
        "Mood: from {first} to {last} out of 5. Heavy weeks happen; be gentle with yourself."
    ),
    "progress.mood_same": "Mood: steady at {mood} out of 5.",
    "progress.walks": Plural(
        "Walks: {count} day in the last four weeks.",
        "Walks: {count} days in the last four weeks.",
    ),
    "progress.walks_none": (
        "Walks: none logged in the last four weeks yet. Ten minutes outside counts."
    ),
    "progress.employers": Plural(
        "Employers in play: {count} of the 5 to aim for. /options adds one.",
        "Employers in play: {count} of the 5 to aim for. /options adds one.",
    ),
    "progress.employers_enough": Plural(
        "Employers in play: {count}. Five or more, so no single one carries it all.",
        "Employers in play: {count}. Five or more, so no single one carries it all.",
    ),
    "progress.employers_none": (
        "Employers in play: none yet. Aim for about five at once; /options adds the first."
    ),
    "progress.empty": (
        "Your picture is still blank, and that's fine: it fills in as you go. Answer the next "
        "step when you're ready (/resume), and it starts to show."
    ),
    "progress.not_started": (
        "There's nothing to draw yet, and that's fine. Send /start when you're ready, and your "
        "picture fills in as we go."
    ),
    # The picture itself (short: they sit on a small chart).
    "picture.title": "Your progress",
    "picture.mood": "Mood (1–5)",
    "picture.mood_empty": "No mood answers yet",
    "picture.walks": "Walks, last 4 weeks",
    "picture.walked": "walked",
    "picture.skipped": "skipped",
    "picture.employers": "Employers by stage",
    "picture.target": "aim: 5",
    "picture.employers_empty": "No employers yet",
    "picture.steps": "The ten steps",
    "picture.steps_done": "{done} of 10 done",
    "picture.empty": "Nothing here yet, and that's okay.",
    # The weekly recap (Sunday evening): two lines under the picture, then the mood question.
    "recap.glance": (
        "Your week at a glance: walks {walks}, employers in play {employers} of 5, "
        "steps done {done} of 10."
    ),
    "recap.next_employer": "One small move for next week: add one more employer with /options.",
    "recap.next_walks": "Next week, try for three walks. Fresh air does more than it sounds.",
    "recap.next_step": "Next week: one more step. /resume picks up where you left off.",
    # Instead of the suggestions above when the latest mood was 1 or 2.
    "recap.gentle": (
        "If this week was heavy, that's okay. One small step is plenty, whenever you're ready."
    ),
    "recap.keep_going": "You're doing the things that lead to the next yes. Keep it moving.",
    # The recap when its picture can't be put together (its words alone).
    "ci.weekly_recap": "It's Sunday: time for your weekly recap. /progress shows your picture.",
    "rem.kind.weekly_recap": "Weekly recap (Sunday evening)",
    "rem.short.weekly_recap": "weekly recap",
    # The mood question in the grief-window check-in and the weekly recap.
    "ci.mood_question": "And how are you feeling now, from 1 (awful) to 5 (okay)?",
    "ci.mood_saved": "Noted: {mood} out of 5. /progress shows how it moves.",
    "ci.mood_low": (
        "I'm sorry today is this hard. Go gently; if it feels like too much, /sos has people "
        "you can talk to right now."
    ),
}
