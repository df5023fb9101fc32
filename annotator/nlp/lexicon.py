"""Word lists for attribution: reporting verbs and their forms, cue nouns, titles, organisation
nouns, gender words and entity labels. No spaCy here."""

from __future__ import annotations

# Reporting verbs by lemma. Those in _NOUNISH are also common nouns ("a call", "the note"): with
# no tagger only their unambiguous past forms count as cues.
REPORTING_VERBS = frozenset(
    """say tell add ask warn insist write tweet argue note stress declare reply call describe explain
    state claim announce admit acknowledge respond continue recall comment observe remark suggest
    conclude complain vow pledge promise urge predict caution concede contend assert maintain emphasise
    emphasize underline underscore point joke quip shout scream yell whisper mutter exclaim testify confirm
    deny report post agree repeat reiterate demand plead boast lament charge allege counter retort dub label
    term brand hail praise condemn thunder recount answer assure reassure muse wonder text email proclaim
    estimate threaten accuse criticise criticize dismiss blast slam scoff tout speak inform opine posit
    intone rule""".split()
)
_NOUNISH = frozenset(
    """call note report post claim comment charge promise pledge vow demand answer point term brand label
    text email tweet counter joke estimate praise blast slam dub quip rule""".split()
)
# Verbs whose direct object is the listener or the thing described, never the speaker (so "told
# Rusu" and "called the strike" are no inversion).
LISTENER_VERBS = frozenset(
    """tell ask inform assure reassure urge warn remind accuse call describe dub label term brand dismiss
    praise condemn blast slam hail criticise criticize""".split()
)
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "slam": ("slams", "slammed", "slamming"),
    "label": ("labels", "labelled", "labeled", "labelling", "labeling"),
    "dub": ("dubs", "dubbed", "dubbing"),
}
# Verbs that report only with "back": "shot back", "hit back", "fired back".
PHRASAL_CUES = frozenset("shot shoots hit hits fired fires snapped snaps pushed pushes".split())
NOUN_CUES = frozenset(
    """statement interview tweet post briefing letter speech address communique communiqué email message
    remarks comments video op-ed column declaration release conference testimony podcast broadcast""".split()
)
# Subjects that speak for someone else: prefer the organisation or person they name.
PROXY_NOUNS = frozenset(
    """statement spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative
    official officials source sources aide aides report post tweet letter release communique communiqué
    message office account analysts economists strategists researchers presentation filing prospectus""".split()
)
# Documents that "said"/"added": they speak for whoever last issued a statement.
DOCUMENT_NOUNS = frozenset(
    """statement release letter report communique communiqué post tweet message email declaration notice
    presentation filing prospectus""".split()
)
# Nouns that name an organisation anaphorically: "the company said" -> the company named before.
ORG_NOUNS = frozenset(
    """company firm group operator utility government ministry union council party authority agency
    organisation organization association newspaper paper site website club bank department board
    committee commission army military airline carrier manufacturer developer retailer broadcaster
    charity campaign regulator insurer lender exchange institute university hospital school court
    police force federation alliance coalition tribunal movement network station channel magazine office
    administration cabinet parliament assembly embassy consulate fund foundation trust society league
    team corporation consortium presidency bloc robotics technologies systems industries holdings inc corp
    ltd plc llc partners securities capital motors airlines airways energy pharmaceuticals labs""".split()
)
# Words that end a title before a name: Foreign *Minister* Ana Rusu, Commission *President* X.
TITLE_HEADS = frozenset(
    """minister president premier chancellor secretary senator sen rep representative congressman
    congresswoman governor gov mayor sens reps mr mrs ms miss mx dr prof professor judge justice chief chairman
    chairwoman chair spokesman spokeswoman spokesperson ambassador envoy commissioner director head
    leader king queen prince princess pope bishop archbishop rev reverend father sister brother colonel
    col general gen lt lieutenant captain capt major maj sergeant sgt admiral commander cmdr officer
    deputy vice ceo cfo coo founder chairperson speaker lawmaker mp mep councillor councilor sheikh
    emir sultan sir dame lord lady madam detective inspector constable superintendent coach manager
    attorney counsel advocate barrister solicitor adviser advisor analyst economist author correspondent editor editor-in-chief
    researcher scientist activist candidate lawyer principal executive farmer skipper pensioner student
    singer innkeeper meteorologist nurse doctor teacher worker resident owner neighbour neighbor""".split()
)
NAME_PARTICLES = frozenset("von van der den de da di del della la le du bin ibn al el ben dos das ter ten y".split())
MALE_HONORIFICS = frozenset("mr sir lord king prince father brother monsieur herr senor señor".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss madam madame dame lady queen princess sister mme frau senora señora".split())
MALE_WORDS = frozenset({"he", "his", "him", "himself"})
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
MALE_NOUNS = frozenset(
    """husband son father brother man boy grandfather uncle nephew boyfriend widower king prince chairman
    spokesman congressman businessman policeman fireman mr sir lord""".split()
)
FEMALE_NOUNS = frozenset(
    """wife daughter mother sister woman girl grandmother aunt niece girlfriend widow queen princess
    chairwoman spokeswoman congresswoman businesswoman policewoman actress mrs ms miss lady dame""".split()
)
PRONOUN_KIND = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "pl", "it": "org"}
FIRST_PERSON = frozenset({"i", "we"})
SKIP_BEFORE_CUE = frozenset(
    """also later then again previously recently earlier once has had have was is were would will
    reportedly quickly simply only further repeatedly publicly privately 've 's 'd ’ve ’s ’d
    subsequently yesterday today tonight separately finally angrily calmly bluntly flatly firmly""".split()
)
STOP_CAPS = frozenset(
    """the a an this that these those it its he she they we i you but and or so yet if when while
    as in on at by for with from of to after before during since until though although however
    meanwhile earlier later asked speaking monday tuesday wednesday thursday friday saturday sunday
    january february march june july august september october november december last next""".split()
)
ORG_LABELS = ("ORG", "NORP", "GPE", "FAC")
SPEAKER_LABELS = ("PERSON",) + ORG_LABELS
# Entity labels that never speak: "said Monday", "said at noon", "(D-Mo.)" read as a number or place.
NEVER_SPEAKERS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
# Pseudo-labels for proper names the NER missed: a person-like name, an organisation-like one.
NAME, ORG_NAME = "NAME?", "ORG?"


