"""Modality: whether the text reports an event as having happened.

``asserted`` unless a cue before its trigger says otherwise: a negation right before it
(لم تهاجم: negated), a future verb (سيشن: threatened), قد with a present verb (قد تشن:
hypothetical), or the nearest cue of
``lexicon.json``'s ``modality`` lists within its window (hypothetical لو، في حال;
threatened يهدد، يعتزم، أحبط; denied نفى ... وقوع); with none, the ل of purpose on the
trigger (لاقتحام المدينة) makes it threatened. Claims that someone else did it, or denials
of responsibility, are no cues: the event itself stays asserted.
"""
from __future__ import annotations

from kg.extract.lexicon import norm_set
from kg.extract.matching import Match
from kg.extract.model import Modality
from kg.extract.window import CLAUSE_BREAKS, Sentence, Window
from kg.nlp.normalize import normalize

PURPOSE_REACH = 12  # tokens before a purpose ل-trigger searched for what says it happened (تعرض ... للقصف)


def modality_of(w: Window, s: Sentence, m: Match) -> Modality:
    """The modality of the event whose trigger is ``m`` in sentence ``s``."""
    if w.negated(s, m):
        return "negated"
    if m.start in w.doc.user_data["future"]:
        return "threatened"
    if m.start > s.start and w.doc[m.start - 1].norm_ == "قد" and w.doc[m.start].norm_[:1] in "يتن":
        return "hypothetical"  # قد يحمل بصمات طالبان، قد تشن: may (قد with a past verb: has)
    cues = w.lex["modality"]
    if {t.removeprefix("ال") for t in w.words_after(s, m, 2)} & norm_set(cues["threatened_after"]):
        return "threatened"  # هجوم وشيك، الاقتحام الوشيك، هجمات محتملة: not (yet) happened
    scope = norm_set(cues["sentence_scope"])
    best: tuple[int, Modality] | None = None
    for cue in w.labelled(s, "modality"):
        if cue.end > m.start:
            continue
        words = w.gap(cue.end, m.start)
        whole = " ".join(t.norm_ for t in w.doc[cue.start:cue.end]) in scope  # لو: the whole sentence
        if words > cues["window"] and not whole and not _in_its_clause(w, cue, m):
            continue
        if words > 0 and not whole and _joined_past_verb(w, m):
            continue  # سمحت تركيا للتحالف باستخدام قواعدها وقصفت أهدافا: a clause of its own, that happened
        if cue.label == "modality:denied" and not _denial_of_event(w, cue, m, cues["denied_needs"]):
            continue
        if cue.start > s.start and w.doc[cue.start - 1].norm_ in norm_set(cues["whether_words"]):
            continue  # عما إذا كان جرى مناقشة الغارة: whether, asked of what happened; not "if"
        if cue.label == "modality:threatened" and _bare_words(w, cue.end, m.start) & norm_set(cues["extension_words"]):
            continue  # تهدد أنقرة بنقل هجومها إلى منبج: the attack is under way, moving it is the threat
        if best is None or words < best[0]:
            best = (words, cue.label.split(":")[1])
    if best:
        return best[1]
    return "threatened" if _purpose(w, s, m, cues) else "asserted"


def _joined_past_verb(w: Window, m: Match) -> bool:
    """Trigger ``m`` is a past attack verb joined by و to the clause before it (وقصفت، واقتحمت):
    it tells what was done, whatever the clause before planned or allowed. A past verb starts
    with its lemma's first letter and ends with its subject's (قصفت، اقتحموا; not يقصف، تقتحم,
    nor the verbal noun, وشن هجمات after توعد بمهاجمة)."""
    if m.label != "attack:verb" or not w.doc[m.start].text.startswith("و"):
        return False
    form = w.doc[m.start].norm_.removeprefix("و")
    return form[:1] == w.lemma(m)[:1] and form.endswith(("ت", "وا", "تا"))


def _in_its_clause(w: Window, cue: Match, m: Match) -> bool:
    """Trigger ``m`` is in the clause that cue ``cue`` opens with أن a word or two after it
    (يتخوف مختصون أن يقوم التنظيم بعد تحول موقفه ... بتنفيذ هجمات): feared or planned, however
    far; not past a clause break, nor in a relative clause, which tells what is so (تخشى أنقرة
    أن تعيد الفوضى إشعال التمرد الذي شنه الحزب)."""
    that = next((i for i in range(cue.end, min(cue.end + 3, m.start)) if w.doc[i].norm_ in w.complementizers), None)
    return that is not None and not any(t.text in CLAUSE_BREAKS for t in w.doc[that:m.start]) \
        and not w.relative_between(that, m.start)


def _purpose(w: Window, s: Sentence, m: Match, cues: dict) -> bool:
    """نشرت قواتها لاقتحام المدينة، في محاولة لاستهدافها، للعودة لممارسة اعتداءاتهم: the ل of
    purpose, a plan; not after what says it happened (وتعرض المخيم للقصف), nor after a
    condemnation or an accusation, whose ل gives its reason."""
    # (or its object: للعودة لممارسة اعتداءاتهم، لتنفيذ هجمات)
    carriers, before = norm_set(cues["purpose_carriers"]), w.doc[m.start - 1].norm_ if m.start > s.start else ""
    carried = m.label == "attack:noun" and ((before[:1] == "ل" and before[1:] in carriers) or (
        before in carriers and w.preposition(m.start - 1) == "ل"))
    if not (carried or (w.preposition(m.start) == "ل" and w.lemma(m) in norm_set(cues["purpose_lemmas"]))):
        return False
    if any(c.end <= m.start for c in w.labelled(s, "criticism") + w.labelled(s, "accusation")):
        return False  # أدانت الوزارة الحكومة لقصفها المدنيين: the reason for it, which happened
    return not _bare_words(w, max(s.start, m.start - PURPOSE_REACH), m.start) & norm_set(cues["purpose_not_after"])


def _bare_words(w: Window, start: int, end: int) -> set[str]:
    """The normalised words of tokens ``start:end``, with and without a leading و ف ب
    the clitic stripper left on (وتعرض، بنقل)."""
    norms = {t.norm_ for t in w.doc[start:end]}
    return norms | {n[1:] for n in norms if n[:1] in "وفب"}


def _denial_of_event(w: Window, cue: Match, m: Match, needs: list[str]) -> bool:
    """نفت الوزارة وقوع أي غارة: a denial that the event took place, not of who did it."""
    between = {t.norm_ for t in w.doc[cue.end:m.start]} | {normalize(" ".join(t.text for t in w.doc[cue.start:cue.end]))}
    return bool(between & norm_set(needs))
