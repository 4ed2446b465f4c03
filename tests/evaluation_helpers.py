"""Shared by the evaluation tests: a small agenda with every kind of target, and observations."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from lea_rules.api import check_source
from lea_rules.data.model import Observation, Progress, ReportedState, ResultProgress
from lea_rules.data.units import DeclaredUnit, DeclaredUnits
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import GoalEvaluation, ResultEvaluation
from lea_rules.nodes import Agenda
from lea_rules.source import SourceFile

AGENDA_TEXT = """\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027
groep IKC: "integraal kindcentrum"

indicator bereik "Bereik (kalenderjaar, hoger is beter)"
  eenheid: %
  beter: hoger
  meting: kalenderjaar

indicator uitval "Uitval (kalenderjaar, lager is beter)"
  eenheid: %
  beter: lager
  meting: kalenderjaar

indicator vve "VVE-bereik (peildatum)"
  eenheid: %
  beter: hoger
  meting: peildatum

indicator vsv "vsv-percentage (schooljaar)"
  eenheid: %
  beter: lager
  meting: schooljaar

indicator thuiszitters "Thuiszitters (hele aantallen, schooljaar)"
  eenheid: aantal
  beter: lager
  meting: schooljaar

indicator uren "Rijke schooldag"
  eenheid: uur per week
  beter: hoger
  meting: schooljaar

indicator aanwezigheid "Schoolaanwezigheid"
  eenheid: %
  beter: hoger
  meting: kalenderjaar

indicator brug "Brugfunctionaris op het IKC"
  eenheid: ja/nee
  per: IKC
  meting: kalenderjaar

indicator overleggen "Overleggen per IKC"
  eenheid: aantal
  per: IKC
  beter: hoger
  meting: kalenderjaar

indicator oordeel "Oordeel inspectie"
  eenheid: oordeel
  waarden: "onvoldoende", "voldoende", "goed"
  beter: hoger
  meting: kalenderjaar

indicator verzuimers "Jongeren met verzuim"
  eenheid: aantal
  beter: lager
  meting: schooljaar

indicator leerplichtigen "Leerplichtigen"
  eenheid: aantal
  beter: niveau
  meting: schooljaar

indicator verzuim "% verzuim"
  eenheid: %
  beter: lager
  meting: schooljaar
  formule: verzuimers / leerplichtigen * 100

thema 1 "Alles"
  resultaat drempel "Bereik stijgt naar 85% in 2027"
    doel: bereik >= 85% in 2027
  resultaat lager "Uitval daalt naar 5% in 2027"
    doel: uitval <= 5% in 2027
  resultaat peildatum "VVE-bereik 90% in 2025"
    doel: vve >= 90% in 2025
  resultaat basis "VVE-bereik 90% in 2027, basis 80% op 1 januari 2023"
    doel: vve >= 90% in 2027
    basis: 80% op 1 januari 2023
  resultaat plafond "vsv hoogstens 1,9% in 2027"
    doel: vsv <= 1,9% in 2027
  resultaat niveau "vsv 1,9% in 2027"
    doel: vsv = 1,9% in 2027
  resultaat marge "16 uur per week, marge een half uur"
    doel: uren = 16 uur per week ± 0,5 in 2027
  resultaat strikt "Minder dan 10 thuiszitters in 2027"
    doel: thuiszitters < 10 in 2027
  resultaat getrapt "5 uur in 2025 en 10 uur in 2027"
    doel: uren >= 5 uur per week in 2025 en >= 10 uur per week in 2027
  resultaat relatief "20% minder thuiszitters in 2027 dan in 2024"
    doel: thuiszitters gedaald met 20% in 2027 t.o.v. 2024
  resultaat richting "Minder thuiszitters in 2027 dan in 2024"
    doel: thuiszitters gedaald in 2027 t.o.v. 2024
  resultaat trend "Schoolaanwezigheid vergroten"
    doel: aanwezigheid vergroten
  resultaat tenminste "Op tenminste 2 IKC's een brugfunctionaris"
    doel: tenminste 2 IKC met brug
  resultaat alle "Alle IKC's een brugfunctionaris in 2025"
    doel: alle IKC met brug in 2025
  resultaat elk "Elk IKC minimaal 2 overleggen in 2025"
    doel: elk IKC met overleggen >= 2 in 2025
  resultaat categorisch "Oordeel goed"
    doel: oordeel = "goed"
  resultaat mijlpaal "Protocol opgesteld in 2026"
    doel: mijlpaal in 2026
  resultaat kwalitatief "Meer uitwisseling van expertise"
    doel: kwalitatief
  resultaat herzien "Bereik 90% in 2025, herzien naar 88% in 2026"
    doel: bereik >= 90% in 2025
    herzien op 15 maart 2025: bereik >= 88% in 2026
    reden: "Besluit college: personeelstekort"
  resultaat afgeleid "Verzuim onder 4%"
    doel: verzuim < 4% in 2027
"""


def build_agenda(text: str = AGENDA_TEXT) -> Agenda:
    checked = check_source(SourceFile("testdorp.lea", text))
    assert checked.ok, [d.message for d in checked.errors]
    assert checked.agenda is not None
    return checked.agenda


AGENDA = build_agenda()


def obs(indicator: str, period: str, value: str | bool | None = None, *, unit: str | None = None,
        rating: str | None = None, series: str | None = None,
        illustrative: bool = False) -> Observation:
    """An observation; a str value is a number in Python notation ("82.5")."""
    return Observation(
        indicator=indicator, period=period, breakdown=unit, source="test", series=series,
        illustrative=illustrative, rating=rating,
        value=Decimal(value) if isinstance(value, str) else None,
        flag=value if isinstance(value, bool) else None)


def declared(group: str, *names: str) -> DeclaredUnits:
    """The units eenheden.csv would declare for one group."""
    return DeclaredUnits("data/testdorp/eenheden.csv", tuple(DeclaredUnit(group, n) for n in names))


def progress(year: int, stands: dict[str, ReportedState] | None = None) -> Progress:
    return Progress(gemeente="Testdorp", jaar=year, resultaten={
        code: ResultProgress(stand=stand) for code, stand in (stands or {}).items()})


def result_of(code: str, observations: Sequence[Observation], peiljaar: int,
              stands: dict[str, ReportedState] | None = None, agenda: Agenda = AGENDA,
              units: DeclaredUnits | None = None) -> ResultEvaluation:
    report = evaluate(agenda, observations, progress(peiljaar, stands), peiljaar, units=units)
    (found,) = [r for r in report.results if r.code == code]
    return found


def goal_of(code: str, observations: Sequence[Observation], peiljaar: int,
            stands: dict[str, ReportedState] | None = None, index: int = 0,
            units: DeclaredUnits | None = None) -> GoalEvaluation:
    return result_of(code, observations, peiljaar, stands, units=units).goals[index]


@cache
def x_agenda(doel: str, better: str = "hoger", basis: str | None = None, unit: str = "%") -> Agenda:
    """One result with one goal on a kalenderjaar indicator `x`, periode 2024-2027 (issue 11)."""
    line = f"\n    basis: {basis}" if basis else ""
    return build_agenda(f"""\
gemeente: "Testdorp"
titel: "LEA Testdorp 2024-2027"
periode: 2024-2027

indicator x "x (kalenderjaar)"
  eenheid: {unit}
  beter: {better}
  meting: kalenderjaar

thema 1 "Alles"
  resultaat r "Het resultaat"
    doel: {doel}{line}
""")


def x(period: str, value: str, series: str | None = None) -> Observation:
    """An observation of `x` (see x_agenda)."""
    return obs("x", period, value, series=series)
