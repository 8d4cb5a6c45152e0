"""Cross-document incidents and event dates (issue 11), through the real CLI and store.

The articles are written for these tests: three agencies report one market bombing in Mosul
over three days, with their own figures; a strike in Idlib and a later attack in Mosul are
other incidents.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from conftest import run_kg
from kg.link.incidents import Knowledge, Report, find_incidents
from kg.rdf.namespace import RES

ARTICLES = [
    {"id": "a", "date": "2021-03-10", "source": "wire_a",
     "text": "قتل 12 شخصا على الأقل وأصيب 30 آخرون في تفجير سيارة مفخخة استهدف سوقا شعبية في مدينة "
             "الموصل أمس الثلاثاء، بحسب مصادر أمنية عراقية."},
    {"id": "b", "date": "2021-03-11", "source": "wire_b",
     "text": "ارتفعت حصيلة التفجير الذي ضرب سوقا في مدينة الموصل مساء الثلاثاء إلى 15 قتيلا و40 جريحا، "
             "وفق وزارة الصحة العراقية."},
    {"id": "c", "date": "2021-03-12", "source": "wire_c",
     "text": "تبنى تنظيم داعش التفجير الذي استهدف سوقا في الموصل، وقال في بيان إن أحد عناصره فجر السيارة "
             "وسط المتسوقين."},
    {"id": "d", "date": "2021-03-11", "source": "wire_a",
     "text": "قصفت طائرات مسيرة مواقع في مدينة إدلب السورية صباح الخميس، ما أدى إلى مقتل 4 مدنيين."},
    {"id": "e", "date": "2021-07-20", "source": "wire_b",
     "text": "قتل 3 أشخاص في هجوم مسلح على حاجز أمني في مدينة الموصل أمس."},
]
BOMBING = f"{RES}incident/a/"  # the earliest report's attack names the incident


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path


def build(store: Path, *inputs: Path, replace: bool = False) -> None:
    r = run_kg("build", *inputs, "--store", store, "--quiet", *(["--replace"] if replace else []))
    assert r.returncode == 0, r.stderr


def attacks(store: Path) -> dict[str, dict]:
    r = run_kg("export", "events", "--store", store)
    assert r.returncode == 0, r.stderr
    return {row["doc"]: row for row in map(json.loads, r.stdout.splitlines()) if row["type"] == "attack"}


def incidents(store: Path) -> list[dict]:
    r = run_kg("export", "incidents", "--store", store)
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("incidents")
    build(work / "store", write_jsonl(work / "news.jsonl", ARTICLES))
    return work / "store"


def test_reports_of_one_bombing_are_one_incident_and_the_others_none(store):
    rows = attacks(store)
    linked = {doc for doc, row in rows.items() if row["incident"]}
    assert linked == {"a", "b", "c"}
    assert {rows[d]["incident"] for d in linked} == {rows["a"]["incident"]}
    assert rows["a"]["incident"].startswith(BOMBING)


def test_event_dates_come_from_date_words_and_the_incident(store):
    rows = attacks(store)
    # "أمس الثلاثاء" published Wednesday 10 March; "مساء الثلاثاء" published the 11th
    assert (rows["a"]["date"], rows["a"]["date_precision"]) == ("2021-03-09", "day")
    assert (rows["b"]["date"], rows["b"]["date_precision"]) == ("2021-03-09", "day")
    # no date words: its publication date would say the 12th; its incident says when it happened
    assert (rows["c"]["date"], rows["c"]["date_precision"]) == ("2021-03-09", "incident")
    assert (rows["e"]["date"], rows["e"]["date_precision"]) == ("2021-07-19", "day")  # أمس


def test_incident_table_keeps_every_source_figure_range(store, tmp_path):
    [bombing] = incidents(store)
    assert (bombing["date"], bombing["date_precision"]) == ("2021-03-09", "day")
    assert bombing["place"] == "الموصل" and bombing["latitude"] and bombing["longitude"]
    assert (bombing["killed_min"], bombing["killed_max"], bombing["injured_min"], bombing["injured_max"]) == (12, 15, 30, 40)
    assert (bombing["reports"], bombing["documents"]) == (3, ["a", "b", "c"])
    assert bombing["outlets"] == ["wire_a", "wire_b", "wire_c"]
    out = tmp_path / "incidents.csv"
    r = run_kg("export", "incidents", "--store", store, "--format", "csv", "--out", out)
    assert r.returncode == 0, r.stderr
    table = pd.read_csv(out)
    assert list(table.columns[:3]) == ["incident", "date", "date_precision"]
    assert table.loc[0, "killed_max"] == 15 and table.loc[0, "documents"] == "a|b|c"


def test_conflicting_figures_name_each_document(store):
    r = run_kg("query", "conflicting_figures", "--store", store, "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    killed = {row["doc"]: row["figures"] for row in rows if row["outcome"] == "killed"}
    assert killed == {"a": "12", "b": "15"}
    assert all((row["low"], row["high"]) in ((12, 15), (30, 40)) for row in rows)


def test_the_same_documents_in_another_order_give_the_same_incidents(store, tmp_path):
    other = tmp_path / "store"
    for article in reversed(ARTICLES):  # one build per document, latest first
        build(other, write_jsonl(tmp_path / f"{article['id']}.jsonl", [article]))
    assert incidents(other) == incidents(store)
    assert {d: r["incident"] for d, r in attacks(other).items()} == {d: r["incident"] for d, r in attacks(store).items()}


def test_rebuilding_a_report_away_leaves_the_incident_or_removes_it(store, tmp_path):
    work = tmp_path / "store"
    news = write_jsonl(tmp_path / "news.jsonl", ARTICLES)
    build(work, news)
    before = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", work, "--format", "csv").stdout
    build(work, news)  # re-ingesting changes nothing
    assert run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", work, "--format", "csv").stdout == before
    calm = "عقد المجلس البلدي في الموصل اجتماعه الدوري لمناقشة خطط تأهيل الطرق والجسور."
    build(work, write_jsonl(tmp_path / "c.jsonl", [{**ARTICLES[2], "text": calm}]), replace=True)
    [bombing] = incidents(work)
    assert bombing["documents"] == ["a", "b"] and bombing["incident"].startswith(BOMBING)
    build(work, write_jsonl(tmp_path / "b.jsonl", [{**ARTICLES[1], "text": calm}]), replace=True)
    assert incidents(work) == []  # one report left is no incident
    assert not any(r["incident"] for r in attacks(work).values())


def test_load_derives_incidents_and_documents_leave_them_out(store, tmp_path):
    dump = tmp_path / "all.nq"
    assert run_kg("export", "nquads", "--store", store, "--out", dump).returncode == 0
    assert f"<{RES}graph/incidents>" in dump.read_text(encoding="utf-8")
    r = run_kg("load", dump, "--store", tmp_path / "copy")
    assert r.returncode == 0, r.stderr
    assert "1 incident(s)" in r.stderr
    assert incidents(tmp_path / "copy") == incidents(store)
    r = run_kg("query", "documents", "--store", store, "--format", "json")
    assert sorted(row["id"] for row in json.loads(r.stdout)) == ["a", "b", "c", "d", "e"]


def test_gexf_events_view_has_incidents_and_validates(store, tmp_path, shared):
    out = tmp_path / "events.gexf"
    r = run_kg("export", "gexf", "--view", "events", "--dynamic", "--store", store, "--out", out)
    assert r.returncode == 0, r.stderr
    tree = etree.parse(str(out))
    rng = etree.RelaxNG(etree.parse(str(shared / "data/schemas/gexf-1.3/gexf.rng")))
    assert rng.validate(tree), str(rng.error_log)
    ns = {"g": "http://gexf.net/1.3"}
    incident_nodes = [n for n in tree.iterfind(".//g:node", ns) if n.get("id").startswith(BOMBING)]
    assert len(incident_nodes) == 1 and incident_nodes[0].get("start") == "2021-03-09"
    edges = [e for e in tree.iterfind(".//g:edge", ns) if e.get("source") == incident_nodes[0].get("id")]
    assert len(edges) == 3


# ------------------------------------------------------------------ the grouping itself
K = Knowledge(str(RES))


def report(doc: str, day: int, *places: str, precision: str = "day", perpetrator: str | None = None,
           target: str | None = None) -> Report:
    return Report(f"{RES}event/{doc}/attack-0-5", doc, 0, date(2021, 3, day), precision, date(2021, 3, day),
                  tuple(f"{RES}place/{p}" for p in places), (f"{RES}actor/{perpetrator}",) if perpetrator else (),
                  (f"{RES}actor/{target}",) if target else ())


def test_no_chaining_through_a_report_that_bridges_two_places():
    # y names both cities: it fits x (Abha) and z (Najran), which do not fit each other
    reports = [report("x", 6, "abha"), report("y", 6, "abha", "najran"), report("z", 6, "najran")]
    groups = [sorted(r.doc for r in inc.reports) for inc in find_incidents(reports, K)]
    assert groups in ([["x", "y"]], [["y", "z"]])


def test_where_both_name_towns_a_town_of_each_must_fit():
    # a battle near Ramadi, and strikes near Kobani and in Anbar: Ramadi lies in Anbar, but
    # the towns each names are far apart
    assert find_incidents([report("x", 6, "ramadi"), report("y", 6, "anbar", "kobani")], K) == []
    # a town and its province, with no town on one side: one incident
    assert len(find_incidents([report("x", 6, "ramadi"), report("y", 6, "anbar")], K)) == 1
    assert len(find_incidents([report("x", 6, "ramadi", "anbar"), report("y", 6, "ramadi")], K)) == 1


def test_dates_must_fit_with_a_window_that_widens_with_lower_precision():
    assert find_incidents([report("x", 6, "abha"), report("y", 10, "abha")], K) == []
    linked = find_incidents([report("x", 6, "abha"), report("y", 10, "abha", precision="publication")], K)
    assert [len(inc.reports) for inc in linked] == [2]


def test_contradicting_attackers_and_countries_are_two_incidents():
    assert find_incidents([report("x", 6, "abha", perpetrator="isis"),
                           report("y", 6, "abha", perpetrator="houthis")], K) == []
    # a country in common is not enough, even with the same attacker: one side strikes a
    # country many times a day; a town in common is
    assert find_incidents([report("x", 6, "syria"), report("y", 6, "syria")], K) == []
    assert find_incidents([report("x", 6, "syria", perpetrator="isis"),
                           report("y", 6, "syria", perpetrator="isis")], K) == []
    assert len(find_incidents([report("x", 6, "syria", "raqqa", perpetrator="isis"),
                               report("y", 6, "raqqa", perpetrator="isis")], K)) == 1
    # one attacker's raids on two named foes, the same day at one place: two incidents
    assert find_incidents([report("x", 6, "northern_iraq", perpetrator="turkish_army", target="isis"),
                           report("y", 6, "northern_iraq", perpetrator="turkey", target="pkk")], K) == []
    assert len(find_incidents([report("x", 6, "northern_iraq", perpetrator="turkish_army", target="pkk"),
                               report("y", 6, "northern_iraq", perpetrator="turkey", target="pkk")], K)) == 1


def test_text_files_take_their_publication_date_from_the_command_line(tmp_path):
    article = tmp_path / "mosul.txt"
    article.write_text(ARTICLES[0]["text"], encoding="utf-8")
    r = run_kg("build", article, "--store", tmp_path / "store", "--quiet", "--date", "2021-03-10")
    assert r.returncode == 0, r.stderr
    row = attacks(tmp_path / "store")["mosul"]
    assert (row["date"], row["date_precision"]) == ("2021-03-09", "day")
    r = run_kg("build", article, "--store", tmp_path / "store", "--date", "last week")
    assert r.returncode == 2 and "expected a date such as 2018-05-30" in r.stderr


def test_the_report_draws_and_lists_the_incident(store, tmp_path):
    out = tmp_path / "report.html"
    r = run_kg("report", "--store", store, "--out", out)
    assert r.returncode == 0, r.stderr
    page = etree.parse(str(out), etree.HTMLParser())
    circles = page.xpath('//svg[@id="map"]//circle[@class="incident"]/title/text()')
    assert circles == ["الموصل 2021-03-09: up to 15 killed; 3 report(s)"]
    heading = page.xpath('//h2[text()="Incidents reported by several documents"]')[0]
    cells = heading.getnext().xpath(".//tbody/tr/td/text()")
    assert "2021-03-09" in cells and "الموصل" in cells and "15" in cells


def test_looking_closely_only_at_groups_that_share_a_place_key_misses_none(monkeypatch):
    import random

    import kg.link.incidents as incidents
    from kg.registry import load_registry

    registry = load_registry()
    places = sorted(registry.entries["place"])
    actors = sorted(registry.entries["actor"])
    rng = random.Random(7)
    reports = [Report(f"{RES}event/d{i}/attack-0-5", f"d{i}", 0, date(2021, 1, 1) + timedelta(days=rng.randrange(60)),
                      rng.choice(["day", "publication", "month"]), None,
                      tuple(f"{RES}place/{p}" for p in rng.sample(places, 2)),
                      (f"{RES}actor/{rng.choice(actors)}",) if rng.random() < 0.5 else ())
               for i in range(1000)]

    def groups() -> list[list[str]]:
        return [[r.event for r in inc.reports] for inc in find_incidents(reports, K)]

    filtered = groups()
    monkeypatch.setattr(incidents, "_place_keys", lambda k, r: {"every group"})
    assert filtered == groups() and len(filtered) > 10


def test_python_api_gives_incidents_as_a_dataframe():
    from kg.api import KnowledgeGraph
    from kg.documents import Document

    g = KnowledgeGraph()
    g.add_documents(Document(id=a["id"], text=a["text"], date=a["date"], source=a["source"]) for a in ARTICLES[:3])
    incidents = g.incidents()
    assert len(incidents) == 1 and incidents.loc[0, "documents"] == ["a", "b", "c"]
    assert (incidents.loc[0, "killed_min"], incidents.loc[0, "killed_max"]) == (12, 15)


def test_an_incident_known_by_month_is_dated_by_month():
    reports = [report("x", 1, "abha", precision="month"), report("y", 20, "abha", precision="publication")]
    [incident] = find_incidents(reports, K)
    assert (incident.date, incident.precision) == (date(2021, 3, 1), "month")
