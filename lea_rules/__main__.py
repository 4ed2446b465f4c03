"""Allow `python -m lea_rules`."""

from lea_rules.cli import main

raise SystemExit(main())
