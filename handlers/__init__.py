"""The conversation: Telegram glue (thin) around pure step logic and one text catalogue."""
