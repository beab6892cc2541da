"""Everything the bot says: the keyed catalogue and its sections."""
