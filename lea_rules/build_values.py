"""Values of one parsed line: texts, numbers, years, moments, goals and formulas.

The builder reads a line's structure (which item, which property); `LineReader` turns the
parts of that line into nodes. Written wrong in a way that cannot be built (a number in the
wrong notation, a date that does not exist), a part is reported and built with a stand-in,
so that one typo gives one error, not a cascade.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date
from decimal import Decimal
from typing import Any

from lea_rules import nodes as n
from lea_rules.build_recurrence import read_recurrence, times_written
from lea_rules.numbers import NumberFormatError, parse_dutch
from lea_rules.period import MONTHS
from lea_rules.recurrence import Recurrence
from lea_rules.source import SourceFile, Span
from lea_rules.syntax import Leaf, Node

LTree = Node
Branch = Leaf | Node | None
"""A child of a parsed line: a token, a subtree, or None for an absent optional part."""

MAX_FORMULA_DEPTH = 50
"""Deeper formulas are refused before building (E133): the AST and its users (checks,
evaluation, report) walk formulas recursively, so this bounds their depth and keeps them far
from Python's recursion limit. The depth is measured without recursion, so even a formula
nested thousands deep (2.400 pairs of brackets on one line) is refused in linear time."""


class LineReader(ABC):
    """Builds the values of the line being read; reports through `err` what it cannot build."""

    source: SourceFile
    line_no: int

    @abstractmethod
    def err(self, code: str, title: str, message: str, span: Span, **kw: Any) -> None:
        """Record a located error; the Builder keeps them in file order."""

    def span(self, node: Branch) -> Span:
        if node is None:
            return Span.point(self.line_no, 1)
        if isinstance(node, Leaf):
            col = node.column or 1
            end = node.end_column or col + len(str(node))
            return Span(self.line_no, col, self.line_no, end)
        meta = node.meta
        if getattr(meta, "empty", True):
            return Span.point(self.line_no, 1)
        return Span(self.line_no, meta.column, self.line_no, meta.end_column)

    def string(self, node: Branch) -> str:
        raw = str(as_leaf(node))[1:-1]
        if "\\" not in raw:
            return raw  # nearly every text: nothing to unescape
        out, i = [], 0
        while i < len(raw):
            ch = raw[i]
            if ch == "\\" and i + 1 < len(raw):
                nxt = raw[i + 1]
                out.append({"n": " ", "t": " "}.get(nxt, nxt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

    def number(self, node: Branch) -> n.Number:
        tok = as_leaf(node)
        text = str(tok)
        span = self.span(tok)
        try:
            value, decimals = parse_dutch(text)
        except NumberFormatError as exc:
            self.err("E130", "getal in verkeerde notatie", exc.message, span,
                     help=f"schrijf '{exc.suggestion}'" if exc.suggestion else None)
            # Go on with the suggested reading, so that one typo gives one error, not a cascade.
            try:
                value, decimals = parse_dutch(exc.suggestion or "")
            except NumberFormatError:
                value, decimals = Decimal("".join(ch for ch in text if ch.isdigit()) or "0"), 0
            return n.Number(value, text, decimals, span)
        return n.Number(value, text, decimals, span)

    def year(self, node: Branch) -> int:
        tok = as_leaf(node)
        text = str(tok)
        if not (len(text) == 4 and text.isdigit()):
            self.err("E131", "geen jaartal", f"'{text}' is geen jaartal van vier cijfers",
                     self.span(tok), help="schrijf een jaar als 2027")
            digits = "".join(ch for ch in text if ch.isdigit())
            guessed = int(digits[:4]) if digits else 0
            return guessed if guessed >= 2 else 1000  # after the error: never a year no date can have
        if int(text) < 1000:  # `0000`: four digits, but no year a policy document means
            self.err("E131", "geen jaartal", f"'{text}' is geen jaartal", self.span(tok),
                     help="schrijf een jaar als 2027")
            return 1000
        return int(text)

    # --- values, moments, goals ---------------------------------------------------------------
    def signed(self, node: Branch) -> n.Number:
        dash, num = as_node(node).children
        number = self.number(num)
        if dash is not None:
            return n.Number(-number.value, "-" + number.text, number.decimals,
                            self.span(dash).to(number.span))
        return number

    def value(self, node: Branch) -> n.Quantity:
        tree = as_node(node)
        span = self.span(tree)
        if tree.data == "v_rating":
            return n.Quantity(span, rating=self.string(tree.children[0]))
        if tree.data == "v_flag":
            return n.Quantity(span, flag=str(tree.children[0]) == "ja")
        euro, signed, unit = tree.children
        unit_value = n.Unit.read(str(unit)) if unit is not None else None
        if euro is not None:
            if unit_value not in (None, n.Unit.EURO):
                self.err("E132", "twee eenheden", "een bedrag met € heeft geen tweede eenheid",
                         self.span(unit), help=f"laat '{unit}' weg")
            unit_value = n.Unit.EURO
        return n.Quantity(span, number=self.signed(signed), unit=unit_value)

    def period(self, node: Branch) -> n.Moment:
        tree = as_node(node)
        first, _, second = tree.children
        year = self.year(first)
        span = self.span(tree)
        if second is None:
            return n.Moment(n.Measure.CALENDAR_YEAR, year, span)
        short = str(as_leaf(second))
        if len(short) == 2 and short.isdigit() and int(short) == (year + 1) % 100:  # `2025/26`
            self.err("E140", "onjuist schooljaar",
                     f"een schooljaar schrijf je met beide jaren voluit; '{year}/{short}' noemt "
                     f"het tweede met twee cijfers", span, help=f"schrijf {year}/{year + 1}")
            return n.Moment(n.Measure.SCHOOL_YEAR, year, span)
        end = self.year(second)
        if end != year + 1:
            self.err("E140", "onjuist schooljaar",
                     f"een schooljaar loopt van 1 augustus tot 31 juli en beslaat twee "
                     f"opeenvolgende jaren; '{year}/{end}' doet dat niet", span,
                     help=f"bedoelde je {year}/{year + 1} of {end - 1}/{end}?")
        return n.Moment(n.Measure.SCHOOL_YEAR, year, span)

    def date(self, node: Branch) -> n.Moment:
        tree = as_node(node)
        kids = [k for k in tree.children if k is not None]
        span = self.span(tree)
        if len(kids) == 3:
            day_s, month_s, year_tok = str(kids[0]), str(kids[1]), kids[2]
            month = MONTHS.index(month_s) + 1
        else:
            day_s, month_s, year_tok = str(kids[0]), str(kids[2]), kids[4]
            month = int(month_s) if month_s.isdigit() else 0
        iso = _iso_date(day_s, month_s, str(as_leaf(year_tok)), len(kids) == 5)
        if iso is not None:  # `2026-12-31`: the date written year first
            self.err("E141", "onjuiste datum",
                     f"'{written(self.source, span)}' schrijft het jaar voorop; lea leest een datum "
                     "als dag-maand-jaar", span,
                     help=f"schrijf {iso.day} {MONTHS[iso.month - 1]} {iso.year} of "
                          f"{iso.day:02d}-{iso.month:02d}-{iso.year}")
            return n.Moment(n.Measure.REFERENCE_DATE, iso.year, span, iso)
        year = self.year(year_tok)
        try:
            day = date(year, month, int(day_s) if day_s.isdigit() else 0)
        except (ValueError, OverflowError):  # 31-02-2025, or a day of twenty digits
            self.err("E141", "onjuiste datum", f"'{written(self.source, span)}' is geen bestaande datum",
                     span, help="schrijf een datum als 1 januari 2025 of 01-01-2025")
            return n.Moment(n.Measure.REFERENCE_DATE, year, span, None)
        return n.Moment(n.Measure.REFERENCE_DATE, year, span, day)

    def moment(self, node: Branch) -> n.Moment | None:
        if node is None:
            return None
        kids = as_node(node).children
        sub = as_node(kids[-1])
        if sub.data == "date":
            return self.date(sub)
        moment = self.period(sub)
        if kids[1] is not None and moment.kind is not n.Measure.SCHOOL_YEAR:  # `in schooljaar 2027`
            year = moment.year
            self.err("E140", "onjuist schooljaar",
                     f"een schooljaar loopt van 1 augustus tot 31 juli en beslaat twee opeenvolgende "
                     f"jaren; 'schooljaar {year}' noemt er één", self.span(node),
                     help=f"bedoelde je schooljaar {year - 1}/{year} of {year}/{year + 1}?")
        return moment

    def goal_when(self, node: Branch, counted: str | None = None,
                  valued: Span | None = None) -> tuple[n.Moment | None, Recurrence | None]:
        """A goal's moment (`in 2027`) or its recurrence (`jaarlijks`, build_recurrence.py).

        `valued`: where a goal with a value starts (`bezoeken >= 2`), so that the refusal of a
        `keer per jaar` after it can write the goal with `jaarlijks` (E321)."""
        if isinstance(node, Node) and node.data == "recurrence":
            before = None
            if valued is not None and node.children and isinstance(node.children[0], Leaf):
                start = self.span(node).column
                before = self.source.line_text(valued.line)[valued.column - 1:start - 1].strip()
            return None, read_recurrence(self, node, counted, before or None)
        return self.moment(node), None

    def goals(self, node: Branch) -> tuple[n.Goal, ...]:
        out: list[n.Goal] = []
        previous: str | None = None
        for goal_tree in as_node(node).children:
            if not isinstance(goal_tree, Node):  # the `en` between parts
                continue
            goal = self.goal(goal_tree, previous)
            if goal is not None:
                out.extend(self.stages(goal))
                indicators = n.goal_indicators(goal)
                previous = indicators[0] if indicators else None
        return tuple(out)

    def stages(self, goal: n.Goal) -> tuple[n.Goal, ...]:
        """The goals one written goal stands for (build_time: `in 2020 en 2021` is two)."""
        return (goal,)

    def goal(self, tree: LTree, previous: str | None) -> n.Goal | None:
        k = tree.children
        span = self.span(tree)
        kind = tree.data
        if kind == "g_compare":
            tol = self.number(as_node(k[3]).children[1]) if k[3] is not None else None
            moment, recurrence = self.goal_when(k[4], valued=span)
            return n.CompareGoal(str(k[0]), n.Comparator.read(str(k[1])), self.value(k[2]), span,
                                 moment, tol, name_span=self.span(k[0]), recurrence=recurrence)
        if kind == "g_compare_cont":
            if previous is None:
                self.err("E125", "indicator ontbreekt",
                         f"bij '{k[0]} ...' staat geen indicator, en er is geen vorig deel om "
                         f"hem van over te nemen", span,
                         help="schrijf de naam van de indicator voor de vergelijking")
                return None
            tol = self.number(as_node(k[2]).children[1]) if k[2] is not None else None
            moment, recurrence = self.goal_when(k[3], valued=span)
            return n.CompareGoal(previous, n.Comparator.read(str(k[0])), self.value(k[1]), span,
                                 moment, tol, indicator_implicit=True, recurrence=recurrence)
        if kind == "g_direction":
            direction = 1 if str(k[1]) == "gestegen" else -1
            return n.DirectionGoal(str(k[0]), direction, self.period(k[4]), span,
                                   self.moment(k[2]), name_span=self.span(k[0]))
        if kind == "g_relative":
            direction = 1 if str(k[1]) == "gestegen" else -1
            return n.DirectionGoal(str(k[0]), direction, self.period(k[6]), span,
                                   self.moment(k[4]), by=self.value(k[3]), name_span=self.span(k[0]))
        if kind == "g_direction_recurring":
            direction = 1 if str(k[1]) == "gestegen" else -1
            told = as_node(k[2])
            _, recurrence = self.goal_when(told)
            first = told.children[0] if told.children else None
            if isinstance(first, Node) and recurrence is not None:  # `gedaald vanaf 2026`: no how often
                at = recurrence.start_span or recurrence.span
                start = self.source.line_text(at.line)[at.column - 1:at.end_column - 1]  # `2026/2027`
                self.err("E342", "richting zonder herhaling",
                         f"'{k[1]} {recurrence.written}' zegt niet waarmee vergeleken wordt: elk jaar met "
                         "het jaar ervoor, of met één jaar", self.span(told),
                         help=f"schrijf '{k[1]} jaarlijks {recurrence.written}' (elk jaar "
                              f"{'hoger' if direction > 0 else 'lager'} dan het jaar ervoor) of "
                              f"'{k[1]} in JAAR t.o.v. {start}' (één vergelijking)")
            return n.DirectionGoal(str(k[0]), direction, None, span, None, name_span=self.span(k[0]),
                                   recurrence=recurrence)
        if kind == "g_trend":
            return n.TrendGoal(str(k[0]), 1 if str(k[1]) == "vergroten" else -1, span,
                               name_span=self.span(k[0]))
        if kind == "g_units":
            quant_node, groups_node, _, indicator, cmp_tok, value, when = k
            written = as_node(groups_node).children if isinstance(groups_node, Node) else [groups_node]
            names, joins = written[::2], written[1::2]
            quant = as_node(quant_node)
            minimum = self.number(quant.children[1]) if quant.data == "q_atleast" else None
            share = None
            if quant.data == "q_share":
                number = self.number(quant.children[1])
                with_sign = Span(number.span.line, number.span.column, number.span.end_line,
                                   number.span.end_column + 1)  # `80%`: the sign right after the number
                share = n.Number(number.value, f"{number.text}%", number.decimals, with_sign)
            elif quant.data == "q_half":
                half = self.span(quant.children[1])
                share = n.Number(Decimal(50), "de helft", 0, half)
            deadline, recurrence = self.goal_when(when, str(indicator) if cmp_tok is None else None,
                                                  valued=span if cmp_tok is not None else None)
            comparator = n.Comparator.read(str(cmp_tok)) if cmp_tok is not None else None
            condition = self.value(value) if value is not None else None
            times = times_written(when) if isinstance(when, Node) and cmp_tok is None else None
            if times is not None:  # `met bezoeken minimaal 2 keer per jaar`, refused (E321) as meant
                text = str(times)
                where = self.span(when)
                comparator = n.Comparator.GE
                condition = n.Quantity(where, number=n.Number(Decimal(times), text, 0, where))
            return n.UnitsGoal(tuple(str(g) for g in names), str(indicator), span, minimum, comparator,
                               condition, deadline, name_span=self.span(indicator),
                               group_spans=tuple(self.span(g) for g in names), recurrence=recurrence,
                               joins=tuple(n.GroupJoin(str(j), self.span(j)) for j in joins), share=share)
        if kind == "g_milestone":
            deadline, recurrence = self.goal_when(k[1])
            return n.MilestoneGoal(span, deadline, recurrence)
        return n.QualitativeGoal(span)

    def expr(self, tree: Branch) -> n.Expr:
        """Formula tree to AST; callers check _depth first, so the recursion stays shallow."""
        if isinstance(tree, Leaf):  # a bare NUMBER or NAME inlined by `?factor`
            if tree.type == "NUMBER":
                return n.NumberExpr(self.number(tree), self.span(tree))
            return n.NameExpr(str(tree), self.span(tree))
        tree = as_node(tree)
        span = self.span(tree)
        if tree.data == "num":
            return n.NumberExpr(self.number(tree.children[0]), span)
        if tree.data == "name":
            return n.NameExpr(str(tree.children[0]), span)
        if tree.data == "neg":
            return n.NegExpr(self.expr(tree.children[1]), span)
        if tree.data in ("add", "sub", "mul", "div"):
            op = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[str(tree.data)]
            return n.BinaryExpr(op, self.expr(tree.children[0]), self.expr(tree.children[2]), span)
        # parenthesised: LPAR expr RPAR
        return self.expr(tree.children[1])


def as_leaf(node: Branch) -> Leaf:
    """A child the grammar guarantees to be a token."""
    assert isinstance(node, Leaf), node
    return node


def as_node(node: Branch) -> LTree:
    """A child the grammar guarantees to be a subtree."""
    assert isinstance(node, Node), node
    return node


def depth(tree: Branch) -> int:
    """Depth of a parse tree, without recursion (the tree may be thousands of levels deep)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, Node):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in node.children)
    return deepest


def written(source: SourceFile, span: Span) -> str:
    return source.line_text(span.line)[span.column - 1: span.end_column - 1]


def _iso_date(first: str, month: str, last: str, dashed: bool) -> date | None:
    """The day of `2026-12-31` (year, month, day), when that is one; None otherwise."""
    if not (dashed and len(first) == 4 and first.isdigit() and month.isdigit()
            and len(last) <= 2 and last.isdigit()):
        return None
    try:
        return date(int(first), int(month), int(last))
    except ValueError:
        return None
