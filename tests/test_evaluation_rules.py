"""Every status of every table in evaluation-method.md and every kind of target, worked by hand.

The agenda (tests/evaluation_helpers.py) runs 2024-2027, so the nulmeting is the latest figure
of a period that begins before 1 januari 2024 (kalenderjaar 2023, schooljaar 2023/2024, a
peildatum on or before 1 januari 2024). Calendar-year targets on schooljaar indicators sit on the
axis at the schooljaar that ends in that year (2027 -> 2026/2027 -> t = 2026).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from evaluation_helpers import AGENDA, declared, goal_of, obs, progress, result_of, x, x_agenda

from lea_rules.data.model import FigureRevision, Observation, ReportedState
from lea_rules.data.units import DeclaredUnits
from lea_rules.evaluation.engine import evaluate
from lea_rules.evaluation.model import Colour, Status
from lea_rules.report import ReportInput
from lea_rules.report.view import build_view
from lea_rules.verdict.figures import UnitValue
from lea_rules.words import en, nl


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    observations: list[Observation]
    peiljaar: int
    status: Status
    goal: int = 0
    stands: dict[str, ReportedState] = field(default_factory=dict)
    required: float | None = None
    actual: float | None = None
    ratio: float | None = None
    indicative: bool | None = None
    units: DeclaredUnits | None = None  # eenheden.csv: the declared IKC's


SEVEN = declared("IKC", *(f"IKC {n}" for n in range(1, 8)))


def brug(period: str, *flags: bool) -> list[Observation]:
    """`brug` for IKC 1, IKC 2, ... in order: one flag per IKC that delivered."""
    return [obs("brug", period, flag, unit=f"IKC {n}") for n, flag in enumerate(flags, 1)]


def bereik(*pairs: tuple[str, str]) -> list[Observation]:
    return [obs("bereik", period, value) for period, value in pairs]


CASES = [
    # --- before the deadline: `bereik >= 85% in 2027`, t0 = 2023 (nulmeting), tT = 2027 -------------
    # 80, 84, 86: met(86); least squares over t = 2023..2025: mean y 83,33; Sxy = (-1)(-3,33) +
    # (1)(2,67) = 6; Sxx = 2; a = 3 >= 0 -> Doel al bereikt (no required change or ratio: they do not
    # decide a met target, see SHOWN).
    Case("al bereikt", "drempel", bereik(("2023", "80"), ("2024", "84"), ("2025", "86")), 2025,
         Status.ALREADY_MET, actual=3.0),
    # 90, 88, 86: met(86), a = -2 -> Bereikt, maar verslechterend.
    Case("bereikt, verslechterend", "drempel", bereik(("2023", "90"), ("2024", "88"), ("2025", "86")),
         2025, Status.MET_DETERIORATING, actual=-2.0),
    # 80, 81, 82,5: deviations -1,17 / -0,17 / 1,33; Sxy = 1,17 + 1,33 = 2,5; a = 1,25; r = 1,25; R = 1.
    Case("op koers", "drempel", bereik(("2023", "80"), ("2024", "81"), ("2025", "82.5")), 2025,
         Status.ON_TRACK, required=1.25, actual=1.25, ratio=1.0, indicative=False),
    # 80 -> 82,375 over 2 years: a = 1,1875; R = 1,1875 / 1,25 = 0,95 exactly -> Op koers (boundary).
    Case("op koers, grens 0,95", "drempel", bereik(("2023", "80"), ("2025", "82.375")), 2025,
         Status.ON_TRACK, ratio=0.95, indicative=True),
    # 80 -> 81,5: a = 0,75; R = 0,6 exactly -> Versnelling nodig (boundary).
    Case("versnelling nodig, grens 0,60", "drempel", bereik(("2023", "80"), ("2025", "81.5")), 2025,
         Status.ACCELERATION_NEEDED, actual=0.75, ratio=0.6),
    # 80 -> 80: a = 0; R = 0 -> Onvoldoende voortgang (boundary).
    Case("onvoldoende voortgang, R = 0", "drempel", bereik(("2023", "80"), ("2025", "80")), 2025,
         Status.INSUFFICIENT_PROGRESS, ratio=0.0),
    # 80 -> 81: a = 0,5; R = 0,4 -> Onvoldoende voortgang.
    Case("onvoldoende voortgang", "drempel", bereik(("2023", "80"), ("2025", "81")), 2025,
         Status.INSUFFICIENT_PROGRESS, ratio=0.4),
    # 80 -> 79: a = -0,5; R = -0,4 -> Verkeerde richting.
    Case("verkeerde richting", "drempel", bereik(("2023", "80"), ("2025", "79")), 2025,
         Status.WRONG_DIRECTION, ratio=-0.4),
    # keep it: the baseline 86 already meets 85 (r = -0,25 points the wrong way); 84 no longer does.
    Case("vasthouden mislukt", "drempel", bereik(("2023", "86"), ("2025", "84")), 2025,
         Status.WRONG_DIRECTION),
    # keep it and still met, but lower -> Bereikt, maar verslechterend.
    Case("vasthouden, verslechterend", "drempel", bereik(("2023", "88"), ("2025", "86")), 2025,
         Status.MET_DETERIORATING),
    # lower is better, `uitval <= 5% in 2027`: 9 -> 7 in 2 years: a = -1; r = (5 - 9) / 4 = -1; R = 1.
    Case("lager is beter, op koers", "lager", [obs("uitval", "2023", "9"), obs("uitval", "2025", "7")],
         2025, Status.ON_TRACK, required=-1.0, actual=-1.0, ratio=1.0),
    # --- at or after the deadline (peiljaar 2027): judged on the 2027 value, y0 = 80, X = 85 ----------
    Case("behaald", "drempel", bereik(("2023", "80"), ("2027", "85")), 2027, Status.ACHIEVED),
    # (84,75 - 80) / (85 - 80) = 0,95 -> Nagenoeg behaald (boundary).
    Case("nagenoeg behaald", "drempel", bereik(("2023", "80"), ("2027", "84.75")), 2027,
         Status.ALMOST_ACHIEVED),
    # (84 - 80) / 5 = 0,8 < 0,95, but better than 80 -> Niet behaald, wel verbeterd.
    Case("wel verbeterd", "drempel", bereik(("2023", "80"), ("2027", "84")), 2027,
         Status.NOT_ACHIEVED_IMPROVED),
    Case("niet behaald", "drempel", bereik(("2023", "80"), ("2027", "79")), 2027, Status.NOT_ACHIEVED),
    Case("niet behaald, gelijk gebleven", "drempel", bereik(("2023", "80"), ("2027", "80")), 2027,
         Status.NOT_ACHIEVED),
    # peiljaar 2028, no 2027 figure but a 2028 one: the 2028 figure does not count for 2027.
    Case("eindmeting ontbreekt", "drempel", bereik(("2023", "80"), ("2025", "82.5"), ("2028", "90")),
         2028, Status.FINAL_PENDING),
    # --- not enough to judge ------------------------------------------------------------------
    Case("geen gegevens", "drempel", [], 2025, Status.NO_DATA),
    Case("geen gegevens van deze indicator", "drempel", [obs("uitval", "2025", "3")], 2025, Status.NO_DATA),
    Case("één meting, voldoet niet", "drempel", bereik(("2025", "80")), 2025, Status.TOO_FEW_POINTS,
         indicative=True),
    Case("één meting, voldoet al", "drempel", bereik(("2025", "90")), 2025, Status.ALREADY_MET,
         indicative=True),
    # a figure for 2026 is not known in peiljaar 2025
    Case("toekomst telt niet", "drempel", bereik(("2026", "90")), 2025, Status.NO_DATA),
    Case("trendbreuk", "drempel", [obs("bereik", "2023", "80", series="oud"),
                                   obs("bereik", "2024", "81", series="oud"),
                                   obs("bereik", "2025", "83", series="nieuw")], 2025, Status.SERIES_BREAK),
    # --- peildatum: last peildatum within the target year ------------------------------------------
    # `vve >= 90% in 2025`: nulmeting 1 januari 2024 = 85 (2023-06-01 is older and dropped);
    # the last peildatum in 2025 is 1 oktober: 90 -> Behaald.
    Case("peildatum, laatste in het doeljaar", "peildatum",
         [obs("vve", "2023-06-01", "70"), obs("vve", "2024-01-01", "85"), obs("vve", "2025-01-01", "88"),
          obs("vve", "2025-10-01", "90")], 2025, Status.ACHIEVED),
    # without 1 oktober: 1 januari 2025 = 88 counts; (88 - 85) / (90 - 85) = 0,6 -> wel verbeterd.
    Case("peildatum, 1 januari", "peildatum",
         [obs("vve", "2024-01-01", "85"), obs("vve", "2025-01-01", "88")], 2025,
         Status.NOT_ACHIEVED_IMPROVED),
    # explicit baseline 80% op 1 januari 2023 wins over the nulmeting; 85 on 1 januari 2025:
    # r = (90 - 80) / (2027 - 2023) = 2,5; a = (85 - 80) / 2 = 2,5; R = 1.
    Case("expliciete basis", "basis", [obs("vve", "2024-01-01", "70"), obs("vve", "2025-01-01", "85")],
         2025, Status.ON_TRACK, required=2.5, ratio=1.0),
    # --- schooljaar: "in 2027" is schooljaar 2026/2027 ------------------------------------------
    Case("schooljaar eindigend in doeljaar", "plafond",
         [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027", "1.9")], 2027, Status.ACHIEVED),
    # 2027/2028 ends in 2028: not the figure for 2027; 2026/2027 = 2,0 misses 1,9:
    # (2,0 - 2,5) / (1,9 - 2,5) = 0,83 -> wel verbeterd.
    Case("schooljaar 2027/2028 telt niet voor 2027", "plafond",
         [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027", "2.0"), obs("vsv", "2027/2028", "1.5")],
         2028, Status.NOT_ACHIEVED_IMPROVED),
    # --- exact level `vsv = 1,9%`: tolerance 0,05 (half of the last written decimal) ------------------
    # distances 0,6 (2,5) and 0,3 (2,2): r = (0,05 - 0,6) / (2026 - 2023) = -0,1833; a = -0,3;
    # R = 1,636 -> Op koers.
    Case("niveau, op koers", "niveau", [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2024/2025", "2.2")],
         2025, Status.ON_TRACK, required=-0.183333, actual=-0.3, ratio=1.636364),
    # |1,95 - 1,9| = 0,05 <= 0,05 (exact decimals, no float rounding) -> Behaald.
    Case("niveau, binnen de marge", "niveau", [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027",
        "1.95")],
         2027, Status.ACHIEVED),
    # 1,85 is as close from below.
    Case("niveau, onder de waarde", "niveau", [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027",
        "1.85")],
         2027, Status.ACHIEVED),
    # distance 0,06: (0,06 - 0,6) / (0,05 - 0,6) = 0,98 -> Nagenoeg behaald.
    Case("niveau, nagenoeg", "niveau", [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027", "1.96")],
         2027, Status.ALMOST_ACHIEVED),
    # vsv has `beter: lager`: below the level beats the target, so 1,2 meets `= 1,9%` (<= 1,95).
    # (On an indicator with `beter: niveau` overshooting misses it: see SHOWN below.)
    Case("niveau, doorgeschoten bij beter: lager", "niveau",
         [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027", "1.2")], 2027, Status.ACHIEVED),
    # explicit margin ± 0,5 on 16 uur: 15,5 is inside.
    Case("niveau, eigen marge", "marge", [obs("uren", "2023/2024", "12"), obs("uren", "2026/2027", "15.5")],
         2027, Status.ACHIEVED),
    # 15,4 is 0,6 away: distances 4 -> 0,6 against 0,5: (0,6 - 4) / (0,5 - 4) = 0,97 -> Nagenoeg behaald.
    Case("niveau, net buiten eigen marge", "marge",
         [obs("uren", "2023/2024", "12"), obs("uren", "2026/2027", "15.4")], 2027, Status.ALMOST_ACHIEVED),
    # 14 is 2 away: (2 - 4) / (0,5 - 4) = 0,57 -> wel verbeterd.
    Case("niveau, buiten eigen marge", "marge",
         [obs("uren", "2023/2024", "12"), obs("uren", "2026/2027", "14")], 2027,
             Status.NOT_ACHIEVED_IMPROVED),
    # --- whole counts: `< 10` is `<= 9` ------------------------------------------------------
    Case("hele aantallen, 9 is minder dan 10", "strikt",
         [obs("thuiszitters", "2023/2024", "14"), obs("thuiszitters", "2026/2027", "9")], 2027,
             Status.ACHIEVED),
    # X = 9: (10 - 14) / (9 - 14) = 0,8 -> wel verbeterd.
    Case("hele aantallen, 10 is niet minder dan 10", "strikt",
         [obs("thuiszitters", "2023/2024", "14"), obs("thuiszitters", "2026/2027", "10")], 2027,
         Status.NOT_ACHIEVED_IMPROVED),
    # r = (9 - 14) / (2026 - 2023) = -1,667; a = -1; R = 0,6 -> Versnelling nodig.
    Case("hele aantallen, voor de deadline", "strikt",
         [obs("thuiszitters", "2023/2024", "14"), obs("thuiszitters", "2024/2025", "13")], 2025,
         Status.ACCELERATION_NEEDED, required=-1.666667, ratio=0.6),
    # --- staged: `>= 5 in 2025 en >= 10 in 2027` (uur per week, schooljaar) ----------------------
    Case("getrapt, eerste trap behaald", "getrapt",
         [obs("uren", "2023/2024", "3.5"), obs("uren", "2024/2025", "5.5")], 2025, Status.ACHIEVED, goal=0),
    # second stage: r = (10 - 3,5) / (2026 - 2023) = 2,1667; a = 2; R = 0,923 -> Versnelling nodig.
    Case("getrapt, tweede trap", "getrapt",
         [obs("uren", "2023/2024", "3.5"), obs("uren", "2024/2025", "5.5")], 2025, Status.ACCELERATION_NEEDED,
         goal=1, required=2.166667, actual=2.0, ratio=0.923077),
    # --- relative with a number: X = 15 * (1 - 0,20) = 12 ------------------------------------
    # reference 2024 = schooljaar 2023/2024 = 15; r = (12 - 15) / 3 = -1; a = -1; R = 1 -> Op koers.
    Case("relatief, op koers", "relatief",
         [obs("thuiszitters", "2023/2024", "15"), obs("thuiszitters", "2024/2025", "14")], 2025,
         Status.ON_TRACK, required=-1.0, ratio=1.0),
    Case("relatief, behaald", "relatief",
         [obs("thuiszitters", "2023/2024", "15"), obs("thuiszitters", "2026/2027", "12")], 2027,
             Status.ACHIEVED),
    # 20% fewer than 0 is 0: a relative change from a zero reference cannot be judged.
    Case("relatief, referentiejaar 0", "relatief",
         [obs("thuiszitters", "2023/2024", "0"), obs("thuiszitters", "2024/2025", "0")], 2025,
         Status.NOT_JUDGEABLE),
    Case("relatief, geen referentiejaar", "relatief", [obs("thuiszitters", "2024/2025", "14")], 2025,
         Status.NO_DATA),
    # --- direction only with a deadline: two signals (reference 2023/2024) ---------------------
    Case("richting, beide goed", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "14"), obs("thuiszitters", "2025/2026", "13")], 2026,
         Status.ON_TRACK, actual=-1.0, indicative=False),
    # average (13 - 15) / 2 = -1 right; last 13 - 12 = +1 wrong -> Versnelling nodig.
    Case("richting, laatste verkeerd", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "12"), obs("thuiszitters", "2025/2026", "13")], 2026,
         Status.ACCELERATION_NEEDED, actual=-1.0),
    # average (16 - 15) / 2 = +0,5 wrong; last -1 right -> Onvoldoende voortgang.
    Case("richting, gemiddelde verkeerd", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "17"), obs("thuiszitters", "2025/2026", "16")], 2026,
         Status.INSUFFICIENT_PROGRESS, actual=0.5),
    Case("richting, beide verkeerd", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "16"), obs("thuiszitters", "2025/2026", "17")], 2026,
         Status.WRONG_DIRECTION),
    Case("richting, twee metingen indicatief", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "14")], 2025, Status.ON_TRACK, indicative=True),
    # at the deadline: strictly lower than 15.
    Case("richting, behaald", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2026/2027", "14")], 2027, Status.ACHIEVED),
    Case("richting, gelijk is niet gedaald", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2026/2027", "15")], 2027, Status.NOT_ACHIEVED),
    Case("richting, eindmeting ontbreekt", "richting", [obs("thuiszitters", "2023/2024", "15"),
         obs("thuiszitters", "2024/2025", "14")], 2027, Status.FINAL_PENDING),
    # --- direction only, no deadline (trend) ---------------------------------------------------
    Case("trend, goed", "trend", [obs("aanwezigheid", "2023", "90"), obs("aanwezigheid", "2024", "91"),
                                  obs("aanwezigheid", "2025", "92")], 2025, Status.ON_TRACK),
    Case("trend, verkeerd", "trend", [obs("aanwezigheid", "2023", "92"), obs("aanwezigheid", "2024", "91"),
                                      obs("aanwezigheid", "2025", "90")], 2030, Status.WRONG_DIRECTION),
    Case("trend, één meting", "trend", [obs("aanwezigheid", "2025", "92")], 2025, Status.TOO_FEW_POINTS),
    # --- count over units --------------------------------------------------------------------
    # IKC A, B, C declared. 2024: 1 meets (C has no value); 2025: 2 of 3 -> count 2 >= 2, a = +1 ->
    # Doel al bereikt (deadline 2027); the missing C in 2024 does not matter.
    Case("tenminste, bereikt", "tenminste", [
        obs("brug", "2024", True, unit="IKC A"), obs("brug", "2024", False, unit="IKC B"),
        obs("brug", "2025", True, unit="IKC A"), obs("brug", "2025", True, unit="IKC B"),
        obs("brug", "2025", False, unit="IKC C")], 2025, Status.ALREADY_MET,
        units=declared("IKC", "IKC A", "IKC B", "IKC C")),
    Case("tenminste, één telling", "tenminste", [
        obs("brug", "2025", True, unit="IKC A"), obs("brug", "2025", False, unit="IKC B")], 2025,
        Status.TOO_FEW_POINTS, units=declared("IKC", "IKC A", "IKC B")),
    # alle: 1 of 2 declared units meets = 50% at the deadline 2025; baseline is that same count ->
    # Niet behaald.
    Case("alle, niet behaald", "alle", [
        obs("brug", "2025", True, unit="IKC A"), obs("brug", "2025", False, unit="IKC B")], 2025,
        Status.NOT_ACHIEVED, units=declared("IKC", "IKC A", "IKC B")),
    # 2024: 1 of 3 declared meets (C no value) = 33,3%; 2025: 2 of 3 = 66,7% -> better,
    # (66,7 - 33,3) / (100 - 33,3) = 0,5 -> wel verbeterd.
    Case("alle, verbeterd", "alle", [
        obs("brug", "2024", True, unit="IKC A"), obs("brug", "2024", False, unit="IKC B"),
        obs("brug", "2025", True, unit="IKC A"), obs("brug", "2025", True, unit="IKC B"),
        obs("brug", "2025", False, unit="IKC C")], 2025, Status.NOT_ACHIEVED_IMPROVED,
        units=declared("IKC", "IKC A", "IKC B", "IKC C")),
    # 7 IKC's declared, at the deadline 2025: 6 ja + 1 nee is judged (85,7%, Niet behaald); 6 ja and
    # one without a value could still be 100%: Gegevens onvolledig, never green and never red.
    Case("alle, 6 ja en 1 nee", "alle", brug("2025", *[True] * 6, False), 2025, Status.NOT_ACHIEVED,
         units=SEVEN),
    Case("alle, 6 ja en 1 ontbreekt", "alle", brug("2025", *[True] * 6), 2025, Status.INCOMPLETE,
         units=SEVEN),
    Case("alle, 2 van 7 ja", "alle", brug("2025", True, True), 2025, Status.INCOMPLETE, units=SEVEN),
    # elk with a condition: 3 and 2 overleggen, both >= 2 -> 100% -> Behaald.
    Case("elk met voorwaarde", "elk", [obs("overleggen", "2025", "3", unit="IKC A"),
                                      obs("overleggen", "2025", "2", unit="IKC B")], 2025, Status.ACHIEVED,
         units=declared("IKC", "IKC A", "IKC B")),
    Case("elk, geen gegevens", "elk", [], 2025, Status.NO_DATA, units=SEVEN),
    # Which IKC's exist is not declared: the goal cannot be judged, whatever the data say.
    Case("alle, eenheden niet gedeclareerd", "alle", brug("2025", True, True), 2025, Status.NO_DATA),
    # --- categorical ---------------------------------------------------------------------------
    Case("categorisch, al goed", "categorisch", [obs("oordeel", "2024", rating="goed")], 2025,
         Status.ALREADY_MET),
    Case("categorisch, stand risico", "categorisch", [obs("oordeel", "2024", rating="voldoende")], 2025,
         Status.ACCELERATION_NEEDED, stands={"categorisch": ReportedState.AT_RISK}),
    Case("categorisch, zonder stand", "categorisch", [obs("oordeel", "2024", rating="voldoende")], 2025,
         Status.NOT_ASSESSED),
    Case("categorisch, deadline gehaald", "categorisch", [obs("oordeel", "2027", rating="goed")], 2027,
         Status.ACHIEVED),
    Case("categorisch, deadline gemist", "categorisch", [obs("oordeel", "2027", rating="voldoende")], 2027,
         Status.NOT_ACHIEVED),
    Case("categorisch, eindoordeel ontbreekt", "categorisch", [obs("oordeel", "2025", rating="goed")], 2027,
         Status.FINAL_PENDING),
    # --- milestone and qualitative: the writer's stand --------------------------------------------
    *[Case(f"mijlpaal, {stand.value}", "mijlpaal", [], 2025, status, stands={"mijlpaal": stand})
      for stand, status in (
          (ReportedState.REALISED, Status.ACHIEVED), (ReportedState.ON_SCHEDULE, Status.ON_TRACK),
          (ReportedState.DELAYED, Status.ACCELERATION_NEEDED), (ReportedState.AT_RISK,
              Status.ACCELERATION_NEEDED),
          (ReportedState.NOT_REALISED, Status.NOT_ACHIEVED), (ReportedState.STOPPED, Status.NOT_ACHIEVED),
          (ReportedState.NOT_STARTED, Status.NOT_STARTED))],
    Case("mijlpaal, niet beoordeeld", "mijlpaal", [], 2025, Status.NOT_ASSESSED),
    Case("kwalitatief, op schema", "kwalitatief", [], 2025, Status.ON_TRACK,
         stands={"kwalitatief": ReportedState.ON_SCHEDULE}),
    Case("kwalitatief, niet beoordeeld", "kwalitatief", [], 2025, Status.NOT_ASSESSED),
    # --- revised target: `bereik >= 88% in 2026` replaces `>= 90% in 2025` -------------------------
    # 80 (2023) -> 85 (2025): r = (88 - 80) / 3 = 2,667; a = 2,5; R = 0,9375 -> Versnelling nodig.
    # (The original target would already be past and judged Niet behaald, wel verbeterd.)
    Case("herzien doel", "herzien", bereik(("2023", "80"), ("2025", "85")), 2025, Status.ACCELERATION_NEEDED,
         required=2.666667, ratio=0.9375),
    # --- derived indicator: verzuim = verzuimers / leerplichtigen * 100 (Hengelo 2021-2023) ----------
    # 373 / 10.742 = 3,47% (2021/2022), 463 / 10.884 = 4,25% (2022/2023): the nulmeting 4,25%
    # is one point and misses `< 4%`.
    Case("afgeleide indicator", "afgeleid", [
        obs("verzuimers", "2021/2022", "373"), obs("leerplichtigen", "2021/2022", "10742"),
        obs("verzuimers", "2022/2023", "463"), obs("leerplichtigen", "2022/2023", "10884")], 2025,
        Status.TOO_FEW_POINTS),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_status(case: Case) -> None:
    goal = goal_of(case.code, case.observations, case.peiljaar, case.stands, index=case.goal,
                   units=case.units)
    assert goal.status is case.status, goal.explanation.rule
    assert goal.colour is case.status.colour
    e = goal.explanation
    for expected, actual in ((case.required, e.required_per_year), (case.actual, e.actual_per_year),
                             (case.ratio, e.ratio)):
        if expected is not None:  # exact Decimals in the model
            assert actual is not None and float(actual) == pytest.approx(expected, abs=1e-6)
    if case.indicative is not None:
        assert e.indicative is case.indicative


def test_every_status_has_a_case() -> None:
    covered = {c.status for c in CASES}
    assert covered == set(Status), set(Status) - covered


def test_every_kind_of_target_has_a_case() -> None:
    kinds = {goal_of(c.code, c.observations, c.peiljaar, c.stands, c.goal, c.units).kind for c in CASES}
    assert kinds == {"drempel", "niveau", "richting", "relatief", "trend", "eenheden", "categorisch",
                     "mijlpaal", "kwalitatief"}


def test_explanation_shows_the_numbers() -> None:
    goal = goal_of("drempel", bereik(("2023", "80"), ("2024", "81"), ("2025", "82.5")), 2025)
    e = goal.explanation
    assert e.baseline is not None and e.baseline.value == 80 and e.baseline_kind == "nulmeting"
    assert e.latest is not None and e.latest.value == 82.5 and e.latest.period.text == "2025"
    assert e.target_value == 85 and str(e.target_moment) == "2027"
    assert [p.period.text for p in e.points] == ["2023", "2024", "2025"]
    # projection: 82,5 + 1,25 * (2027 - 2025) = 85
    assert e.projection == 85  # exact: the rules compute on Decimals
    assert e.measurement_for_target is not None
    assert nl.measurement(e.measurement_for_target) == "de meting over 2027"
    assert "R >= 0,95" in nl.rule(e.rule)


def test_projection_is_clipped_to_the_bounds() -> None:
    goal = goal_of("drempel", bereik(("2023", "90"), ("2025", "99")), 2025)
    assert goal.explanation.projection == 100.0


def test_nulmeting_drops_older_figures() -> None:
    goal = goal_of("drempel", bereik(("2021", "10"), ("2023", "80"), ("2025", "82.5")), 2025)
    assert [p.period.text for p in goal.explanation.points] == ["2023", "2025"]


def test_first_measurement_is_the_baseline_without_a_nulmeting() -> None:
    goal = goal_of("drempel", bereik(("2024", "80"), ("2025", "81")), 2025)
    assert goal.explanation.baseline_kind == "eerste meting"


def test_schooljaar_target_names_the_measurement() -> None:
    goal = goal_of("plafond", [obs("vsv", "2023/2024", "2.5"), obs("vsv", "2026/2027", "1.9")], 2027)
    assert goal.explanation.measurement_for_target is not None
    assert nl.measurement(goal.explanation.measurement_for_target) == (
        "het schooljaar dat in 2027 eindigt (2026/2027)")  # the period is named once


def test_final_pending_shows_the_provisional_status() -> None:
    goal = goal_of("drempel", bereik(("2023", "80"), ("2025", "82.5")), 2027)
    assert goal.status is Status.FINAL_PENDING
    assert goal.explanation.provisional and goal.explanation.provisional_status is Status.ON_TRACK


def test_staged_headline_is_the_next_stage() -> None:
    data = [obs("uren", "2023/2024", "3.5"), obs("uren", "2024/2025", "5.5")]
    result = result_of("getrapt", data, 2025)
    assert result.headline_goal == 1 and result.status is Status.ACCELERATION_NEEDED
    assert result.goals[0].past and not result.goals[1].past
    # after the last deadline the last stage is the headline
    later = result_of("getrapt", [*data, obs("uren", "2026/2027", "10")], 2027)
    assert later.headline_goal == 1 and later.status is Status.ACHIEVED


def test_units_explain_which_units_were_counted() -> None:
    goal = goal_of("tenminste", [obs("brug", "2025", True, unit="IKC A"),
                                 obs("brug", "2025", False, unit="IKC B")], 2025,
                   units=declared("IKC", "IKC A", "IKC B", "IKC C"))
    assert [(u.unit, u.value, u.meets, u.missing) for u in goal.explanation.units] == [
        ("IKC A", UnitValue(flag=True), True, False), ("IKC B", UnitValue(flag=False), False, False),
        ("IKC C", UnitValue(), False, True)]
    # typed in the model; the JSON twin says them as stored, the English report in English
    assert [nl.unit_value(u.value) for u in goal.explanation.units] == ["ja", "nee", "geen gegevens"]
    assert [en.unit_value(u.value) for u in goal.explanation.units] == ["yes", "no", "no data"]
    assert goal.explanation.units_period is not None and goal.explanation.units_period.text == "2025"
    assert (goal.explanation.units_declared, goal.explanation.units_missing) == (3, 1)


def test_relative_target_is_computed_from_the_reference() -> None:
    goal = goal_of("relatief", [obs("thuiszitters", "2023/2024", "15"),
                                obs("thuiszitters", "2024/2025", "14")], 2025)
    assert goal.explanation.target_value == 12.0
    assert goal.explanation.baseline_kind == "jaar uit het doel"


def test_revised_target_is_marked_and_explained() -> None:
    result = result_of("herzien", bereik(("2023", "80"), ("2025", "85")), 2025)
    assert result.revised
    assert result.goals[0].description == "bereik >= 88% in 2026"
    notes = [nl.note(n) for n in result.goals[0].explanation.notes]
    assert any("oorspronkelijk doel: bereik >= 90% in 2025" in n for n in notes)


def test_derived_indicator_reproduces_the_published_figure() -> None:
    goal = goal_of("afgeleid", [obs("verzuimers", "2022/2023", "463"),
                                obs("leerplichtigen", "2022/2023", "10884")], 2025)
    assert goal.explanation.latest is not None
    assert round(goal.explanation.latest.value or 0, 2) == 4.25


def test_derived_indicator_division_by_zero_is_missing() -> None:
    goal = goal_of("afgeleid", [obs("verzuimers", "2024/2025", "5"),
                                obs("leerplichtigen", "2024/2025", "0")], 2025)
    assert goal.status is Status.NO_DATA


def test_illustrative_propagates() -> None:
    data = [obs("bereik", "2023", "80"), obs("bereik", "2025", "82.5", illustrative=True)]
    result = result_of("drempel", data, 2025)
    assert result.goals[0].explanation.illustrative
    assert result.goals[0].explanation.latest is not None and result.goals[0].explanation.latest.illustrative


def test_act_step_is_asked_for_orange_and_red() -> None:
    result = result_of("drempel", bereik(("2023", "80"), ("2025", "79")), 2025)
    assert result.colour is Colour.RED and result.needs_act and result.act_missing
    green = result_of("drempel", bereik(("2023", "80"), ("2025", "90")), 2025)
    assert not green.needs_act and not green.act_missing


def test_agenda_fixture_has_every_result() -> None:
    assert len(list(AGENDA.all_results())) == 20


# --- verdicts that never mislead (issue 11) ------------------------------------------------------
# One goal on a kalenderjaar indicator x, periode 2024-2027. `shown` lists explanation fields and
# the value each must have; None means the number must not be shown (it did not decide the status).


@dataclass(frozen=True)
class Shown:
    name: str
    doel: str
    observations: list[Observation]
    peiljaar: int
    status: Status
    shown: dict[str, object] = field(default_factory=dict)
    better: str = "hoger"
    basis: str | None = None
    unit: str = "%"
    rule: str = ""  # a part of the rule text


SHOWN = [
    # 1. A break hides no missed target: 77 (reeks "nieuw") misses 85 -> Niet behaald, the break
    # named; the achieved share (77 - 78) / (85 - 78) would cross the break and is not shown.
    Shown("breuk: gemist doel blijft gemist", "x >= 85% in 2027",
          [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2027", "77", "nieuw")], 2027,
          Status.NOT_ACHIEVED, {"series_break": True, "ratio": None, "projection": None},
          rule="trendbreuk"),
    Shown("breuk: gehaald doel is behaald", "x >= 85% in 2027",
          [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2027", "86", "nieuw")], 2027,
          Status.ACHIEVED, {"series_break": True}),
    # An empty reeks followed by a name is the same series being named: no break. 78 -> 80:
    # a = 2, r = (85 - 78) / (2027 - 2024) = 2,333; R = 0,857 -> Versnelling nodig.
    Shown("eerste reeksnaam na lege is geen breuk", "x >= 85% in 2027",
          [x("2024", "78"), x("2025", "80", "nieuw")], 2025, Status.ACCELERATION_NEEDED,
          {"series_break": False, "required_per_year": 2.333333, "actual_per_year": 2.0,
           "ratio": 0.857143}),
    Shown("lege reeksnaam na een naam is geen breuk", "x >= 85% in 2027",
          [x("2024", "78", "oud"), x("2025", "80")], 2025, Status.ACCELERATION_NEEDED,
          {"series_break": False, "ratio": 0.857143}),
    Shown("twee namen met een lege ertussen is een breuk", "x >= 85% in 2027",
          [x("2024", "78", "oud"), x("2025", "80"), x("2026", "81", "nieuw")], 2026, Status.SERIES_BREAK,
          {"series_break": True}),
    # 3. `beter:` says which way is better: beating the target is meeting it. `= 1,9% ± 0,05` with
    # `beter: lager` is judged as `<= 1,95%`.
    Shown("beter dan het doel is gehaald", "x = 1,9% ± 0,05 in 2027", [x("2024", "2.5"), x("2027", "1.5")],
          2027, Status.ACHIEVED, better="lager", rule="met(y_tT)"),
    Shown("beter dan het doel, voor de deadline", "x = 1,9% ± 0,05 in 2027",
          [x("2024", "2.5"), x("2025", "1.5")], 2025, Status.ALREADY_MET, {"actual_per_year": -1.0},
          better="lager"),
    # r = (1,95 - 2,5) / (2027 - 2024) = -0,1833; a = -0,3; R = 1,636 -> Op koers.
    Shown("beter: lager, op weg naar het niveau", "x = 1,9% ± 0,05 in 2027",
          [x("2024", "2.5"), x("2025", "2.2")], 2025, Status.ON_TRACK,
          {"required_per_year": -0.183333, "actual_per_year": -0.3, "ratio": 1.636364}, better="lager"),
    Shown("beter: hoger, boven het niveau", "x = 60% ± 1 in 2027", [x("2024", "50"), x("2027", "70")],
          2027, Status.ACHIEVED, better="hoger"),
    # `beter: niveau`: overshooting misses the level. Distances 0,6 -> 0,4 against 0,05.
    Shown("beter: niveau, doorgeschoten", "x = 1,9% ± 0,05 in 2027", [x("2024", "2.5"), x("2027", "1.5")],
          2027, Status.NOT_ACHIEVED_IMPROVED, better="niveau"),
    # 4. A strict target from exactly its boundary (`> 50%` from 50) is judged on direction until
    # the deadline: no change is Onvoldoende voortgang, not "Verkeerde richting, de basis voldeed al".
    Shown("strikt doel vanaf de grens, geen verandering", "x > 50% in 2027",
          [x("2024", "50"), x("2025", "50")], 2025, Status.INSUFFICIENT_PROGRESS,
          {"actual_per_year": 0.0, "last_change_per_year": 0.0, "required_per_year": None, "ratio": None,
           "indicative": True}, rule="geen verandering"),
    Shown("strikt doel vanaf de grens, omlaag", "x > 50% in 2027", [x("2024", "50"), x("2025", "49")],
          2025, Status.WRONG_DIRECTION, {"actual_per_year": -1.0, "ratio": None}),
    # average (49,5 - 50) / 2 = -0,25 wrong, last +0,5 right -> Onvoldoende voortgang.
    Shown("strikt doel vanaf de grens, laatste goed", "x > 50% in 2027",
          [x("2024", "50"), x("2025", "49"), x("2026", "49.5")], 2026, Status.INSUFFICIENT_PROGRESS,
          {"actual_per_year": -0.25, "last_change_per_year": 0.5}),
    Shown("strikt doel vanaf de grens, erboven", "x > 50% in 2027", [x("2024", "50"), x("2025", "50.5")],
          2025, Status.ALREADY_MET),
    # at the deadline: 50 is not > 50, and not better than the basis -> Niet behaald.
    Shown("strikt doel vanaf de grens, op de deadline", "x > 50% in 2027", [x("2024", "50"), x("2027", "50")],
          2027, Status.NOT_ACHIEVED),
    # 5. An observation at the moment of a `basis:` line is a measurement, not deleted by it.
    Shown("basis en meting op hetzelfde moment", "x >= 80% in 2027", [x("2023", "72")], 2025,
          Status.TOO_FEW_POINTS, {"latest.value": 72.0, "latest.period": "2023", "baseline.value": 72.0,
                                  "baseline_kind": "expliciet"}, basis="72% in 2023"),
    # with 76 in 2025: r = (80 - 72) / (2027 - 2023) = 2; a = (76 - 72) / 2 = 2; R = 1.
    Shown("basis en meting, daarna nog een meting", "x >= 80% in 2027", [x("2023", "72"), x("2025", "76")],
          2025, Status.ON_TRACK, {"required_per_year": 2.0, "actual_per_year": 2.0, "ratio": 1.0},
          basis="72% in 2023"),
    # another value at the same moment: the agenda's basis stays y0, the observation is the latest.
    Shown("meting wijkt af van de basis", "x >= 80% in 2027", [x("2023", "70")], 2025,
          Status.TOO_FEW_POINTS, {"latest.value": 70.0, "baseline.value": 72.0}, basis="72% in 2023"),
    # 6. A zero reference: a change in percent of 0 is 0, so the target cannot be judged (grey), at
    # the deadline and before it.
    Shown("stijging in procenten vanaf 0", "x gestegen met 20% in 2027 t.o.v. 2024",
          [x("2024", "0"), x("2027", "0")], 2027, Status.NOT_JUDGEABLE,
          {"baseline.value": 0.0, "latest.value": 0.0, "ratio": None}, rule="basis is 0"),
    Shown("daling in procenten vanaf 0", "x gedaald met 20% in 2027 t.o.v. 2024",
          [x("2024", "0"), x("2027", "0")], 2027, Status.NOT_JUDGEABLE, better="lager", unit="aantal",
          rule="basis is 0"),
    Shown("stijging in procenten vanaf 0, voor de deadline", "x gestegen met 20% in 2027 t.o.v. 2024",
          [x("2024", "0"), x("2025", "3")], 2025, Status.NOT_JUDGEABLE, {"latest.value": 3.0}),
    # direction only: a count at 0 cannot fall; a rise from 0 can be judged.
    Shown("gedaald vanaf 0 kan niet", "x gedaald in 2027 t.o.v. 2024", [x("2024", "0"), x("2027", "0")],
          2027, Status.NOT_JUDGEABLE, better="lager", unit="aantal", rule="lager kan niet"),
    Shown("gestegen vanaf 0 kan wel", "x gestegen in 2027 t.o.v. 2024", [x("2024", "0"), x("2027", "1")],
          2027, Status.ACHIEVED, unit="aantal"),
    # 7. A met or keep-it target is decided by met(yt) and which way it moved (a): no required
    # change, no ratio. 86 -> 90 -> 87: least squares a = 0,5 >= 0 (r = -0,25 and R = -2 meant nothing).
    Shown("vasthouden, al bereikt", "x >= 85% in 2027", [x("2023", "86"), x("2024", "90"), x("2025", "87")],
          2025, Status.ALREADY_MET, {"actual_per_year": 0.5, "required_per_year": None, "ratio": None,
                                     "projection": 88.0}),
    # 90 -> 86: a = -2 (R = 1,6 meant nothing).
    Shown("vasthouden, verslechterend", "x >= 85% in 2027", [x("2023", "90"), x("2025", "86")], 2025,
          Status.MET_DETERIORATING, {"actual_per_year": -2.0, "required_per_year": None, "ratio": None}),
    # 86 -> 84: no longer met; r = -0,25 (the wrong way for a >= target) is not shown.
    Shown("vasthouden mislukt", "x >= 85% in 2027", [x("2023", "86"), x("2025", "84")], 2025,
          Status.WRONG_DIRECTION, {"actual_per_year": -1.0, "required_per_year": None, "ratio": None},
          rule="vasthouden"),
    # reached from below: 80 -> 95 -> 86, a = 3; still only a is shown.
    Shown("bereikt vanaf onder het doel", "x >= 85% in 2027",
          [x("2023", "80"), x("2024", "95"), x("2025", "86")], 2025, Status.ALREADY_MET,
          {"actual_per_year": 3.0, "required_per_year": None, "ratio": None}),
    # not met: r, a and R decide, all shown. 80 -> 81: r = 1,25, a = 0,5, R = 0,4.
    Shown("nog niet bereikt: r, a en R", "x >= 85% in 2027", [x("2023", "80"), x("2025", "81")], 2025,
          Status.INSUFFICIENT_PROGRESS, {"required_per_year": 1.25, "actual_per_year": 0.5, "ratio": 0.4}),
    # 9. At the deadline every "not met" verdict shows the achieved share (y_tT - y0) / (X - y0) that
    # decided it (y0 = 80, X = 85); Behaald needs none.
    Shown("niet behaald: bereikt deel", "x >= 85% in 2027", [x("2023", "80"), x("2027", "79")], 2027,
          Status.NOT_ACHIEVED, {"achieved_share": -0.2, "ratio": None}),
    Shown("wel verbeterd: bereikt deel", "x >= 85% in 2027", [x("2023", "80"), x("2027", "84")], 2027,
          Status.NOT_ACHIEVED_IMPROVED, {"achieved_share": 0.8, "ratio": None}),
    Shown("nagenoeg behaald: bereikt deel", "x >= 85% in 2027", [x("2023", "80"), x("2027", "84.75")], 2027,
          Status.ALMOST_ACHIEVED, {"achieved_share": 0.95, "ratio": None}),
    Shown("behaald: geen bereikt deel", "x >= 85% in 2027", [x("2023", "80"), x("2027", "85")], 2027,
          Status.ACHIEVED, {"achieved_share": None}),
    # the basis already met 85: no share exists; the rule says why.
    Shown("niet behaald, de basis voldeed al", "x >= 85% in 2027", [x("2023", "86"), x("2027", "84")], 2027,
          Status.NOT_ACHIEVED, {"achieved_share": None}, rule="voldeed al"),
    # Eindmeting nog niet beschikbaar: the provisional status with its numbers and a provisional
    # projection: a = 1,25, 82,5 + 1,25 * (2027 - 2025) = 85.
    Shown("eindmeting ontbreekt: voorlopige verwachting", "x >= 85% in 2027",
          [x("2023", "80"), x("2025", "82.5")], 2027, Status.FINAL_PENDING,
          {"provisional": True, "provisional_status": Status.ON_TRACK, "projection": 85.0,
           "required_per_year": 1.25, "actual_per_year": 1.25, "ratio": 1.0}),
    # 8. An absolute change: `gedaald met 2 procentpunt` from 10% in 2024 is X = 10 - 2 = 8, `<= 8%`;
    # 8,5 misses, (8,5 - 10) / (8 - 10) = 0,75 of the change -> Niet behaald, wel verbeterd.
    Shown("daling in procentpunten, gemist", "x gedaald met 2 procentpunt in 2027 t.o.v. 2024",
          [x("2024", "10"), x("2027", "8.5")], 2027, Status.NOT_ACHIEVED_IMPROVED,
          {"target_value": 8.0, "achieved_share": 0.75}, better="lager", rule="niet gehaald"),
    Shown("daling in procentpunten, gehaald", "x gedaald met 2 procentpunten in 2027 t.o.v. 2024",
          [x("2024", "10"), x("2027", "7.9")], 2027, Status.ACHIEVED, {"target_value": 8.0}, better="lager"),
    # before the deadline: r = (8 - 10) / (2027 - 2024) = -0,6667, a = -1, R = 1,5 -> Op koers.
    Shown("daling in procentpunten, voor de deadline", "x gedaald met 2 procentpunt in 2027 t.o.v. 2024",
          [x("2024", "10"), x("2025", "9")], 2025, Status.ON_TRACK,
          {"required_per_year": -0.666667, "actual_per_year": -1.0, "ratio": 1.5}, better="lager"),
    # `met 20%` stays relative: 10 × (1 - 0,2) = 8, and the note says so.
    Shown("daling in procenten is relatief", "x gedaald met 20% in 2027 t.o.v. 2024",
          [x("2024", "10"), x("2027", "8")], 2027, Status.ACHIEVED, {"target_value": 8.0}, better="lager"),
    # an absolute change on a count: `gestegen met 5` from 12 is `>= 17`.
    Shown("stijging met een aantal", "x gestegen met 5 in 2027 t.o.v. 2024",
          [x("2024", "12"), x("2027", "16")], 2027, Status.NOT_ACHIEVED_IMPROVED,
          {"target_value": 17.0, "achieved_share": 0.8}, unit="aantal"),
    # a fall of 3 procentpunt from 2% would end below 0%: it can never be met -> Niet te beoordelen.
    Shown("daling onder de ondergrens kan niet", "x gedaald met 3 procentpunt in 2027 t.o.v. 2024",
          [x("2024", "2"), x("2027", "1")], 2027, Status.NOT_JUDGEABLE, better="lager",
          rule="buiten de grenzen"),
    # A change from the agenda's `basis:` line: with no measurement for 2024, `basis: 10% in 2024`
    # is the reference value; X = 10 × 1,2 = 12, and 12 in 2026 already meets it. With `met 3
    # procentpunt`, X = 13: 10, 11, 12 over 2024-2026 gives a = 1, r = (13 - 10) / 3 = 1, R = 1.
    Shown("verandering vanaf de basis in de agenda", "x gestegen met 20% in 2027 t.o.v. 2024",
          [x("2025", "11"), x("2026", "12")], 2026, Status.ALREADY_MET, {"target_value": 12.0,
                                                                         "baseline.value": 10.0},
          basis="10% in 2024"),
    Shown("absolute verandering vanaf de basis in de agenda",
          "x gestegen met 3 procentpunt in 2027 t.o.v. 2024",
          [x("2025", "11"), x("2026", "12")], 2026, Status.ON_TRACK, {"target_value": 13.0, "ratio": 1.0},
          basis="10% in 2024"),
    Shown("verandering in procenten vanaf een basis 0", "x gestegen met 20% in 2027 t.o.v. 2024",
          [x("2025", "1"), x("2026", "2")], 2026, Status.NOT_JUDGEABLE, basis="0% in 2024",
          rule="basis is 0"),
    # `gedaald` from a basis line at the bound 0 cannot be met, as from an observation.
    Shown("gedaald vanaf een basis 0 kan niet", "x gedaald in 2027 t.o.v. 2024",
          [x("2025", "0"), x("2026", "0")], 2026, Status.NOT_JUDGEABLE, better="lager", unit="aantal",
          basis="0 in 2024", rule="lager kan niet"),
    # 12. The nulmeting is the deadline measurement itself (one figure, 2027): only whether it meets
    # counts; a share of the change from itself (0) would explain nothing.
    Shown("enige meting is die voor het doelmoment", "x >= 85% in 2027", [x("2027", "80")], 2027,
          Status.NOT_ACHIEVED, {"achieved_share": None}, rule="geen eerdere meting"),
    Shown("enige meting haalt het doel", "x >= 85% in 2027", [x("2027", "86")], 2027, Status.ACHIEVED),
    # 2. Before the deadline: no rates, no ratio and no projection across the break.
    Shown("breuk: geen verwachting over de breuk", "x >= 85% in 2027",
          [x("2024", "78", "oud"), x("2025", "80", "oud"), x("2026", "77", "nieuw")], 2026,
          Status.SERIES_BREAK, {"series_break": True, "required_per_year": None, "actual_per_year": None,
                                "ratio": None, "projection": None}),
]


@pytest.mark.parametrize("case", SHOWN, ids=[c.name for c in SHOWN])
def test_shown_numbers(case: Shown) -> None:
    agenda = x_agenda(case.doel, case.better, case.basis, case.unit)
    goal = result_of("r", case.observations, case.peiljaar, agenda=agenda).goals[0]
    assert goal.status is case.status, goal.explanation.rule
    assert case.rule in nl.rule(goal.explanation.rule)
    for name, expected in case.shown.items():
        value: object = goal.explanation.model_dump()
        for part in name.split("."):  # "latest.value": a field of a point
            assert isinstance(value, dict), name
            value = value[part]
        if isinstance(expected, float):  # as serialised: a float rounded to 6 decimals
            assert value == pytest.approx(expected, abs=1e-6), name
        else:
            assert value == expected, name


# --- 9. revised figures: the previous status is recomputed with today's data and says so ---------


def revision(indicator: str, period: str, old: str, new: str) -> FigureRevision:
    return FigureRevision(indicator=indicator, period=period, old=old, new=new, reason="definitieve cijfers",
                    revised_on=date(2025, 3, 1))


REVISED = [
    # (name, revisions, data_revised, previous_status_note shown)
    ("cijfer van vorig jaar herzien", [revision("bereik", "2024", "81", "82")], True, True),
    ("alleen een cijfer van dit jaar herzien", [revision("bereik", "2025", "82", "83")], True, False),
    ("cijfer van een andere indicator", [revision("uitval", "2024", "6", "7")], False, False),
    ("cijfer na het peiljaar", [revision("bereik", "2026", "84", "85")], False, False),
    ("geen herzieningen", [], False, False),
]


@pytest.mark.parametrize(("name", "revisions", "data_revised", "note"), REVISED, ids=[c[0] for c in REVISED])
def test_revised_figures_are_named(name: str, revisions: list[FigureRevision], data_revised: bool,
                                   note: bool) -> None:
    data = bereik(("2023", "80"), ("2024", "82"), ("2025", "83"))
    report = evaluate(AGENDA, data, progress(2025), 2025, revisions=revisions)
    (result,) = [r for r in report.results if r.code == "drempel"]
    assert result.previous_status is not None
    assert result.data_revised is data_revised
    assert (result.previous_status_note is not None) is note
    if note:
        assert result.previous_status_note == revisions  # typed: the revised figures it could see
        figure = "bereik 2024: 81 \u2192 82 (herzien op 2025-03-01: definitieve cijfers)"
        assert figure in nl.recomputed(result.previous_status_note)
        assert figure in result.model_dump(mode="json")["previous_status_note"]
    assert len(result.revised_figures) == (1 if data_revised else 0)


@pytest.mark.parametrize("case", SHOWN, ids=[c.name for c in SHOWN])
def test_report_shows_the_same_numbers(case: Shown) -> None:
    """The report's figures table has a row for a rate, ratio or share exactly when the verdict has
    that number, and draws no projection the verdict does not have."""
    agenda = x_agenda(case.doel, case.better, case.basis, case.unit)
    report = evaluate(agenda, case.observations, None, case.peiljaar)
    e = report.results[0].goals[0].explanation
    (goal,) = build_view(ReportInput(agenda=agenda, evaluation=report)).themes[0].results[0].goals
    labels = [row.label for row in goal.rows]
    for label, number in (("Nodig per jaar", e.required_per_year), ("Verhouding werkelijk / nodig", e.ratio),
                          ("Bereikt deel van de nodige verandering", e.achieved_share)):
        assert (label in labels) is (number is not None), (label, labels)
    if e.series_break:
        assert not any(label.startswith("Verwachting") for label in labels)
        assert "path-line" not in goal.chart
    if e.projection is None:
        assert "projection-line" not in goal.chart
    if e.provisional and e.projection is not None:  # Eindmeting nog niet beschikbaar
        assert "Verwachting in 2027 (voorlopig)" in labels


def test_a_real_nulmeting_comes_before_an_illustrative_one() -> None:
    """Real before illustrative (issue 11, item 12): a published 2022 figure is the nulmeting, even
    when an illustrative 2023 value lies closer to the period's start."""
    data = [obs("bereik", "2022", "78"), obs("bereik", "2023", "70", illustrative=True),
            obs("bereik", "2025", "82")]
    e = goal_of("drempel", data, 2025).explanation
    assert e.baseline is not None and e.baseline.value == 78 and not e.baseline.illustrative
    assert e.baseline_kind == "nulmeting"
    only_illustrative = [obs("bereik", "2023", "70", illustrative=True), obs("bereik", "2025", "82")]
    e = goal_of("drempel", only_illustrative, 2025).explanation
    assert e.baseline is not None and e.baseline.value == 70 and e.baseline.illustrative


def test_a_change_says_whether_it_is_relative_or_absolute() -> None:
    relative = result_of("r", [x("2024", "10"), x("2027", "8")], 2027,
                         agenda=x_agenda("x gedaald met 20% in 2027 t.o.v. 2024", "lager", None, "%"))
    absolute = result_of("r", [x("2024", "10"), x("2027", "8")], 2027, agenda=x_agenda(
        "x gedaald met 2 procentpunt in 2027 t.o.v. 2024", "lager", None, "%"))
    assert relative.goals[0].kind == "relatief" and absolute.goals[0].kind == "absoluut"
    assert "relatief: 20% van de waarde in 2024" in nl.note(relative.goals[0].explanation.notes[0])
    assert "10 - 2 procentpunt, absoluut" in nl.note(absolute.goals[0].explanation.notes[0])
