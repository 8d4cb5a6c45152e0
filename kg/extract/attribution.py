"""Who each sentence attributes its facts to: بحسب X، أعلن X، قال البيان..."""
from __future__ import annotations

from kg.extract.lexicon import norm_set
from kg.extract.mentions import Found
from kg.extract.window import Sentence, Window
from kg.nlp.normalize import QUOTE_MARKS

WISHES_REACH = 20  # tokens after a verb of speech searched for the wishes it conveys
CLAIM_REACH = 4  # tokens after a verb of speech (أعلن) in which a claim of responsibility makes it no report
RELAY_REACH = 5  # tokens after who relays words (a news agency and its aside) searched for عن and the source


def find_reporters(w: Window) -> None:
    """Sets each sentence's ``reporter``, and the document's first one as ``w.doc_reporter``
    (the author of "the statement" that later sentences cite)."""
    for s in w.sentences:
        for m in w.labelled(s, "attribution"):
            f = w.actor_after(s, m.end, 4)
            if f:
                s.reporter = f
        if s.reporter is None:
            for m in [r for r in w.labelled(s, "reporting") if not _conveys_wishes(w, s, r)] + _deeming(w, s):
                if m.label == "reporting:participle":
                    # its speaker is right before it (واستطرد بوميدوحة قائلا إن), never after
                    # (معلومات مؤكدة عن قتلى من قوات النظام: confirmed, of whom)
                    s.reporter = _speaker_before(w, s, m.start, 0)
                    if s.reporter:
                        break
                    continue
                stmt = w.starts_with(s, "statement", m.end)
                if stmt and (spokesman := w.speaks_for(s, stmt)):
                    s.reporter = spokesman  # قال المتحدث باسم الخارجية: the ministry
                elif stmt and (named := _titled_speaker(w, s, m.end)):
                    s.reporter = named  # أعلن المتحدث باسم القوات الموالية ناصر الشعيبي: the spokesman named
                elif stmt and w.doc_reporter:
                    s.reporter = w.doc_reporter
                else:
                    s.reporter = _speaker_after(w, s, m.end) or _speaker_before(w, s, m.start)
                if s.reporter and w.bare_in(m.start, norm_set(w.lex["relay_verbs"])):
                    s.reporter = _relayed_from(w, s, s.reporter) or s.reporter
                if s.reporter:
                    s.claimant = _claims(w, s, m)
                    break
        if s.reporter is None and w.labelled(s, "reporting"):
            s.reporter = _earlier_speaker(w, s)
        if s.reporter is None:
            s.reporter = _source_before_colon(w, s)
        if s.reporter is not None:
            s.reporter = w.office_holder(s, s.reporter) or s.reporter  # the vice-president speaks, not his state
            w.use(s.reporter)
            w.doc_reporter = w.doc_reporter or s.reporter


def _relayed_from(w: Window, s: Sentence, relay: Found) -> Found | None:
    """The source named with عن a few words after who relays it (نقلت الوكالة عن نقابة
    الصحفيين، نقلت الوكالة التابعة للحكومة، عن النقابة), before what is said."""
    for i in range(relay.end, min(relay.end + RELAY_REACH, s.end - 1)):
        if w.doc[i].norm_ in w.complementizers:
            return None
        if w.doc[i].norm_ == "عن":
            return w.actor_after(s, i + 1, 0)
    return None


def _claims(w: Window, s: Sentence, m) -> bool:
    """وأعلن داعش مسؤوليته عن الهجوم: who claims an attack owns it, and reports no figures."""
    return any(m.start <= c.start <= m.end + CLAIM_REACH and not any(
        t.norm_ in w.complementizers for t in w.doc[m.end:c.start]) for c in w.labelled(s, "claim"))


def _conveys_wishes(w: Window, s: Sentence, m) -> bool:
    """نقل نائب الملك في بداية الاجتماع تعازي الملك: condolences or greetings conveyed, nothing
    reported (one of ``conveyed_wishes`` after the verb, before what it would report: أن، a
    colon or quote; an aside between commas may come first: نقل الأمير، خلال اجتماعه، تعازي)."""
    wishes = norm_set(w.lex["conveyed_wishes"])
    for i in range(m.end, min(m.end + WISHES_REACH, s.end)):
        if w.doc[i].text in ":\"«“" or w.doc[i].norm_ in w.complementizers:
            return False
        if w.bare_in(i, wishes):
            return True
    return False


