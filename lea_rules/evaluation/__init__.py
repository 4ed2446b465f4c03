"""Evaluation: judge every target of an agenda for a peiljaar, with the numbers behind it."""
