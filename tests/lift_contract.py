"""A co-ownership's lift maintenance contract (s51 trial), shared by the tests of denied
words and of default cases."""

LIFT_CONTRACT = """CONTRAT D'ENTRETIEN D'ASCENSEUR

Entre le syndicat des copropriétaires de la résidence Les Tilleuls, représenté par son syndic,
le Cabinet Morel Gestion, 5 place Bellecour, 69002 Lyon, et la société Élévation Rhône SARL, 41
avenue Jean Jaurès, 69007 Lyon, ci-après « le prestataire ».

1. OBJET DU CONTRAT

Le présent contrat a pour objet l'entretien des deux ascenseurs de la résidence (bâtiment A et
bâtiment B), conformément aux articles R. 125-1 et suivants du Code de la construction et de
l'habitation.

2. DURÉE

Le contrat est conclu pour une durée de trois ans à compter du 1er janvier 2025. Il se
renouvelle ensuite par tacite reconduction par périodes d'un an.

3. PRESTATIONS

Le prestataire effectue une visite d'entretien toutes les six semaines par appareil. Chaque
visite comprend le nettoyage de la cuvette et du toit de cabine, la vérification des portes
palières, le graissage des organes mécaniques et l'essai des dispositifs de sécurité.

Le prestataire réalise une fois par an un contrôle approfondi des câbles et des freins, dont le
compte rendu est transmis au syndic.

4. DÉPANNAGES

Le prestataire assure les dépannages vingt-quatre heures sur vingt-quatre, sept jours sur sept.

En cas de personne bloquée en cabine, le technicien intervient dans un délai maximal d'une heure
après l'appel.

Pour toute autre panne, le délai d'intervention est de quatre heures ouvrées.

5. PRIX

Le prix annuel de l'entretien est fixé à 2 940,00 euros hors taxes pour les deux appareils, soit
3 528,00 euros toutes taxes comprises.

Le prix est révisé chaque année au 1er janvier selon l'indice du coût horaire du travail des
industries mécaniques et électriques.

Les pièces d'usure (contacts, boutons, ampoules) sont comprises dans le prix. Les pièces lourdes
(moteur, câbles, carte électronique) font l'objet d'un devis séparé.

6. RÉSILIATION

Chaque partie peut résilier le contrat à son échéance par lettre recommandée avec accusé de
réception, moyennant un préavis de trois mois.

En cas de manquement grave du prestataire, le syndicat peut résilier le contrat sans préavis
après une mise en demeure restée sans effet pendant quinze jours.

7. ASSURANCE

Le prestataire justifie d'une assurance de responsabilité civile professionnelle couvrant les
dommages causés à l'occasion de ses interventions.

Fait à Lyon, le 18 décembre 2024, en deux exemplaires.
"""
