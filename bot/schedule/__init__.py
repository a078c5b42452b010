"""Scheduling: a small interface over APScheduler 3.x, and the bot's jobs."""

from bot.schedule.scheduler import APScheduler, ManualScheduler, Scheduler, validate_cron

__all__ = ["APScheduler", "ManualScheduler", "Scheduler", "validate_cron"]
