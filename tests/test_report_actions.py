"""The report shows a result with its action: in Do the action with its deelacties and, under
each, the verdicts of its own results (`met resultaat`); in Check "bij actie ..."; the council
edition names the action in short."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import pytest

from lea_rules.cli import main

AGENDA = '''gemeente: "Voorbeeld"
titel: "LEA Voorbeeld 2024-2027"
periode: 2024-2027
indicator vve-bereik "Bereik VVE"
  eenheid: %
  beter: hoger
thema 1 "Kansengelijkheid"
  ambitie 1.1 "Elk kind een goede start"
    actie 1.1-a1 "Ouders <b>betrekken</b> bij de voorschool"
      met resultaat 1.1-a1-r1 "Meer kinderen in de VVE"
        doel: vve-bereik >= 85% in 2027
      deelactie 1.1-a1-d1 "Huisbezoeken door het consultatiebureau"
        met resultaat 1.1-a1-d1-r1 "Ouders kennen het aanbod"
          doel: kwalitatief
    resultaat 1.1-r1 "Elke peuter een plek"
      doel: mijlpaal in 2025
'''

PROGRESS = '''# Verzonnen voor deze test.
gemeente: Voorbeeld
jaar: 2025
illustratief: ja
acties:
  1.1-a1:
    titel: "Ouders <b>betrekken</b> bij de voorschool"
    status: lopend
  1.1-a1-d1:
    titel: "Huisbezoeken door het consultatiebureau"
    status: vertraagd
    toelichting: "Minder verpleegkundigen."
resultaten:
  1.1-a1-d1-r1:
    titel: "Ouders kennen het aanbod"
    stand: op schema
'''



class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        href = values.get("href") or ""
        if href.startswith("#"):
            self.links.append(href[1:])


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("acties")
    (root / "voorbeeld.lea").write_text(AGENDA, encoding="utf-8")
    data = root / "data" / "voorbeeld"
    data.mkdir(parents=True)
    (data / "voortgang-2025.yaml").write_text(PROGRESS, encoding="utf-8")
    out = {}
    for name, extra in (("werk", ["--werkversie"]), ("raad", [])):
        path = root / f"{name}.html"
        assert main(["report", str(root / "voorbeeld.lea"), "--year", "2025", "-o", str(path), *extra]) == 0
        out[name] = path.read_text(encoding="utf-8")
    return out


def _between(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin:html.index(end, begin)]


def test_do_shows_the_deelactie_under_its_action_with_the_verdicts_of_their_results(
        editions: dict[str, str]) -> None:
    do = _between(editions["werk"], 'id="onderdeel-1-1-do"', "</section>")
    action = _between(do, 'id="actie-1-1-a1"', "</tr>")
    sub = _between(do, 'id="actie-1-1-a1-d1"', "</tr>")
    assert do.index('id="actie-1-1-a1"') < do.index('id="actie-1-1-a1-d1"')
    assert 'class="subaction"' in sub and "deelactie van 1.1-a1" in sub
    assert 'href="#resultaat-1-1-a1-r1"' in action and "Met resultaat" in action
    assert 'href="#resultaat-1-1-a1-d1-r1"' not in action  # the deelactie's result is shown with it
    assert 'href="#resultaat-1-1-a1-d1-r1"' in sub and 'data-status="on_track"' in sub
    assert "Ouders &lt;b&gt;betrekken&lt;/b&gt;" in action  # agenda text stays text


def test_check_says_which_action_a_result_belongs_to(editions: dict[str, str]) -> None:
    html = editions["werk"]
    first = _between(html, 'id="resultaat-1-1-a1-r1"', "</article>")
    second = _between(html, 'id="resultaat-1-1-a1-d1-r1"', "</article>")
    own = _between(html, 'id="resultaat-1-1-r1"', "</article>")
    assert "bij actie 1.1-a1" in unescape(first) and 'href="#actie-1-1-a1"' in first
    assert "bij deelactie 1.1-a1-d1" in unescape(second) and 'href="#actie-1-1-a1-d1"' in second
    assert "bij actie" not in unescape(own) and "bij deelactie" not in unescape(own)


def test_council_edition_names_the_action_and_counts_actions_without_their_steps(
        editions: dict[str, str]) -> None:
    html = unescape(editions["raad"])
    assert "bij actie 1.1-a1 \u201cOuders <b>betrekken</b> bij de voorschool\u201d" in html
    assert "bij deelactie 1.1-a1-d1" in html
    summary = _between(html, 'class="actions-summary"', "</p>")
    assert "1 lopend" in summary and "vertraagd" not in summary  # one actie; its deelactie is a step
    named = _between(html, 'class="actions-named"', "</ul>")
    assert "deelactie van 1.1-a1" in named and "Minder verpleegkundigen." in named


@pytest.mark.parametrize("edition", ["werk", "raad"])
def test_every_link_lands_and_ids_are_unique(editions: dict[str, str], edition: str) -> None:
    page = Page()
    page.feed(editions[edition])
    assert len(page.ids) == len(set(page.ids))
    assert set(page.links) <= set(page.ids)
