"""Who each sentence attributes its facts to: بحسب X، أعلن X، قال البيان..."""
from __future__ import annotations

from kg.extract.window import Window


def find_reporters(w: Window) -> None:
    """Sets each sentence's ``reporter``, and the document's first one as ``w.doc_reporter``
    (the author of "the statement" that later sentences cite)."""
    for s in w.sentences:
        for m in w.labelled(s, "attribution"):
            f = w.actor_after(s, m.end, 4)
            if f:
                s.reporter = f
        if s.reporter is None:
            for m in w.labelled(s, "reporting"):
                stmt = w.starts_with(s, "statement", m.end)
                if stmt and (spokesman := w.spokesman_of(s, stmt)):
                    s.reporter = spokesman  # قال المتحدث باسم الخارجية: the ministry
                elif stmt and w.doc_reporter:
                    s.reporter = w.doc_reporter
                else:
                    s.reporter = w.actor_after(s, m.end, 3) or w.actor_before(s, m.start, 2)
                if s.reporter:
                    break
        if s.reporter is not None:
            w.use(s.reporter)
            w.doc_reporter = w.doc_reporter or s.reporter
