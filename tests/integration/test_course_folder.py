"""A course's folder as a student asks it (s59 trial): its syllabus, its week-by-week schedule
and its FAQ.

A question asking who holds a role by the verb of holding it ("Who teaches …?"; data/
role_holders.json's teaching group: "instructor", "lecturer", "enseignant"…) quotes the line
labelling that role ("Instructor: Dr. Amelia Hart"), and no field line the question's verb
looks up by its label takes its place (role_labels.labels_asked_role: "Teaching assistant: Ravi
Menon" was quoted by its "teaching").

A percentage answers "how much" asked of no money (quantities.unpriced): "How much do late
problem sets lose?" was refused for writing no price, the syllabus writing "Late problem sets
lose 10% per day"; a question naming a price still wants one.

"When is the <event>?" asks the day of an event (asked_values.json's "occasion" kind), which a
day written with an abbreviated month gives ("Feb 18"): "When is the midterm exam?" quoted the
syllabus's "The midterm exam counts for 20% …" over the schedule's "Midterm review and midterm
exam (Feb 18)".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

SYLLABUS = (
    "# DATA 210 — Introduction to Data Analysis (Spring 2027)\n"
    "\n"
    "Instructor: Dr. Amelia Hart (a.hart@northfield.edu)\n"
    "Teaching assistant: Ravi Menon (r.menon@northfield.edu)\n"
    "Lectures: Tuesdays and Thursdays, 10:00–11:30, Room C-114\n"
    "Office hours: Wednesdays 14:00–16:00, office B-307, or by appointment.\n"
    "\n"
    "## Course description\n"
    "This course introduces exploratory data analysis, visualisation and basic "
    "statistical inference using Python and pandas.\n"
    "No prior programming experience is required, but MATH 101 is a prerequisite.\n"
    "\n"
    "## Textbook\n"
    'The required textbook is "Python for Data Analysis" (3rd edition) by Wes '
    "McKinney.\n"
    "A free online version is available through the library.\n"
    "\n"
    "## Assessment\n"
    "Weekly problem sets count for 30% of the final grade.\n"
    "The midterm exam counts for 20%, the final project for 35% and participation "
    "for 15%.\n"
    "The lowest problem set score is dropped.\n"
    "\n"
    "## Late work\n"
    "Late problem sets lose 10% per day, up to three days; after that they receive "
    "no credit.\n"
    "Each student has two free extension days for the semester, to be used on "
    "problem sets only.\n"
    "\n"
    "## Academic integrity\n"
    "Collaboration on problem sets is encouraged, but each student must write up "
    "their own solutions.\n"
    "Using AI tools to write code must be declared in the submission.\n"
)

SCHEDULE = """week,dates,topic,due
1,Jan 12–14,Course overview and Python basics,
2,Jan 19–21,pandas DataFrames,Problem set 1
3,Jan 26–28,Cleaning data,Problem set 2
4,Feb 2–4,Visualisation with matplotlib,Problem set 3
5,Feb 9–11,Descriptive statistics,Problem set 4
6,Feb 16–18,Midterm review and midterm exam (Feb 18),
7,Feb 23–25,Probability and sampling,Problem set 5
8,Mar 2–4,Spring break,
9,Mar 9–11,Hypothesis testing,Problem set 6
10,Mar 16–18,Linear regression,Project proposal
11,Mar 23–25,Working with dates and time series,Problem set 7
12,Mar 30–Apr 1,Project work sessions,
13,Apr 6–8,Final project presentations,Final report (Apr 10)
"""

FAQ = (
    "# FAQ\n"
    "\n"
    "**Can I audit the course?**\n"
    "Auditing is allowed with the instructor's permission; auditors do not submit "
    "problem sets.\n"
    "\n"
    "**Which Python version should I install?**\n"
    "Install Python 3.12 with the Anaconda distribution; the lab machines run the "
    "same version.\n"
    "\n"
    "**Where are grades posted?**\n"
    "Grades are posted on Canvas within one week of each deadline.\n"
    "\n"
    "**What if I miss the midterm?**\n"
    "A make-up exam is offered only with a documented medical or family emergency, "
    "within one week.\n"
    "\n"
    "**Is attendance mandatory?**\n"
    "Attendance is not taken, but participation counts for 15% of the grade.\n"
)

FILES = {"syllabus.md": SYLLABUS, "schedule.csv": SCHEDULE, "faq.md": FAQ}


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who teaches DATA 210?", "Instructor: Dr. Amelia Hart"),
        ("Who is the teaching assistant?", "Teaching assistant: Ravi Menon"),
    ],
)
def test_a_role_asked_by_its_verb_quotes_its_label(
    course: Assistant, question: str, holder: str
) -> None:
    assert holder in first_quote(course, question)


def test_a_share_answers_how_much_asked_of_no_money(course: Assistant) -> None:
    assert "10% per day" in first_quote(course, "How much do late problem sets lose?")


def test_a_share_answers_no_price(course: Assistant) -> None:
    answer = course.ask("How much is the fee for late problem sets?")
    assert answer.abstained, [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("When is the midterm exam?", "midterm exam (Feb 18)"),
        ("When is the project proposal due?", "| Mar 16–18 |"),
    ],
)
def test_when_is_an_event_asks_its_day(course: Assistant, question: str, written: str) -> None:
    assert written in first_quote(course, question)
