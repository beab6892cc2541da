"""A catalogue text that depends on a number ("1 day" / "3 days"): gettext plural forms."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Plural:
    """The English singular and plural of a text; `n` names the value that picks the form.

    Each language's catalogue holds as many forms as that language has (Russian three: 1, 2–4,
    5 and more; French counts 0 and 1 as singular), chosen by the catalogue's Plural-Forms rule.
    """

    one: str
    other: str
    n: str = "count"
