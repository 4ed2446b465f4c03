"""The words of the council edition that the working edition does not have (nl, en)."""

from __future__ import annotations

_STRINGS: dict[str, tuple[str, str]] = {
    "edition": ("Raadsversie", "Council edition"),
    "edition_note": ("Deze raadsversie vat de stand samen. De werkversie van de beleidsmedewerker heeft "
                     "daarnaast elke actie, de open vragen, de regelnummers van de bronnen en wat er nog "
                     "ingevuld moet worden.",
                     "This council edition summarises the state. The policy officer's working edition also "
                     "has every action, the open questions, the line numbers of the sources and what still "
                     "has to be filled in."),
    "whole_picture": ("In \u00e9\u00e9n oogopslag", "At a glance"),
    "whole_picture_intro": ("{n} resultaten beoordeeld voor peiljaar {year}.",
                            "{n} results assessed for peiljaar {year}."),
    "bar_legend": ("\u2713 groen, ! oranje, \u2717 rood, ? grijs; elke kleur met een eigen arcering",
                   "\u2713 green, ! orange, \u2717 red, ? grey; each colour with its own pattern"),
    "illustrative_count": ("Van deze statussen {verb} er {n} op illustratieve cijfers of voorbeeldteksten.",
                           "Of these statuses, {n} {verb} on illustrative figures or example texts."),
    "bar_col": ("Resultaten naar kleur", "Results by colour"),
    "attention": ("Vraagt aandacht", "Needs attention"),
    "attention_intro": ("Rood eerst, dan oranje; met de bijsturing als die er is.",
                        "Red first, then orange; with the correction where there is one."),
    "attention_none": ("Geen resultaat staat op rood of oranje.", "No result is red or orange."),
    "and_more": ("en {n} andere, zie de hoofdstukken", "and {n} more, see the chapters"),
    "changed": ("Sinds vorig jaar", "Since last year"),
    "changed_line": ("{better} beter, {worse} slechter, {other} anders, {same} gelijk.",
                     "{better} better, {worse} worse, {other} otherwise changed, {same} the same."),
    "same": ("gelijk", "the same"),
    "status_line": ("Aantal per status, tussen haakjes vorig jaar:",
                    "Number per status, last year in brackets:"),
    "no_previous_short": ("Geen beoordeling van vorig jaar om mee te vergelijken.",
                          "No assessment of last year to compare with."),
    "results": ("Resultaten", "Results"),
    "other_results": ("Overige resultaten: zonder reeks, zonder gegevens of nog te beoordelen",
                      "Other results: without a series, without data or still to be judged"),
    "actions_done": ("Wat we doen", "What we do"),
    "actions_line": ("{n} acties: {counts}.", "{n} actions: {counts}."),
    "actions_one": ("1 actie: {counts}.", "1 action: {counts}."),
    "no_report": ("zonder melding", "not reported"),
    "actions_named": ("Vraagt aandacht:", "Needs attention:"),
    "late_actions": ("Acties achter op hun planning", "Actions behind their schedule"),
    "late_more": ("en {n} meer", "and {n} more"),
    "state_short": ("Stand", "State"),
    "page_short": ("blz.", "p."),
    "found_under": ("onder", "under"),
    "no_content": ("Dit onderdeel heeft geen resultaten of acties om te volgen.",
                   "This part has no results or actions to follow."),
    "history_short": ("Herzieningen", "Revisions"),
    "about_report": ("Over dit rapport", "About this report"),
    "werkversie_name": ("werkversie", "working edition"),
}


def council_strings(lang: str) -> dict[str, str]:
    return {key: pair[1] if lang == "en" else pair[0] for key, pair in _STRINGS.items()}


def council_text(key: str, lang: str, **values: object) -> str:
    return council_strings(lang)[key].format(**values)
