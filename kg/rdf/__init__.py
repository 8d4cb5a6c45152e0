"""RDF: one named graph per document, in the ekg ontology (see ontology/README.md), and the
descriptions of the actors and places it mentions apart, for the store's one entities graph.

IRIs are stable: documents by id, actors and places by their linked node, events by
document, type and the offsets of their trigger, mentions by RFC 5147 character ranges.
"""
from __future__ import annotations

from hashlib import sha256
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD
from rdflib.plugins.stores.memory import SimpleMemory

from kg.extract.model import Event, Mention, Span
from kg.link import Entity, LinkedDocument
from kg.link.incidents import Incident
from kg.rdf.namespace import EKG, ENTITIES_GRAPH, GEO, GEONAMES, GN, INCIDENTS_GRAPH, NIF, RES, SEM, WD

ACTOR_CLASS = {"state": EKG.State, "armed_group": EKG.ArmedGroup, "organisation": EKG.Organisation,
               "person": EKG.Person, "media": EKG.Media}
EVENT_CLASS = {"attack": (EKG.Attack, EKG.AttackType), "accusation": (EKG.Accusation, EKG.AccusationType),
               "casualty": (EKG.CasualtyEvent, EKG.CasualtyType)}
QUALIFIER = {"exact": EKG.exact, "at_least": EKG.atLeast, "approximate": EKG.approximate, "up_to": EKG.upTo}
NNI = XSD.nonNegativeInteger


def doc_iri(doc_id: str) -> URIRef:
    return RES[f"doc/{quote(doc_id, safe='')}"]


def node_iri(entity: Entity) -> URIRef:
    return RES[entity.node]


def event_iris(doc_id: str, events: list[Event]) -> dict[int, URIRef]:
    """Events by document, type and trigger offsets; a trigger that starts several events
    (تعتبره أنقرة وواشنطن...: two accusations) numbers the later ones."""
    iris, seen = {}, {}
    for ev in events:
        local = f"event/{quote(doc_id, safe='')}/{ev.type}-{ev.trigger.start}-{ev.trigger.end}"
        seen[local] = seen.get(local, 0) + 1
        iris[id(ev)] = RES[local if seen[local] == 1 else f"{local}-{seen[local]}"]
    return iris


