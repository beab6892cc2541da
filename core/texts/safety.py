"""What the bot says when someone may be in crisis, and what /sos shows. Meant to be merged into
`core.texts.catalogue.EN` like the reminder texts; `core.safety` builds its replies from this
dict directly, so it works before and after that merge.

Plain, warm and short enough to read on a phone. Bounce Back is a job-search coach, not a crisis
service, and every reply says so. Helpline names and numbers are data in `core.safety`."""

from __future__ import annotations

SAFETY_TEXTS: dict[str, str] = {
    # Command menu and /help.
    "command.sos": "Crisis lines and urgent help, any time",
    # First line of the reply to crisis language, and of /sos.
    "safety.crisis.opening": (
        "I'm really glad you told me, and I'm sorry it hurts this much. You matter. 💛"
    ),
    "safety.sos.opening": "You matter, and help is there whenever you need it. 💛",
    "safety.not_a_crisis_service": (
        "Bounce Back is a job-search coach, not a crisis service, so I can't help in an emergency."
    ),
    # {numbers} is `safety.emergency.numbers`, with the local number first where it's known.
    "safety.emergency": (
        "If you're in danger right now, call your local emergency number ({numbers})."
    ),
    "safety.emergency.numbers": "112 in Europe, 911 in the US and Canada, 999 in the UK",
    "safety.emergency.au": "000 in Australia",
    "safety.emergency.nz": "111 in New Zealand",
    "safety.emergency.jp": "119 in Japan",
    "safety.emergency.in": "112 in India",
    "safety.emergency.br": "192 in Brazil",
    "safety.emergency.mx": "911 in Mexico",
    # Shown above the helplines for the person's language or country, if there are any.
    "safety.helplines": "You don't have to carry this alone. You can talk to someone now:",
    "safety.helpline": "• {name}: {contact}",
    "safety.directory": (
        "Wherever you are, findahelpline.com finds a free, confidential helpline in your country."
    ),
    # Only after crisis language (not /sos): the bot pauses check-ins for CRISIS_PAUSE_HOURS.
    "safety.pause": (
        "I'll pause my reminders for a day. When you're ready, /resume picks up where we left off."
    ),
}
