"""Tests for ontology/: the OWL ontology, the SHACL shapes and the SPARQL queries.

The sample data is invented (two short Arabic "articles" about fictional
parties) and follows what the graph builder emits: one named graph per document
holding the document, its NIF spans, its mentions of actors and places and its
events, and one graph describing those actors and places once.
"""

from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "ekg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES = sorted((ONTOLOGY_DIR / "queries").glob("*.rq"))

EKG = Namespace("https://w3id.org/arabic-event-kg/ontology#")
RES = "https://w3id.org/arabic-event-kg/resource/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # open namespace: no pytest warnings
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's error messages

GOV = RES + "actor/gov"
BANNERS = RES + "actor/black-banners"
OBSERVATORY = RES + "actor/x-3f2a9c1b0d4e"  # not in the registry: hashed key, no Wikidata
OASIS = RES + "place/oasis"
D1_ACCUSATION = RES + "event/d1/accusation-0-5"
D1_ATTACK = RES + "event/d1/attack-34-38"
D1_CASUALTY = RES + "event/d1/casualty-68-82"
D2_ACCUSATION = RES + "event/d2/accusation-0-20"

PREFIXES = """\
@prefix ekg: <https://w3id.org/arabic-event-kg/ontology#> .
@prefix doc: <https://w3id.org/arabic-event-kg/resource/doc/> .
@prefix actor: <https://w3id.org/arabic-event-kg/resource/actor/> .
@prefix place: <https://w3id.org/arabic-event-kg/resource/place/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix gn: <https://www.geonames.org/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Text: "The government accused the Black Banners group of shelling the city of
# Al-Waha. The observatory said at least 12 civilians were killed in the shelling."
DOC1 = PREFIXES + """\
@base <https://w3id.org/arabic-event-kg/resource/doc/d1> .
@prefix ev: <https://w3id.org/arabic-event-kg/resource/event/d1/> .

doc:d1 a ekg:Document , nif:Context ;
    dct:identifier "d1" ; dct:title "اتهام وقصف"@ar ; dct:source "sample" ;
    ekg:date "2023-05-04"^^xsd:date ;
    ekg:contentHash "04f96e63b2b5448a1268748710fce388725a27f62dc8c17f2cae2341989d02e7" ;
    nif:isString "اتهمت الحكومة جماعة الرايات السود بقصف مدينة الواحة. وقال المرصد إن 12 مدنيا قتلوا على الأقل في القصف."@ar ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "102"^^xsd:nonNegativeInteger .

<#char=0,52> a nif:Sentence ; nif:referenceContext doc:d1 ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "52"^^xsd:nonNegativeInteger ;
    nif:anchorOf "اتهمت الحكومة جماعة الرايات السود بقصف مدينة الواحة."@ar .
<#char=53,102> a nif:Sentence ; nif:referenceContext doc:d1 ;
    nif:beginIndex "53"^^xsd:nonNegativeInteger ; nif:endIndex "102"^^xsd:nonNegativeInteger ;
    nif:anchorOf "وقال المرصد إن 12 مدنيا قتلوا على الأقل في القصف."@ar .

<#char=0,5> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=0,52> ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "5"^^xsd:nonNegativeInteger ; nif:anchorOf "اتهمت"@ar .
<#char=6,13> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=0,52> ;
    nif:beginIndex "6"^^xsd:nonNegativeInteger ; nif:endIndex "13"^^xsd:nonNegativeInteger ; nif:anchorOf "الحكومة"@ar .
<#char=14,33> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=0,52> ;
    nif:beginIndex "14"^^xsd:nonNegativeInteger ; nif:endIndex "33"^^xsd:nonNegativeInteger ; nif:anchorOf "جماعة الرايات السود"@ar .
<#char=34,38> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=0,52> ;
    nif:beginIndex "34"^^xsd:nonNegativeInteger ; nif:endIndex "38"^^xsd:nonNegativeInteger ; nif:anchorOf "بقصف"@ar .
<#char=45,51> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=0,52> ;
    nif:beginIndex "45"^^xsd:nonNegativeInteger ; nif:endIndex "51"^^xsd:nonNegativeInteger ; nif:anchorOf "الواحة"@ar .