class GraphBuilder:
    def __init__(self, linked: LinkedDocument):
        self.linked = linked
        self.ex = linked.extraction
        self.doc = doc_iri(self.ex.doc_id)
        # rdflib's plain triple store, and no prefixes: these graphs go out as N-Triples, and
        # the context-aware default store and binding rdflib's prefixes cost more than the triples.
        self.g = Graph(SimpleMemory(), identifier=self.doc, bind_namespaces="none")
        self.entities = Graph(SimpleMemory(), identifier=ENTITIES_GRAPH, bind_namespaces="none")

    def char_iri(self, start: int, end: int) -> URIRef:
        return URIRef(f"{self.doc}#char={start},{end}")

    def sentence_of(self, span: Span) -> URIRef:
        s = self.ex.sentences[span.sentence]
        return self.char_iri(s.start, s.end)

    def phrase(self, span: Span) -> URIRef:
        """A NIF mention: the exact characters, in their sentence."""
        iri = self.char_iri(span.start, span.end)
        g = self.g
        g.add((iri, RDF.type, NIF.Phrase))
        g.add((iri, NIF.referenceContext, self.doc))
        g.add((iri, NIF.beginIndex, Literal(span.start, datatype=NNI)))
        g.add((iri, NIF.endIndex, Literal(span.end, datatype=NNI)))
        g.add((iri, NIF.anchorOf, Literal(span.text, lang="ar")))
        g.add((iri, EKG.sentence, self.sentence_of(span)))
        return iri

    def document(self) -> None:
        g, ex, d = self.g, self.ex, self.doc
        g.add((d, RDF.type, EKG.Document))
        g.add((d, RDF.type, NIF.Context))
        g.add((d, DCTERMS.identifier, Literal(ex.doc_id)))
        g.add((d, NIF.isString, Literal(ex.text, lang="ar")))
        g.add((d, NIF.beginIndex, Literal(0, datatype=NNI)))
        g.add((d, NIF.endIndex, Literal(len(ex.text), datatype=NNI)))
        g.add((d, EKG.contentHash, Literal(sha256(ex.text.encode("utf-8")).hexdigest())))
        for prop, value in ((DCTERMS.title, ex.title), (DCTERMS.source, ex.source)):
            if value:
                g.add((d, prop, Literal(value, lang="ar" if prop == DCTERMS.title else None)))
        if ex.url:
            g.add((d, DCTERMS.source, URIRef(ex.url)))
        if ex.date:
            g.add((d, EKG.date, Literal(ex.date, datatype=XSD.date)))
        for s in ex.sentences:
            iri = self.char_iri(s.start, s.end)
            g.add((iri, RDF.type, NIF.Sentence))
            g.add((iri, NIF.referenceContext, d))
            g.add((iri, NIF.beginIndex, Literal(s.start, datatype=NNI)))
            g.add((iri, NIF.endIndex, Literal(s.end, datatype=NNI)))
            g.add((iri, NIF.anchorOf, Literal(s.text, lang="ar")))

    def entity(self, e: Entity) -> URIRef:
        g, iri = self.entities, node_iri(e)
        if e.kind == "actor":
            g.add((iri, RDF.type, EKG.Actor))
            if e.type in ACTOR_CLASS:
                g.add((iri, RDF.type, ACTOR_CLASS[e.type]))
        else:
            g.add((iri, RDF.type, EKG.Location))
            g.add((iri, RDF.type, GN.Feature))
            g.add((iri, DCTERMS.type, Literal(e.type)))
        g.add((iri, SKOS.prefLabel, Literal(e.label, lang="ar")))
        if e.label_en:
            g.add((iri, SKOS.prefLabel, Literal(e.label_en, lang="en")))
        for alias in e.aliases:
            g.add((iri, SKOS.altLabel, Literal(alias, lang="ar")))
        if e.wikidata:
            g.add((iri, EKG.wikidata, WD[e.wikidata]))
        if e.geonames:
            g.add((iri, EKG.geonames, URIRef(GEONAMES.format(e.geonames))))
        if e.lat is not None and e.lon is not None:
            g.add((iri, GEO.lat, Literal(float(e.lat), datatype=XSD.double)))
            g.add((iri, GEO.long, Literal(float(e.lon), datatype=XSD.double)))
        if e.precision:
            g.add((iri, EKG.precision, Literal(int(e.precision), datatype=XSD.integer)))
        return iri

    def role(self, m: Mention | None) -> URIRef | None:
        return node_iri(self.linked.entity_of[m]) if m is not None else None

    def event(self, ev: Event, iris: dict[int, URIRef]) -> None:
        g = self.g
        iri = iris[id(ev)]
        cls, concept = EVENT_CLASS[ev.type]
        g.add((iri, RDF.type, EKG.Event))
        g.add((iri, RDF.type, cls))
        g.add((iri, EKG.eventType, concept))
        g.add((iri, EKG.modality, EKG[ev.modality]))
        g.add((iri, EKG.inDocument, self.doc))
        g.add((iri, EKG.confidence, Literal(round(ev.confidence, 2), datatype=XSD.decimal)))
        for span in [ev.trigger, *ev.evidence]:
            g.add((iri, EKG.mention, self.phrase(span)))
        if ev.date:
            g.add((iri, EKG.date, Literal(ev.date, datatype=XSD.date)))
            g.add((iri, EKG.datePrecision, Literal(ev.date_precision)))
        if ev.date_span is not None:
            g.add((iri, EKG.dateMention, self.phrase(ev.date_span)))
        for prop, m in ((EKG.accuser, ev.accuser), (EKG.accused, ev.accused),
                        (EKG.perpetrator, ev.perpetrator), (EKG.target, ev.target),
                        (EKG.victim, ev.victim), (EKG.reportedBy, ev.reported_by)):
            if m is not None:
                g.add((iri, prop, self.role(m)))
        for p in ev.places:
            g.add((iri, EKG.location, self.role(p)))
        if ev.type == "accusation" and ev.accuser and ev.accused and ev.modality == "asserted":
            g.add((self.role(ev.accuser), EKG.accuses, self.role(ev.accused)))
            if ev.about is not None and id(ev.about) in iris:
                g.add((iri, EKG.about, iris[id(ev.about)]))
        if ev.type == "casualty":
            if ev.outcome_of is not None and id(ev.outcome_of) in iris:
                g.add((iri, EKG.outcomeOf, iris[id(ev.outcome_of)]))
            g.add((iri, EKG.casualtyCount, Literal(ev.count, datatype=NNI)))
            g.add((iri, EKG.outcome, EKG[ev.outcome]))
            if ev.qualifier:
                g.add((iri, EKG.qualifier, QUALIFIER[ev.qualifier]))
            if ev.group:
                g.add((iri, EKG.victimGroup, Literal(ev.group, lang="ar")))

    def build(self) -> tuple[Graph, Graph]:
        self.document()
        for e in self.linked.entities:
            self.entity(e)
        for m, e in self.linked.entity_of.items():
            self.g.add((node_iri(e), EKG.mention, self.phrase(m.span)))
        iris = event_iris(self.ex.doc_id, self.ex.events)
        for ev in self.ex.events:
            self.event(ev, iris)
        return self.g, self.entities


