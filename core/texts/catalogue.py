"""Every sentence the bot says, keyed, so it can be reviewed and translated without touching
logic. Use `say(key, language, **values)`; values are inserted with str.format.

The English texts here are the source of the gettext catalogues in core/locale (see the README,
"Languages"): `make extract-messages` writes them to bounceback.pot with each key as the
message context, `make update-messages` merges that into every language's .po file, and
`make compile-messages` builds the .mo files the bot reads (it falls back to the .po)."""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from core.texts.coaching import COACHING_TEXTS
from core.texts.feedback import FEEDBACK_TEXTS
from core.texts.languages import ENGLISH, language_for
from core.texts.plural import Plural
from core.texts.privacy import PRIVACY_TEXTS
from core.texts.progress import PROGRESS_TEXTS
from core.texts.reminders import REMINDER_TEXTS
from core.texts.safety import SAFETY_TEXTS

EN: dict[str, str | Plural] = {
    # Commands, shown by /help and in Telegram's command menu.
    "command.start": "Begin, or see where you are",
    "command.resume": "Show the question we're on",
    "command.steps": "The ten steps and your progress",
    "command.back": "Go back and change your last answer",
    "command.skip": "Skip this question",
    "command.pause": "Stop for now; everything is kept",
    "command.journal": "Your answers and reflections",
    "command.options": "The employers you're talking to",
    "command.feedback": "Your feedback request, ready to copy",
    "command.new": "Start again for another rejection",
    "command.help": "What I can do and every command",
    "command.language": "Change the language I speak",
    # /language: the buttons carry each language's own name.
    "language.ask": "Which language should I speak? 🌍",
    # Said in the language just chosen.
    "language.set": "Done: from now on I'll speak English with you.",
    "language.kept": "Okay, we'll keep the language as it is.",
    # First contact.
    "start.welcome": (
        "Hi {name}, I'm Bounce Back. 💛\n\n"
        "Hearing “no” after an interview hurts, and it says less about you than it feels like "
        "right now. I'll walk with you through ten short steps to recover and get moving "
        "again: one question at a time, at your pace, and I'll remember what you tell me.\n\n"
        "Send /help any time to see everything I can do."
    ),
    "start.welcome_back": "Welcome back, {name}. 💛 I still have everything you told me.",
    "help.intro": (
        "I'm Bounce Back, a coach for the days after a job interview didn't work out. "
        "I guide you through ten recovery steps and check in with you at the times you choose."
    ),
    "help.commands_title": "Commands:",
    "help.more_title": "Reminders, help and your data:",
    # The journey as a whole.
    "journey.intro": (
        "First, a few quick questions about what happened. Skip anything you'd rather not say."
    ),
    "journey.completed": (
        "You've finished all ten steps for this one. 🌱 /journal shows what you wrote, "
        "/options your employers, /feedback your feedback request. Send /new if another "
        "rejection comes along."
    ),
    "journey.none": "We haven't started yet. Send /start and we'll begin together.",
    "journey.paused": (
        "Paused. Everything you've told me is kept. Send /resume whenever you're ready, "
        "tomorrow or next week."
    ),
    "journey.paused_hint": "We're paused. Send /resume to pick up exactly where we stopped.",
    "header.intake": "Getting started",
    "header.step": "Step {step} of 10 · {title}\n{bar}",
    "step.1": "Don't take it personally",
    "step.2": "Accept reality",
    "step.3": "Have options",
    "step.4": "Introspect",
    "step.5": "Keep learning",
    "step.6": "Consider your strengths",
    "step.7": "A limited time to grieve",
    "step.8": "Take a walk",
    "step.9": "Keep it moving",
    "step.10": "Ask for feedback",
    # Moving around.
    # A button's label quoted in a sentence (each language has its quotation marks).
    "quote.label": "“{label}”",
    "nav.back_button": "‹ Back",
    "nav.skip_button": "Skip ›",
    "nav.previous_answer": "Your earlier answer: “{answer}”. Send a new one to change it, or tap Skip to keep it.",
    "nav.no_back": "This is the first question, so there's nothing to go back to.",
    "nav.cannot_skip": "This one can't be skipped, but it only takes a tap.",
    "nav.stale_here": "That button is from an earlier message. Here's where we are now:",
    # Answers that can't be used (the question is asked again; nothing is lost).
    "invalid.stale_choice": "That choice isn't available any more. Here's the question again:",
    "invalid.location_here": (
        "Thanks for the location. I only need it when we set your time zone, so I didn't keep it."
    ),
    "invalid.location": (
        "I couldn't find a time zone for that spot. Could you type your city instead?"
    ),
    "invalid.empty": "That message looks empty. Could you write a few words?",
    "invalid.too_long": (
        "That's a lot, thank you for sharing it. I kept the first {limit} characters."
    ),
    "invalid.choose": "Please pick one of the buttons below (or type its label).",
    "invalid.zone": (
        "I don't know the place or time zone “{text}”. Try a big city near you (like "
        "Berlin or Chicago), a name like Europe/Berlin, or pick one below."
    ),
    "invalid.count": "I need a number there, like 0, 2 or 5.",
    "invalid.date": (
        "I couldn't read that as a date. Try 2026-12-15, 15.12, “Dec 15” or “in 2 weeks”."
    ),
    "invalid.date_range": "Pick a day after today and within a year.",
    "invalid.hours": "I couldn't read that as a number of hours. Try 36 or “36 hours”.",
    "invalid.hours_range": "Pick between 12 and 72 hours: long enough to feel it, short enough to move on.",
    "invalid.time": ("I couldn't read “{text}” as a time of day. Try 7:30, 19:00 or 7.30 pm."),
    # Intake.
    "intake.company": "Which company was it? (Skip if you'd rather not say.)",
    "intake.role": "And the role you interviewed for?",
    "intake.when": "When did you hear back?",
    "intake.when.today_label": "Today",
    "intake.when.yesterday_label": "Yesterday",
    "intake.when.earlier_label": "Earlier",
    "intake.when.today": "It's fresh, then. Go easy on yourself today.",
    "intake.when.yesterday": "A day on, it can still sting. That's normal.",
    "intake.when.earlier": "Thanks for coming back to it; it's never too late to reset.",
    "intake.mood": "How are you feeling right now, from 1 (awful) to 5 (okay)?",
    "intake.mood.label.1": "1 😞",
    "intake.mood.label.2": "2 😕",
    "intake.mood.label.3": "3 😐",
    "intake.mood.label.4": "4 🙂",
    "intake.mood.label.5": "5 😊",
    "intake.mood.1": "I'm sorry it hurts this much. We'll take it slowly, one small step at a time.",
    "intake.mood.2": "That sounds heavy. Small steps are enough today.",
    "intake.mood.3": "Somewhere in the middle. Let's make it a little lighter.",
    "intake.mood.4": "Good that you're holding up. Let's use that energy well.",
    "intake.mood.5": "Glad you're doing okay. Let's turn this into momentum.",
    "intake.tz": (
        "Which time zone are you in? I use it to check in at sensible hours.\n"
        "Pick one, type your city (e.g. Lisbon) or a name like Europe/Berlin, or share "
        "your location (📎 → Location)."
    ),
    "intake.tz.confirm": "Got it: {zone}. It's {time} there now.",
    "intake.tz.default": "No problem. I'll use {zone} for now (it's {time} there).",
    # Step 1.
    "s1.story": (
        "After a “no”, our mind writes a story about why. What story are you telling "
        "yourself about what went wrong?"
    ),
    "s1.reframe": (
        "Thank you for putting that into words. Here's another way to see it: hiring "
        "decisions are rarely about one interview alone. Budget, timing, internal candidates "
        "and the mix of the team all play a part, and you only ever see a small slice of it."
    ),
    "s1.prepared": "Honestly: did you prepare and give it your best?",
    "s1.prepared.yes_label": "Yes",
    "s1.prepared.mostly_label": "Mostly",
    "s1.prepared.not_really_label": "Not really",
    "s1.prepared.yes": (
        "Then there's little else you could have done. The outcome wasn't in your hands."
    ),
    "s1.prepared.mostly": (
        "Mostly is a lot. Keep in mind the one thing you'd prepare differently; we'll come "
        "back to it in step 4."
    ),
    "s1.prepared.not_really": (
        "That's honest, and useful: it means the next one is partly in your hands. "
        "We'll turn it into a plan in steps 4 and 5."
    ),
    # Step 2.
    "s2.accept": (
        "Next: accepting it, so it stops taking energy. Write one sentence that accepts the "
        "outcome as it is.\nFor example: “I didn't get this job, and I'm ready to put my "
        "energy into the next one.”"
    ),
    "s2.steer": (
        "You may be right: some of it really was out of your hands, like we said in step 1. "
        "That's exactly why it's worth letting go of: it won't change, and your energy is "
        "better spent on the next one. Try one sentence about what is and what you'll do: "
        "“I didn't get it, and…”"
    ),
    "s2.accept_again": "In your own words: one sentence that accepts what happened.",
    "s2.thanks": "That's the spirit. Accepting it doesn't mean it didn't matter; it frees you to move.",
    # Step 3.
    "s3.count": (
        "It hurts less when one job isn't everything. A good rule is to be seriously talking "
        "to about five employers at once. How many are you actively talking to right now?"
    ),
    "s3.meter": "Options: {bar} {count} of {target}",
    "s3.count.none": "That's where many people start. Let's add the first one now.",
    "s3.count.some": "{count} is a start. Let's write them down so we can keep track.",
    "s3.already_known": "I already have {known} from before (see /options).",
    "s3.ask_company": "Which company? (Skip when you're done.)",
    "s3.ask_company_next": "Which company is next? (Skip when you're done.)",
    "s3.ask_role": "What's the role there?",
    "s3.ask_stage": "Where are you with them?",
    "stage.applied": "Applied",
    "stage.screening": "Screening",
    "stage.interviewing": "Interviewing",
    "stage.final": "Final round",
    "stage.offer": "Offer",
    "s3.added": "Added: {company} ({stage}).",
    "s3.enough": "That's real volume. No single answer can knock you over now.",
    "s3.more": "Add another one?",
    "s3.more.add": "➕ Add another",
    "s3.more.done": "That's all for now",
    "s3.where_next": (
        "Where to find the next one: people you've worked with, your target companies' "
        "careers pages, recruiters in your field, and the teams of the companies you're "
        "already talking to. Add them any time with /options."
    ),
    # Step 4.
    "s4.went_well": "Let's look back calmly. What went well in the interview?",
    "s4.went_badly": "What didn't go so well?",
    "s4.preparation_hint": "(In step 1 you said your preparation wasn't all there: anything you'd prepare differently belongs here too.)",
    "s4.why": "Why do you think that part went the way it did?",
    "s4.saved": "Your notes from this step are in /journal. Writing them down is how they turn into improvement next time.",
    "s4.practice": (
        "Is there a friend, colleague or recruiter who could practise the weak spots with you? "
        "Who could you ask?"
    ),
    "s4.practice_thanks": "Good choice. Ask them this week: a half-hour mock interview goes a long way.",
    # Step 5.
    "s5.skill": (
        "A rejection can dent your confidence; learning something builds it back. "
        "What's one skill you'd like to sharpen?"
    ),
    "s5.action": "What's a first small action for it, something you could start this week?",
    "s5.goal_date": "By when? Pick one or type a date.",
    "s5.in_week": "In a week",
    "s5.in_two_weeks": "In 2 weeks",
    "s5.in_month": "In a month",
    "s5.confirm": "Noted. I'll ask how it went on {when}.",
    # Step 6.
    "s6.ask": (
        "After a “no”, it's easy to see only faults. What are three strengths you bring? "
        "Send them one at a time or all together, separated by commas."
    ),
    "s6.ask_more": "Great. {missing} more to go.",
    "s6.more": "Got it, that's {count} so far.",
    "s6.reflect": (
        "Here's what you bring:\n{strengths}\n\nLook for roles that use these and that you "
        "care about; that enthusiasm shows in interviews."
    ),
    # Step 7.
    "s7.grief": (
        "It's okay to feel down about this. Give yourself a set time for it, then we move on. "
        "How long do you need?"
    ),
    "s7.24h": "24 hours",
    "s7.48h": "48 hours",
    "s7.custom": "Other…",
    "s7.grief_hours": "How many hours? Anything from 12 to 72.",
    "s7.confirm": Plural(
        "Your {hours}-hour window ends {when} (your time). Until then, feel what you feel. "
        "And think of a time you bounced back before: that strength is still there. "
        "I'll check in when the window closes.",
        "Your {hours}-hour window ends {when} (your time). Until then, feel what you feel. "
        "And think of a time you bounced back before: that strength is still there. "
        "I'll check in when the window closes.",
        n="hours",
    ),
    # Step 8.
    "s8.walk": (
        "Time outside helps mood, focus and perspective, even a short walk in a city park. "
        "What time each day suits a walk? Pick one or type a time like 7:30 or 6.15 pm."
    ),
    "s8.confirm": "A walk every day at {time}. I'll remind you, starting {first}.",
    "s8.kept": "Keeping your daily walk at {time}.",
    "s8.skipped": "No walk reminder then. You can still step outside whenever you like.",
    # Step 9.
    "s9.next_opp": (
        "Let's keep it moving, with a fresh look and no baggage from the last one. "
        "Which opportunity is next?"
    ),
    "s9.new": "➕ A new one",
    "s9.next_new": "Which company is it?",
    "s9.your_strengths": "your strengths",
    "s9.checklist": (
        "For {company}, before you apply or interview:\n"
        "☐ Tailor your CV: mirror the words of the job posting\n"
        "☐ Lead with your strengths: {strengths}\n"
        "☐ Research the company: what they do, recent news, who you'd meet\n"
        "☐ Prepare answers for the spots that felt weak last time, then let the last interview go"
    ),
    "s9.got_it": "✅ Got it",
    "s9.go": "Go for it.",
    # Step 10.
    "s10.interviewer": (
        "Last step: ask for feedback. Many employers don't give much, but asking costs "
        "nothing and what you hear can help. I'll write the message for you. "
        "Who interviewed you? (A name, or skip.)"
    ),
    "s10.here_it_is": "Here's a message you can copy and send:",
    "s10.letter": (
        "Hello {greeting},\n\n"
        "Thank you for letting me know your decision about {position}, and for the time you "
        "spent with me. I enjoyed our conversation.\n\n"
        "If you can, I'd really value a few words of feedback on my interview: anything I "
        "could do better would help me a lot. I'd also be glad to be considered for future "
        "openings.\n\n"
        "Thank you again and best regards,\n{name}"
    ),
    "s10.letter.role_at": "the {role} role at {company}",
    "s10.letter.role": "the {role} role",
    "s10.letter.at": "the position at {company}",
    "s10.letter.position": "the position",
    "s10.letter.team": "hiring team",
    "s10.send": "Will you send it?",
    "s10.send.yes": "I'll send it",
    "s10.send.later": "Not now",
    "s10.later": "That's fine. /feedback brings the message back whenever you want it.",
    "s10.followup": "I'll ask on {when} whether they replied.",
    # Wrap-up.
    "wrap.title": "🎉 You've worked through all ten steps. Here's where you stand:",
    "wrap.interview": "The interview: {interview}",
    "wrap.story": "The story you let go of: “{story}”",
    "wrap.accept": "Accepting it: “{accept}”",
    "wrap.introspect": "Went well: “{well}”. To work on: “{badly}”",
    "wrap.learning": "Learning: {skill}, starting with “{action}”, by {date}",
    "wrap.strengths": "Your strengths: {strengths}",
    "wrap.next": "Next up: {company}",
    "wrap.feedback_sent": "Feedback request: sending it",
    "wrap.feedback_later": "Feedback request: ready when you are (/feedback)",
    "wrap.checkins": "I'll check in:",
    "wrap.daily_at": "every day at {time}",
    "checkin.grief_over": "when your grief window ends, {when}",
    "checkin.walk_daily": "for your walk, {when}",
    "checkin.feedback_followup": "about their reply to your feedback request, {when}",
    "checkin.learning_goal": "about your learning goal, {when}",
    "checkin.come_back": "to see how you're doing, {when}",
    "checkin.options_review": "to review your options, {when}",
    "wrap.commands": (
        "Come back any time: /journal for what you wrote, /options for your employers, "
        "/feedback for your message, /steps for the overview, /new for another rejection."
    ),
    # Check-ins (sent by the dispatcher).
    "ci.grief_over": (
        "Your grief window is over. 🌤 You gave yourself time to feel it; now let's put that "
        "energy somewhere useful. What would you like to do first?"
    ),
    "ci.walk_daily": "Time for your walk. 🚶 Even ten minutes outside helps your mood and focus.",
    "ci.walk_snooze": "Here's your walk reminder again. 🚶 Ready now?",
    "ci.feedback_followup": "A few days ago you asked for feedback. Did they reply?",
    "ci.learning_goal": "Today was your target for {skill}. How did it go?",
    "ci.your_goal": "your learning goal",
    "ci.come_back": (
        "Just checking in. 💛 We stopped at “{where}”. Whenever you're ready, we can pick up "
        "right there."
    ),
    "ci.options_review": Plural(
        "Weekly check: you have {count} open option on your list.",
        "Weekly check: you have {count} open options on your list.",
    ),
    "ci.options_review.more": (
        "Fewer than five: one job shouldn't carry all your hopes. Could you add one this week?"
    ),
    "ci.btn.feedback": "Ask for feedback",
    "ci.btn.tailor": "Tailor my CV",
    "ci.btn.addopt": "➕ Add an opportunity",
    "ci.btn.walk": "Take a walk",
    "ci.btn.walked": "Walked ✅",
    "ci.btn.snooze": "In an hour ⏰",
    "ci.btn.skip": "Skip today",
    "ci.btn.replied": "Yes",
    "ci.btn.notyet": "Not yet",
    "ci.btn.noreply": "No, and I won't chase",
    "ci.btn.goal_done": "Done ✅",
    "ci.btn.goal_partly": "Partly",
    "ci.btn.goal_missed": "Didn't happen",
    "ci.btn.resume": "Continue",
    "ci.btn.pause": "Not now",
    "ci.btn.options": "Update my list",
    # Answers to check-in buttons.
    "ci.walked": Plural(
        "Nice! 🚶 That's {streak} day in a row.",
        "Nice! 🚶 That's {streak} days in a row.",
        n="streak",
    ),
    "ci.walked_first": "Nice! 🚶 That's your first walk on record.",
    "ci.week_summary": "This week: {count} of 7 days with a walk.",
    "ci.walk_skipped": "Okay, skipping today. Tomorrow is another chance.",
    "ci.snoozed": "I'll remind you again at {time}.",
    "ci.walk_now": "Good call. Ten minutes outside, phone in your pocket. See you after.",
    "ci.already": "You already answered this one. Thank you!",
    "ci.ask_reply": "What did they say? Write the gist, and I'll keep it in your journal. (/skip if you'd rather not.)",
    "ci.reply_saved": "Saved to your journal. Whatever they said, you now know more than before.",
    "ci.reply_skipped": "Okay. Glad they replied.",
    "ci.ask_again": "Okay, I'll ask once more on {when}.",
    "ci.stop_asking": "Okay, I won't ask again. Many companies never reply; it isn't about you.",
    "ci.no_reply": "That happens a lot and says nothing about you. Your energy is better spent on the next one.",
    "ci.goal_done": "Well done! 🎉 That's exactly how confidence comes back.",
    "ci.goal_partly": "Partly is progress. What's one more small step? Keep it going.",
    "ci.goal_missed": "That's okay; life happens. Pick a smaller first step and try again this week.",
    "ci.paused_nudges": "Okay. I won't nudge you again; /resume whenever you like.",
    # Labels in /journal.
    "label.company": "Company",
    "label.role": "Role",
    "label.mood": "Mood (1-5)",
    "label.story": "The story you told yourself",
    "label.prepared": "Prepared and did your best",
    "label.accept": "Accepting it",
    "label.went_well": "What went well",
    "label.went_badly": "What didn't go well",
    "label.why": "Why",
    "label.practice": "Who could practise with you",
    "label.skill": "Skill to sharpen",
    "label.action": "First action",
    "label.goal_date": "Target date",
    "label.strengths": "Strengths",
    "label.walk": "Daily walk",
    "label.next_opp": "Next opportunity",
    "label.interviewer": "Interviewer",
    "label.fb_reply": "What they replied",
    "label.goal_outcome": "How the learning goal went",
    # /steps, /journal, /feedback.
    "steps.title": "The ten steps:",
    "steps.footer": "👉 is where you are. /resume shows the question; /back changes an answer.",
    "steps.footer_done": "All done for this rejection. /new starts again for another one.",
    "journal.empty": "Your journal is empty so far. Your answers will appear here as we go.",
    "journal.title": "📓 Your journal (page {page} of {pages}, newest first)",
    "journal.newer": "‹ Newer",
    "journal.older": "Older ›",
    "feedback.not_yet": (
        "We'll write your feedback request together in step 10. /resume continues the journey."
    ),
    "feedback.again": "Here's your feedback request again, ready to copy:",
    # /options.
    "options.title": "💼 The employers you're talking to:",
    "options.empty": "None yet. Aim for about five at once.",
    "options.add": "➕ Add one",
    "options.close": "Close it",
    "options.gone": "That one isn't on your list any more.",
    "options.what_changed": "What's new with {company}?",
    "options.updated": "Updated: {company} is now at “{stage}”.",
    "options.closed": ("Closed {company}. Every closed door is practice for the next one. 💪"),
    "options.ask_company": "Which company? (Send /skip to cancel.)",
    "options.ask_role": "{company}: what's the role? (/skip if you'd rather not say.)",
    "options.ask_stage": "Where are you with {company}?",
    "options.add_cancelled": "Okay, nothing added.",
    # Inputs the bot can't use.
    "fallback.unknown_command": (
        "I don't know the command {command}. Send /help to see the ones I understand."
    ),
    "fallback.sticker": (
        "Nice sticker! 🙂 I can only read words, though. Send /help to see what I can do."
    ),
    "fallback.photo": (
        "Thanks for the picture. I can't look at images, so tell me in words, or send /help."
    ),
    "fallback.voice": (
        "I can't listen to voice or video messages yet. Could you type it instead? "
        "A few words are plenty."
    ),
    "fallback.document": (
        "I can't open files, but I'd love to hear it in a message. Send /help to see what I can do."
    ),
    "fallback.edited": (
        "I noticed you edited a message. I keep what you sent first, so if something changed, "
        "just send it again."
    ),
    "fallback.other": (
        "I can only work with text messages and buttons. Send /help to see what I can do."
    ),
    "fallback.stale_button": (
        "That button belongs to an older message and no longer does anything. "
        "Send /help to see what I can do."
    ),
    "fallback.resume_hint": "Send /resume to see the question we're on.",
    "stats.title": "📊 Bounce Back right now",
    "stats.users": "Users: {users} · journeys in progress: {active}",
    "stats.funnel": "Journeys that reached each step:",
    "stats.checkins": "Check-ins in the last 24 h: {sent} sent, {failed} failed, {dropped} dropped",
    "stats.quarantined": "Updates set aside as unreadable: {count}",
    "stats.outbox": "Messages waiting to be sent: {pending} · given up: {failed} · possibly sent twice after a crash: {twice}",
    "flood.slow_down": (
        "That's a lot of messages at once. I'll take a short breather; give it half a minute, "
        "then carry on. Nothing you sent before is lost."
    ),
    # Something broke on our side.
    "error.generic": (
        "Sorry, something went wrong on my side. Nothing you told me before is lost; "
        "please try that again in a moment."
    ),
    "name.fallback": "there",
}

