"""Write the `sheets` set's corpus (evals/sets/sheets/corpus/): an operations team's seven
spreadsheet exports, English and French, reproducibly.

    python evals/tools/make_sheets.py [--out evals/sets/sheets/corpus]

Fixed seed: running it twice gives byte-identical files (tests/unit/test_sheets_set.py checks
it). The questions (evals/sets/sheets.jsonl) are written by hand against these files. The
sheets share keys as a team's do: the services of `services.csv` are the rows of
`error_budget_2025.tsv` (one per quarter) and a column of `incidents_2025.csv`; the suppliers
of `budget_2025.csv` are the rows of `fournisseurs.csv`. Names and figures are invented.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 20261130
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "evals" / "sets" / "sheets" / "corpus"

SERVICES = [
    "checkout", "search", "payments", "catalog", "cart", "login", "notifications",
    "recommendations", "inventory", "shipping", "invoicing", "reviews", "profile", "pricing",
    "fraud-check", "media-upload", "gateway", "ledger", "reporting", "export", "webhooks",
    "sessions", "geo-lookup", "feature-flags",
]  # fmt: skip
TEAMS = ["Storefront", "Payments", "Platform", "Growth", "Data", "Identity", "Fulfilment"]
PEOPLE = [
    "Amara Okafor", "Bruno Castel", "Chen Wei", "Dalia Haddad", "Emil Novak", "Fatou Diallo",
    "Greta Lund", "Hugo Marchal", "Ines Carvalho", "Jonas Weber", "Kiri Tane", "Lena Roth",
    "Marc Lefebvre", "Nadia Rahman", "Oskar Berg", "Priya Nair", "Quentin Roux", "Rosa Medina",
    "Sami Laine", "Tess Morgan", "Ugo Ferri", "Vera Sokol", "Wanda Kim", "Yann Picard",
]  # fmt: skip
FIRST_PARTS = [
    "Umbrella", "Initech", "Globex", "Hooli", "Vandelay", "Stark", "Wayne", "Acme", "Soylent",
    "Tyrell", "Cyberdyne", "Gringotts", "Monarch", "Oscorp", "Pied Piper", "Dunder",
    "Sterling", "Nakatomi", "Wonka", "Bluth", "Prestige", "Massive", "Aperture", "Black Mesa",
    "Virtucon",
]  # fmt: skip
SECOND_PARTS = ["Health", "Retail", "Logistics", "Bank", "Foods", "Media"]
PLANS = ["Standard", "Business", "Enterprise", "Platinum"]
ROOT_CAUSES = [
    "config change", "dependency outage", "capacity", "bad deploy", "certificate expiry",
    "database failover", "network", "third-party API", "data migration", "unknown",
]  # fmt: skip
SUPPLIERS = [
    ("Helpora", "Support client", "licences"), ("Metricly", "Supervision", "abonnement"),
    ("Pagewise", "Astreinte", "licences"), ("Nuagix", "Hébergement", "consommation"),
    ("Stocklane", "Stockage objet", "consommation"), ("Mailtrove", "E-mails transactionnels",
    "abonnement"), ("Secuvia", "Tests d'intrusion", "prestation"), ("Logbarn", "Journaux",
    "consommation"), ("Formatica", "Formation", "prestation"), ("Signly", "Signature",
    "abonnement"), ("Deskport", "Postes de travail", "achat"), ("Radiant CDN", "Diffusion",
    "consommation"), ("Cartogrid", "Géolocalisation", "abonnement"), ("Audita", "Audit SOC 2",
    "prestation"), ("Tickra", "Gestion des tickets", "licences"),
]  # fmt: skip
MORE_SUPPLIERS = [
    ("Vigilo", "Sauvegardes"), ("Traduca", "Traduction"), ("Parcelo", "Expédition"),
    ("Quorum RH", "Paie"), ("Fibrelink", "Liaison réseau"), ("Clefix", "Gestion des secrets"),
]  # fmt: skip
"""Suppliers under contract with no line in the 2025 budget."""
EQUIPES = ["Plateforme", "Support", "Sécurité", "Données", "Paiements", "Vitrine"]


def services(rng: random.Random) -> list[list[str]]:
    """One row per service: owner, tier, availability target, monthly error budget, latency."""
    rows = [["service", "owner_team", "tier", "availability_target", "error_budget_min_month",
             "p95_latency_ms", "pager_rota"]]  # fmt: skip
    targets = {"1": ("99.95%", 21.9), "2": ("99.9%", 43.8), "3": ("99.5%", 219.0)}
    for name in SERVICES:
        tier = rng.choice("1123")
        target, budget = targets[tier]
        rows.append([name, rng.choice(TEAMS), f"tier {tier}", target, f"{budget}",
                     str(rng.randrange(80, 900, 5)), f"rota-{rng.choice('ABCDEF')}"])  # fmt: skip
    return rows


def error_budgets(rng: random.Random) -> list[list[str]]:
    """One row per service and quarter: its error budget, minutes used, left, and freeze."""
    rows = [["service", "quarter", "error_budget_min", "used_min", "left_min", "release_freeze"]]
    for name in SERVICES:
        budget = rng.choice([65, 131, 657])
        for quarter in ("Q1", "Q2", "Q3", "Q4"):
            used = rng.randrange(0, budget + budget // 3)
            left = budget - used
            rows.append([name, quarter, str(budget), str(used), str(left),
                         "yes" if left < 0 else "no"])  # fmt: skip
    return rows


def incidents(rng: random.Random) -> list[list[str]]:
    """2,000 incidents of 2025: id, opening day, service, severity, minutes down, cause, owner."""
    rows = [["incident_id", "opened", "service", "severity", "minutes_down", "root_cause",
             "assignee"]]  # fmt: skip
    start = date(2025, 1, 1)
    for number in range(1, 2001):
        day = start + timedelta(days=(number * 365) // 2001)
        rows.append([f"INC-2025-{number:04d}", day.isoformat(), rng.choice(SERVICES),
                     f"SEV{rng.choice('12333444')}", str(rng.randrange(1, 480)),
                     rng.choice(ROOT_CAUSES), rng.choice(PEOPLE)])  # fmt: skip
    return rows


def customers(rng: random.Random) -> list[list[str]]:
    """150 customers: plan, response and resolution hours, uptime, success manager, renewal."""
    rows = [["customer", "plan", "first_response_hours", "resolution_hours", "uptime_sla",
             "customer_success_manager", "renewal_date"]]  # fmt: skip
    names = [f"{first} {second}" for first in FIRST_PARTS for second in SECOND_PARTS]
    for name in rng.sample(names, 150):
        plan = rng.choice(PLANS)
        hours = {"Standard": 24, "Business": 8, "Enterprise": 4, "Platinum": 1}[plan]
        renewal = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 365))
        rows.append([name, plan, str(hours), str(hours * rng.choice([3, 4, 6])),
                     rng.choice(["99.5%", "99.9%", "99.95%"]), rng.choice(PEOPLE),
                     renewal.isoformat()])  # fmt: skip
    return rows


def french_amount(cents: int) -> str:
    """An amount as a French export writes it: "61 250,50" (a space between thousands)."""
    euros, rest = divmod(cents, 100)
    return f"{euros:,}".replace(",", " ") + f",{rest:02d}"


def budget(rng: random.Random) -> list[list[str]]:
    """The 2025 budget lines, French, `;`-separated, decimal commas: one per supplier and team."""
    rows = [["poste", "fournisseur", "équipe", "budget_annuel_eur", "engagé_T1", "engagé_T2",
             "engagé_T3", "engagé_T4"]]  # fmt: skip
    for supplier, subject, kind in SUPPLIERS:
        for team in rng.sample(EQUIPES, 2):
            total = rng.randrange(200_000, 9_000_000)
            quarters = [total * share // 100 for share in rng.sample(range(15, 35), 4)]
            rows.append([f"{subject} ({kind})", supplier, team, french_amount(total),
                         *(french_amount(amount) for amount in quarters)])  # fmt: skip
    rows[5][3] = "61 250,50"
    return rows


def rota(rng: random.Random) -> list[list[str]]:
    """The 2025 on-call weeks, French, tab-separated: week, dates, primary, backup, team."""
    rows = [["semaine", "du", "au", "titulaire", "suppléant", "équipe"]]
    monday = date(2024, 12, 30)
    for week in range(1, 53):
        first = monday + timedelta(weeks=week - 1)
        primary, backup = rng.sample(PEOPLE, 2)
        rows.append([str(week), first.strftime("%d/%m/%Y"),
                     (first + timedelta(days=6)).strftime("%d/%m/%Y"), primary, backup,
                     rng.choice(EQUIPES)])  # fmt: skip
    return rows


def suppliers(rng: random.Random) -> list[list[str]]:
    """The suppliers' contracts, French, comma-separated: what, term, yearly amount, contact."""
    rows = [["fournisseur", "objet", "contrat", "échéance", "préavis_jours", "contact"]]
    for supplier, subject in [(name, subject) for name, subject, _ in SUPPLIERS] + MORE_SUPPLIERS:
        end = date(2025, 3, 1) + timedelta(days=rng.randrange(0, 700))
        rows.append([supplier, subject, f"CT-{rng.randrange(1000, 9999)}",
                     end.strftime("%d/%m/%Y"), str(rng.choice([30, 60, 90])),
                     rng.choice(PEOPLE)])  # fmt: skip
    return rows


SHEETS = {
    "services.csv": (services, ","),
    "error_budget_2025.tsv": (error_budgets, "\t"),
    "incidents_2025.csv": (incidents, ","),
    "customers_sla.csv": (customers, ","),
    "budget_2025.csv": (budget, ";"),
    "astreintes_2025.tsv": (rota, "\t"),
    "fournisseurs.csv": (suppliers, ","),
}
"""Each file's name, the function writing its rows and its separator."""


def sheet_text(rows: list[list[str]], separator: str) -> str:
    """The rows as the csv module writes them (quoting only what needs it), "\\n" line ends."""
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write(out: Path) -> None:
    """Each sheet of SHEETS into `out`, each from its own seeded generator."""
    out.mkdir(parents=True, exist_ok=True)
    for number, (name, (rows_of, separator)) in enumerate(SHEETS.items()):
        rows = rows_of(random.Random(SEED + number))
        (out / name).write_text(sheet_text(rows, separator), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    write(parser.parse_args().out)


if __name__ == "__main__":
    main()
