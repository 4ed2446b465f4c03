"""I18n: the report's own words in Dutch and English; agenda texts are never translated."""

from __future__ import annotations

from lea_rules.evaluation.model import Colour, Status
from lea_rules.verdict.aspiration import Aspiration
from lea_rules.words import en

LANGUAGES = ("nl", "en")
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

# One entry per UI string: (Dutch, English). Short sentences, B1 Dutch.
_STRINGS: dict[str, tuple[str, str]] = {
    "doc_title": ("Voortgangsrapport {title}, peiljaar {year}",
                  "Progress report {title}, reference year {year}"),
    "report_kind": ("Voortgangsrapport", "Progress report"),
    "municipality": ("Gemeente", "Municipality"),
    "agenda": ("Agenda", "Agenda"),
    "period": ("Looptijd", "Period"),
    "peiljaar": ("Peiljaar", "Reference year"),
    "data_date": ("Stand van de gegevens", "Data as of"),
    "data_date_unknown": ("onbekend: geen leveringen.csv", "unknown: no leveringen.csv"),
    "generated": ("Gemaakt op", "Generated on"),
    "generated_by": ("Gemaakt met lea report", "Generated with lea report"),
    "no_data": ("geen gegevens", "no data"),
    "illustrative": ("illustratief", "illustrative"),
    "illustrative_short": ("ill.", "ill."),
    "provisional": ("voorlopig", "provisional"),
    "indicative": ("indicatief", "indicative"),
    "illustrative_notice_title": ("Let op: dit rapport bevat illustratieve cijfers",
                                  "Note: this report contains illustrative figures"),
    "illustrative_notice": (
        "Een deel van de cijfers en teksten in dit rapport is verzonnen als voorbeeld. Ze zijn "
        "geen echte meting en geen echte verantwoording. Overal waar zo'n cijfer of tekst staat, "
        "staat het woord \u201cillustratief\u201d erbij.",
        "Some figures and texts in this report are made up as an example. They are not real "
        "measurements and not a real account. Wherever such a figure or text appears, it is "
        "marked \u201cillustrative\u201d."),
    "real_notice": ("Alle cijfers in dit rapport komen uit de genoemde bronnen.",
                    "All figures in this report come from the sources named."),
    "contents": ("Inhoud", "Contents"),
    "how_to_read": ("Zo leest u dit rapport", "How to read this report"),
    "how_to_read_text": (
        "Per thema ziet u de vier stappen van de PDCA-cyclus. Plan: wat we willen bereiken. "
        "Do: wat we daarvoor doen. Check: hoe het ervoor staat. Act: wat we bijsturen. "
        "Elke beoordeling staat in woorden, met de cijfers waar ze op rust.",
        "For each theme you see the four steps of the PDCA cycle. Plan: what we want to achieve. "
        "Do: what we do for it. Check: where we stand. Act: how we adjust. "
        "Every verdict is given in words, with the figures it rests on."),
    # at a glance
    "goal_milestone": ("mijlpaal", "milestone"),
    "goal_qualitative": ("kwalitatief", "qualitative"),
    "glance_illustrative": (
        "Van deze statussen {verb} er {n} op illustratieve cijfers of voorbeeldteksten (illustratief), niet "
        "op gegevens van de gemeente; ze staan hieronder en in het rapport gemarkeerd met “illustratief”.",
        "Of these, {n} {verb} on illustrative figures or example texts (illustrative), not on the "
        "municipality's data; they are marked “illustrative” below and throughout the report."),
    "glance_theme_illustrative": ("{n} illustratief", "{n} illustrative"),
    "glance": ("In \u00e9\u00e9n oogopslag: de stand per thema", "At a glance: the state per theme"),
    "glance_intro": ("{n} resultaten beoordeeld voor peiljaar {year}. In de kolom ‘Sinds vorig jaar’ "
                     "betekent ‘beter’ of ‘slechter’ een betere of slechtere kleur; "
                     "‘anders’ is een andere status met dezelfde kleur, of een overgang van of "
                     "naar grijs (geen oordeel).",
                     "{n} results assessed for reference year {year}. In the column ‘Since last "
                     "year’, ‘better’ or ‘worse’ means a better or worse colour; "
                     "‘changed’ is another status with the same colour, or a change from or to "
                     "grey (no verdict)."),
    "theme": ("Thema", "Theme"),
    "total": ("Totaal", "Total"),
    "since_last_year": ("Sinds vorig jaar", "Since last year"),
    "better": ("beter", "better"),
    "worse": ("slechter", "worse"),
    "changed_other": ("anders", "changed"),
    "unchanged": ("gelijk", "unchanged"),
    "no_previous": ("Er is geen rapport van vorig jaar om mee te vergelijken.",
                    "There is no report from last year to compare with."),
    "status_counts": ("Aantal resultaten per status", "Number of results per status"),
    "status": ("Status", "Status"),
    "colour": ("Kleur", "Colour"),
    "now": ("Nu ({year})", "Now ({year})"),
    "last_year": ("Vorig jaar ({year})", "Last year ({year})"),
    "difference": ("Verschil", "Difference"),
    "changes": ("Resultaten met een andere status dan vorig jaar",
                "Results whose status changed since last year"),
    "changes_none": ("Geen resultaat heeft een andere status dan vorig jaar.",
                     "No result changed status since last year."),
    "was": ("was", "was"),
    "act_overview": ("Bijsturing: wat nog ontbreekt", "Adjustment: what is still missing"),
    "act_missing_intro": (
        "Deze oranje of rode resultaten hebben nog geen oorzaak, gevolg en bijsturing:",
        "These orange or red results do not yet have a cause, consequence and correction:"),
    "act_missing_none": ("Elk oranje of rood resultaat heeft een oorzaak, gevolg en bijsturing.",
                         "Every orange or red result has a cause, consequence and correction."),
    "not_judgeable_item": (
        "Niet te beoordelen: zo geschreven kan dit doel niet worden beoordeeld (de regel bij het resultaat "
        "zegt waarom). Schrijf het doel als een niveau (bijvoorbeeld >= 5 in 2027) of als een absolute "
        "verandering (gestegen met 5; bij een percentage gestegen met 2 procentpunt).",
        "Cannot be judged: as written, this target cannot be assessed (the rule at the result says why). "
        "Write it as a level (for example >= 5 in 2027) or as an absolute change (gestegen met 5; for a "
        "percentage gestegen met 2 procentpunt)."),
    "not_assessed_item": ("Nog niet beoordeeld door de beleidsmedewerker: vul de stand in het "
                          "voortgangsbestand in.",
                          "Not yet assessed by the policy officer: fill in the state in the progress file."),
    "not_assessed_intro": ("Deze resultaten zijn nog niet beoordeeld door de beleidsmedewerker:",
                           "These results have not yet been assessed by the policy officer:"),
    # sections
    "plan": ("Plan: wat we willen bereiken", "Plan: what we want to achieve"),
    "do": ("Do: wat we daarvoor doen", "Do: what we do for it"),
    "check": ("Check: hoe het ervoor staat", "Check: where we stand"),
    "act": ("Act: wat we bijsturen", "Act: how we adjust"),
    "plan_none": ("Bij dit onderdeel staan geen resultaten.", "This part has no results."),
    "do_none": ("Bij dit onderdeel staan geen acties.", "This part has no actions."),
    "check_none": ("Bij dit onderdeel staan geen resultaten om te beoordelen.",
                   "This part has no results to assess."),
    "act_none": ("Geen bijsturing nodig: geen resultaat is oranje of rood.",
                 "No adjustment needed: no result is orange or red."),
    "target": ("Doel", "Target"),
    "aspiration": ("Streven", "Aspiration"),
    "definitions": ("Begrippen", "Definitions"),
    "definition": ("Begrip", "Term"),
    "definitions_intro": ("Zo omschrijft de agenda deze begrippen.", "How the agenda defines these terms."),
    "introduction": ("Inleiding", "Introduction"),
    "targets": ("Doelen", "Targets"),
    "result": ("Resultaat", "Result"),
    "source_quote": ("Bron", "Source"),
    "line": ("regel", "line"),
    "page": ("pagina", "page"),
    "action": ("Actie", "Action"),
    "subaction": ("Deelactie", "Sub-action"),
    "action_word": ("actie", "action"),
    "subaction_word": ("deelactie", "sub-action"),
    "result_word": ("resultaat", "result"),
    "see_also": ("Zie ook", "See also"),
    "at_action": ("bij {word} {code}", "with {word} {code}"),
    "subaction_of": ("deelactie van {code}", "sub-action of {code}"),
    "action_results": ("Met resultaat", "With result"),
    "kind": ("Soort", "Kind"),
    "owner": ("Eigenaar", "Owner"),
    "action_status": ("Status dit jaar", "Status this year"),
    "not_reported": ("niet gerapporteerd", "not reported"),
    "planned_start": ("start", "start"),
    "planned_ready": ("gereed", "ready"),
    "planning_passed": ("{what} {when} (uiterlijk {day}) is voorbij", "{what} {when} (by {day}) has passed"),
    "planning_passed_day": ("{what} {when} is voorbij", "{what} {when} has passed"),
    "planning_on": ("op de peildatum {day}", "on the reference date {day}"),
    "planning_file_says": ("voortgangsbestand: {state}", "progress file: {state}"),
    "act_actions": ("Acties achter op hun planning", "Actions behind their schedule"),
    "note": ("Toelichting", "Note"),
    "value": ("Waarde", "Value"),
    "latest": ("Laatste meting", "Latest value"),
    "occurrences": ("Per keer", "Each time"),
    "baseline": ("Nulmeting", "Baseline"),
    "undated_baseline": ("vóór de start, zonder datum", "before the start, undated"),
    "chart_undated": ("vóór de start", "before the start"),
    "required_change": ("Nodig per jaar", "Required per year"),
    "actual_change": ("Werkelijk per jaar", "Actual per year"),
    "ratio": ("Verhouding werkelijk / nodig", "Ratio actual / required"),
    "achieved_share": ("Bereikt deel van de nodige verandering", "Share of the required change achieved"),
    "projection": ("Verwachting in {moment}", "Projection for {moment}"),
    "projection_plain": ("Verwachting bij het doelmoment", "Projection at the target moment"),
    "measurement": ("Meting die telt", "Measurement used"),
    "sources": ("Bronnen", "Sources"),
    "rule": ("Regel", "Rule"),
    "previous": ("vorig jaar: {status}", "last year: {status}"),
    "previous_recomputed": ("opnieuw berekend met de gegevens van nu, waarin cijfers van toen zijn herzien; "
                            "zie Herziene cijfers. Het rapport van vorig jaar kan anders hebben gezegd",
                            "recomputed with today's data, in which figures of that time were revised; see "
                            "Revised figures. Last year's report may have said otherwise"),
    "stage": ("Deeldoel", "Part"),
    "in": ("in", "in"),
    "on": ("op", "on"),
    "headline_goal": ("doel dat nu telt", "target that counts now"),
    "past_goal": ("doelmoment voorbij", "target moment passed"),
    "reported_state": ("Stand volgens de beleidsmedewerker", "State according to the policy officer"),
    "units_counted": ("Getelde eenheden ({period})", "Units counted ({period})"),
    "unit": ("Eenheid", "Unit"),
    "unit_group": ("Groep", "Group"),
    "meets": ("Voldoet", "Meets"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "revised_target": ("Doel herzien", "Target revised"),
    "cause": ("Oorzaak", "Cause"),
    "consequence": ("Gevolg", "Consequence"),
    "correction": ("Bijsturing", "Correction"),
    "act_missing": ("Nog geen oorzaak, gevolg en bijsturing ingevuld.",
                    "No cause, consequence and correction given yet."),
    "act_illustrative": ("Deze tekst is illustratief.", "This text is illustrative."),
    "per_year": ("per jaar", "per year"),
    "pp_per_year": ("procentpunt per jaar", "percentage points per year"),
    "of": ("van", "of"),
    # chart
    "legend_obs": ("meting", "measurement"),
    "legend_obs_ill": ("illustratieve meting", "illustrative measurement"),
    "legend_target": ("doel", "target"),
    "legend_path": ("nodige lijn van nulmeting naar doel", "required path from baseline to target"),
    # the same words for a `streven:`: the report never calls an aspiration a doel
    "legend_aspiration": ("streven", "aspiration"),
    "legend_path_aspiration": ("nodige lijn van nulmeting naar streven",
                               "required path from baseline to aspiration"),
    "legend_projection": ("verwachting bij dit tempo", "projection at this pace"),
    "chart_title": ("{label}: metingen, doel en verwachting", "{label}: measurements, target and projection"),
    "chart_title_aspiration": ("{label}: metingen, streven en verwachting",
                               "{label}: measurements, aspiration and projection"),
    "sum_points": ("Metingen: {points}.", "Measurements: {points}."),
    "sum_target": ("Doel: {target}.", "Target: {target}."),
    "sum_aspiration": ("Streven: {target}.", "Aspiration: {target}."),
    "sum_baseline": ("Nulmeting: {baseline}.", "Baseline: {baseline}."),
    "sum_projection": ("Verwachting in {moment}: {value}.", "Projection for {moment}: {value}."),
    "legend_break": ("trendbreuk", "series break"),
    "sum_break": ("Trendbreuk tussen {before} en {after}: vanaf {after} reeks {new}, een andere bron of "
                  "definitie; de lijn verbindt die metingen niet.",
                  "Series break between {before} and {after}: from {after} on series {new}, another source "
                  "or definition; the line does not join those measurements."),
    # kengetallen
    "kengetallen": ("Kengetallen: cijfers die we volgen", "Key figures we monitor"),
    "kengetallen_intro": (
        "Deze cijfers volgen we om de situatie beter te begrijpen. Er hoort geen doel bij, dus ze "
        "krijgen geen oordeel. Een berekend cijfer rekent lea uit met de formule uit de agenda. "
        "Een cijfer dat ontbreekt, staat er als “geen gegevens”; het is nooit als nul ingevuld.",
        "We follow these figures to understand the situation better. They have no target, so they "
        "get no verdict. lea computes a derived figure with the formula in the agenda. A missing "
        "figure is shown as “no data”; it is never filled in as zero."),
    "kengetal_formula": ("Berekend met de formule", "Calculated with the formula"),
    "kengetal_none": ("Er zijn nog geen cijfers tot en met peiljaar {year}.",
                      "There are no figures yet up to reference year {year}."),
    "kengetal_table": ("De cijfers per periode", "The figures per period"),
    "kengetal_table_units": ("De cijfers per {group}", "The figures per {group}"),
    "derived": ("berekend", "calculated"),
    "kengetal_common_source": ("Alle cijfers in deze tabel komen uit: {source}. In de kolom Bron staat de "
                               "plek van elk cijfer.",
                               "All figures in this table come from: {source}. The Source column gives "
                               "the place of each figure."),
    "derived_from": ("berekend uit {inputs}", "calculated from {inputs}"),
    "questions": ("Open vragen in de agenda", "Open questions in the agenda"),
    "questions_intro": ("Deze vragen staan nog open in de agenda. Ze vragen een besluit of uitzoekwerk.",
                        "These questions are still open in the agenda. They need a decision or research."),
    "questions_none": ("De agenda heeft geen open vragen.", "The agenda has no open questions."),
    "about": ("Over", "About"),
    "whole_agenda": ("de agenda als geheel", "the agenda as a whole"),
    "indicator": ("Indicator", "Indicator"),
    "budget_post": ("Begrotingspost", "Budget item"),
    # appendix
    "appendix": ("Bijlagen", "Appendices"),
    "method": ("Bijlage A. Hoe we beoordelen", "Appendix A. How we assess"),
    "data_table": ("Bijlage B. Alle cijfers met hun bron", "Appendix B. All figures with their source"),
    "data_table_intro": (
        "Dit zijn alle cijfers uit de gegevensmap over perioden die uiterlijk in het peiljaar eindigen: "
        "latere cijfers waren toen nog niet bekend. Berekende indicatoren staan hier niet: "
        "lea rekent ze uit met de formule uit de agenda. Een cijfer dat ontbreekt, staat er niet; "
        "het is nooit als nul ingevuld.",
        "These are all figures in the data folder for periods that end in the reporting year or "
        "before: later figures were not yet known then. Derived indicators are not listed: lea computes "
        "them with the formula in the agenda. A missing figure is not listed; it is never filled in "
        "as zero."),
    "data_none": ("Er zijn nog geen cijfers ingelezen.", "No figures have been imported yet."),
    "breakdown": ("Uitsplitsing", "Breakdown"),
    "series": ("Reeks", "Series"),
    "source": ("Bron", "Source"),
    "history": ("Bijlage C. Herziene doelen en herziene cijfers",
                "Appendix C. Revised targets and revised figures"),
    "revised_targets": ("Herziene doelen", "Revised targets"),
    "revised_targets_none": ("Geen doel is herzien.", "No target has been revised."),
    "original": ("Oorspronkelijk doel", "Original target"),
    "decided": ("Besluit van", "Decision of"),
    "new_target": ("Nieuw doel", "New target"),
    "reason": ("Reden", "Reason"),
    "revised_figures": ("Herziene cijfers", "Revised figures"),
    "revised_figures_none": ("Geen cijfer is herzien.", "No figure has been revised."),
    "old_value": ("Oud", "Old"),
    "new_value": ("Nieuw", "New"),
    "date": ("Datum", "Date"),
    "budget": ("Bijlage D. Begroting", "Appendix D. Budget"),
    "budget_none": ("De agenda noemt geen begroting.", "The agenda lists no budget."),
    "amounts": ("Bedragen", "Amounts"),
    "structural": ("bedrag", "amount"),
    "data_period": ("Periode", "Period"),
    "question": ("Vraag", "Question"),
    "footer": ("Gemaakt met lea report uit {agenda}. Geen internet nodig om dit bestand te openen.",
               "Made with lea report from {agenda}. No internet needed to open this file."),
    # print: the running header and the page number in the page margins (print.css)
    "running_head": ("Gemeente {municipality}", "Municipality of {municipality}"),
    "running_head_year": ("{kind} \u00b7 peiljaar {year}", "{kind} \u00b7 reference year {year}"),
    "page_of": ("pagina {page} van {pages}", "page {page} of {pages}"),
}

_METHOD: dict[str, tuple[str, ...]] = {
    "nl": (
        "Elk resultaat heeft een doel: een waarde die in een bepaald jaar bereikt moet zijn. "
        "We vergelijken de laatste meting met de nulmeting, de meting aan het begin.",
        "We rekenen uit hoeveel het cijfer per jaar moet veranderen om het doel op tijd te halen. "
        "Dat is de nodige verandering per jaar. Daarnaast rekenen we uit hoeveel het echt per jaar "
        "veranderde. Bij drie of meer metingen gebruiken we de lijn die het best door de metingen past.",
        "Gaat het minstens 95 procent zo snel als nodig, dan is het resultaat op koers (groen). "
        "Tussen 60 en 95 procent is versnelling nodig (oranje). Gaat het langzamer, dan is de "
        "voortgang onvoldoende (rood). Gaat het de verkeerde kant op, dan staat er verkeerde richting "
        "(rood). "
        "Deze grenzen komen uit de SDG-monitor van Eurostat.",
        "Is het doelmoment voorbij, dan kijken we alleen of het doel gehaald is: behaald (groen), "
        "nagenoeg behaald of niet behaald maar wel verbeterd (oranje), of niet behaald (rood).",
        "Ontbreken cijfers, dan is de status grijs: geen gegevens, te weinig metingen voor een trend, "
        "of een trendbreuk (de bron of definitie veranderde). Ontbrekende cijfers zijn nooit rood en "
        "nooit nul.",
        "Met minder dan drie metingen is een oordeel indicatief: het kan nog sterk veranderen.",
        "Mijlpalen en resultaten die je niet kunt meten, beoordeelt de beleidsmedewerker zelf elk jaar. "
        "Zonder die beoordeling staat er: nog niet beoordeeld.",
        "De verwachting laat zien waar het cijfer uitkomt als het tempo gelijk blijft. "
        "Het is geen voorspelling.",
        "Bij elk oranje of rood resultaat hoort een oorzaak, een gevolg en een bijsturing. "
        "Ontbreken die, dan staat het resultaat in de lijst \u201cwat nog ontbreekt\u201d.",
        "De kleur staat nooit alleen: elke status staat er ook in woorden.",
    ),
    "en": (
        "Every result has a target: a value to be reached in a given year. We compare the latest "
        "measurement with the baseline, the measurement at the start.",
        "We compute how much the figure must change per year to reach the target on time: the "
        "required change per year. We also compute how much it actually changed per year. With "
        "three or more measurements we use the line that fits them best.",
        "If it moves at least 95 percent as fast as required, the result is on track (green). "
        "Between 60 and 95 percent, acceleration is needed (orange). Slower than that is "
        "insufficient progress (red). Moving the wrong way is marked moving away (red). "
        "These thresholds come from Eurostat's SDG monitoring report.",
        "Once the target moment has passed, we only check whether the target was reached: achieved "
        "(green), almost achieved or not achieved but improved (orange), or not achieved (red).",
        "When figures are missing the status is grey: no data, too few points for a trend, or a "
        "series break (the source or definition changed). Missing figures are never red and never zero.",
        "With fewer than three measurements a verdict is indicative: it may still change a lot.",
        "Milestones and results that cannot be measured are assessed by the policy officer each "
        "year. Without that assessment the status is: not yet assessed.",
        "The projection shows where the figure ends up if the pace stays the same. It is not a forecast.",
        "Every orange or red result needs a cause, a consequence and a correction. If these are "
        "missing, the result appears in the list \u201cwhat is still missing\u201d.",
        "Colour never stands alone: every status is also given in words.",
    ),
}


_COLOURS: dict[Colour, tuple[str, str]] = {
    Colour.GREEN: ("groen", "green"),
    Colour.ORANGE: ("oranje", "orange"),
    Colour.RED: ("rood", "red"),
    Colour.GREY: ("grijs", "grey"),
}

# Words for the writer's yearly progress (data/model.py ActionState / ReportedState values).
_STATES: dict[str, tuple[str, str]] = {
    "gepland": ("gepland", "planned"),
    "lopend": ("lopend", "running"),
    "afgerond": ("afgerond", "done"),
    "vertraagd": ("vertraagd", "delayed"),
    "gestopt": ("gestopt", "stopped"),
    "gerealiseerd": ("gerealiseerd", "realised"),
    "op schema": ("op schema", "on schedule"),
    "risico": ("risico", "at risk"),
    "niet gerealiseerd": ("niet gerealiseerd", "not realised"),
    "nog niet gestart": ("nog niet gestart", "not yet started"),
    "niet gestart": ("niet gestart", "not started"),  # by the planning (evaluation/planning.py)
}

_ACTION_KINDS: dict[str, tuple[str, str]] = {
    "actie": ("actie", "action"),
    "wat-doen-we-daarvoor": ("wat doen we daarvoor", "what we do for it"),
    "wat-doen-we-al": ("wat doen we al", "what we already do"),
    "nieuwe-kansen": ("nieuwe kansen", "new opportunities"),
    "basis-arrangement": ("basis-arrangement", "basic arrangement"),
    "plus-arrangement": ("plus-arrangement", "plus arrangement"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def strings(lang: str) -> dict[str, str]:
    """Every UI string in one language, for the templates (`t.key`)."""
    return {key: _pick(pair, lang) for key, pair in _STRINGS.items()}


def text(key: str, lang: str, **values: object) -> str:
    return _pick(_STRINGS[key], lang).format(**values)


def method_paragraphs(lang: str) -> tuple[str, ...]:
    return _METHOD["en" if lang == "en" else "nl"]


def status_label(status: Status | Aspiration, lang: str) -> str:
    """The status in words: the Dutch name from the method, or its English twin; a streven's likewise."""
    if lang == "en":
        words = en.status(status)
        return words[:1].upper() + words[1:]
    return str(status.value)


def colour_label(colour: Colour, lang: str) -> str:
    return _pick(_COLOURS[colour], lang)




def state_label(state: str | None, lang: str) -> str | None:
    if state is None:
        return None
    return _pick(_STATES.get(state, (state, state)), lang)


def action_kind_label(kind: str, lang: str) -> str:
    return _pick(_ACTION_KINDS.get(kind, (kind, kind)), lang)