# Some commands keep their texts beside them (core/texts/*.py); this is the one catalogue.
EN.update(REMINDER_TEXTS)
EN.update(PRIVACY_TEXTS)
EN.update(SAFETY_TEXTS)
EN.update(FEEDBACK_TEXTS)
EN.update(COACHING_TEXTS)
EN.update(PROGRESS_TEXTS)

# gettext catalogues: core/locale/<language>/LC_MESSAGES/bounceback.po (compiled to .mo).
DOMAIN = "bounceback"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def _compiled_from_po(po_path: Path) -> gettext.GNUTranslations:
    """The catalogue compiled in memory from its .po file (a checkout that hasn't run `make
    compile-messages` yet, or a .po edited since): same result as the .mo, fuzzy entries left out."""
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The gettext catalogue of one language ("de", "pt_BR"); English is the source itself."""
    if language == ENGLISH:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    po_path, mo_path = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as mo_file:
            return gettext.GNUTranslations(mo_file)
    if po_path.exists():
        return _compiled_from_po(po_path)
    return gettext.NullTranslations()


def _plural_count(value: object) -> int:
    """The number a plural form is chosen by: 3, "3", "36.5" (hours) → 36."""
    try:
        return int(float(str(value)))
    except ValueError:
        return 0


def say(key: str, /, language: str | None = None, **values: object) -> str:
    """The text for `key` in `language` (a catalogue code or a Telegram language code; English
    for anything else), with values filled in.

    The English text is the gettext message id and `key` its context, so the same English
    sentence can be translated differently in two places, and a changed English sentence
    shows up in every catalogue as needing review."""
    entry = EN[key]
    catalogue = translations(language_for(language))
    if isinstance(entry, Plural):
        count = _plural_count(values.get(entry.n, 0))
        template = catalogue.npgettext(key, entry.one, entry.other, count)
    else:
        template = catalogue.pgettext(key, entry)
    return template.format(**values) if values else template
