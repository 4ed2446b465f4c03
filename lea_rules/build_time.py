"""Time as documents write it, on a parsed line: a goal's moment and an action's `start:`/`gereed:`.

`tijdstip.py` says what each form means (a span of days); this module reads the forms from the
parse tree and reports what cannot be read (E312-E315), on the words that are wrong.
"""

from __future__ import annotations

from dataclasses import replace

from lea_rules import nodes as n
from lea_rules.build_values import Branch, LineReader, as_leaf, as_node
from lea_rules.period import MONTHS
from lea_rules.source import Span
from lea_rules.syntax import Leaf, Node
from lea_rules.tijdstip import (
    Form,
    Part,
    SpanOrderError,
    Tijdstip,
    day_span,
    following_part,
    month_span,
    parts_span,
    school_year_span,
    year_span,
)

AHEAD_HELP = ("schrijf 'jaarlijks' als het elk jaar moet, of laat het moment weg voor het einde van de "
              "periode")
TIME_FORMS = ("moment", "m_years", "m_span", "m_by", "m_ahead")


class TimeReader(LineReader):
    """Reads the TIJD forms of docs/language.md ("Tijd")."""

    _stages: list[n.Moment]

    def moment(self, node: Branch) -> n.Moment | None:
        if node is None:
            return None
        tree = as_node(node)
        if tree.data == "m_years":
            return self._years(as_leaf(tree.children[1]))
        if tree.data == "m_span":
            when = self.fuzzy(tree.children[1])
            return self._goal_moment(when, self.span(tree)) if when is not None else None
        if tree.data == "m_by":
            when = self.when(tree.children[2], by=True)
            return self._goal_moment(when, self.span(tree)) if when is not None else None
        if tree.data == "m_ahead":
            self._ahead(as_leaf(tree.children[1]), goal=True)
            return None
        if tree.data in ("m_during", "m_before"):
            inner = as_node(tree.children[-1])
            when = self._during(inner) if tree.data == "m_during" else self._before(inner)
            return self._goal_moment(when, self.span(tree)) if when is not None else None
        return super().moment(node)

    def stages(self, goal: n.Goal) -> tuple[n.Goal, ...]:
        """`in 2020 en 2021`: the same target in both years, two stages."""
        pending = getattr(self, "_stages", [])
        self._stages = []
        if not pending or not isinstance(goal, (n.CompareGoal, n.DirectionGoal, n.UnitsGoal,
                                                n.MilestoneGoal)):
            return (goal,)
        return (goal, *(replace(goal, deadline=moment) for moment in pending))

    # --- the forms ---------------------------------------------------------------------------

    def tijd(self, node: Branch) -> tuple[Tijdstip, Span] | None:
        """`start:`/`gereed:` TIJD: the span, and where it is written (None after an error)."""
        tree = as_node(node)
        by = tree.children[0] is not None
        when = self.when(tree.children[2], by=by)
        return (when, self.span(tree)) if when is not None else None

    def when(self, node: Branch, by: bool = False) -> Tijdstip | None:
        tree = as_node(node)
        if tree.data == "w_period":
            return self._period(tree, by)
        if tree.data == "w_date":
            moment = self.date(tree.children[0])
            return day_span(moment.day, by) if moment.day is not None else None
        if tree.data == "w_dashed":
            return self._dashed(tree, by)
        if tree.data == "w_month":
            month_tok, year_tok = tree.children
            return month_span(self.year(year_tok), MONTHS.index(str(month_tok)) + 1, by)
        if tree.data == "w_span":
            found = self.fuzzy(tree.children[0])
            return replace(found, by=by) if found is not None else None
        if tree.data == "w_during":
            return self._during(as_node(tree.children[0]), by)
        if tree.data == "w_before":
            return self._before(as_node(tree.children[0]))
        self._ahead(as_leaf(tree.children[0]), goal=False)
        return None

    def fuzzy(self, node: Branch) -> Tijdstip | None:
        tree = as_node(node)
        parts = tuple(self._part(p) for p in (tree.children[0], tree.children[2]) if p is not None)
        try:
            return parts_span(parts)
        except SpanOrderError:
            (part, year), (second, second_year) = parts
            meant = following_part(part, year)
            self.err("E313", "onjuiste tijdspanne",
                     f"'{part.value} {year}/{second.value} {second_year}': het tweede deel moet direct na "
                     "het eerste komen", self.span(tree),
                     help=f"bedoelde je {part.value} {year}/{meant[0].value} {meant[1]}?")
            return None

    def _part(self, node: Branch) -> tuple[Part, int]:
        kids = [k for k in as_node(node).children if isinstance(k, Leaf)]
        word = next(k for k in kids if k.type == "PART")
        return Part.read(str(word)), self.year(kids[-1])

    def _during(self, tree: Node, by: bool = False) -> Tijdstip | None:
        """`in de loop van 2026`: somewhere in 2026, so the year itself (deadline 31 december)."""
        return self._period(tree, by, tree.children[1:])

    def _before(self, tree: Node) -> Tijdstip | None:
        """`voor de zomer van 2026`: before the summer begins, so `uiterlijk voorjaar 2026`;
        `voor het einde van 2026` (or of a schooljaar): `uiterlijk 2026`."""
        if tree.data == "b_summer":
            return parts_span(((Part.SPRING, self.year(tree.children[1])),), by=True)
        return self._period(tree, True, tree.children[1:])

    def _period(self, tree: Node, by: bool, children: list[Branch] | None = None) -> Tijdstip | None:
        measure_tok, period_node = children if children is not None else tree.children
        moment = self.period(period_node)
        measure = str(measure_tok) if measure_tok is not None else None
        school = moment.kind is n.Measure.SCHOOL_YEAR
        written = f"{measure} {moment.describe()}"
        if measure == "schooljaar" and not school:
            self.err("E312", "tijd past niet bij het woord ervoor",
                     f"'{written}': een schooljaar beslaat twee jaren (1 augustus tot 31 juli)",
                     self.span(tree), help=f"bedoelde je schooljaar {moment.year - 1}/{moment.year} of "
                     f"schooljaar {moment.year}/{moment.year + 1}?")
            return None
        if measure == "kalenderjaar" and school:
            self.err("E312", "tijd past niet bij het woord ervoor",
                     f"'{written}' is een schooljaar, geen kalenderjaar", self.span(tree),
                     help=f"bedoelde je schooljaar {moment.describe()}?")
            return None
        if measure == "peildatum":
            self.err("E312", "tijd past niet bij het woord ervoor",
                     f"'{written}': een peildatum is een dag, geen jaar", self.span(tree),
                     help=f"schrijf de dag zelf, bijvoorbeeld 1 januari {moment.year}")
            return None
        return school_year_span(moment.year, by) if school else year_span(moment.year, by)

    def _dashed(self, tree: Node, by: bool) -> Tijdstip | None:
        """`schooljaar 2023-2024`, as documents write it: the same as schooljaar 2023/2024."""
        measure_tok, first_tok, _, second_tok = tree.children
        first, second = self.year(first_tok), self.year(second_tok)
        if str(measure_tok) != "schooljaar" or second != first + 1:
            self.err("E312", "tijd past niet bij het woord ervoor",
                     f"'{measure_tok} {first}-{second}' is geen schooljaar: een schooljaar beslaat twee "
                     "opeenvolgende jaren", self.span(tree),
                     help=f"bedoelde je schooljaar {first}/{first + 1}?")
            return None
        return school_year_span(first, by)

    def _goal_moment(self, when: Tijdstip, span: Span) -> n.Moment:
        """A goal's moment on the time axis: a part of a year sits at the year of its last day (its
        measurement is chosen in period.counts_for); a year, schooljaar or day as without `uiterlijk`."""
        if when.fuzzy:
            return n.Moment(n.Measure.CALENDAR_YEAR, when.last.year, span, written=when)
        if when.form is Form.SCHOOL_YEAR:
            return n.Moment(n.Measure.SCHOOL_YEAR, when.first.year, span, written=when)
        if when.form is Form.DAY:
            return n.Moment(n.Measure.REFERENCE_DATE, when.first.year, span, when.first, written=when)
        return n.Moment(n.Measure.CALENDAR_YEAR, when.first.year, span, written=when)

    def _years(self, tok: Leaf) -> n.Moment | None:
        text = str(tok)
        first_text, second_text = text.split()[0], text.split()[-1]
        offset = text.rindex(second_text)
        first_span = Span(self.line_no, tok.column, self.line_no, tok.column + len(first_text))
        second_span = Span(self.line_no, tok.column + offset, self.line_no, tok.column + offset + 4)
        first, second = int(first_text), int(second_text)
        if second <= first:
            self.err("E314", "jaren in de verkeerde volgorde",
                     f"'in {first_text} en {second_text}': het tweede jaar moet na het eerste komen",
                     second_span, help=(f"schrijf in {second} en {first}" if second < first
                                        else f"schrijf in {first}"))
            return n.Moment(n.Measure.CALENDAR_YEAR, first, first_span)
        self._stages = [n.Moment(n.Measure.CALENDAR_YEAR, second, second_span)]
        return n.Moment(n.Measure.CALENDAR_YEAR, first, first_span)

    def _ahead(self, tok: Leaf, goal: bool) -> None:
        if goal:
            self.err("E315", "geen tijd", f"'{tok}' noemt geen moment waarop het doel te beoordelen is",
                     self.span(tok), help=AHEAD_HELP)
        else:
            self.err("E315", "geen tijd", f"'{tok}' noemt geen moment in de planning", self.span(tok),
                     help="schrijf een jaar, schooljaar of datum uit het document (bijvoorbeeld eind 2025), "
                          "of laat de regel weg")
