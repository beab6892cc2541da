"""Scheduled work: a few fixed APScheduler jobs (through python-telegram-bot's JobQueue)."""
