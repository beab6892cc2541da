"""What the bot says when someone may be in crisis, and what /sos shows. Meant to be merged into
`core.texts.catalogue.EN` like the reminder texts; `core.safety` builds its replies from this
dict directly, so it works before and after that merge.

Plain, warm and short enough to read on a phone. Bounce Back is a job-search coach, not a crisis
service, and every reply says so. Helpline names and numbers are data in `core.safety`; the
texts that describe how to reach them ("call {phone}", "free", "day or night") are here, so
every language reads naturally."""

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
    "safety.emergency.ar": "107 or 911 in Argentina",
    "safety.emergency.co": "123 in Colombia",
    "safety.emergency.cl": "131 in Chile",
    "safety.emergency.pe": "106 in Peru",
    "safety.emergency.ru": "112 in Russia",
    "safety.emergency.ua": "103 in Ukraine",
    "safety.emergency.il": "101 in Israel",
    # Shown above the helplines for the person's language or country, if there are any.
    "safety.helplines": "You don't have to carry this alone. You can talk to someone now:",
    # One line per helpline. {name} is the service's own name with its country in brackets;
    # {contact} is one of the safety.contact texts below, then "free" and "day or night" where
    # they apply, joined with commas: "call 116 123, free, day or night".
    "safety.helpline": "• {name}: {contact}",
    # {phone}, {other} and {text} are phone numbers, written as the service writes them.
    "safety.contact.call": "call {phone}",
    "safety.contact.call_either": "call {phone} or {other}",
    "safety.contact.call_or_text": "call or text {phone}",
    "safety.contact.call_and_text": "call {phone} or text {text}",
    # {option} is the number to choose on the line's menu (988's Spanish service is option 2).
    "safety.contact.call_option": "call {phone} and choose option {option}",
    # The call costs nothing.
    "safety.contact.free": "free",
    # Someone answers at any hour.
    "safety.contact.always": "day or night",
    "safety.directory": (
        "Wherever you are, findahelpline.com finds a free, confidential helpline in your country."
    ),
    # Only after crisis language (not /sos): the bot pauses check-ins for CRISIS_PAUSE_HOURS.
    "safety.pause": (
        "I'll pause my reminders for a day. When you're ready, /resume picks up where we left off."
    ),
}