def to_graph(linked: LinkedDocument, source_file: str | None = None) -> tuple[URIRef, Graph, Graph]:
    """The document's named graph IRI (the document IRI), its triples, and the descriptions
    of the entities it mentions (for ENTITIES_GRAPH). ``source_file``: the file it was read from."""
    name = doc_iri(linked.extraction.doc_id)
    graph, entities = GraphBuilder(linked).build()
    if source_file:
        graph.add((name, EKG.sourceFile, Literal(source_file)))
    return name, graph, entities


def incident_iri(incident: Incident) -> URIRef:
    """That of its earliest report's attack (res:event/cx1/attack-10-15 -> res:incident/cx1/attack-10-15):
    a report that joins later keeps it."""
    return URIRef(incident.first.event.replace(f"{RES}event/", f"{RES}incident/", 1))


def incidents_graph(incidents: list[Incident]) -> Graph:
    """INCIDENTS_GRAPH: each incident, its reports, date, place, actors and figures."""
    g = Graph(SimpleMemory(), identifier=INCIDENTS_GRAPH, bind_namespaces="none")
    for inc in incidents:
        iri = incident_iri(inc)
        g.add((iri, RDF.type, EKG.Incident))
        for r in inc.reports:
            g.add((iri, EKG.reportedAs, URIRef(r.event)))
        g.add((iri, SEM.hasTimeStamp, Literal(inc.date.isoformat(), datatype=XSD.date)))
        g.add((iri, EKG.datePrecision, Literal(inc.precision)))
        if inc.place:
            g.add((iri, SEM.hasPlace, URIRef(inc.place)))
        for actor in inc.actors:
            g.add((iri, SEM.hasActor, URIRef(actor)))
        for f in inc.figures:
            node = URIRef(f"{iri}/{f.outcome}")
            g.add((iri, EKG.figure, node))
            g.add((node, RDF.type, EKG.IncidentFigure))
            g.add((node, EKG.outcome, EKG[f.outcome]))
            g.add((node, EKG.minCount, Literal(f.low, datatype=NNI)))
            g.add((node, EKG.maxCount, Literal(f.high, datatype=NNI)))
            g.add((node, EKG.documentCount, Literal(f.documents, datatype=NNI)))
            g.add((node, EKG.sourcesDisagree, Literal(f.disagree)))
    return g
