"""A brief as shown, each bullet marked with what the ledger knows of it: "(repeat of 26 Oct
2026)", "(was $10 billion)", or "(new)" once the party has a history in the ledger. Only the
shown copy changes: the stored brief and its JSON keep the text as the article wrote it."""

from __future__ import annotations

from bot.core.models import Brief, Item
from bot.ledger.export import status_label
from bot.store.ledger_records import BriefEntry


def annotate(brief: Brief, filed: list[BriefEntry]) -> Brief:
    if not filed:
        return brief
    pillars = [
        p.model_copy(update={"items": [_marked(i, filed) for i in p.items]}) for p in brief.pillars
    ]
    other = [_marked(i, filed) for i in brief.other]
    return brief.model_copy(update={"pillars": pillars, "other": other})


def _marked(item: Item, filed: list[BriefEntry]) -> Item:
    label = _label(item, filed)
    return item.model_copy(update={"text": f"{item.text} ({label})"}) if label else item


def _label(item: Item, filed: list[BriefEntry]) -> str | None:
    same_sentence = [f for f in filed if f.span == tuple(item.evidence_span)]
    if not same_sentence:
        return None
    # Two bullets of one sentence are two entries: the one first filed from this bullet
    # carries its text.
    found = next((f for f in same_sentence if f.entry.text == item.text), same_sentence[0])
    if found.entry.status == "new" and not found.actor_had_history:
        return None  # a party's first commitments: nothing to compare with yet
    return status_label(found.entry)
