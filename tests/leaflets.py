"""Two French medicine leaflets in Markdown, with the same sections (POSOLOGIE,
CONTRE-INDICATIONS, EFFETS INDÉSIRABLES, CONSERVATION), read by the tests of quotes in sibling
documents; `as_plain_text` writes one as a leaflet saved as .txt heads its sections: lines in
capitals over their text, no blank line between."""

from __future__ import annotations

DOLIPRANE = (
    "# DOLIPRANE 1000 mg, comprimé\n"
    "Paracétamol\n"
    "\n"
    "\n"
    "## QU'EST-CE QUE DOLIPRANE ET DANS QUELS CAS EST-IL UTILISÉ\n"
    "\n"
    "Ce médicament contient du paracétamol, un antalgique et un antipyrétique.\n"
    "Il est indiqué dans le traitement symptomatique des douleurs d'intensité légère à "
    "modérée et des états fébriles.\n"
    "\n"
    "## POSOLOGIE\n"
    "\n"
    "Chez l'adulte et l'enfant de plus de 50 kg, la dose habituelle est de 1 comprimé à "
    "1000 mg par prise, à renouveler si besoin au bout de 4 heures minimum.\n"
    "Ne pas dépasser 3 comprimés par jour sans avis médical.\n"
    "\n"
    "## CONTRE-INDICATIONS\n"
    "\n"
    "Ne prenez jamais Doliprane en cas d'allergie au paracétamol ou en cas de maladie "
    "grave du foie.\n"
    "\n"
    "## EFFETS INDÉSIRABLES\n"
    "\n"
    "Comme tous les médicaments, ce médicament peut provoquer des effets indésirables, "
    "mais ils ne surviennent pas systématiquement chez tout le monde.\n"
    "Rarement, une réaction allergique peut survenir : éruption cutanée, urticaire ou "
    "brusque gonflement du visage.\n"
    "Très exceptionnellement, une baisse des plaquettes a été observée.\n"
    "\n"
    "## CONSERVATION\n"
    "\n"
    "À conserver à une température ne dépassant pas 30 °C, hors de la vue et de la portée "
    "des enfants.\n"
)
ADVIL = (
    "# ADVIL 200 mg, comprimé enrobé\n"
    "Ibuprofène\n"
    "\n"
    "\n"
    "## QU'EST-CE QUE ADVIL ET DANS QUELS CAS EST-IL UTILISÉ\n"
    "\n"
    "Ce médicament contient de l'ibuprofène, un anti-inflammatoire non stéroïdien.\n"
    "Il est indiqué chez l'adulte dans le traitement des douleurs légères à modérées, "
    "comme les maux de tête et les règles douloureuses.\n"
    "\n"
    "## POSOLOGIE\n"
    "\n"
    "La dose habituelle est de 1 à 2 comprimés par prise, à renouveler si besoin au bout "
    "de 6 heures.\n"
    "Ne pas dépasser 6 comprimés par jour.\n"
    "\n"
    "## CONTRE-INDICATIONS\n"
    "\n"
    "Ne prenez jamais Advil à partir du 6e mois de grossesse, ni en cas d'ulcère de l'estomac.\n"
    "\n"
    "## EFFETS INDÉSIRABLES\n"
    "\n"
    "Les effets indésirables les plus fréquents sont des troubles digestifs : nausées, "
    "vomissements, douleurs d'estomac.\n"
    "Des maux de tête, des vertiges et des réactions cutanées peuvent également survenir.\n"
    "\n"
    "## CONSERVATION\n"
    "\n"
    "Ce médicament ne nécessite pas de précautions particulières de conservation.\n"
)


def as_plain_text(leaflet: str) -> str:
    """The Markdown `leaflet` as plain text: no "#" marks, each section's heading line right
    over its text and the next section's heading line right under it, the title block's blank
    lines kept (a leaflet saved as .txt: blocks._capitals_over_prose reads those headings)."""
    title, _, sections = leaflet.partition("\n## ")
    lines = [line.lstrip("#").lstrip() for line in sections.splitlines() if line]
    return title.removeprefix("# ") + "\n".join(lines) + "\n"
