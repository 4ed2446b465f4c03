"""Real figures from the sources are stored with their place; derived ones reproduce the published."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from lea_rules.api import load_agenda
from lea_rules.data.model import Observation
from lea_rules.data.store import load_observations

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
JAARVERSLAG = "hengelo-borne-jaarverslag-leerplicht-2022-2023.txt"
ENSCHEDE = "enschede-lea-2023-2026.txt"

# (data folder, agenda, indicator, period, value, source file, line, text on that line)
REAL = [
    ("hengelo", "hengelo", "leerplichtigen", "2021/2022", "10742", JAARVERSLAG, 210, "10.742"),
    ("hengelo", "hengelo", "leerplichtigen", "2022/2023", "10884", JAARVERSLAG, 210, "10.884"),
    ("hengelo", "hengelo", "jongeren-met-verzuim", "2021/2022", "373", JAARVERSLAG, 398, "373"),
    ("hengelo", "hengelo", "jongeren-met-verzuim", "2022/2023", "463", JAARVERSLAG, 398, "463"),
    ("hengelo", "hengelo", "vsv-percentage", "2021/2022", "2.27", JAARVERSLAG, 958, "2,27%"),
    ("hengelo", "hengelo", "vsv-percentage", "2022/2023", "2.72", JAARVERSLAG, 957, "2,72%"),
    ("borne-referentie", "hengelo", "leerplichtigen", "2021/2022", "3518", JAARVERSLAG, 211, "3.518"),
    ("borne-referentie", "hengelo", "leerplichtigen", "2022/2023", "3683", JAARVERSLAG, 211, "3.683"),
    ("borne-referentie", "hengelo", "jongeren-met-verzuim", "2021/2022", "75", JAARVERSLAG, 398, " 75 "),
    ("borne-referentie", "hengelo", "jongeren-met-verzuim", "2022/2023", "121", JAARVERSLAG, 398, "121"),
    ("borne-referentie", "hengelo", "vsv-percentage", "2021/2022", "1.68", JAARVERSLAG, 958, "1,68%"),
    ("borne-referentie", "hengelo", "vsv-percentage", "2022/2023", "1.56", JAARVERSLAG, 957, "1,56%"),
    ("enschede", "enschede", "vve-bereik", "2022-01-01", "83.7", ENSCHEDE, 664, "83,7%"),
    ("enschede", "enschede", "motoriek-zorgelijke-achterstand", "2021/2022", "1700", ENSCHEDE, 856, "1700"),
    ("enschede", "enschede", "nieuwe-vsv-landelijk", "2022/2023", "30246", JAARVERSLAG, 956, "30.246"),
    ("enschede", "enschede", "mq-scan-getest", "2021/2022", "11120", ENSCHEDE, 855, "11.120 kinderen getest"),
    ("enschede", "enschede", "mq-scan-onder-gemiddelde", "2021/2022", "4000", ENSCHEDE, 855, "4.000"),
    ("enschede", "enschede", "ikc-extra-wijkcoach", "2022", "15", ENSCHEDE, 681, "In 2022 zijn we op 15 IKC"),
    ("enschede", "enschede", "vo-locaties-huiskamer", "2022", "7", ENSCHEDE, 1069, "Op zeven VO-locaties"),
]


LEA_HENGELO = "hengelo-lea-2024-2027.txt"
# Bijlage III: risk of onderwijsachterstand per wijk, 2023 (wijk, pupils, at risk, %, line).
WIJK = [
    (None, "6885", "1040", "15", 1671),  # the total of Hengelo: a row without eenheid
    ("Wijk 00 Binnenstad", "110", None, None, 1673),
    ("Wijk 01 Hengelose Es", "970", "170", "18", 1676),
    ("Wijk 02 Noord", "870", "215", "25", 1678),
    ("Wijk 03 Hasseler Es", "1185", "135", "11", 1680),
    ("Wijk 04 Groot Driene", "710", "180", "25", 1682),
    ("Wijk 05 Berflo Es", "545", "100", "18", 1684),
    ("Wijk 06 Wilderinkshoek", "790", "140", "18", 1686),
    ("Wijk 07 Woolde", "460", "50", "11", 1688),
    ("Wijk 08 Slangenbeek", "1085", "50", "5", 1690),
    ("Wijk 09 Buitengebied", "155", None, None, 1692),
]
WIJK_INDICATORS = ("kinderen-2-13", "kinderen-risico-achterstand", "risico-onderwijsachterstand")


def stored(folder: str, agenda: str) -> list[Observation]:
    # borne-referentie holds Borne's rows, read against Hengelo's indicators: say so explicitly
    gemeente = "Borne" if folder == "borne-referentie" else None
    return load_observations(ROOT / "data" / folder, load_agenda(ROOT / "agendas" / f"{agenda}.lea"),
                             gemeente=gemeente)


@pytest.mark.parametrize(("folder", "agenda", "indicator", "period", "value", "doc", "line", "text"), REAL)
def test_real_figure_is_stored_with_its_source_line(folder: str, agenda: str, indicator: str, period: str,
                                                    value: str, doc: str, line: int, text: str) -> None:
    match = [o for o in stored(folder, agenda) if o.indicator == indicator and o.period.text == period
             and o.breakdown is None]
    assert len(match) == 1
    obs = match[0]
    assert obs.value == Decimal(value)
    assert not obs.illustrative
    assert doc in obs.source
    assert re.search(rf"regel [^(]*\b{line}\b", obs.source), obs.source
    if SOURCES.exists():  # the line cited holds the figure
        source_line = (SOURCES / doc).read_text(encoding="utf-8").splitlines()[line - 1]
        assert text in f" {source_line} ", source_line


def test_every_non_illustrative_figure_is_one_of_the_known_real_ones() -> None:
    known = {(f, i, p) for f, _, i, p, *_ in REAL} | {("hengelo", i, "2023") for i in WIJK_INDICATORS}
    for folder, agenda in [("hengelo", "hengelo"), ("borne-referentie", "hengelo"), ("enschede", "enschede"),
                           ("midden-groningen", "midden-groningen")]:
        for obs in stored(folder, agenda):
            if not obs.illustrative:
                assert (folder, obs.indicator, obs.period.text) in known, obs
                assert "regel" in obs.source


def test_illustrative_figures_say_so() -> None:
    for folder, agenda in [("hengelo", "hengelo"), ("enschede", "enschede"),
                           ("midden-groningen", "midden-groningen")]:
        obs = stored(folder, agenda)
        illustrative = [o for o in obs if o.illustrative]
        assert illustrative, folder
        for o in illustrative:
            assert o.note and "illustratief" in o.note
            assert "regel" not in o.source


def _percentage(folder: str, period: str) -> Decimal:
    obs = {(o.indicator, o.period.text): o.value for o in stored(folder, "hengelo") if o.breakdown is None}
    verzuim, leerplichtigen = obs[("jongeren-met-verzuim", period)], obs[("leerplichtigen", period)]
    assert verzuim is not None and leerplichtigen is not None
    return (verzuim / leerplichtigen * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(("folder", "period", "published"), [
    ("hengelo", "2021/2022", "3.47"), ("hengelo", "2022/2023", "4.25"),
    ("borne-referentie", "2021/2022", "2.13"), ("borne-referentie", "2022/2023", "3.29"),
])
def test_verzuim_percentage_reproduces_the_published_figure(folder: str, period: str, published: str) -> None:
    assert _percentage(folder, period) == Decimal(published)
    if SOURCES.exists():
        line = (SOURCES / JAARVERSLAG).read_text(encoding="utf-8").splitlines()[398]
        assert published.replace(".", ",") + "%" in line


def test_agenda_formula_matches_the_computation() -> None:
    from lea_rules.nodes import BinaryExpr, NameExpr

    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    indicator = agenda.indicator("verzuim-percentage")
    assert indicator is not None and isinstance(indicator.formula, BinaryExpr)
    names = set()
    stack = [indicator.formula]
    while stack:
        node = stack.pop()
        if isinstance(node, NameExpr):
            names.add(node.name)
        elif isinstance(node, BinaryExpr):
            stack.extend([node.left, node.right])
    assert names == {"jongeren-met-verzuim", "leerplichtigen"}


def test_some_scored_indicators_are_left_without_data_on_purpose() -> None:
    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    with_data = {o.indicator for o in stored("hengelo", "hengelo")}
    numeric = {i.name for i in agenda.indicators if i.formula is None}
    assert {"passend-schooladvies", "vve-ouders-thuisprogramma"} <= numeric - with_data


@pytest.mark.parametrize(("wijk", "pupils", "at_risk", "percent", "line"), WIJK)
def test_risk_per_wijk_is_stored_as_published(wijk: str | None, pupils: str, at_risk: str | None,
                                              percent: str | None, line: int) -> None:
    by_indicator = {o.indicator: o for o in stored("hengelo", "hengelo")
                    if o.breakdown == wijk and o.period.text == "2023"}
    expected = {"kinderen-2-13": pupils, "kinderen-risico-achterstand": at_risk,
                "risico-onderwijsachterstand": percent}
    source_line = (SOURCES / LEA_HENGELO).read_text(encoding="utf-8").splitlines()[line - 1]
    for indicator, value in expected.items():
        if value is None:  # the table gives no figure: geen gegevens, never zero
            assert indicator not in by_indicator
            continue
        obs = by_indicator[indicator]
        assert obs.value == Decimal(value) and not obs.illustrative
        assert f"regel {line}" in obs.source and LEA_HENGELO in obs.source
        assert value in source_line.replace(".", ""), source_line


# `basis:` lines: real starting points from the documents, cited on the result itself.
# (agenda, result code, basis as written, document name in the agenda, line, text on that line)
BASIS = [
    ("hengelo", "2.1-r5", "2,72% in 2022/2023", "jaarverslag", 957, "2,72%"),
    ("hengelo", "3.1-r5", "2,72% in 2022/2023", "jaarverslag", 957, "2,72%"),
    ("hengelo", "3.2-r1", "2,72% in 2022/2023", "jaarverslag", 957, "2,72%"),
    ("hengelo", "1.1-r9", '"goed" in 2023', "lea", 1602, "De VVE kwaliteit"),
    ("enschede", "p1-r1", "83,7% op 1 januari 2022", "lea", 663, "Het bereik op 1 januari 2022 was"),
    ("enschede", "p3-r5", "30", "lea", 874, "bijna 30 Enschedese basisscholen"),  # "inmiddels": no date
    ("enschede", "p3-r2", "1.700 in 2021/2022", "lea", 855, "11.120 kinderen getest"),
]
DOCUMENTS = {("hengelo", "jaarverslag"): JAARVERSLAG, ("hengelo", "lea"): LEA_HENGELO,
             ("enschede", "lea"): ENSCHEDE}


def _result(agenda_name: str, code: str) -> tuple[str, list[str]]:
    """The result's lines as written in the agenda: its `basis:` and its `citaat:` lines."""
    text = (ROOT / "agendas" / f"{agenda_name}.lea").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(text)
                 if line.strip().removeprefix("met ").startswith(f"resultaat {code} "))
    depth = len(text[start]) - len(text[start].lstrip())
    block = []
    for line in text[start + 1:]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        block.append(line.strip())
    basis = [line.removeprefix("basis: ") for line in block if line.startswith("basis: ")]
    assert len(basis) == 1, (code, block)
    return basis[0], [line for line in block if line.startswith("citaat: ")]


@pytest.mark.parametrize(("agenda_name", "code", "basis", "document", "line", "text"), BASIS)
def test_real_baseline_is_in_the_agenda_with_its_citation(agenda_name: str, code: str, basis: str,
                                                          document: str, line: int, text: str) -> None:
    written, citations = _result(agenda_name, code)
    assert written == basis
    assert any(c.startswith(f"citaat: {document} regel {line} ") for c in citations), citations
    lines = (SOURCES / DOCUMENTS[(agenda_name, document)]).read_text(encoding="utf-8").splitlines()
    source_line = lines[line - 1]
    assert text in source_line, source_line


def test_the_vsv_nulmeting_is_the_real_figure_not_the_illustrative_one() -> None:
    from lea_rules.evaluation.engine import evaluate

    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    report = evaluate(agenda, stored("hengelo", "hengelo"), None, 2025)
    vsv = [g for r in report.results if r.code in {"2.1-r5", "3.1-r5", "3.2-r1"} for g in r.goals]
    assert len(vsv) == 3
    for goal in vsv:
        baseline = goal.explanation.baseline
        assert baseline is not None and baseline.period.text == "2022/2023" and not baseline.illustrative
        assert Decimal(str(baseline.value)) == Decimal("2.72")
