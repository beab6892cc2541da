"""What /reminders, /timezone, /quiet and /walk say. Merged into `core.texts.catalogue.EN`, so
every key here is used through `say(key, lang, **values)` like the rest of the catalogue."""

from __future__ import annotations

REMINDER_TEXTS: dict[str, str] = {
    # Commands, shown by /help and in Telegram's command menu.
    "command.reminders": "Your upcoming reminders: pause, resume or stop them",
    "command.timezone": "Set your time zone",
    "command.quiet": "Hours when I stay silent",
    "command.walk": "Set or stop your daily walk reminder",
    # /reminders: what each kind of check-in is called, in a list and on its buttons.
    "rem.kind.walk_daily": "Daily walk",
    "rem.kind.walk_snooze": "Walk reminder, again",
    "rem.kind.grief_over": "Grief window over",
    "rem.kind.feedback_followup": "Did they reply to your feedback request?",
    "rem.kind.learning_goal": "How your learning goal went",
    "rem.kind.come_back": "A gentle check-in",
    "rem.kind.options_review": "Weekly look at your options",
    "rem.kind.other": "A check-in",
    "rem.short.walk_daily": "walk",
    "rem.short.walk_snooze": "snoozed walk",
    "rem.short.grief_over": "grief check-in",
    "rem.short.feedback_followup": "feedback check",
    "rem.short.learning_goal": "goal check",
    "rem.short.come_back": "check-in",
    "rem.short.options_review": "options review",
    "rem.short.other": "check-in",
    "rem.title": "⏰ Your upcoming reminders (your time, {zone}):",
    "rem.line": "{kind} — {when}",
    "rem.line_daily": "{kind} — every day at {time}, next {when}",
    "rem.line_daily_paused": "{kind} — every day at {time}",
    "rem.paused_mark": " (paused)",
    "rem.empty": (
        "You have no reminders planned right now. That's okay: /walk sets a daily walk, and "
        "I'll plan the others with you as we go through the steps."
    ),
    "rem.btn.pause": "⏸ Pause {what}",
    "rem.btn.resume": "▶️ Resume {what}",
    "rem.btn.stop": "✖ Stop {what}",
    "rem.paused": "Paused: {kind}. It waits until you resume it.",
    "rem.resumed": "Back on: {kind}.",
    "rem.stopped": "Stopped: {kind}. You won't hear about it again.",
    "rem.unchanged": "That one has already gone out or changed, so there was nothing to do.",
    "rem.not_yours": (
        "That button doesn't belong to any of your reminders, so I left everything as it was. "
        "/reminders shows yours."
    ),
    # /timezone.
    "tz.current": "Your time zone is {zone}; it's {now} there now.",
    "tz.unset": "I don't know your time zone yet, so I'm using {zone}; it's {now} there now.",
    "tz.ask": (
        "Pick yours below, or type a city, a zone like Europe/Berlin, or an offset like UTC+2. "
        "(/skip keeps it as it is.)"
    ),
    "tz.unknown": (
        "I couldn't find a time zone for “{text}”. Try a big city near you, a zone like "
        "America/Chicago, or an offset like UTC-5."
    ),
    "tz.changed": "Done: your time zone is now {label}. It's {now} there.",
    # After a fixed UTC offset the user typed ("UTC+2"): such a zone never changes its clocks.
    "tz.fixed_offset": "no daylight-saving changes",
    "tz.moved": "Your reminders moved with you and keep their local times.",
    "tz.kept": "Okay, your time zone stays {zone}.",
    # /quiet.
    "quiet.current": (
        "Quiet hours: {start}–{end} (your time). Nothing arrives then; a reminder that falls "
        "inside waits until {end}."
    ),
    "quiet.current_off": "Quiet hours are off, so reminders can arrive at any hour.",
    "quiet.ask": (
        "Pick new quiet hours, or type them like 22-7 or 10pm-7am. Send “off” for none, "
        "or /skip to keep them."
    ),
    "quiet.btn.off": "Off",
    "quiet.set": "Done: quiet hours are now {start}–{end} (your time).",
    "quiet.set_off": "Done: quiet hours are off. Reminders come right when they're due.",
    "quiet.invalid": (
        "I couldn't read “{text}” as quiet hours. Try 22-7, 22:00-08:00 or 10pm-7am, or “off”."
    ),
    "quiet.kept": "Okay, your quiet hours stay as they are.",
    # /walk.
    "walkcmd.current": "Your walk reminder comes every day at {time}, next {when}.",
    "walkcmd.current_paused": "Your walk reminder is set for {time} every day, but it's paused.",
    "walkcmd.none": "You don't have a walk reminder yet.",
    "walkcmd.ask": (
        "Pick a time or type one like 7:30 or 6.15 pm ({zone} time). (/skip leaves it as it is.)"
    ),
    "walkcmd.in_quiet": (
        "That's inside your quiet hours ({start}–{end}), so each reminder will wait until "
        "{end}. /quiet changes them."
    ),
    "walkcmd.stop": "Stop reminders",
    "walkcmd.set": "A walk every day at {time}. 🚶 The first reminder comes {when}.",
    "walkcmd.stopped": (
        "Walk reminders stopped. Step outside whenever you like; /walk brings them back."
    ),
    "walkcmd.nothing_to_stop": "There's no walk reminder to stop.",
    "walkcmd.invalid": "I couldn't read “{text}” as a time of day. Try 7:30, 18:00 or 6.15 pm.",
    "walkcmd.kept": "Okay, nothing changed.",
}
