"""`lea report`: structure, escaping, honest data, formatting, accessibility and exit codes.

The HTML is read back with the standard library's parser, as a reader's browser would see
the document tree: results in Check, oranje/rood results in Act, heading order, table
headers, chart alternatives. Browser tests (real Chromium) are in test_report_browser.py.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lea_rules.api import load_agenda
from lea_rules.cli import main
from lea_rules.data.store import load_observations, load_progress, load_revisions
from lea_rules.data.units import load_units
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import (
    ActRecord,
    Colour,
    EvaluationReport,
    Explanation,
    GoalEvaluation,
    Point,
    ResultEvaluation,
    Status,
)
from lea_rules.nodes import Measure
from lea_rules.period import TargetMoment, parse_period, position
from lea_rules.report import ReportInput, render_html, report_filename
from lea_rules.report.charts import ChartPoint, ChartSpec, Legend, line_chart, nice_step
from lea_rules.report.notation import Notation

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "report_small"
AGENDA = FIXTURE / "kleinstad.lea"
DATA = FIXTURE / "data" / "kleinstad"
CSS = ROOT / "lea_rules" / "report" / "templates" / "report.css"
MUNICIPALITIES = ("hengelo", "enschede", "midden-groningen")


# --- reading the HTML back ------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> list[Element]:
        out = [self]
        for child in self.children:
            out.extend(child.iter())
        return out

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())]

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}
SVG_EMPTY = {"line", "circle", "rect", "path", "polyline"}


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Element("#text", {}, data))


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- helpers --------------------------------------------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fixture_input(lang: str = "nl", data_dir: Path = DATA) -> ReportInput:
    agenda = load_agenda(AGENDA)
    observations = load_observations(data_dir, agenda)
    progress = load_progress(data_dir, 2025, agenda)
    evaluation = evaluate(agenda, observations, progress, 2025, load_progress(data_dir, 2024, agenda),
                          data_date="2025-06-30")
    return ReportInput(agenda=agenda, evaluation=evaluation, generated=date(2025, 7, 1),
                       observations=observations, revisions=load_revisions(data_dir), progress=progress,
                       lang=lang)


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(fixture_input())


@pytest.fixture(scope="module")
def tree(html: str) -> Element:
    return parse(html)


def result_articles(tree: Element) -> list[Element]:
    return [e for e in tree.find_all("article") if "result" in e.classes()]


# --- the command ------------------------------------------------------------------------


def test_cli_writes_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    agenda = tmp_path / "kleinstad.lea"
    shutil.copy(AGENDA, agenda)
    shutil.copy(FIXTURE / "bron.txt", tmp_path / "bron.txt")
    shutil.copytree(FIXTURE / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["report", "kleinstad.lea", "--year", "2025"], capsys)
    assert code == 0, err
    written = tmp_path / "reports" / "kleinstad-2025.html"
    assert written.is_file()
    assert "reports/kleinstad-2025.html" in out
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert report_filename("agendas/hengelo.lea", 2025) == "hengelo-2025.html"


def test_cli_output_option_and_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "rapport.html"
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "-o", str(out_file), "--lang", "en",
                        "--werkversie"], capsys)
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "Check: where we stand" in text


def test_missing_agenda_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["report", str(tmp_path / "weg.lea"), "--year", "2025"], capsys)
    assert code == 2 and "niet gevonden" in err


def test_invalid_agenda_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "fout.lea"
    bad.write_text('gemeente: "X"\ntitel: "T"\nperiode: 2024-2027\nthema 1 "x"\n  resultaat "r"\n'
                   "    doel: onbekend >= 5 in 2027\n", encoding="utf-8")
    code, _, err = run(["report", str(bad), "--year", "2025", "-o", str(tmp_path / "r.html")], capsys)
    assert code == 1 and "fout" in err
    assert not (tmp_path / "r.html").exists()


def test_invalid_data_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "observaties.csv").write_text("indicator;periode;eenheid;waarde;bron;status;illustratief;reeks;"
                                          "toelichting\nvve-bereik;2024-01-01;;83.7;x;definitief;;;\n",
                                          encoding="utf-8")
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "--data", str(data),
                        "-o", str(tmp_path / "r.html")], capsys)
    assert code == 1 and "observaties.csv" in err
    assert not (tmp_path / "r.html").exists()


def test_pdf_without_chromium_exits_3_with_install_help(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import lea_rules.report.pdf as pdf

    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    out_file = tmp_path / "r.html"
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "-o", str(out_file), "--pdf"], capsys)
    assert code == 3
    assert "sudo apt install chromium" in err and "pip install 'lea-rules[pdf]'" in err
    assert out_file.is_file(), "the HTML report is written even when the PDF cannot be made"
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("name", MUNICIPALITIES)
def test_reports_for_the_three_municipalities(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    out_file = tmp_path / f"{name}.html"
    code, _, err = run(["report", name, "--year", "2025", "-o", str(out_file), "--werkversie"], capsys)
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    # a step that is neither the headline nor past has no note: no empty "()" under "Deeldoel 3"
    assert not re.search(r'<span class="small">\(\s*\)</span>', text)
    page = parse(text)
    agenda = load_agenda(ROOT / "agendas" / f"{name}.lea")
    codes = [a.attrs["data-code"] for a in result_articles(page)]
    expected = [r.code for _, r in agenda.all_results()]
    assert sorted(codes) == sorted(expected) and len(codes) == len(set(codes))
    # the shipped data holds illustrative figures: the cover must say so
    assert page.find_all(cls="illustrative-notice")


# --- structure: PDCA, Check and Act ---------------------------------------------------


def test_every_result_appears_exactly_once_in_check(tree: Element) -> None:
    agenda = load_agenda(AGENDA)
    codes = [a.attrs["data-code"] for a in result_articles(tree)]
    assert codes == [r.code for _, r in agenda.all_results()]
    for article in result_articles(tree):
        section = _enclosing_step(tree, article)
        assert section is not None and "check" in section.classes()


def _enclosing_step(tree: Element, target: Element) -> Element | None:
    for step in tree.find_all("section", "step"):
        if any(e is target for e in step.iter()):
            return step
    return None


def test_every_oranje_or_rood_result_appears_in_act(tree: Element) -> None:
    evaluation = fixture_input().evaluation
    needing = {r.code for r in evaluation.results if r.colour in (Colour.ORANGE, Colour.RED)}
    assert needing == {"1.1-r2", "2.1-r1", "2.1-r2"}
    in_act = {li.attrs["data-code"] for step in tree.find_all("section", "act") for li in step.find_all("li")
              if "data-code" in li.attrs}
    assert needing <= in_act
    missing_list = {li.attrs["data-code"] for ul in tree.find_all("ul", "act-missing-list")
                    for li in ul.find_all("li")}
    assert missing_list == {"2.1-r1", "2.1-r2"}, "rood results without an act record are listed"
    # the one with an act record shows all three parts
    act_item = next(li for li in tree.find_all("li", "act-item") if li.attrs["data-code"] == "1.1-r2")
    text = act_item.all_text()
    assert "Oorzaak" in text and "Personeelstekort" in text and "Bijsturing" in text


def test_cover_and_pdca_headings(tree: Element, html: str) -> None:
    text = tree.all_text()
    for needle in ("Kleinstad", "Lokale Educatieve Agenda Kleinstad 2024-2027", "2024\u20132027", "Peiljaar",
                   "30 juni 2025", "Plan: wat we willen bereiken", "Do: wat we daarvoor doen",
                   "Check: hoe het ervoor staat", "Act: wat we bijsturen", "Open vragen in de agenda",
                   "Bijlage A. Hoe we beoordelen", "Bijlage B. Alle cijfers met hun bron",
                   "Bijlage C. Herziene doelen en herziene cijfers", "Bijlage D. Begroting"):
        assert needle in text, needle
    # Plan shows the target with its source quote; Do shows the action's status this year
    assert "Het bereik van VVE stijgt naar 85% in 2027" in text
    assert "LEA Kleinstad 2024-2027 (testdocument), regel 3" in text
    do_rows = [tr.all_text() for step in tree.find_all("section", "do") for tr in step.find_all("tr")]
    assert any("Ouders betrekken bij VVE" in row and "lopend" in row for row in do_rows)
    assert any("vertraagd" in row for row in do_rows)


def test_at_a_glance_counts_and_change_since_last_year(tree: Element) -> None:
    glance = tree.find_all("section", "glance")[0]
    rows = {tr.find_all("th")[0].all_text().strip(): [td.all_text() for td in tr.find_all("td")]
            for tr in glance.find_all("table", "status-table")[0].find_all("tr")[1:]}
    verkeerd = next(v for k, v in rows.items() if "Verkeerde richting" in k)
    assert verkeerd[0].strip() == "2"
    # the milestone was "op schema" in 2024 and is "vertraagd" now: listed as a change
    changes = glance.find_all("ul", "changes")[0].all_text()
    assert "1.1-r2" in changes and "Op koers" in changes
    theme_rows = glance.find_all("table", "glance-table")[0].find_all("tbody")[0].find_all("tr")
    assert len(theme_rows) == 2
    assert "1 slechter" in theme_rows[0].all_text()


def test_questions_budget_and_revisions(tree: Element) -> None:
    text = tree.all_text()
    for question in ("Wie stelt het rapport vast: college of raad?", "Tellen vrijgestelde leerlingen mee?",
                     "Geldt dit per schooljaar of op een teldatum?"):
        assert question in text
    assert "\u20ac\u00a050.000" in text or "\u20ac 50.000" in text
    assert "\u20ac 12.500" in text.replace("\u00a0", " ")
    assert "15 maart 2025" in text and "Aantal thuiszitters < 12 in 2027" in text
    assert "Aantal thuiszitters < 8 in 2026" in text
    assert "definitieve cijfers VVE-monitor" in text and "1 maart 2025" in text


# --- honest data ------------------------------------------------------------------------


def test_illustrative_figures_are_labelled_everywhere(tree: Element, html: str) -> None:
    assert tree.find_all(cls="illustrative-notice"), "cover notice"
    rows = [tr for tr in tree.find_all("tr", "illustrative-row")]
    assert len(rows) == 1 and "illustratief" in rows[0].all_text()
    # in Check: the latest VVE figure carries the label, and its chart point is hollow
    vve = next(a for a in result_articles(tree) if a.attrs["data-code"] == "1.1-r1")
    assert "illustratief" in vve.all_text()
    assert any("illustrative" in c.classes() for c in vve.find_all("circle"))
    # a real figure shows its source
    assert "VVE-monitor Kleinstad 2024 (testgegeven)" in vve.all_text()


def test_no_illustrative_notice_for_real_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    lines = (DATA / "observaties.csv").read_text(encoding="utf-8").splitlines()
    (data / "observaties.csv").write_text("\n".join(line for line in lines if ";1;" not in line) + "\n",
                                          encoding="utf-8")
    page = parse(render_html(fixture_input(data_dir=data)))
    assert not page.find_all(cls="illustrative-notice") and page.find_all(cls="real-notice")
    assert not page.find_all(cls="tag-illustrative")


def test_missing_data_is_geen_gegevens_never_zero(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    page = parse(render_html(fixture_input(data_dir=empty)))
    vve = next(a for a in result_articles(page) if a.attrs["data-code"] == "1.1-r1")
    text = vve.all_text()
    assert "Geen gegevens" in text and "geen gegevens" in text
    assert not re.search(r"(?<![\d,.])0(,0+)?%", text), "a missing value must not show as 0%"
    assert not vve.find_all("svg"), "no chart without figures"
    assert "Er zijn nog geen cijfers ingelezen." in page.all_text()


# --- security: escaping, nothing from the network ---------------------------------------


def test_agenda_and_data_texts_are_escaped(html: str, tree: Element) -> None:
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;actie&#39;)&lt;/script&gt;" in html
    assert "Leerlijn 0-13 jaar <script>alert('actie')</script>" in tree.all_text(), "shown as text"
    assert "<img" not in html.lower() and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<em>" not in html and "&lt;em&gt;coördinator&lt;/em&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;nieuwe&lt;/b&gt;" in html
    assert "gemeente &amp; onderwijs" in html


def test_self_contained_no_network(html: str, tree: Element) -> None:
    for element in tree.iter():
        for attr in ("src", "href", "action", "data", "poster"):
            value = element.attrs.get(attr, "")
            assert not value or value.startswith("#"), (element.tag, attr, value)
    for tag in ("script", "link", "img", "iframe", "object", "embed"):
        assert not tree.find_all(tag), tag
    assert "@import" not in html and "url(" not in html
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}, urls


def test_library_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    render_html(fixture_input())
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_jinja_and_babel_only_on_the_report_path() -> None:
    code = ("import sys, lea_rules.cli, lea_rules.api, lea_rules.commands.check, "
            "lea_rules.commands.report; bad = [m for m in ('jinja2', 'babel') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# --- language and formatting --------------------------------------------------------


def test_dutch_formatting_through_babel() -> None:
    nl = Notation("nl")
    assert nl.value(83.7, "%") == "83,7%"
    assert nl.value(10884, "aantal") == "10.884"
    assert nl.value(5.5, "uur per week") == "5,5 uur per week"
    assert nl.value(None, "%") == "geen gegevens"
    assert nl.change(1.5, "%") == "+1,5 procentpunt per jaar"
    assert nl.change(-3, "aantal") == "-3 per jaar"
    assert nl.euro(50000).replace("\u00a0", " ") == "\u20ac 50.000"
    assert nl.period(parse_period("2022-01-01")) == "1 januari 2022"
    assert nl.period(parse_period("2022/2023")) == "2022/2023"
    assert nl.period(TargetMoment(parse_period("2027"), implicit=True)) == "2027 (einde periode)"
    en = Notation("en")
    assert en.value(83.7, "%") == "83.7%" and en.value(10884, "aantal") == "10,884"
    assert en.period(parse_period("2022-01-01")) == "1 January 2022" and en.value(None, "%") == "no data"
    # a target moment on an indicator's axis: "in 2027" on a schooljaar axis is 2026/2027
    assert position(parse_period("2027"), Measure.SCHOOL_YEAR) == 2026
    assert position(parse_period("2026/2027"), Measure.CALENDAR_YEAR) == 2027
    midyear = position(parse_period("2025-07-02"), Measure.REFERENCE_DATE)
    assert float(midyear) == pytest.approx(2025.5, abs=0.01)


def test_english_ui_keeps_agenda_texts() -> None:
    page = parse(render_html(fixture_input("en")))
    text = page.all_text()
    for needle in ("Plan: what we want to achieve", "Check: where we stand", "Act: how we adjust",
                   "Moving away", "Acceleration needed", "Appendix A. How we assess", "30 June 2025"):
        assert needle in text, needle
    assert "Het bereik van VVE stijgt naar 85% in 2027." in text, "agenda text stays as written"
    assert "Check: hoe het ervoor staat" not in text


def test_status_is_never_colour_alone(tree: Element) -> None:
    badges = tree.find_all("span", "status")
    assert badges
    words = {s.value for s in Status}
    for badge in badges:
        text = badge.all_text()
        assert any(w in text for w in words), text
        colours = ("status-groen", "status-oranje", "status-rood", "status-grijs")
        assert any(c in badge.classes() for c in colours)


# --- accessibility -------------------------------------------------------------------


def test_headings_in_order(tree: Element) -> None:
    levels = [int(e.tag[1]) for e in tree.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    assert max(levels) <= 5


def test_tables_have_scoped_headers(tree: Element) -> None:
    tables = tree.find_all("table")
    assert tables
    for th in tree.find_all("th"):
        assert th.attrs.get("scope") in ("col", "row"), th.all_text()[:60]


def test_charts_have_text_alternatives_and_scale(tree: Element) -> None:
    charts = tree.find_all("svg")
    assert charts
    for svg in charts:
        assert svg.attrs["role"] == "img" and re.fullmatch(r"0 0 \d+ \d+", svg.attrs["viewBox".lower()])
        ids = svg.attrs["aria-labelledby"].split()
        title = next(e for e in svg.children if e.tag == "title")
        desc = next(e for e in svg.children if e.tag == "desc")
        assert ids == [title.attrs["id"], desc.attrs["id"]]
        assert title.all_text().strip() and desc.all_text().strip()
    for figure in tree.find_all("figure", "chart-figure"):
        assert figure.find_all("figcaption")[0].all_text().startswith("Metingen:")
    css = CSS.read_text(encoding="utf-8")
    assert re.search(r"svg\.chart \{[^}]*max-width: 100%", css) and "height: auto" in css


def _css_vars(css: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_ratio_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_colours_pass_wcag_aa() -> None:
    colours = _css_vars(CSS.read_text(encoding="utf-8"))
    pairs = [(name[:-3], name) for name in colours if name.endswith("-fg")]
    assert len(pairs) >= 8, "status, tag, illustrative, notice and missing colours are defined as -fg/-bg"
    for base, fg in pairs:
        ratio = contrast(colours[fg], colours[f"{base}-bg"])
        assert ratio >= 4.5, f"{fg} on {base}-bg: {ratio:.2f}"
    for name in ("text", "muted", "link"):
        for background in ("bg", "panel"):
            ratio = contrast(colours[name], colours[background])
            assert ratio >= 4.5, f"{name} on {background}: {ratio:.2f}"
    for status in ("groen", "oranje", "rood", "grijs"):
        assert contrast(colours["muted"], colours[f"status-{status}-bg"]) >= 4.5
    # chart lines and marks are graphics: WCAG 1.4.11 asks 3:1 against the background
    for name in ("chart-obs", "chart-target", "chart-path", "chart-projection"):
        assert contrast(colours[name], colours["bg"]) >= 3.0, name


# --- charts ---------------------------------------------------------------------------------


LEGEND = Legend("meting", "illustratieve meting", "doel", "nodige lijn", "verwachting", "ill.")


def test_nice_step() -> None:
    assert nice_step(10) == 2.0 and nice_step(3.7) == 1.0 and nice_step(0.4) == pytest.approx(0.1)
    assert nice_step(0) == 1.0


def test_chart_draws_every_part_and_escapes() -> None:
    spec = ChartSpec(chart_id="c1", title="<b>Bereik</b> & meer", summary="Metingen: <x>",
                     points=(ChartPoint(2023, 80, "80%"), ChartPoint(2024, 81.5, "81,5%", illustrative=True)),
                     target=(2027, 85), target_label="doel 85%", baseline=(2023, 80),
                     projection=(2024, 81.5, 2027, 86), low=0, high=100)
    svg = str(line_chart(spec, LEGEND, lambda v: f"{v:g}%"))
    assert "<b>" not in svg and "&lt;b&gt;Bereik&lt;/b&gt; &amp; meer" in svg and "&lt;x&gt;" in svg
    for cls in ("obs-line", "obs-point illustrative", "target-line", "target-mark", "path-line",
                "projection-line", "projection-mark"):
        assert f'class="{cls}"' in svg, cls
    assert "81,5% (ill.)" in svg and "illustratieve meting" in svg
    coords = [float(v) for v in re.findall(r'(?:x|y|cx|cy|x1|x2|y1|y2)="(-?[\d.]+)"', svg)]
    assert all(-1 <= v <= 561 for v in coords), "everything inside the viewBox"


def test_chart_without_projection_or_target() -> None:
    spec = ChartSpec(chart_id="c2", title="t", summary="s", points=(ChartPoint(2024, 3, "3"),))
    svg = str(line_chart(spec, LEGEND, str))
    assert "projection-line" not in svg and "target-line" not in svg and "obs-point" in svg


# --- rendering a hand-made evaluation -----------------------------------------------------


def _point(period: str, t: float, value: float, illustrative: bool = False) -> Point:
    return Point(period=period, t=t, value=value, source="bron <x>", illustrative=illustrative)


def test_hand_made_evaluation_renders_staged_goals_and_changes() -> None:
    agenda = load_agenda(AGENDA)
    past = GoalEvaluation(kind="drempel", description="vve-bereik >= 80% in 2024", indicator="vve-bereik",
                          indicator_label="Bereik VVE", unit="%", status=Status.ACHIEVED, colour=Colour.GREEN,
                          past=True, explanation=Explanation(rule="met(y_tT)", target_value=80,
                                                             target_text=">= 80%", target_moment="2024",
                                                             latest=_point("2024-01-01", 2024, 81.5),
                                                             points=[_point("2024-01-01", 2024, 81.5)]))
    next_stage = GoalEvaluation(
        kind="drempel", description="vve-bereik >= 85% in 2027", indicator="vve-bereik",
        indicator_label="Bereik VVE", unit="%", status=Status.ACCELERATION_NEEDED, colour=Colour.ORANGE,
        explanation=Explanation(rule="0,60 <= R < 0,95", baseline=_point("2023-01-01", 2023, 80),
                                baseline_kind="nulmeting", latest=_point("2025-01-01", 2025, 81, True),
                                target_value=85, target_text=">= 85%", target_moment="2027",
                                required_per_year=1.25, actual_per_year=0.5, ratio=0.4, projection=82,
                                points=[_point("2023-01-01", 2023, 80),
                                        _point("2025-01-01", 2025, 81, True)]))
    results = [
        ResultEvaluation(code="1.1-r1", title="x", section_path=[], status=Status.ACCELERATION_NEEDED,
                         colour=Colour.ORANGE, goals=[past, next_stage], headline_goal=1, needs_act=True,
                         act=ActRecord(oorzaak="o", gevolg="g", bijsturing="b"),
                         previous_status=Status.ON_TRACK),
        ResultEvaluation(code="1.1-r2", title="y", section_path=[], status=Status.NOT_ASSESSED,
                         colour=Colour.GREY, goals=[], previous_status=Status.NOT_ASSESSED),
        ResultEvaluation(code="2.1-r1", title="z", section_path=[], status=Status.ON_TRACK,
                         colour=Colour.GREEN, goals=[], previous_status=Status.WRONG_DIRECTION),
        ResultEvaluation(code="2.1-r2", title="w", section_path=[], status=Status.NO_DATA,
                         colour=Colour.GREY, goals=[]),
    ]
    evaluation = EvaluationReport(municipality="Kleinstad", agenda_title=agenda.title,
                                  agenda_path=agenda.path, period=agenda.period, peiljaar=2025,
                                  results=results, actions=[])
    page = parse(render_html(ReportInput(agenda=agenda, evaluation=evaluation, generated=date(2025, 7, 1))))
    article = next(a for a in result_articles(page) if a.attrs["data-code"] == "1.1-r1")
    text = article.all_text()
    assert "Deeldoel 1:" in text and "Deeldoel 2:" in text and "doel dat nu telt" in text
    assert "+1,25 procentpunt per jaar" in text and "+0,5 procentpunt per jaar" in text and "0,4" in text
    assert "82%" in text and "bron <x>" in text
    assert len(article.find_all("svg")) == 2
    glance = page.find_all("section", "glance")[0]
    themes = glance.find_all("table", "glance-table")[0].find_all("tbody")[0].find_all("tr")
    assert "0 beter, 1 slechter" in themes[0].all_text() and "1 beter, 0 slechter" in themes[1].all_text()
    listed = page.find_all("ul", "not-assessed-list")[0].find_all("li")
    not_assessed = {li.attrs["data-code"] for li in listed}
    assert not_assessed == {"1.1-r2"}
    assert "Elk oranje of rood resultaat heeft een oorzaak, gevolg en bijsturing." in glance.all_text()


def test_templates_ship_inside_the_package() -> None:
    from importlib.resources import files

    templates = files("lea_rules.report") / "templates"
    for name in ("report.html.j2", "_macros.html.j2", "_glance.html.j2", "_appendix.html.j2", "report.css",
                 "print.css", "_page_style.html.j2"):
        assert (templates / name).is_file(), name


# --- kengetallen ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def hengelo_tree() -> Element:
    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    data_dir = ROOT / "data" / "hengelo"
    observations = load_observations(data_dir, agenda)
    evaluation = evaluate(agenda, observations, load_progress(data_dir, 2025, agenda), 2025,
                          load_progress(data_dir, 2024, agenda), data_date="2025-06-30",
                          units=load_units(data_dir, agenda))
    return parse(render_html(ReportInput(agenda=agenda, evaluation=evaluation, generated=date(2025, 7, 1),
                                         observations=observations, lang="nl")))


def _kengetal(tree: Element, name: str) -> Element:
    (found,) = [s for s in tree.find_all("section", "kengetal") if s.attrs.get("data-indicator") == name]
    return found


def _rows(section: Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for tr in section.find_all("tbody")[0].find_all("tr"):
        (th,) = tr.find_all("th")
        out[th.all_text().strip()] = [" ".join(td.all_text().split()) for td in tr.find_all("td")]
    return out


def test_hengelo_kengetallen_section_between_themes_and_questions(hengelo_tree: Element) -> None:
    ids = [e.attrs["id"] for e in hengelo_tree.iter() if e.tag == "section" and "id" in e.attrs
           and e.attrs["id"] in ("kengetallen", "open-vragen")]
    assert ids == ["kengetallen", "open-vragen"]
    h2 = [" ".join(e.all_text().split()) for e in hengelo_tree.find_all("h2")]
    assert h2.index("Kengetallen: cijfers die we volgen") == h2.index("Open vragen in de agenda") - 1
    toc = [a.attrs["href"] for a in hengelo_tree.find_all("nav")[0].find_all("a")]
    assert toc.index("#kengetallen") == toc.index("#open-vragen") - 1
    assert toc.index("#kengetallen") > max(i for i, h in enumerate(toc) if h.startswith("#onderdeel-"))
    levels = [int(e.tag[1]) for e in hengelo_tree.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1
    for th in hengelo_tree.find_all("th"):
        assert th.attrs.get("scope") in ("col", "row")


def test_hengelo_verzuim_is_shown_derived_from_its_counts(hengelo_tree: Element) -> None:
    section = _kengetal(hengelo_tree, "verzuim-percentage")
    rows = _rows(section)
    value, source = rows["2022/2023"]
    assert value == "4,25% berekend" and source == "berekend uit 463 / 10.884 × 100"
    assert rows["2021/2022"][0].startswith("3,47%")
    assert "illustratief" in rows["2024/2025"][0] and "illustratief" not in rows["2022/2023"][0]
    assert "jongeren-met-verzuim / leerplichtigen × 100" in section.all_text()


def test_hengelo_risk_per_wijk_one_row_per_wijk(hengelo_tree: Element) -> None:
    section = _kengetal(hengelo_tree, "risico-onderwijsachterstand")
    rows = _rows(section)
    # the total of Hengelo is a row without eenheid (the report calls it Totaal), then the wijken
    assert list(rows)[:3] == ["Totaal", "Wijk 00 Binnenstad", "Wijk 01 Hengelose Es"]
    assert len(rows) == 11
    assert rows["Wijk 02 Noord"] == ["25%", "regel 1678"]
    assert rows["Wijk 00 Binnenstad"] == ["geen gegevens", ""]
    assert rows["Wijk 09 Buitengebied"][0] == "geen gegevens"
    (common,) = section.find_all("p", "kengetal-common-source")
    assert "sources/hengelo-lea-2024-2027.txt" in common.all_text()
    headers = [th.all_text() for th in section.find_all("thead")[0].find_all("th")]
    assert headers == ["Wijk", "2023", "Bron"]


def test_kengetallen_in_english_with_english_numbers() -> None:
    agenda = load_agenda(ROOT / "agendas" / "hengelo.lea")
    data_dir = ROOT / "data" / "hengelo"
    observations = load_observations(data_dir, agenda)
    evaluation = evaluate(agenda, observations, None, 2025, units=load_units(data_dir, agenda))
    tree = parse(render_html(ReportInput(agenda=agenda, evaluation=evaluation, generated=date(2025, 7, 1),
                                         observations=observations, lang="en")))
    assert "Key figures we monitor" in [e.all_text() for e in tree.find_all("h2")]
    rows = _rows(_kengetal(tree, "verzuim-percentage"))
    assert rows["2022/2023"] == ["4.25% calculated", "calculated from 463 / 10,884 × 100"]
    assert _rows(_kengetal(tree, "risico-onderwijsachterstand"))["Wijk 00 Binnenstad"][0] == "no data"


def test_no_kengetallen_section_without_kengetallen(tree: Element) -> None:
    assert not tree.find_all("section", "kengetallen")
    assert "#kengetallen" not in [a.attrs.get("href") for a in tree.find_all("a")]


@pytest.mark.browser
def test_output_named_pdf_writes_the_pdf_there_and_the_html_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Before, `-o raad.pdf --pdf` wrote the HTML into raad.pdf, printed that file (a blank page)
    # and wrote the PDF over it: one empty page, exit 0.
    import os
    import warnings

    from lea_rules.report.pdf import find_chromium, playwright_available

    if find_chromium() is None or not playwright_available() or shutil.which("pdfinfo") is None:
        reason = "the page count needs Chromium, Playwright and pdfinfo"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI it must run")
        warnings.warn(f"SKIPPING: {reason}", stacklevel=2)
        pytest.skip(reason)
    target = tmp_path / "raad.pdf"
    code, out, err = run(["report", str(AGENDA), "--year", "2025", "-o", str(target)], capsys)
    assert code == 0, err
    assert f"PDF geschreven: {target}" in out and f"rapport geschreven: {target.with_suffix('.html')}" in out
    assert target.read_bytes().startswith(b"%PDF")
    assert target.with_suffix(".html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 1  # type: ignore[union-attr]
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(target), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert "In één oogopslag" in first


@pytest.mark.parametrize("name", ["rapport.docx", "rapport", "rapport.txt"])
def test_output_that_is_neither_html_nor_pdf_is_refused(name: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / name
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "-o", str(target)], capsys)
    assert code == 2
    assert "kies een naam op .html" in err and f"-o {target.with_suffix('.html')}" in err
    assert list(tmp_path.iterdir()) == []
    # following the hint works
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "-o", str(target.with_suffix(".html"))],
                       capsys)
    assert code == 0, err


def test_output_refusal_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.docx"
    code, _, err = run(["report", str(AGENDA), "--year", "2025", "--lang", "en", "-o", str(target)], capsys)
    assert code == 2 and "choose a name ending in .html" in err and f"-o {target.with_suffix('.html')}" in err