<#char=58,64> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=53,102> ;
    nif:beginIndex "58"^^xsd:nonNegativeInteger ; nif:endIndex "64"^^xsd:nonNegativeInteger ; nif:anchorOf "المرصد"@ar .
<#char=68,82> a nif:Phrase ; nif:referenceContext doc:d1 ; ekg:sentence <#char=53,102> ;
    nif:beginIndex "68"^^xsd:nonNegativeInteger ; nif:endIndex "82"^^xsd:nonNegativeInteger ; nif:anchorOf "12 مدنيا قتلوا"@ar .

actor:gov ekg:mention <#char=6,13> .
actor:black-banners ekg:mention <#char=14,33> .
actor:x-3f2a9c1b0d4e ekg:mention <#char=58,64> .
place:oasis ekg:mention <#char=45,51> .

ev:accusation-0-5 a ekg:Accusation , ekg:Event ; ekg:eventType ekg:AccusationType ; ekg:modality ekg:asserted ;
    ekg:accuser actor:gov ; ekg:accused actor:black-banners ; ekg:about ev:attack-34-38 ;
    ekg:reportedBy actor:gov ; ekg:confidence 0.8 ; ekg:date "2023-05-04"^^xsd:date ;
    ekg:inDocument doc:d1 ; ekg:mention <#char=0,5> .
actor:gov ekg:accuses actor:black-banners .

ev:attack-34-38 a ekg:Attack , ekg:Event ; ekg:eventType ekg:AttackType ; ekg:modality ekg:asserted ;
    ekg:perpetrator actor:black-banners ; ekg:location place:oasis ;
    ekg:inDocument doc:d1 ; ekg:mention <#char=34,38> ; ekg:confidence 0.7 .

ev:casualty-68-82 a ekg:CasualtyEvent , ekg:Event ; ekg:eventType ekg:CasualtyType ; ekg:modality ekg:asserted ;
    ekg:casualtyCount "12"^^xsd:nonNegativeInteger ; ekg:outcome ekg:killed ; ekg:qualifier ekg:atLeast ;
    ekg:victimGroup "مدنيا"@ar ; ekg:perpetrator actor:black-banners ;
    ekg:location place:oasis ; ekg:reportedBy actor:x-3f2a9c1b0d4e ; ekg:outcomeOf ev:attack-34-38 ;
    ekg:inDocument doc:d1 ; ekg:mention <#char=68,82> ; ekg:confidence 0.9 .
"""

# Text: "The government renewed its accusation against the Black Banners group."
DOC2 = PREFIXES + """\
@base <https://w3id.org/arabic-event-kg/resource/doc/d2> .
@prefix ev: <https://w3id.org/arabic-event-kg/resource/event/d2/> .

doc:d2 a ekg:Document , nif:Context ;
    dct:identifier "d2" ; ekg:date "2023-05-06"^^xsd:date ;
    ekg:contentHash "99834ccd78a5aee1dc32d7a24b41b2a4cbef79e9b92ac220c2400aae1d54b77f" ;
    nif:isString "جددت الحكومة اتهامها لجماعة الرايات السود."@ar ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "42"^^xsd:nonNegativeInteger .

<#char=0,42> a nif:Sentence ; nif:referenceContext doc:d2 ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "42"^^xsd:nonNegativeInteger ;
    nif:anchorOf "جددت الحكومة اتهامها لجماعة الرايات السود."@ar .
<#char=0,20> a nif:Phrase ; nif:referenceContext doc:d2 ; ekg:sentence <#char=0,42> ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "20"^^xsd:nonNegativeInteger ; nif:anchorOf "جددت الحكومة اتهامها"@ar .
<#char=5,12> a nif:Phrase ; nif:referenceContext doc:d2 ; ekg:sentence <#char=0,42> ;
    nif:beginIndex "5"^^xsd:nonNegativeInteger ; nif:endIndex "12"^^xsd:nonNegativeInteger ; nif:anchorOf "الحكومة"@ar .
<#char=22,41> a nif:Phrase ; nif:referenceContext doc:d2 ; ekg:sentence <#char=0,42> ;
    nif:beginIndex "22"^^xsd:nonNegativeInteger ; nif:endIndex "41"^^xsd:nonNegativeInteger ; nif:anchorOf "جماعة الرايات السود"@ar .

