"""What /privacy, /export, /delete and the retention warning say. Merged into
`core.texts.catalogue.EN`, so every key here is used through `say(key, lang, **values)` like the
rest of the catalogue. The Markdown export's headings are here too: the file is for people."""

from __future__ import annotations

from core.texts.plural import Plural

PRIVACY_TEXTS: dict[str, str | Plural] = {
    # Commands, shown by /help and in Telegram's command menu.
    "command.privacy": "What I keep about you, and why",
    "command.export": "A copy of everything you've told me",
    "command.delete": "Delete everything I keep about you",
    # /privacy. {period}: `privacy.days` with RETENTION_DAYS.
    "privacy.days": Plural("{days} day", "{days} days", n="days"),
    "privacy.text": (
        "🔒 Your privacy\n\n"
        "What I keep: your Telegram id, language, time zone and quiet hours; your answers "
        "and reflections, the employers you're talking to, your walk log and the check-ins "
        "I've planned for you (and, if you told me you were in crisis, until when they "
        "pause).\n\n"
        "Why: to coach you through the steps and to check in at the times you chose. "
        "Nothing else.\n\n"
        "How: what you write is encrypted at rest, with a key kept outside the database. "
        "It never goes into logs.\n\n"
        "For how long: until you delete it. If you don't write to me for {period}, I "
        "delete everything on my own, and I'll let you know a week before.\n\n"
        "Who sees it: no one browses it. The people who run this bot see only counts (such as "
        "how many people use it), never what you wrote. It's never shared or sold.\n\n"
        "Your choices:\n"
        "/export — a copy of everything, as files\n"
        "/delete — erase everything, for good"
    ),
    # /export: the message before the files.
    "export.ready": (
        "Here's everything I keep about you, in two files: one to read, and one for other "
        "apps. It's personal, so keep it somewhere safe. 📄"
    ),
    # The Markdown file. {zone}: the time zone its times are in.
    "export.md.title": "# Bounce Back: your data",
    "export.md.intro": (
        "Exported {when}. Times are in {zone}. This is everything Bounce Back keeps about you."
    ),
    "export.md.profile": "## Profile",
    "export.md.telegram_id": "Telegram id",
    "export.md.language": "Language",
    "export.md.timezone": "Time zone",
    "export.md.quiet": "Quiet hours",
    "export.md.quiet_off": "off",
    "export.md.created": "First message",
    "export.md.last_seen": "Last message",
    "export.md.not_set": "not set",
    "export.md.journeys": "## Journeys",
    "export.md.journey": "### Journey {number}: {status}",
    "export.md.journey_dates": "Started {started}, last change {updated}",
    "export.md.journey_completed": ", finished {completed}",
    "export.md.no_answers": "No answers yet.",
    "export.md.step": "Step {step}: {title}",
    "export.md.wrap_up": "Wrapping up",
    "export.md.opportunities": "## Opportunities",
    "export.md.added": "added {when}",
    "export.md.closed": "closed {when}",
    "export.md.checkins": "## Check-ins",
    "export.md.walks": "## Walk log",
    "export.md.moods": "## Moods you gave in check-ins",
    "export.mood": "{mood} out of 5",
    "export.md.none": "None.",
    "export.journey_status.active": "in progress",
    "export.journey_status.paused": "paused",
    "export.journey_status.completed": "finished",
    "export.journey_status.left": "left for a newer one",
    "export.checkin_status.pending": "planned",
    "export.checkin_status.paused": "paused",
    "export.checkin_status.claimed": "being sent",
    "export.checkin_status.sent": "sent",
    "export.checkin_status.failed": "couldn't be delivered",
    "export.checkin_status.dropped": "skipped",
    "export.checkin_status.cancelled": "cancelled",
    "export.walk.walked": "walked",
    "export.walk.skipped": "skipped",
    # /delete.
    "delete.confirm": (
        "This deletes everything I keep about you: your answers and reflections, the "
        "employers you're talking to, your walk log, your planned check-ins and your "
        "settings. It can't be undone.\n\n"
        "If you'd like a copy first, send /export.\n\n"
        "Delete everything?"
    ),
    "delete.btn.yes": "Yes, delete everything",
    "delete.btn.no": "Keep my data",
    "delete.done": (
        "All gone. Everything you told me and every check-in I'd planned is deleted. 💛\n\n"
        "Thank you for letting me walk with you for a while. If you ever want to start "
        "again, send /start and we'll begin fresh."
    ),
    "delete.kept": "Good, everything stays just as it was.",
    "delete.not_yours": "That button was meant for someone else, so nothing was deleted.",
    "delete.expired": (
        "That button is too old to be safe, so nothing was deleted. Send /delete again if "
        "you still want to erase everything."
    ),
    # The retention warning check-in (kind "retention_warning"), a week before deletion.
    "retention.warning": (
        "Hi, it's been a while. 💛 To protect your privacy, I delete everything I keep about "
        "people who haven't written for a long time, and for you that's in a week.\n\n"
        "Want to keep it? Send me any message. Want a copy? Send /export. Want it gone now? "
        "Send /delete."
    ),
}
