"""Verdict: the typed vocabulary of a judgement (statuses, rules, notes), below both the evaluation
that decides them and the words layer that says them."""