actor:gov ekg:mention <#char=5,12> .
actor:black-banners ekg:mention <#char=22,41> .

ev:accusation-0-20 a ekg:Accusation , ekg:Event ; ekg:eventType ekg:AccusationType ; ekg:modality ekg:asserted ;
    ekg:accuser actor:gov ; ekg:accused actor:black-banners ;
    ekg:reportedBy actor:gov ; ekg:confidence 0.6 ;
    ekg:inDocument doc:d2 ; ekg:mention <#char=0,20> .
actor:gov ekg:accuses actor:black-banners .
"""

# What the documents name, described once for the store, as kg.store keeps ENTITIES_GRAPH.
ENTITIES = PREFIXES + """\
actor:gov a ekg:State , ekg:Actor ;
    skos:prefLabel "الحكومة"@ar , "The Government"@en ;
    ekg:wikidata <http://www.wikidata.org/entity/Q100000001> .
actor:black-banners a ekg:ArmedGroup , ekg:Actor ;
    skos:prefLabel "جماعة الرايات السود"@ar , "Black Banners group"@en ; skos:altLabel "الرايات السود"@ar ;
    ekg:wikidata <http://www.wikidata.org/entity/Q100000002> .
actor:x-3f2a9c1b0d4e a ekg:Organisation , ekg:Actor ;
    skos:prefLabel "المرصد"@ar .

place:oasis a ekg:Location , gn:Feature ;
    skos:prefLabel "الواحة"@ar , "Al-Waha"@en ; dct:type "city" ;
    geo:lat "34.25"^^xsd:double ; geo:long "38.5"^^xsd:double ; ekg:precision 1 ;
    ekg:geonames <https://sws.geonames.org/1000001/> ;
    ekg:wikidata <http://www.wikidata.org/entity/Q100000003> .
"""

# Derived after a build: the shelling as an incident (a second report, elsewhere, gave 14 killed).
INCIDENTS = PREFIXES + """\
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix inc: <https://w3id.org/arabic-event-kg/resource/incident/d1/> .

inc:attack-34-38 a ekg:Incident ; ekg:reportedAs <https://w3id.org/arabic-event-kg/resource/event/d1/attack-34-38> ;
    sem:hasTimeStamp "2023-05-04"^^xsd:date ; ekg:datePrecision "day" ;
    sem:hasPlace place:oasis ; sem:hasActor actor:black-banners ; ekg:figure <https://w3id.org/arabic-event-kg/resource/incident/d1/attack-34-38/killed> .
<https://w3id.org/arabic-event-kg/resource/incident/d1/attack-34-38/killed> a ekg:IncidentFigure ; ekg:outcome ekg:killed ;
    ekg:minCount "12"^^xsd:nonNegativeInteger ; ekg:maxCount "14"^^xsd:nonNegativeInteger ;
    ekg:documentCount "2"^^xsd:nonNegativeInteger ; ekg:sourcesDisagree true .
