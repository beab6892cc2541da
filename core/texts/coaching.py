"""How the coach listens: care for soft distress, answers that fit what was written (non-answers,
anger, blame, real answers), forgiving refusals, the close. Merged into
`core.texts.catalogue.EN` like every other section.

Keys ending in ".1", ".2", ".3" are variants of one acknowledgement; `Ctx.variant` picks one
not used yet in the journey, so the same words don't come back.
"""

from __future__ import annotations

COACHING_TEXTS: dict[str, str] = {
    # Soft distress: asked gently, never stored as an answer.
    "care.check.1": (
        "That sounds really heavy, and I'm glad you said it. Before we go on: is this mostly "
        "about the job search, or about how things are more widely right now?"
    ),
    "care.check.2": (
        "Thank you for telling me that. Can I ask: is it mostly the job search weighing on you, "
        "or how things are more widely right now?"
    ),
    "care.check.3": (
        "That's a lot to carry. So I can help the right way: is this mostly about the job "
        "search, or about life more widely at the moment?"
    ),
    "care.btn.job": "The job search",
    "care.btn.wide": "More widely",
    "care.job": (
        "Thank you for telling me. A search like this wears anyone down, and feeling it doesn't "
        "mean you're doing it wrong. We can keep going gently, or stop here for today. "
        "Everything you've told me stays."
    ),
    "care.after_help": "Whenever you want, we can carry on with the job search, or leave it for today.",
    "care.reassured": (
        "Thank you for letting me know; I'm relieved you're safe. Being worn out makes sense "
        "after all this. Shall we keep going gently, or pause for today?"
    ),
    "care.btn.go": "Keep going gently",
    "care.btn.pause": "Pause for today",
    "care.go": "Okay, gently then. Skip anything that feels like too much.",
    # Mood 1 at intake: a gentler pace.
    "pace.ask": (
        "We'll go at your pace. Keep going gently, one small question at a time, or stop for "
        "today and pick this up when you're ready?"
    ),
    "pace.gentle_label": "Keep going gently",
    "pace.pause_label": "Stop for today",
    "pace.gentle": "Gently it is. Skip anything that feels like too much.",
    # A non-answer ("idk", "nothing"): one example, and Skip.
    "nonanswer.1": "No pressure. If it helps, here's the kind of thing people write: {example}",
    "nonanswer.2": "That's okay, it can be hard to put into words. For example: {example}",
    "nonanswer.3": "Take your time. Something as simple as this is plenty: {example}",
    "nonanswer.skip.1": "Or type skip and we'll move on.",
    "nonanswer.skip.2": "Or just skip it, that's fine too.",
    "nonanswer.skip.3": "Or leave it: just say skip.",
    "nonanswer.move_on.1": "That's fine, we'll leave that one.",
    "nonanswer.move_on.2": "No problem, let's move on.",
    "nonanswer.move_on.3": "Okay, we'll skip that one for now.",
    "example.story": "“I wasn't good enough for them” or “I blew the technical question.”",
    "example.accept": "“I didn't get this one, and I'm ready for the next.”",
    "example.went_well": "“I explained my last project clearly” or “I arrived calm.”",
    "example.went_badly": "“I rambled on the salary question.”",
    "example.why": "“I hadn't practised saying my numbers out loud.”",
    "example.practice": "“My old team lead” or “a friend who hires people.”",
    "example.skill": "“Presenting with confidence” or “SQL.”",
    "example.action": "“Watch one tutorial on Tuesday evening.”",
    # Anger: validated before any steer.
    "anger.1": (
        "That's fair. Being turned down after putting yourself out there is maddening, and "
        "you're allowed to be angry about it."
    ),
    "anger.2": "Honestly, it makes sense to be furious. This stings, and pretending it doesn't helps no one.",
    "anger.3": "You're allowed to be fed up. This is a rotten part of looking for work.",
    "anger.retry": "When you're ready, try it once more in a sentence, or tap Skip.",
    # Reflecting a real answer in the person's own words.
    "ack.1": "Thank you. “{words}”: I've got that.",
    "ack.2": "Noted: “{words}”.",
    "ack.3": "That's useful to have written down: “{words}”.",
    "ack.4": "Got it: “{words}”.",
    # Step 1, by what the story says.
    "s1.reframe.1": (
        "Thank you for putting that into words. Here's another way to see it: hiring "
        "decisions are rarely about one interview alone. Budget, timing, internal candidates "
        "and the mix of the team all play a part, and you only ever see a small slice of it."
    ),
    "s1.reframe.2": (
        "Thanks for being honest about it. Worth remembering: a hiring decision weighs budget, "
        "timing, other candidates and the team's mix, and you only see a sliver of that."
    ),
    "s1.reframe.3": (
        "I hear you. One thing to hold next to that story: most of what decides a hire happens "
        "where you can't see it, like budget, timing, internal candidates and the team's mix."
    ),
    "s1.reframe.blaming": (
        "You may well be right that some of it was out of your hands: an internal candidate, a "
        "fixed budget or the team's mix decide a lot, and you only ever see a slice of it. That's "
        "the point of this step: it wasn't a verdict on you."
    ),
    "s1.reframe.self": (
        "“{words}”: that's the hurt talking, not the facts. A handful of “no”s is a tiny sample "
        "of what you can do, and hiring decisions weigh budget, timing and candidates you never see."
    ),
    # Step 2.
    "s2.thanks.1": "That's the spirit. Accepting it doesn't mean it didn't matter; it frees you to move.",
    "s2.thanks.2": "Well put. It mattered, and now it's done: that's what frees your energy for the next one.",
    "s2.thanks.3": "Good. Saying it plainly is half the work of letting it go.",
    # Step 3 counts.
    "s3.count.one": "One is a start. Let's write it down so we can keep track.",
    "s3.count.many": "Five or more already: that's real volume. Let's write them down so nothing slips.",
    # Step 4.
    "s4.practice_alone": (
        "That's okay, plenty of people practise alone. Answer your weak-spot questions out loud "
        "and record yourself: playing it back shows more than you'd think."
    ),
    "s4.practice_thanks.1": "Good idea. Ask them this week: a half-hour mock interview goes a long way.",
    "s4.practice_thanks.2": "Great. Message them today while it's fresh; most people are glad to help.",
    "s4.practice_thanks.3": "Nice. Even thirty minutes of practice with them will make the next one easier.",
    # Step 8: refusing the walk is a choice, with something smaller offered.
    "s6.none": (
        "That's okay, they're hard to see on a day like this. What would a friend or a "
        "colleague say you're good at? Being reliable, explaining things, staying calm… "
        "Or skip this one."
    ),
    "s7.grief.gentle": (
        "Give yourself the time you need. If today is heavy, a longer window is fine. "
        "How long would you like before I check in?"
    ),
    "s8.declined": (
        "That's fine, a daily walk isn't for everyone. Something smaller, then: when you next "
        "feel stuck, step outside or open a window for five minutes. It still helps."
    ),
    # Understanding typed answers: after two misses, say what's expected, and never the same
    # refusal a third time.
    "miss.choice": "Tap one of the buttons, or type one of them: {options}.",
    "miss.number": "A number works best here, like 2 or “three”.",
    "miss.time": "A time of day works best here, like 7:30, 18:00 or “half past seven”.",
    "miss.date": "A date works best here, like “next Friday”, “the 15th” or “in two weeks”.",
    "miss.zone": "A city or zone works best here, like Berlin, Europe/Lisbon or UTC+2.",
    "miss.text": "A few words in your own words are all I need here.",
    "miss.items": "Short items work best here, like “patient, clear writer, good with data”.",
    "miss.second": "Let me be clearer about what I'm after. {expected}",
    "miss.third": "No worries, this one's optional. {expected} Or tap Skip to move on.",
    # Names and entries that can't be used as one.
    "entry.company": "That reads more like a sentence than a company name. What's the company called? (Or tap Skip.)",
    "entry.employer": "That doesn't look like an employer's name. Which company is it? (Or tap Skip.)",
    "entry.role": "That doesn't look like a job title. What was the role, like “Product Designer”? (Or tap Skip.)",
    "entry.person": (
        "For the letter I just need a name, like “Ms. Lee” or “Sam”. Or skip, and I'll address "
        "it to the hiring team."
    ),
    "entry.strength": "Short items work best here, like “patient”, “clear writer”, “good with data”.",
    "entry.fallback.person": "No problem, I'll address it to the hiring team.",
    "entry.fallback": "Let's leave that one blank for now.",
    # The close.
    "wrap.title.short": "🎉 You've worked through all ten steps.",
    "wrap.story.start": "The story you started with: “{story}”",
    "wrap.next_24h.feedback": "Next 24 hours: send your feedback request (/feedback).",
    "wrap.next_24h.tailor": "Next 24 hours: tailor your CV for {company}.",
    "wrap.next_24h.option": "Next 24 hours: add one more employer with /options.",
    "wrap.next_24h.walk": "Next 24 hours: take your walk at {time}.",
    "wrap.details": "Everything you wrote is in /journal; /steps shows the overview.",
    # After the journey: an answer that fits.
    "after.thanks": (
        "You're very welcome. I'm here whenever you need me: /journal, /options, /feedback, or "
        "/new if another one comes along."
    ),
    "after.feedback": (
        "Your feedback request is one tap away: /feedback shows it, and you can make it "
        "shorter, warmer or more formal, or change the name."
    ),
    "after.frustrated": (
        "I'm sorry this isn't helping right now, and it's okay to say so. If it's me, /help "
        "shows everything I can do; if it's the search, it's allowed to feel rotten. /new starts "
        "fresh whenever you're ready."
    ),
    # /new in the middle of a journey asks first.
    "new.confirm": (
        "We're in the middle of one ({where}). Start a new journey for another rejection? "
        "What you've written so far stays in /journal."
    ),
    "new.btn.yes": "Start a new one",
    "new.btn.no": "Keep going",
}
