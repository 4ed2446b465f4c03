"""Property lines (`eenheid: %`, `doel: ...`) into the draft of the item they sit under.

A property that belongs elsewhere (E120) or is written twice where once is allowed (E121)
is refused, so that the draft holds one value per slot; a value that cannot be built is
reported by `LineReader`.
"""

from __future__ import annotations

import re
from datetime import date

from lea_rules import nodes as n
from lea_rules.build_drafts import ITEM_PROPS, ITEM_WORDS, PROP_HOME, SINGLE_PROPS, Draft, ItemDraft
from lea_rules.build_time import TimeReader
from lea_rules.build_values import MAX_FORMULA_DEPTH, LTree, as_leaf, as_node, depth
from lea_rules.source import Span
from lea_rules.suggest import did_you_mean
from lea_rules.syntax import Leaf

NAMING_PROPS = frozenset({"doel", "herzien", "formule", "per"})


class PropertyReader(TimeReader):
    """Reads a property line into `current`, the draft of the item the line sits under."""

    current: Draft
    unreadable: int  # lines not read into the model; the usage checks then stay quiet

    def on_property(self, stmt: LTree) -> None:
        key = str(stmt.data)
        item = self.current
        if key not in ITEM_PROPS[item.kind]:
            home = PROP_HOME.get(key, "item")
            self.err("E120", "eigenschap op de verkeerde plaats",
                     f"'{key}:' hoort bij een {home}, maar de regel erboven is "
                     f"{ITEM_WORDS[item.kind]}", self.span(stmt.children[0]),
                     help=f"zet '{key}:' direct onder een "
                          + " of ".join(f"'{word}'-regel" for word in re.split(", | of ", home)))
            self._refused(key)
            return
        if key in SINGLE_PROPS and key in item.props:
            first = item.props[key + "@"]
            self.err("E121", "eigenschap dubbel",
                     f"{ITEM_WORDS[item.kind]} heeft al '{key}:' (regel {first.line})",
                     self.span(stmt.children[0]),
                     help=self._both_goals(first, self.span(stmt)) if key == "doel"
                     else "laat één van de twee regels weg")
            self._refused(key)
            return
        getattr(self, f"prop_{key}")(item, stmt)
        item.props[key + "@"] = self.span(stmt)

    def _refused(self, key: str) -> None:
        """A refused line that names indicators or groups: they are not "unused" for that."""
        if key in NAMING_PROPS:
            self.unreadable += 1

    def _both_goals(self, first: Span, second: Span) -> str:
        """Two `doel:` lines are two targets: both stay, on one line joined by `en` (what
        two lines would mean), or the second as a result of its own. Never "leave one out"."""
        def goals(span: Span) -> str:
            text = self.source.line_text(span.line)[span.column - 1:span.end_column - 1]
            return text.split(":", 1)[1].strip()

        if goals(first) == goals(second):
            return f"deze regel zegt hetzelfde als regel {first.line}: laat hem weg"
        joined = f"doel: {goals(first)} en {goals(second)}"
        if len(joined) > 100:
            joined = "doel: ... en ..."
        return (f"een resultaat heeft één 'doel:'-regel; zet beide doelen daarop ({joined}), "
                "of maak van het tweede een eigen resultaat")

    def prop_tekst(self, item: Draft, stmt: LTree) -> None:
        item.texts.append(self.string(stmt.children[2]))

    def prop_zie(self, item: Draft, stmt: LTree) -> None:
        _, _, word, target = stmt.children
        item.references.append(n.Reference(str(word), str(target), self.span(stmt), self.span(word),
                                           self.span(target)))

    def prop_vraag(self, item: Draft, stmt: LTree) -> None:
        item.questions.append((self.string(stmt.children[2]), self.span(stmt)))

    def prop_citaat(self, item: Draft, stmt: LTree) -> None:
        _, _, doc_tok, loc, quote_tok = stmt.children
        line = page = None
        if loc is not None:
            locator = as_node(loc)
            number = int(self.number(locator.children[1]).value)
            if as_leaf(locator.children[0]).type == "KW_REGEL":
                line = number
            else:
                page = number
        item.citations.append(n.Citation(
            str(doc_tok), self.string(quote_tok), self.span(stmt), line, page,
            document_span=self.span(doc_tok), locator_span=self.span(loc) if loc is not None else None,
            quote_span=self.span(quote_tok)))

    def prop_soort(self, item: Draft, stmt: LTree) -> None:
        tok = stmt.children[2]
        if item.kind == "indicator":
            # An indicator is a target measure unless it is a kengetal: monitored for context.
            if str(tok).casefold() != "kengetal":
                self.err("E127", "onbekende soort indicator", f"'{tok}' is geen soort indicator",
                         self.span(tok), help="de enige soort indicator is 'kengetal' (gevolgd, zonder doel)")
                return
            item.props["soort"] = "kengetal"
            return
        try:
            item.props["soort"] = n.ActionKind(str(tok).casefold())
        except ValueError:
            kinds = [k.value for k in n.ActionKind]
            self.err("E122", "onbekende soort actie", f"'{tok}' is geen soort actie",
                     self.span(tok), help=did_you_mean(str(tok), kinds)
                     or "kies uit: " + ", ".join(kinds))

    def prop_eigenaar(self, item: Draft, stmt: LTree) -> None:
        item.props["eigenaar"] = self.string(stmt.children[2])

    def prop_eenheid(self, item: Draft, stmt: LTree) -> None:
        item.props["eenheid"] = n.Unit.read(str(stmt.children[2]))

    def prop_beter(self, item: Draft, stmt: LTree) -> None:
        item.props["beter"] = n.Better(str(stmt.children[2]))

    def prop_grenzen(self, item: Draft, stmt: LTree) -> None:
        item.props["grenzen"] = n.Bounds(self.signed(stmt.children[2]), self.signed(stmt.children[4]),
                                         self.span(stmt))

    def prop_bron(self, item: Draft, stmt: LTree) -> None:
        item.props["bron"] = self.string(stmt.children[2])

    def prop_meting(self, item: Draft, stmt: LTree) -> None:
        item.props["meting"] = n.Measure(str(stmt.children[2]))

    def prop_per(self, item: Draft, stmt: LTree) -> None:
        names = [tok for tok in stmt.children[2:] if isinstance(tok, Leaf) and tok.type == "NAME"]
        item.props["per"] = (tuple(str(t) for t in names), tuple(self.span(t) for t in names))

    def prop_waarden(self, item: Draft, stmt: LTree) -> None:
        item.props["waarden"] = tuple(self.string(t) for t in stmt.children[2:]
                                      if isinstance(t, Leaf) and t.type == "STRING")

    def prop_formule(self, item: Draft, stmt: LTree) -> None:
        formula = stmt.children[2]
        if depth(formula) > MAX_FORMULA_DEPTH:
            self.err("E133", "formule te diep genest",
                     f"deze formule heeft meer dan {MAX_FORMULA_DEPTH} niveaus haakjes of bewerkingen "
                     "achter elkaar; zo'n formule is niet meer te lezen", self.span(formula),
                     help="splits de formule: maak een tussenindicator met een eigen 'formule:'")
            return
        item.props["formule"] = self.expr(formula)

    def prop_doel(self, item: Draft, stmt: LTree) -> None:
        if self._both_goal_and_aspiration(item, "doel", "streven", stmt):
            return
        item.props["doel"] = self.goals(stmt.children[2])

    def prop_streven(self, item: Draft, stmt: LTree) -> None:
        """`streven:` is a `doel:` the document only aspires to; the goals are stored alike."""
        if self._both_goal_and_aspiration(item, "streven", "doel", stmt):
            return
        item.props["streven"] = self.goals(stmt.children[2])

    def _both_goal_and_aspiration(self, item: Draft, key: str, other: str, stmt: LTree) -> bool:
        """A result has one `doel:` or one `streven:` (E330): a norm and an aspiration are two results."""
        if other not in item.props:
            return False
        self.err("E330", "doel en streven samen",
                 f"dit resultaat heeft al '{other}:' (regel {item.props[other + '@'].line}); "
                 "een resultaat heeft één "
                 f"'doel:' (een norm) of één 'streven:' (wat het document nastreeft), niet allebei",
                 self.span(stmt.children[0]),
                 help=f"noemt het document beide, zet deze '{key}:'-regel dan onder een eigen "
                      "'resultaat'-regel met de zin uit het document als titel")
        return True

    def prop_basis(self, item: Draft, stmt: LTree) -> None:
        # Without a moment (`basis: 12 uur per week`) the nulmeting is "before the policy started":
        # the evaluation puts it just before the period (evaluation.md, *De basis*).
        item.props["basis"] = (self.value(stmt.children[2]), self.moment(stmt.children[3]))

    def prop_herzien(self, item: Draft, stmt: LTree) -> None:
        assert isinstance(item, ItemDraft)
        decided = self.date(stmt.children[2])
        # An impossible date was reported by self.date; keep building with a stand-in.
        item.revisions.append({"decided": decided.day or date(max(decided.year, 1), 1, 1),
                               "goals": self.goals(stmt.children[4]), "span": self.span(stmt),
                               "reason": None})

    def prop_start(self, item: Draft, stmt: LTree) -> None:
        found = self.tijd(stmt.children[2])
        if found is not None:
            item.props["start"] = n.Planned(*found)

    def prop_gereed(self, item: Draft, stmt: LTree) -> None:
        found = self.tijd(stmt.children[2])
        if found is not None:
            item.props["gereed"] = n.Planned(*found)

    def prop_reden(self, item: Draft, stmt: LTree) -> None:
        assert isinstance(item, ItemDraft)
        if not item.revisions:
            self.err("E124", "reden zonder herziening",
                     "'reden:' hoort direct onder een 'herzien op ...:'-regel",
                     self.span(stmt.children[0]))
            return
        item.revisions[-1]["reason"] = self.string(stmt.children[2])
