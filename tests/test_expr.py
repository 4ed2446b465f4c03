"""lea's own formula evaluator: exact decimals, missing names and division by zero give no value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lea_rules.expr import evaluate_expr
from lea_rules.nodes import BinaryExpr, Expr, NameExpr, NegExpr, Number, NumberExpr
from lea_rules.source import UNKNOWN


def num(text: str) -> NumberExpr:
    value = Decimal(text)
    decimals = max(0, -int(value.as_tuple().exponent))
    return NumberExpr(Number(value, text, decimals, UNKNOWN), UNKNOWN)


def name(text: str) -> NameExpr:
    return NameExpr(text, UNKNOWN)


def op(sign: str, left: Expr, right: Expr) -> BinaryExpr:
    return BinaryExpr(sign, left, right, UNKNOWN)


VERZUIM = op("*", op("/", name("jongeren-met-verzuim"), name("leerplichtigen")), num("100"))


@pytest.mark.parametrize(("absent", "total", "published"), [
    # Jaarverslag leerplicht 2022-2023: Hengelo and Borne, both school years.
    ("463", "10884", "4.25"), ("373", "10742", "3.47"), ("75", "3518", "2.13"), ("121", "3683", "3.29"),
])
def test_reproduces_published_percentages(absent: str, total: str, published: str) -> None:
    value = evaluate_expr(VERZUIM, {"jongeren-met-verzuim": Decimal(absent),
        "leerplichtigen": Decimal(total)})
    assert value is not None
    assert value.quantize(Decimal("0.01")) == Decimal(published)


def test_names_ignore_case() -> None:
    assert evaluate_expr(name("VVE-Bereik"), {"vve-bereik": Decimal(3)}) == Decimal(3)


def test_arithmetic_is_exact() -> None:
    expr = op("-", op("+", num("0.1"), num("0.2")), num("0.3"))
    assert evaluate_expr(expr, {}) == Decimal(0)
    assert evaluate_expr(NegExpr(num("2"), UNKNOWN), {}) == Decimal(-2)
    assert evaluate_expr(op("*", num("1.5"), num("4")), {}) == Decimal(6)


def test_precedence_comes_from_the_tree() -> None:
    # 10 - (4 - 1) = 7, not (10 - 4) - 1 = 5
    assert evaluate_expr(op("-", num("10"), op("-", num("4"), num("1"))), {}) == Decimal(7)


def test_division_by_zero_is_no_value_not_zero() -> None:
    assert evaluate_expr(VERZUIM, {"jongeren-met-verzuim": Decimal(5), "leerplichtigen": Decimal(0)}) is None


def test_missing_name_is_no_value() -> None:
    assert evaluate_expr(VERZUIM, {"jongeren-met-verzuim": Decimal(5)}) is None


def test_never_python_eval() -> None:
    hostile = name("__import__('os').system('false')")
    assert evaluate_expr(hostile, {}) is None


def test_unknown_operator_is_refused() -> None:
    with pytest.raises(ValueError):
        evaluate_expr(op("**", num("2"), num("3")), {})
