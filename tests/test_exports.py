"""`kg export gexf|graphml|nquads|trig|turtle|jsonld`: the real CLI on a store of the
project's own examples (examples/articles), checked against the GEXF 1.3 RELAX NG schema
and read back with networkx and rdflib.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from lxml import etree

from conftest import run_kg

RES = "https://w3id.org/arabic-event-kg/resource/"
ENTITIES = RES + "graph/entities"
GEXF = "{http://gexf.net/1.3}"
VIEWS = ["actors", "events", "full"]
QUAD_FORMATS = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}  # kg name -> rdflib name
RAQQA_DOC = "ex01_raqqa_checkpoint"


@pytest.fixture(scope="module")
def store(example_store) -> Path:
    return example_store


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("exports")


@pytest.fixture(scope="module")
def rng(shared):
    return etree.RelaxNG(etree.parse(str(shared / "data/schemas/gexf-1.3/gexf.rng")))


def export(store: Path, out: Path, what: str, *options: str) -> Path:
    r = run_kg("export", what, "--store", store, "--out", out, *options)
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stderr  # "wrote ... to OUT"
    return out


@pytest.fixture(scope="module")
def gexf_files(store, out_dir) -> dict[tuple[str, bool], Path]:
    """Every view, static and dynamic, written once for all the tests below."""
    return {(view, dynamic): export(store, out_dir / f"{view}{'-dynamic' if dynamic else ''}.gexf", "gexf",
                                    "--view", view, *(["--dynamic"] if dynamic else []))
            for view in VIEWS for dynamic in (False, True)}


@pytest.fixture(scope="module")
def graphml_files(store, out_dir) -> dict[str, Path]:
    return {view: export(store, out_dir / f"{view}.graphml", "graphml", "--view", view) for view in VIEWS}


@pytest.fixture(scope="module")
def truth(store) -> dict:
    """What the store holds, read directly (not through the exporters)."""
    from kg.store import Store

    s = Store(store, read_only=True)
    ar_labels = {r["n"]: r["l"] for r in s.select(
        'SELECT ?n (SAMPLE(?l) AS ?l) WHERE { ?n skos:prefLabel ?l FILTER(lang(?l) = "ar") } GROUP BY ?n')}
    raqqa = RES + f"doc/{RAQQA_DOC}"
    return {
        "quads": len(s),
        "triples": s.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")[0]["n"],
        "documents": set(s.documents()),
        "graphs": {*s.documents(), ENTITIES},
        # the document's graph, and the descriptions of the entities it mentions
        "raqqa_quads": len(list(s.ox.quads_for_pattern(None, None, None, _named(raqqa)))),
        "raqqa_entity_quads": s.select(f"""SELECT (COUNT(*) AS ?n) WHERE {{
            {{ SELECT DISTINCT ?e WHERE {{ GRAPH <{raqqa}> {{ ?e ekg:mention ?m }} }} }}
            GRAPH <{ENTITIES}> {{ ?e ?p ?o }} }}""")[0]["n"],
        "raqqa_actors": {r["a"] for r in s.select(
            f"SELECT DISTINCT ?a WHERE {{ GRAPH <{raqqa}> {{ ?a ekg:mention ?m }} ?a a ekg:Actor }}")},
        "actors": {r["a"] for r in s.select("SELECT DISTINCT ?a WHERE { ?a a ekg:Actor }")},
        "events": {r["e"] for r in s.select("SELECT DISTINCT ?e WHERE { ?e a ekg:Event ; ekg:modality ekg:asserted }")},
        "ar_labels": ar_labels,
    }


def _named(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


# ----------------------------------------------------------------------------- GEXF


@pytest.mark.parametrize("dynamic", [False, True], ids=["static", "dynamic"])
@pytest.mark.parametrize("view", VIEWS)
def test_gexf_validates_against_the_relax_ng_schema(gexf_files, rng, view, dynamic):
    tree = etree.parse(str(gexf_files[view, dynamic]))
    assert rng.validate(tree), str(rng.error_log)
    graph = tree.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "directed"
    assert (graph.get("mode"), graph.get("timeformat")) == (("dynamic", "date") if dynamic else ("static", None))


def test_the_schema_check_is_not_vacuous(gexf_files, rng):
    tree = etree.parse(str(gexf_files["events", True]))
    tree.find(f"{GEXF}graph/{GEXF}nodes/{GEXF}node").set("start", "2023-13-45")  # no month 13
    assert not rng.validate(tree)


def test_actors_view(gexf_files, truth):
    g = nx.read_gexf(gexf_files["actors", False])
    assert set(g.nodes) == truth["actors"]
    edges = {(u, d["relation"], v): d for u, v, d in g.edges(data=True)}
    sdf, turkey, isis = RES + "actor/sdf", RES + "actor/turkey", RES + "actor/isis"
    assert edges[sdf, "accuses", turkey]["documents"] == RAQQA_DOC
    assert edges[isis, "attacks", sdf]["weight"] == 1.0
    assert {r for _, r, _ in edges} == {"accuses", "attacks"}
    assert g.nodes[sdf]["type"] == "ArmedGroup" and g.nodes[sdf]["label_en"] == "Syrian Democratic Forces"
    assert g.nodes[turkey]["wikidata"] == "Q43" and g.nodes[sdf]["events"] >= 2
    # colour by type: every armed group the same, a state another colour
    assert g.nodes[sdf]["viz"]["color"] == g.nodes[isis]["viz"]["color"] != g.nodes[turkey]["viz"]["color"]
    assert g.nodes[sdf]["viz"]["size"] > g.nodes[RES + "actor/reuters"]["viz"]["size"]  # by degree


@pytest.mark.parametrize("view", VIEWS)
def test_arabic_labels_survive_the_round_trip_byte_for_byte(gexf_files, graphml_files, truth, view):
    from_gexf = nx.read_gexf(gexf_files[view, True])
    from_graphml = nx.read_graphml(graphml_files[view])
    assert from_gexf.number_of_nodes() == from_graphml.number_of_nodes() > 0
    assert from_gexf.number_of_edges() == from_graphml.number_of_edges() > 0
    checked = 0
    for node, label in truth["ar_labels"].items():
        if node in from_gexf:
            assert from_gexf.nodes[node]["label"].encode("utf-8") == label.encode("utf-8")
            assert from_graphml.nodes[node]["label"].encode("utf-8") == label.encode("utf-8")
            checked += 1
    assert checked >= 5
    assert from_gexf.nodes[RES + "actor/sdf"]["label"] == "قوات سوريا الديمقراطية"


def test_events_view(gexf_files, truth):
    g = nx.read_gexf(gexf_files["events", False])
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"actor", "place", "event"}
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "event"} == truth["events"]
    attack = RES + f"event/{RAQQA_DOC}/attack-122-128"
    roles = {(u, d["relation"]) for u, v, d in g.in_edges(attack, data=True)}
    assert roles == {(RES + "actor/isis", "perpetrator"), (RES + "actor/sdf", "target")}
    assert g.has_edge(attack, RES + "place/raqqa")
    assert g.nodes[attack]["type"] == "Attack" and g.nodes[attack]["date"] == "2023-03-12"
    assert RES + "place/ankara" not in g  # no event there: only the full view has it


def test_full_view_adds_documents_groups_and_every_node(gexf_files, truth):
    events = nx.read_gexf(gexf_files["events", False])
    g = nx.read_gexf(gexf_files["full", False])
    assert set(events.nodes) < set(g.nodes)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds == {"actor", "place", "event", "document", "victim_group"}
    assert truth["actors"] <= set(g.nodes) and RES + "place/ankara" in g
    assert sum(d["kind"] == "document" for _, d in g.nodes(data=True)) == len(truth["documents"])
    assert "group:مدنيين" in g and g.in_degree("group:مدنيين") == 2
    assert {d["relation"] for *_, d in g.edges(data=True)} >= {"inDocument", "victimGroup", "accuses", "attacks"}


def test_places_have_latitude_and_longitude_typed_double(gexf_files):
    for view in ("events", "full"):
        root = etree.parse(str(gexf_files[view, True])).getroot()
        node_attrs = {a.get("title"): a for a in root.iter(f"{GEXF}attribute")
                      if a.getparent().get("class") == "node"}
        assert node_attrs["latitude"].get("type") == "double"
        assert node_attrs["longitude"].get("type") == "double"
    g = nx.read_gexf(gexf_files["events", False])
    raqqa = g.nodes[RES + "place/raqqa"]
    assert raqqa["latitude"] == pytest.approx(35.95, abs=0.01) and raqqa["longitude"] == pytest.approx(39.0, abs=0.01)


def test_dynamic_gexf_dates_events_and_edges(gexf_files):
    g = nx.read_gexf(gexf_files["events", True])
    attack = RES + f"event/{RAQQA_DOC}/attack-122-128"
    assert (g.nodes[attack]["start"], g.nodes[attack]["end"]) == ("2023-03-12", "2023-03-12")
    assert next(iter(g[RES + "actor/isis"][attack].values()))["start"] == "2023-03-12"
    undated = RES + "event/ex03_baghdad_bombing/attack-0-5"  # ex03 has no date
    assert "start" not in g.nodes[undated]
    # actors and places appear with their first event and stay
    assert g.nodes[RES + "place/raqqa"]["start"] == "2022-04-05" and "end" not in g.nodes[RES + "place/raqqa"]
    actors = nx.read_gexf(gexf_files["actors", True])
    assert actors.get_edge_data(RES + "actor/sdf", RES + "actor/turkey")["start"] == "2023-03-12"
    static = etree.parse(str(gexf_files["events", False])).getroot()
    assert not [el for el in static.iter(f"{GEXF}node", f"{GEXF}edge") if el.get("start")]


def test_edges_aggregate_events_across_documents(rng):
    """test_ontology's invented sample: one accusation pair in two documents, an
    accusation about an attack (links the example articles do not have)."""
    import io

    import pyoxigraph as ox
    from test_ontology import GRAPHS

    from kg.export.gexf import write_gexf
    from kg.export.network import build_network
    from kg.store import Store

    store = Store()
    for graph, turtle in GRAPHS.items():
        store.ox.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    gov, banners = RES + "actor/gov", RES + "actor/black-banners"
    actors = build_network(store, "actors")
    assert actors.edges[gov, banners, "accuses"] == {
        "relation": "accuses", "weight": 2, "documents": "d1|d2", "start": "2023-05-04"}
    full = build_network(store, "full")
    assert full.has_edge(RES + "event/d1/accusation-0-5", RES + "event/d1/attack-34-38", "about")
    assert not build_network(store, "events").has_edge(RES + "event/d1/accusation-0-5", RES + "event/d1/attack-34-38")
    out = io.BytesIO()
    write_gexf(actors, out, dynamic=True)
    tree = etree.fromstring(out.getvalue())
    assert rng.validate(tree), str(rng.error_log)
    assert tree.find(f"{GEXF}graph/{GEXF}edges/{GEXF}edge").get("weight") == "2.0"


# -------------------------------------------------------------------------- GraphML


def test_graphml_has_no_null_attributes_and_joined_lists(graphml_files):
    g = nx.read_graphml(graphml_files["full"])
    for _, data in g.nodes(data=True):
        assert all(v is not None and v != "" for v in data.values()), data
    docs = [d["documents"] for *_, d in g.edges(data=True)]
    assert docs and all(isinstance(d, str) for d in docs)
    assert isinstance(g.nodes[RES + "place/raqqa"]["latitude"], float)


# ------------------------------------------------------------------------------ RDF


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_reread_with_every_quad_and_graph(store, out_dir, truth, fmt):
    path = export(store, out_dir / f"store.{fmt}", fmt)
    ds = rdflib.Dataset()
    ds.parse(path, format=QUAD_FORMATS[fmt])
    quads = list(ds.quads((None, None, None, None)))
    assert len(quads) == truth["quads"]
    assert {str(g) for *_, g in quads} == truth["graphs"]


def test_turtle_is_the_union_of_the_graphs_triples(store, out_dir, truth):
    path = export(store, out_dir / "store.ttl", "turtle")
    g = rdflib.Graph().parse(path, format="turtle")
    assert len(g) == truth["triples"]
    assert set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/arabic-event-kg/ontology#Actor"))) == {
        rdflib.URIRef(a) for a in truth["actors"]}


@pytest.mark.parametrize("fmt", [*sorted(QUAD_FORMATS), "turtle"])
def test_doc_option_exports_that_document_with_its_entities(store, out_dir, truth, fmt):
    path = export(store, out_dir / f"{RAQQA_DOC}.{fmt}", fmt, "--doc", RAQQA_DOC)
    expected = truth["raqqa_quads"] + truth["raqqa_entity_quads"]
    if fmt == "turtle":
        g = rdflib.Graph().parse(path, format="turtle")
    else:
        ds = rdflib.Dataset()
        ds.parse(path, format=QUAD_FORMATS[fmt])
        quads = list(ds.quads((None, None, None, None)))
        assert {str(g) for *_, g in quads} == {RES + f"doc/{RAQQA_DOC}", ENTITIES}
        assert len(quads) == expected
        g = rdflib.Graph()
        for s, p, o, _ in quads:
            g.add((s, p, o))
    assert len(g) == expected and truth["raqqa_entity_quads"] > 0
    # self-contained: every actor the document mentions comes with its Arabic label
    labelled = {str(s) for s, o in g.subject_objects(rdflib.SKOS.prefLabel) if o.language == "ar"}
    assert truth["raqqa_actors"] and truth["raqqa_actors"] <= labelled


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("args,problem", [
    (("nquads", "--doc", "no_such_doc"), "no_such_doc: no such document"),
    (("turtle", "--doc", "no_such_doc"), "no_such_doc: no such document"),
    (("events", "--doc", RAQQA_DOC), "--doc applies to"),  # only the RDF formats take --doc
    (("graphml", "--dynamic"), "--dynamic applies to"),
])
def test_bad_options_are_one_line_errors(store, out_dir, args, problem):
    out = out_dir / "bad.out"
    r = run_kg("export", *args, "--store", store, "--out", out)
    assert r.returncode == 2 and r.stderr.startswith("kg: error:") and len(r.stderr.splitlines()) == 1
    assert problem in r.stderr
    assert not out.exists()  # no empty or partial file left behind


@pytest.mark.parametrize("what", ["gexf", "nquads"])
def test_missing_store_is_a_one_line_error(tmp_path, what):
    r = run_kg("export", what, "--store", tmp_path / "missing")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "no store here" in r.stderr
