"""Q&A: answers grounded in the coverage, quoted with citations, or a clear decline."""

from bot.qa.answer import answer_question
from bot.qa.context import Conversation

__all__ = ["Conversation", "answer_question"]
