"""The exit codes of `lea`, in one place: the CLI and every command return these.

0 = in orde; 1 = fouten in de invoer (agenda, gegevens, voortgangsbestand), of `lea fmt --check`
zou iets wijzigen; 2 = verkeerd gebruik van de opdracht (onbekende optie, bestand niet gevonden);
3 = een benodigd hulpprogramma ontbreekt (Chromium voor --pdf); 4 = de gegevensmap is bezet
(een andere import schrijft er nog in); 130 = afgebroken (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_TOOL = 3
EXIT_BUSY = 4
EXIT_INTERRUPTED = 130