"""

DOCS = {RES + "doc/d1": DOC1, RES + "doc/d2": DOC2}
GRAPHS = {**DOCS, RES + "graph/entities": ENTITIES, RES + "graph/incidents": INCIDENTS}  # as in the store


# --------------------------------------------------------------------------
# helpers and fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def doc_graph(turtle: str) -> Graph:
    """A document's graph with the descriptions of what it names, as the store's union shows it."""
    return Graph().parse(data=turtle, format="turtle").parse(data=ENTITIES, format="turtle")


def sample_graph() -> Graph:
    g = Graph()
    for turtle in GRAPHS.values():
        g.parse(data=turtle, format="turtle")
    return g


def defined_ekg_terms(ontology: Graph) -> set[str]:
    """Local names of the ekg: IRIs that ekg.ttl types (classes, properties, concepts)."""
    return {
        str(s)[len(str(EKG)):]
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(EKG))
    }


def shacl(data: Graph, shapes: Graph, ontology: Graph | None) -> tuple[bool, str]:
    if ontology is None:
        conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    else:
        conforms, _, text = validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs"
        )
    return conforms, text


def owl_rl_errors(graph: Graph) -> list[str]:
    """Run the OWL RL closure in place and return the inconsistencies it found."""
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    errors = [str(m) for m in graph.objects(None, ERR.error)]
    errors += [f"{s} is owl:Nothing" for s in graph.subjects(RDF.type, OWL.Nothing)]
    return errors


def oxigraph_store() -> ox.Store:
    store = ox.Store()
    for graph_iri, turtle in GRAPHS.items():
        store.load(
            turtle.encode("utf-8"),
            format=ox.RdfFormat.TURTLE,
            to_graph=ox.NamedNode(graph_iri),
        )
    return store


# Sample values for the query parameters named in the "# parameters:" headers.
PARAMETER_VALUES = {"actor": OBSERVATORY, "place": OASIS}


def query_parameters(text: str) -> list[str]:
    header = re.search(r"^#\s*parameters:(.*)$", text, re.MULTILINE)
    assert header, "query lacks a '# parameters:' header line"
    return re.findall(r"\?(\w+)", header.group(1))


def run_query(name: str, **bindings: str) -> list[dict[str, str]]:
    text = (ONTOLOGY_DIR / "queries" / name).read_text(encoding="utf-8")
    subs = {ox.Variable(k): ox.NamedNode(v) for k, v in bindings.items()}
    result = oxigraph_store().query(
        text, use_default_graph_as_union=True, substitutions=subs or None
    )
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        rows.append(
            {n: solution[n].value for n in names if solution[n] is not None}
        )
    return rows


# --------------------------------------------------------------------------
# ontology
# --------------------------------------------------------------------------

EXPECTED_TERMS = {
    # classes
    "Actor", "State", "ArmedGroup", "Organisation", "Person", "Media",
    "Location", "Event", "Attack", "Accusation", "CasualtyEvent", "Document", "Incident", "IncidentFigure",
    # object properties
    "accuses", "accuser", "accused", "about", "outcomeOf", "perpetrator", "target", "victim",
    "location", "outcome", "qualifier", "modality", "reportedBy", "eventType", "inDocument",
    "mention", "sentence", "wikidata", "geonames", "dateMention", "reportedAs", "figure",
    # datatype properties
    "casualtyCount", "victimGroup", "confidence", "date", "precision", "contentHash",
    "sourceFile", "datePrecision", "minCount", "maxCount", "documentCount", "sourcesDisagree",
    # concept schemes and concepts
    "OutcomeScheme", "killed", "injured", "captured", "missing", "displaced",
    "QualifierScheme", "exact", "atLeast", "approximate", "upTo",
    "ModalityScheme", "asserted", "hypothetical", "threatened", "denied", "negated",
    "EventTypeScheme", "AttackType", "AccusationType", "CasualtyType",
}


def test_ontology_declares_exactly_the_agreed_terms(ontology):
    assert (URIRef("https://w3id.org/arabic-event-kg/ontology"), RDF.type, OWL.Ontology) in ontology
    assert defined_ekg_terms(ontology) == EXPECTED_TERMS


def test_every_term_has_english_label_and_comment(ontology):
    for name in EXPECTED_TERMS:
        term = EKG[name]
        langs = {l.language for l in ontology.objects(term, RDFS.label)}
        assert "en" in langs, f"ekg:{name} lacks an English rdfs:label"
        assert any(c.language == "en" for c in ontology.objects(term, RDFS.comment)), name


def test_concepts_have_bilingual_preflabels_and_scheme(ontology):
    for concept in ontology.subjects(RDF.type, SKOS.Concept):
        if not str(concept).startswith(str(EKG)):
            continue
        langs = {l.language for l in ontology.objects(concept, SKOS.prefLabel)}
        assert {"en", "ar"} <= langs, concept
        assert ontology.value(concept, SKOS.inScheme) is not None, concept


def test_event_types_map_to_cameo_and_plover(ontology):
    codes = "https://w3id.org/arabic-event-kg/codes/"
    assert (EKG.AccusationType, SKOS.exactMatch, URIRef(codes + "cameo/112")) in ontology
    assert (EKG.AccusationType, SKOS.exactMatch, URIRef(codes + "plover/ACCUSE")) in ontology
    assert (EKG.AttackType, SKOS.closeMatch, URIRef(codes + "plover/ATTACK")) in ontology
    assert ontology.value(URIRef(codes + "cameo/112"), SKOS.notation) == Literal("112")


def test_ekg_terms_used_in_shapes_and_queries_are_defined(ontology, shapes):
    defined = defined_ekg_terms(ontology)
    used_in_shapes = {
        str(t)[len(str(EKG)):]
        for triple in shapes
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(EKG))
    }
    assert used_in_shapes <= defined, used_in_shapes - defined
    assert QUERIES, "no queries found"
    for path in QUERIES:
        used = set(re.findall(r"\bekg:(\w+)", path.read_text(encoding="utf-8")))
        assert used <= defined, f"{path.name}: undefined {used - defined}"


def test_ekg_terms_used_in_sample_data_are_defined(ontology):
    defined = defined_ekg_terms(ontology)
    for turtle in GRAPHS.values():
        used = set(re.findall(r"\bekg:(\w+)", turtle))
        assert used <= defined, used - defined


# --------------------------------------------------------------------------
# SHACL
# --------------------------------------------------------------------------

MODES = ["with-ontology", "data-only"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("doc", sorted(DOCS))
def test_sample_document_graph_conforms(doc, mode, shapes, ontology):
    conforms, text = shacl(doc_graph(DOCS[doc]), shapes, ontology if mode == MODES[0] else None)
    assert conforms, text


def test_sample_spans_match_their_text():
    g = sample_graph()
    for span in g.subjects(NIF.referenceContext, None):
        text = str(g.value(g.value(span, NIF.referenceContext), NIF.isString))
        begin, end = int(g.value(span, NIF.beginIndex)), int(g.value(span, NIF.endIndex))
        assert str(span).endswith(f"#char={begin},{end}")
        assert text[begin:end] == str(g.value(span, NIF.anchorOf)), span


def test_sample_union_conforms(shapes, ontology):
    conforms, text = shacl(sample_graph(), shapes, ontology)
    assert conforms, text


def _set(g: Graph, s: str, p: URIRef, value) -> None:
    g.remove((URIRef(s), p, None))
    g.add((URIRef(s), p, value))


def _count_minus_one(g):
    _set(g, D1_CASUALTY, EKG.casualtyCount, Literal(-1))


def _count_ill_typed(g):
    _set(g, D1_CASUALTY, EKG.casualtyCount, Literal("-1", datatype=XSD.nonNegativeInteger))


def _count_abc(g):
    _set(g, D1_CASUALTY, EKG.casualtyCount, Literal("abc"))


def _count_missing(g):
    g.remove((URIRef(D1_CASUALTY), EKG.casualtyCount, None))


def _two_counts(g):
    g.add((URIRef(D1_CASUALTY), EKG.casualtyCount, Literal("13", datatype=XSD.nonNegativeInteger)))


def _outcome_not_in_scheme(g):
    _set(g, D1_CASUALTY, EKG.outcome, EKG.exact)


def _qualifier_not_in_scheme(g):
    _set(g, D1_CASUALTY, EKG.qualifier, EKG.killed)


def _no_accused(g):
    g.remove((URIRef(D1_ACCUSATION), EKG.accused, None))


def _two_accusers(g):
    g.add((URIRef(D1_ACCUSATION), EKG.accuser, URIRef(OBSERVATORY)))


def _accused_not_an_actor(g):
    _set(g, D1_ACCUSATION, EKG.accused, URIRef(OASIS))


def _no_event_type(g):
    g.remove((URIRef(D1_ATTACK), EKG.eventType, None))


def _wrong_event_type(g):
    _set(g, D1_ATTACK, EKG.eventType, EKG.CasualtyType)


def _no_document(g):
    g.remove((URIRef(D1_ATTACK), EKG.inDocument, None))


def _no_mention(g):
    g.remove((URIRef(D1_ATTACK), EKG.mention, None))


def _two_perpetrators(g):
    g.add((URIRef(D1_ATTACK), EKG.perpetrator, URIRef(GOV)))


def _confidence_above_one(g):
    _set(g, D1_ATTACK, EKG.confidence, Literal("1.5", datatype=XSD.decimal))


def _lat_200(g):
    _set(g, OASIS, GEO.lat, Literal(200.0))


def _long_as_string(g):
    _set(g, OASIS, GEO.long, Literal("38.5"))


def _precision_4(g):
    _set(g, OASIS, EKG.precision, Literal(4))


def _actor_without_label(g):
    g.remove((URIRef(OBSERVATORY), SKOS.prefLabel, None))


def _two_arabic_preflabels(g):
    g.add((URIRef(GOV), SKOS.prefLabel, Literal("حكومة أخرى", lang="ar")))


def _bad_wikidata(g):
    _set(g, GOV, EKG.wikidata, URIRef("https://www.wikidata.org/wiki/Q1"))


def _document_without_text(g):
    g.remove((URIRef(RES + "doc/d1"), NIF.isString, None))


def _document_without_identifier(g):
    g.remove((URIRef(RES + "doc/d1"), URIRef("http://purl.org/dc/terms/identifier"), None))


def _two_source_files(g):
    for path in ("/news/a/article.txt", "/news/b/article.txt"):
        g.add((URIRef(RES + "doc/d1"), EKG.sourceFile, Literal(path)))


def _span_without_anchor(g):
    g.remove((URIRef(RES + "doc/d1#char=34,38"), NIF.anchorOf, None))


def _span_begin_after_end(g):
    _set(g, RES + "doc/d1#char=34,38", NIF.beginIndex, Literal("40", datatype=XSD.nonNegativeInteger))


MUTATIONS = [
    _count_minus_one, _count_ill_typed, _count_abc, _count_missing, _two_counts,
    _outcome_not_in_scheme, _qualifier_not_in_scheme,
    _no_accused, _two_accusers, _accused_not_an_actor,
    _no_event_type, _wrong_event_type, _no_document, _no_mention, _two_perpetrators,
    _confidence_above_one,
    _lat_200, _long_as_string, _precision_4,
    _actor_without_label, _two_arabic_preflabels, _bad_wikidata,
    _document_without_text, _document_without_identifier, _two_source_files,
    _span_without_anchor, _span_begin_after_end,
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda f: f.__name__.strip("_"))
def test_broken_data_fails_validation(mutate, mode, shapes, ontology):
    g = doc_graph(DOC1)
    mutate(g)
    conforms, text = shacl(g, shapes, ontology if mode == MODES[0] else None)
    assert not conforms, f"{mutate.__name__} was not caught"


# --------------------------------------------------------------------------
# OWL RL
# --------------------------------------------------------------------------


def test_owl_rl_closure_is_consistent(ontology):
    g = Graph()
    g += ontology
    g += sample_graph()
    assert owl_rl_errors(g) == []
    # The closure does entail the SEM alignment.
    sem = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    assert (URIRef(D1_ATTACK), RDF.type, sem.Event) in g
    assert (URIRef(D1_CASUALTY), sem.hasActor, URIRef(BANNERS)) in g


def test_owl_rl_detects_actor_that_is_a_location(ontology):
    g = Graph()
    g += ontology
    g += sample_graph()
    g.add((URIRef(GOV), RDF.type, EKG.Location))
    errors = owl_rl_errors(g)
    assert errors, "disjointness of ekg:Actor and ekg:Location was not detected"
    assert any(GOV in e for e in errors), errors


def test_owl_rl_detects_place_used_as_actor(ontology):
    # The rdfs:range of ekg:accused makes the place an ekg:Actor too.
    g = Graph()
    g += ontology
    g += sample_graph()
    _accused_not_an_actor(g)
    assert owl_rl_errors(g)


# --------------------------------------------------------------------------
# SPARQL
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_query_has_header(path):
    text = path.read_text(encoding="utf-8")
    for field in ("title", "description", "parameters"):
        assert re.search(rf"^#\s*{field}:", text, re.MULTILINE), f"{path.name}: no # {field}:"
    assert "GRAPH" not in re.sub(r"#.*", "", text).upper().replace("GROUP_CONCAT", "")


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_query_parses_and_runs(path):
    text = path.read_text(encoding="utf-8")
    prepareQuery(text)
    params = query_parameters(text)
    bindings = {p: PARAMETER_VALUES[p] for p in params}
    rows = run_query(path.name, **bindings)
    assert rows, f"{path.name} returned no rows on the sample"


def test_accusations():
    rows = run_query("accusations.rq")
    assert len(rows) == 1
    row = rows[0]
    assert (row["accuser"], row["accused"]) == (GOV, BANNERS)
    assert row["accuserLabel"] == "الحكومة"
    assert row["accusedLabel"] == "جماعة الرايات السود"
    assert int(row["n"]) == 2
    assert sorted(row["docs"].split()) == ["d1", "d2"]


def test_casualties():
    rows = run_query("casualties.rq")
    assert len(rows) == 1
    row = rows[0]
    assert row["event"] == D1_CASUALTY
    assert int(row["count"]) == 12
    assert (row["outcome"], row["qualifier"], row["group"]) == ("killed", "atLeast", "مدنيا")
    assert row["placeLabel"] == "الواحة"
    assert row["reporterLabel"] == "المرصد"
    assert row.get("victimLabel", "") == ""  # no victim actor: empty or unbound
    assert (row["date"], row["doc"]) == ("2023-05-04", "d1")


def test_casualties_by_place():
    rows = run_query("casualties_by_place.rq")
    assert [(r["place"], r["placeLabel"], r["outcome"], int(r["total"])) for r in rows] == [
        (OASIS, "الواحة", "killed", 12)
    ]


def test_events_at_place():
    rows = run_query("events_at_place.rq", place=OASIS)
    assert {r["event"] for r in rows} == {D1_ATTACK, D1_CASUALTY}
    attack = next(r for r in rows if r["event"] == D1_ATTACK)
    assert attack["type"] == "AttackType"
    assert attack["actors"] == "perpetrator: جماعة الرايات السود"
    assert run_query("events_at_place.rq", place=RES + "place/nowhere") == []


def test_actor_neighbourhood():
    rows = run_query("actor_neighbourhood.rq", actor=OBSERVATORY)
    hops = {r["neighbour"]: int(r["hop"]) for r in rows}
    assert hops == {BANNERS: 1, GOV: 2}
    gov = next(r for r in rows if r["neighbour"] == GOV)
    assert set(gov["eventTypes"].split()) == {"AccusationType"}
    assert gov["via"] == "جماعة الرايات السود"
    rows = run_query("actor_neighbourhood.rq", actor=GOV)
    assert {r["neighbour"]: int(r["hop"]) for r in rows} == {BANNERS: 1, OBSERVATORY: 2}


def test_event_counts():
    rows = run_query("event_counts.rq")
    assert {(r["doc"], r["type"], int(r["n"])) for r in rows} == {
        ("d1", "AccusationType", 1),
        ("d1", "AttackType", 1),
        ("d1", "CasualtyType", 1),
        ("d2", "AccusationType", 1),
    }


def test_actors():
    rows = {r["actor"]: r for r in run_query("actors.rq")}
    assert set(rows) == {GOV, BANNERS, OBSERVATORY}
    assert rows[BANNERS]["type"] == "ArmedGroup"
    assert int(rows[BANNERS]["events"]) == 4
    assert rows[GOV]["labelEn"] == "The Government"
    assert rows[GOV]["wikidata"] == "http://www.wikidata.org/entity/Q100000001"
    assert "wikidata" not in rows[OBSERVATORY]


def test_places():
    rows = run_query("places.rq")
    assert len(rows) == 1
    row = rows[0]
    assert row["place"] == OASIS
    assert (row["labelAr"], row["labelEn"], row["placeType"]) == ("الواحة", "Al-Waha", "city")
    assert float(row["lat"]) == 34.25 and float(row["long"]) == 38.5
    assert row["geonames"] == "https://sws.geonames.org/1000001/"
    assert int(row["events"]) == 2


def test_readme_lists_every_term():
    readme = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")
    missing = sorted(t for t in EXPECTED_TERMS if f"`ekg:{t}`" not in readme)
    assert not missing, f"ontology/README.md does not describe {missing}"
