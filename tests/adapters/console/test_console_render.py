"""The console renderers on hand-built briefs."""

from __future__ import annotations

from datetime import date

import pytest

from bot.adapters.console.render import WIDTH, escape_md, render_markdown, render_text
from bot.adapters.shared.render import MAX_ITEM_CHARS, NOTHING_REPORTED, format_date, safe_url
from bot.core.models import Article, Brief, Item, Kind, Pillar

URL = "https://english.news.cn/20251028/abc.html"


def article(**overrides: object) -> Article:
    fields: dict[str, object] = {
        "title": "Chinese premier urges joint efforts with ASEAN",
        "text": "body",
        "source": "Xinhua",
        "url": URL,
        "published": date(2025, 10, 28),
        "dateline": "Kuala Lumpur",
        "sha256": "0" * 64,
    }
    return Article.model_validate({**fields, **overrides})


def item(
    text: str, kind: Kind = "pledge", actor: str = "China", figures: tuple[str, ...] = ()
) -> Item:
    return Item(
        text=text,
        actor=actor,
        kind=kind,
        figures=list(figures),
        evidence=text,
        evidence_span=(0, len(text)),
    )


def brief(pillars: list[Pillar], other: list[Item] | None = None, **kw: object) -> Brief:
    return Brief.model_validate(
        {
            "engine": "extractive",
            "article": kw.get("article", article()),
            "headline": kw.get("headline", "Li Qiang urges China and ASEAN to unite."),
            "pillars": pillars,
            "other": other or [],
            "warnings": kw.get("warnings", []),
        }
    )


def full_brief() -> Brief:
    return brief(
        [
            Pillar(
                key="political_security",
                title="Political-security",
                summary="make mutual strategic trust more solid",
                items=[
                    item("China will enhance strategic communication."),
                    item("Calls for faster talks on the Code of Conduct.", "call"),
                ],
            ),
            Pillar(
                key="economic",
                title="Economic",
                summary="",
                items=[
                    item("China is ready to establish the Digital Academy.", "offer"),
                    item(
                        "China will offer 3,000 scholarships in 2026.",
                        figures=("3,000", "2026", "2026-2030"),
                    ),
                ],
            ),
            Pillar(key="socio_cultural", title="Socio-cultural"),
        ],
        other=[item("China will host a forum.")],
        warnings=["figures differ between outlets"],
    )


def empty_brief() -> Brief:
    return brief([Pillar(key="economic", title="Economic")], headline="Leaders pose for photo")


def test_text_full_brief_reads_like_a_desk_brief() -> None:
    lines = render_text(full_brief()).splitlines()
    assert lines[0] == (
        "Chinese premier urges joint efforts with ASEAN · Kuala Lumpur · 28 Oct 2025 · Xinhua"
    )
    assert lines[1] == "Li Qiang urges China and ASEAN to unite."
    assert lines[2] == "1 Political-security — make mutual strategic trust more solid"
    assert lines[3] == "  • China will enhance strategic communication."
    assert lines[4] == "  → Calls for faster talks on the Code of Conduct."
    assert lines[5] == "2 Economic"
    assert lines[6] == "  ◦ China is ready to establish the Digital Academy. (offer)"
    # Figures already in the text are not repeated; the one that is not, is shown once.
    assert lines[7] == "  • China will offer 3,000 scholarships in 2026. [2026-2030]"
    assert lines[8:10] == ["3 Socio-cultural", "  (nothing reported)"]
    assert lines[10:12] == ["Other", "  • China will host a forum."]
    assert lines[12] == "⚠ figures differ between outlets"
    assert lines[13] == f"Source: Xinhua · 28 Oct 2025 · {URL}"


def test_actor_is_shown_only_when_actors_differ() -> None:
    items = [
        item("Japan will fund coast guards.", actor="Japan"),
        item("will train 500 officials.", actor="Japan"),
        item("calls for calm.", "call", actor="ASEAN"),
    ]
    text = render_text(brief([Pillar(key="p", title="P", items=items)]))
    assert "  • Japan will fund coast guards." in text
    assert "  • Japan: will train 500 officials." in text
    assert "  → ASEAN: calls for calm." in text
    single = render_text(brief([Pillar(key="p", title="P", items=items[1:2])]))
    assert "  • will train 500 officials." in single