def _speaker_after(w: Window, s: Sentence, pos: int) -> Found | None:
    """The actor within three words after a reporting verb, before any أن/إن: past it the
    reported clause starts (وأكد أن جرائم الاحتلال: the occupation did not speak); or the
    person a title there opens, however long (وأوضح المتحدث العسكري المصري العميد محمد سمير)."""
    f = w.actor_after(s, pos, 3)
    if f is not None and any(t.text in ("لـ", "ل") for t in w.doc[max(pos, f.start - 2):f.start]):
        f = None  # قال مصدر لـ«الشرق الأوسط»: whom it was said to
    if f is not None and any(t.norm_ in w.complementizers for t in w.doc[pos:f.start]):
        f = None
    if f is not None and f.only_a_place:
        f = None  # قال السفير السعودي في مصر أحمد قطان: where he serves, not who speaks
    return f or _titled_speaker(w, s, pos)


def _titled_speaker(w: Window, s: Sentence, pos: int) -> Found | None:
    """A title right after a reporting verb (past the outlet it spoke to: لـ«المدينة»), and the
    person it names within ten words, before any أن/إن or comma: the one who speaks."""
    i = pos
    if i < s.end and w.doc[i].text in ("لـ", "ل"):  # لـ «المدينة»
        close = next((j for j in range(i + 2, min(i + 6, s.end)) if w.doc[j].text in QUOTE_MARKS), None)
        i = close + 1 if close is not None else i
    if i >= s.end or w.doc[i].norm_ not in w.appositive_titles:
        return None
    person = next((f for f in w.actors(s) if f.mention.type == "person" and not f.latent
                   and i < f.start <= i + 10), None)
    if person is None or any(t.norm_ in w.complementizers or t.text in "،,:" for t in w.doc[i:person.start]):
        return None
    return person


def _speaker_before(w: Window, s: Sentence, pos: int, limit: int = 2) -> Found | None:
    """The actor right before a reporting verb at ``pos`` (``limit`` words between at most),
    in its clause: not one a comma closes (بمباركة الكيان الإسرائيلي، حيث أشار: the one who
    spoke is named earlier)."""
    f = w.actor_before(s, pos, limit)
    # nor one before أن that opens the verb's clause (مشتبه بهم من تونس بعد أن قال شهود: not Tunisia),
    # nor a preposition's object (المبعوث الأممي إلى ليبيا يعلن: the envoy speaks)
    return None if f is None or w.governed(s, f, locatives=False) or any(
        t.is_punct or t.norm_ in w.complementizers for t in w.doc[f.end:pos]) else f


def _earlier_speaker(w: Window, s: Sentence) -> Found | None:
    """A reporting verb with no subject of its own (وأدان عريقات القرار، كما أشار إلى أن...):
    the one who spoke first in the sentence, named after its verb of speech (maybe past a
    title: وندد الرئيس الفلسطيني محمود عباس)."""
    first = min(m.start for m in w.labelled(s, "reporting"))
    for m in sorted(w.labelled(s, "criticism") + w.labelled(s, "accusation"), key=lambda m: m.start):
        if m.end <= first and (f := w.actor_after(s, m.end, 3)) is not None and not f.latent and f.end <= first:
            return f
    # ودعت الحكومة اليمنية المجتمع الدولي إلى التحرك، وقالت إن: the subject of the verb that
    # opens the sentence, when a comma and و, or a comma and a participle of speech (ورد الوزير
    # على نظيره، قائلا إن), lead to the reporting word
    # (or the person a title there names: دعا سفير المملكة في القاهرة أحمد قطان إيران ...، وقال)
    opener = next((f for f in w.actors(s) if not f.latent and f.start <= s.start + 2), None) or \
        _titled_speaker(w, s, s.start + 1)
    participle = any(m.start == first for m in w.labelled(s, "reporting:participle"))
    if opener is not None and opener.end < first and w.doc[first - 1].text in "،," and (
            w.doc[first].text.startswith("و") or participle):
        return opener
    return None


def _source_before_colon(w: Window, s: Sentence) -> Found | None:
    """A headline's source, named first and followed by a colon (هيومن رايتس ووتش: الجيش ارتكب
    جرائم حرب، الخارجية الأمريكية: روسيا تنتهك المعاهدة)."""
    first = next((f for f in w.actors(s) if not f.latent), None)
    if first is None or first.start != s.start or first.end >= s.end or w.doc[first.end].text != ":":
        return None
    return first


def _deeming(w: Window, s: Sentence) -> list:
    """A verb of deeming followed by أن (اعتبرت الخارجية أن واشنطن تتحمل المسؤولية) reports
    what its subject holds, as قال does."""
    return [m for m in w.labelled(s, "designation") if m.label != "designation:noun"
            and any(t.norm_ in w.complementizers for t in w.doc[m.end:min(m.end + 5, s.end)])]
