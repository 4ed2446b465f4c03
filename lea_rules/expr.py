"""Expressions: lea's own evaluator for `formule:` lines, over exact decimals, never Python eval."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

from lea_rules.nodes import BinaryExpr, Expr, NameExpr, NegExpr, NumberExpr

PRECISION = 28


def evaluate_expr(expr: Expr, values: Mapping[str, Decimal]) -> Decimal | None:
    """The value of `expr` with the named indicators taken from `values`.

    Names are compared without case (`Leerplichtigen` is `leerplichtigen`). The answer is
    None, never zero, when a name has no value or a division by zero occurs: a derived
    figure that cannot be computed is missing data.
    """
    folded = {name.casefold(): value for name, value in values.items()}
    with localcontext() as ctx:
        ctx.prec = PRECISION
        ctx.traps[DivisionByZero] = True
        ctx.traps[InvalidOperation] = True
        try:
            return _eval(expr, folded)
        except (DivisionByZero, InvalidOperation):
            return None


def _eval(expr: Expr, values: Mapping[str, Decimal]) -> Decimal | None:
    if isinstance(expr, NumberExpr):
        return expr.number.value
    if isinstance(expr, NameExpr):
        return values.get(expr.name.casefold())
    if isinstance(expr, NegExpr):
        inner = _eval(expr.operand, values)
        return None if inner is None else -inner
    left = _eval(expr.left, values)
    right = _eval(expr.right, values)
    if left is None or right is None:
        return None
    return _apply(expr, left, right)


def _apply(expr: BinaryExpr, left: Decimal, right: Decimal) -> Decimal | None:
    if expr.op == "+":
        return left + right
    if expr.op == "-":
        return left - right
    if expr.op == "*":
        return left * right
    if expr.op == "/":
        if right == 0:
            return None
        return left / right
    raise ValueError(f"onbekende bewerking {expr.op!r}")