def test_empty_brief_says_so_plainly() -> None:
    for rendered in (render_text(empty_brief()), render_markdown(empty_brief())):
        assert NOTHING_REPORTED in rendered
        assert "Economic" not in rendered
        assert "Xinhua" in rendered


def test_unknown_metadata_is_omitted() -> None:
    bare = article(source=None, url=None, published=None, dateline=None)
    text = render_text(brief([Pillar(key="e", title="E")], article=bare, headline=bare.title))
    assert text.splitlines() == [bare.title, NOTHING_REPORTED, "Source: not recorded"]


def test_markdown_full_brief() -> None:
    md = render_markdown(full_brief())
    assert "**Li Qiang urges China and ASEAN to unite.**" in md
    assert "### 1 Political-security — make mutual strategic trust more solid" in md
    assert "- **Pledge** · China will enhance strategic communication." in md
    assert "- **Offer** · China is ready to establish the Digital Academy." in md
    assert "- **Call** · Calls for faster talks on the Code of Conduct." in md
    assert "### 3 Socio-cultural\n\n_(nothing reported)_" in md
    assert "### Other" in md
    assert f"Source: [Chinese premier urges joint efforts with ASEAN]({URL})" in md


def test_markdown_escapes_untrusted_article_text() -> None:
    hostile = "Leader *vows* [click](http://evil.example) `rm` <b>x</b> &amp; _u_ |t|\n### Fake"
    md = render_markdown(
        brief(
            [Pillar(key="p", title="P", items=[item(hostile)])],
            headline=hostile,
            article=article(title=hostile),
        )
    )
    assert "[click](" not in md
    assert "<b>" not in md
    assert "\n### Fake" not in md
    assert r"\*vows\*" in md
    assert r"\[click\](http://evil.example)" in md  # brackets escaped: no link can open
    assert r"\&amp;" in md


def test_markdown_leaves_parentheses_as_written() -> None:
    md = render_markdown(
        brief([Pillar(key="p", title="P", items=[item("Japan will fund the plan (2026-2030).")])])
    )
    assert "fund the plan (2026-2030)." in md
    assert r"\(" not in md


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x/y"])
def test_markdown_links_only_http(url: str) -> None:
    assert safe_url(url) is None
    md = render_markdown(brief([Pillar(key="p", title="P")], article=article(url=url)))
    assert "](" not in md


def test_url_cannot_break_out_of_the_link() -> None:
    assert safe_url("https://x.example/a (b)") == "https://x.example/a%20%28b%29"


def test_long_text_wraps_and_runaway_text_is_clipped() -> None:
    long = "China will " + " ".join(f"build bridge {n}" for n in range(30)) + "."
    runaway = "China will " + "x" * 5000
    text = render_text(brief([Pillar(key="p", title="P", items=[item(long), item(runaway)])]))
    wrapped = [ln for ln in text.splitlines() if "bridge" in ln]
    assert len(wrapped) > 1
    assert all(len(ln) <= WIDTH for ln in wrapped)
    assert all(ln.startswith("    ") for ln in wrapped[1:])
    assert " ".join(ln.strip() for ln in wrapped).lstrip("• ") == long
    clipped = next(ln for ln in text.splitlines() if "xxx" in ln)
    assert clipped.endswith("…")
    assert len(clipped.strip()) <= MAX_ITEM_CHARS + 2


def test_control_characters_never_reach_the_terminal() -> None:
    text = render_text(
        brief([Pillar(key="p", title="P", items=[item("China will \x1b[31mact\x1b[0m\nnow.")])])
    )
    assert "\x1b" not in text
    assert "  • China will [31mact[0m now." in text


def test_helpers() -> None:
    assert format_date(date(2026, 1, 5)) == "5 Jan 2026"
    assert format_date(None) == ""
    assert escape_md("1. a_b") == r"1\. a\_b"
