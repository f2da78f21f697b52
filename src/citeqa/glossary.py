"""A small bilingual (English ↔ French) glossary of lupus-therapy terms, for query expansion.

When a question uses one term of a group, the lexical query also searches the others, so an
English question can match French slides word for word ("flare" finds "poussée") and back.
Terms are matched on folded text (lowercase, no accents), as whole words.
"""

from __future__ import annotations

import re

from citeqa.lexical import fold as lexical_fold

GROUPS: tuple[tuple[str, ...], ...] = (
    ("week", "weeks", "semaine", "semaines", "wk"),
    ("month", "months", "mois"),
    ("year", "years", "annee", "annees"),
    ("flare", "flares", "poussee", "poussees", "rechute", "relapse"),
    (
        "side effect",
        "side effects",
        "adverse event",
        "adverse events",
        "effets indesirables",
        "effets secondaires",
        "effet indesirable",
        "tolerance",
        "safety",
        "securite",
    ),
    ("kidney", "renal", "rein", "renale", "renales", "nephritis", "nephrite"),
    ("complete renal response", "reponse renale complete", "crr", "rrc"),
    ("response", "responses", "reponse", "reponses"),
    ("remission", "remissions"),
    ("infection", "infections"),
    ("death", "deaths", "deces", "mortality", "mortalite"),
    ("dose", "doses", "dosage", "posologie", "dosing"),
    (
        "steroids",
        "corticosteroids",
        "glucocorticoids",
        "corticoides",
        "corticotherapie",
        "prednisone",
        "cortisone",
    ),
    ("patients", "patient", "malades", "participants", "subjects"),
    ("trial", "study", "essai", "etude"),
    ("placebo", "placebos"),
    ("treatment", "therapy", "traitement", "therapie"),
    ("efficacy", "efficacite", "effective", "efficace", "work", "works"),
    ("skin", "cutaneous", "peau", "cutane", "cutanee"),
    ("joint", "joints", "articulaire", "arthritis", "arthrite"),
    ("children", "child", "enfants", "enfant", "pediatric", "paediatric", "pediatrique"),
    ("pregnancy", "pregnant", "grossesse", "enceinte"),
    ("injection", "subcutaneous", "sous-cutanee", "sc"),
    ("infusion", "intravenous", "perfusion", "iv", "intraveineuse"),
    (
        "mesenchymal stem cells",
        "cellules souches mesenchymateuses",
        "msc",
        "cellules stromales",
        "stromal cells",
    ),
    ("bone marrow", "moelle osseuse"),
    ("umbilical cord", "cordon ombilical"),
    ("b cells", "b cell", "lymphocytes b", "cellules b"),
    ("t cells", "lymphocytes t", "cellules t"),
    ("antibody", "antibodies", "anticorps"),
    ("biopsy", "biopsies", "biopsie"),
    ("proteinuria", "proteinurie"),
    ("recommendations", "guidelines", "recommandations"),
    ("primary endpoint", "critere principal", "critere de jugement principal"),
    ("approved", "approval", "authorisation", "authorization", "amm", "autorisation"),
    ("women", "woman", "femmes", "femme", "female"),
    ("men", "hommes", "male"),
    ("age", "aged", "old", "ans"),
    (
        "cost",
        "costs",
        "price",
        "prix",
        "cout",
        "couts",
        "coute",
        "coutent",
        "expensive",
        "cher",
        "euros",
    ),
    (
        "lead",
        "leads",
        "led",
        "coordinator",
        "coordinates",
        "coordinated",
        "pilote",
        "pilotent",
        "dirige",
        "coordinateur",
        "coordonne",
    ),
    (
        "schedule",
        "regimen",
        "administration",
        "administered",
        "schema",
        "dosing",
        "given",
        "administre",
        "administree",
    ),
    ("how long", "combien de temps", "duration", "duree", "lasting"),
    ("mechanism", "mode d'action", "acts", "agit", "action"),
    ("blocks", "bloque", "bloquent", "inhibits", "inhibe", "targets", "cible", "ciblant"),
    ("daily", "per day", "par jour", "/j", "/day"),
)
"""Each group: terms that mean the same thing (or nearly) in English and French, folded."""

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The lexical folding (lowercase, no accents, œ and æ spelt out), whitespace collapsed."""
    return _SPACES.sub(" ", lexical_fold(text)).strip()


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])")


_COMPILED = tuple(tuple((term, _pattern(term)) for term in group) for group in GROUPS)


_WEEK_NUMBER = re.compile(r"\b(?:weeks?|semaines?|wk|w|s)\s?(\d{1,3})\b")
"""'week 52', 'semaine 52', 'W52', 'S52': the same time point written four ways."""


def _week_forms(folded: str) -> list[str]:
    forms: list[str] = []
    for number in _WEEK_NUMBER.findall(folded):
        forms.extend((f"s{number}", f"w{number}", f"week {number}", f"semaine {number}"))
    return forms


def expansions(question: str) -> list[str]:
    """Glossary terms equivalent to those of the question and not already in it."""
    folded = fold(question)
    added: list[str] = _week_forms(folded)
    for group in _COMPILED:
        if any(pattern.search(folded) for _, pattern in group):
            added.extend(term for term, pattern in group if not pattern.search(folded))
    return list(dict.fromkeys(added))
