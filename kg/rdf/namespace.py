"""The project's vocabulary, read from its one definition: ``ontology/ekg.ttl``.

``EKG`` is a closed namespace: using a term the ontology does not define raises at once,
as rdflib's own DefinedNamespace vocabularies do.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import ClosedNamespace, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"  # a link to ontology/ in a checkout
EKG_IRI = "https://w3id.org/arabic-event-kg/ontology#"
RES = Namespace("https://w3id.org/arabic-event-kg/resource/")
# The one named graph that describes actors and places (types, labels, links, coordinates),
# once for the whole store: the documents' graphs only point at them.
ENTITIES_GRAPH = RES["graph/entities"]
# Derived after each build from the documents' graphs: the incidents several documents report.
INCIDENTS_GRAPH = RES["graph/incidents"]
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GN = Namespace("https://www.geonames.org/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = "https://sws.geonames.org/{}/"


def _terms() -> list[str]:
    g = Graph().parse(ONTOLOGY_DIR / "ekg.ttl")
    return sorted({str(s)[len(EKG_IRI):] for s in g.subjects() if str(s).startswith(EKG_IRI)} - {""})


EKG = ClosedNamespace(EKG_IRI, _terms())

PREFIXES = {"ekg": EKG_IRI, "res": str(RES), "nif": str(NIF), "sem": str(SEM), "geo": str(GEO),
            "gn": str(GN), "wd": str(WD), "skos": str(SKOS), "dct": str(DCTERMS), "prov": str(PROV),
            "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD)}

def compact(value: str) -> str:
    """``res:actor/sdf`` for an IRI in one of PREFIXES' namespaces; any other value as it is."""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and len(value) > len(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


__all__ = ["EKG", "RES", "ENTITIES_GRAPH", "INCIDENTS_GRAPH", "NIF", "SEM", "GEO", "GN", "WD", "GEONAMES", "PREFIXES", "ONTOLOGY_DIR", "compact"]