def _verb_forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma,) + _IRREGULAR[lemma]
    consonant_y = lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
    past = lemma + "d" if lemma.endswith("e") else (lemma[:-1] + "ied" if consonant_y else lemma + "ed")
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith("ee") else lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    else:
        third = lemma[:-1] + "ies" if consonant_y else lemma + "s"
    return (lemma, third, past, ing)


CUE_FORMS: dict[str, str] = {}
UNTAGGED_CUE_FORMS: dict[str, str] = {}
for _lemma in sorted(REPORTING_VERBS):
    for _i, _form in enumerate(_verb_forms(_lemma)):
        CUE_FORMS.setdefault(_form, _lemma)
        if _lemma not in _NOUNISH or _i >= 2:
            UNTAGGED_CUE_FORMS.setdefault(_form, _lemma)
# Plural and collective nouns for people who speak (with TITLE_HEADS, ORG_NOUNS and PROXY_NOUNS):
# a subject headed by any other common noun ("the country", "talks", "facilities") is no speaker.
_PEOPLE_NOUNS = frozenset(
    """people person man woman men women official authorities police prosecutor prosecutors expert experts
    witness witnesses critic critics opponent opponents supporter supporters protester protesters
    campaigner campaigners activist activists investigator investigators organiser organisers organizer
    organizers delegate delegates delegation delegations legislator legislators lawmaker lawmakers voter
    voters fan fans parent parents family families relative relatives local locals villager villagers
    citizen citizens observer observers diplomat diplomats trader traders investor investors member
    members survivor survivors victim victims leadership side camp staff employee employees colleague
    colleagues friend friends neighbour neighbours neighbor neighbors resident residents pupil pupils
    user users customer customers patient patients mother father son daughter wife husband sister brother
    partner child children player players manager managers coach source sources insider insiders judge
    jury court panel spokesperson mp mps councillors crew""".split()
)
PEOPLE_NOUNS = _PEOPLE_NOUNS
# Party and political-camp nouns that describe one person ("the Montana Republican").
PARTY_WORDS = frozenset(
    """republican democrat conservative liberal independent socialist communist labour tory libertarian
    green nationalist centrist progressive""".split()
)
SPEAKING_NOUNS = _PEOPLE_NOUNS | TITLE_HEADS | ORG_NOUNS | PROXY_NOUNS | DOCUMENT_NOUNS | NOUN_CUES
# Endings of nouns for people by what they do (electrician, firefighter, chemist, spokesman),
# and common nouns with those endings that are not people.
AGENT_SUFFIXES = ("ian", "ist", "eer", "man", "men", "woman", "women", "person", "er", "or", "ant", "ent")
NOT_AGENTS = frozenset(
    """number border power water order matter center centre sector factor floor winter summer quarter
    tower river error corridor reactor motor paper letter chamber barrier shelter cluster meter
    metre filter layer computer server printer counter other offer answer transfer record monitor
    mirror interior exterior door labor labour favor favour honor honour color colour rumor rumour
    agreement statement government department document payment element movement parliament amendment
    comment moment event percent incident accident content environment equipment investment treatment
    settlement management development argument assessment instrument segment tournament basement
    restaurant plant grant warrant covenant""".split()
)
