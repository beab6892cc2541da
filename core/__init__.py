"""Pure domain code: no Telegram, no database, no scheduler; only the standard library
and small pure libraries (zoneinfo/tzdata, tzfpy)."""
