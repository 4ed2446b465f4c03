"""Every id in a report is unique, in both editions of every shipped agenda (issue 12, item 6).

Enschede numbers its Hoofdstuk, Paragraaf, Ambitie and Belofte each from 1; they once all became
`onderdeel-1`, so the contents links for Paragraaf 1-4 landed on Hoofdstuk 1-4.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from lea_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = ("hengelo", "enschede", "midden-groningen")
EDITIONS: tuple[tuple[str, ...], ...] = ((), ("--werkversie",))


def ids_of(html: str) -> Counter[str]:
    return Counter(re.findall(r'\sid="([^"]*)"', html))


@pytest.mark.parametrize("extra", EDITIONS, ids=lambda extra: " ".join(extra) or "standaard")
@pytest.mark.parametrize("name", AGENDAS)
def test_no_id_twice(name: str, extra: tuple[str, ...], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{name}.html"
    assert main(["report", str(ROOT / "agendas" / f"{name}.lea"), "--year", "2025", "-o", str(out),
                 *extra]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    ids = ids_of(html)
    assert len(ids) > 50  # the test looked at a real report
    assert [key for key, n in ids.items() if n > 1] == []
    for target in re.findall(r'href="#([^"]*)"', html):
        assert target in ids, f"link to #{target} has no target"
    for target in re.findall(r'(?:aria-labelledby|aria-describedby)="([^"]*)"', html):
        assert all(part in ids for part in target.split()), f"aria reference {target} has no target"


@pytest.mark.parametrize("extra", EDITIONS, ids=lambda extra: " ".join(extra) or "standaard")
def test_enschede_paragraphs_have_their_own_anchor(extra: tuple[str, ...], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "enschede.html"
    agenda = str(ROOT / "agendas" / "enschede.lea")
    assert main(["report", agenda, "--year", "2025", "-o", str(out), *extra]) == 0
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    assert '<h2 id="onderdeel-1-kop">Hoofdstuk 1 De opgave' in html
    assert '<h2 id="paragraaf-1-kop">Paragraaf 1 Voorschool' in html
    assert 'id="ambitie-1-kop">Ambitie 1 ' in html
