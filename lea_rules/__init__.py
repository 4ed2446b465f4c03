"""lea_rules: write, check, evaluate and report a Lokale Educatieve Agenda (LEA)."""

__version__ = "0.1.0"
