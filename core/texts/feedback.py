"""What the feedback request (step 10, /feedback) says: the letter in three tones and the
messages around it. Merged into `core.texts.catalogue.EN`, so every key here is used through
`say(key, lang, **values)` like the rest of the catalogue.

The letter is built by `core.journey.feedback.compose_feedback` from the pieces below: a
subject line, a greeting, a thanks paragraph, an ask paragraph and a sign-off. Each piece is one
sentence (or line), so a translation can reorder nothing and still read naturally.
"""

from __future__ import annotations

FEEDBACK_TEXTS: dict[str, str] = {
    # The subject line, by what we know about the interview.
    "fb.subject.role_at": "Subject: Feedback on my interview for the {role} role at {company}",
    "fb.subject.role": "Subject: Feedback on my interview for the {role} role",
    "fb.subject.company": "Subject: Feedback on my interview at {company}",
    "fb.subject.plain": "Subject: Feedback on my recent interview",
    # Warm (the default): friendly, personal, a little longer.
    "fb.warm.hello": "Hello {name},",
    "fb.warm.hello_team": "Hello,",
    "fb.warm.thanks": (
        "Thank you for letting me know your decision, and for the time you spent with me."
    ),
    "fb.warm.prepared.yes": "I really enjoyed our conversation and gave it my best.",
    "fb.warm.prepared.mostly": "I enjoyed our conversation and learned a lot preparing for it.",
    "fb.warm.prepared.other": "I enjoyed our conversation.",
    "fb.warm.ask": (
        "If you have a moment, I'd really value a few words of feedback on my interview."
    ),
    "fb.warm.ask_spot": (
        "If you have a moment, I'd really value a few words of feedback, "
        "in particular on {weak_spot}."
    ),
    "fb.warm.why": "Anything I could do better would help me a lot.",
    "fb.warm.why.not_really": "I'd love to learn what to work on before my next interview.",
    "fb.warm.future_at": "I'd also be glad to be considered for future openings at {company}.",
    "fb.warm.future": "I'd also be glad to be considered for future openings.",
    "fb.warm.sign_off": "Thanks again, and warm regards,",
    # Short: three sentences, no offer for future openings.
    "fb.short.hello": "Hi {name},",
    "fb.short.hello_team": "Hello,",
    "fb.short.thanks": "Thanks for letting me know, and for your time.",
    "fb.short.ask": "Could you share a few words of feedback on my interview?",
    "fb.short.ask_spot": "Could you share a few words of feedback, in particular on {weak_spot}?",
    "fb.short.why": "It would really help.",
    "fb.short.why.yes": "I gave it my best, so any pointers would help a lot.",
    "fb.short.why.not_really": "It would help me know what to work on next.",
    "fb.short.sign_off": "Best,",
    # Formal: full sentences, no contractions.
    "fb.formal.hello": "Dear {name},",
    "fb.formal.hello_team": "Dear hiring team,",
    "fb.formal.thanks": (
        "Thank you for informing me of your decision and for the time you took to interview me."
    ),
    "fb.formal.prepared.yes": "I appreciated the opportunity and prepared for it with care.",
    "fb.formal.prepared.mostly": (
        "I appreciated the opportunity and learned a great deal in preparing for it."
    ),
    "fb.formal.prepared.other": "I appreciated the opportunity to speak with you.",
    "fb.formal.ask": "I would be grateful for any feedback you are able to share on my interview.",
    "fb.formal.ask_spot": (
        "I would be grateful for any feedback you are able to share, in particular on {weak_spot}."
    ),
    "fb.formal.why": "It would help me greatly as I continue to develop professionally.",
    "fb.formal.why.not_really": (
        "I am keen to understand which areas to strengthen ahead of future interviews."
    ),
    "fb.formal.future_at": (
        "I would also welcome the opportunity to be considered for future positions at {company}."
    ),
    "fb.formal.future": (
        "I would also welcome the opportunity to be considered for future positions."
    ),
    "fb.formal.sign_off": "Kind regards,",
    # /feedback and its buttons.
    "fb.again": "Here's your feedback request again. Want it different?",
    "fb.btn.short": "Shorter",
    "fb.btn.warm": "Warmer",
    "fb.btn.formal": "More formal",
    "fb.btn.name": "✏️ Change the name",
    "fb.tone.short": "Here's a shorter version:",
    "fb.tone.warm": "Here's a warmer version:",
    "fb.tone.formal": "Here's a more formal version:",
    "fb.stale": (
        "That button belongs to an older message. Here's your feedback request as it is now:"
    ),
    # Changing who the letter is addressed to (side flow "fb_name").
    "fb.ask_name": (
        "Who should I address it to? Send just their name, like Ms. Lee or Sam. "
        "(/skip keeps the letter as it is.)"
    ),
    "fb.name_unclear": (
        "That doesn't look like a name to me, so I haven't used it. Send just the person's "
        "name, like Ms. Lee or Sam, or /skip to keep the letter as it is."
    ),
    "fb.name_used": "Done. It's addressed to {name} now:",
    "fb.name_kept": "Okay, the letter stays as it is. /feedback brings it back any time.",
}
