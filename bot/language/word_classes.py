"""Word classes that say what a predicate does when it is no commitment: vague nouns, verbs
of position, itinerary, state and hedging, rhetoric, and who comments from outside; and the
words a question uses to ask about a commitment. One table for the engine, the verifier, the
answerer and the ledger."""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Nouns and modifiers that name no deliverable on their own: "push for new progress in
# all-round cooperation" commits to nothing a reader could later check.
VAGUE = _words(
    """
    progress momentum understanding understandings consensus substance friendship
    relations relationship ties partnership cooperation exchanges exchange development
    prosperity peace stability future spirit heights chapter level levels areas fields
    efforts effort potential benefit benefits results outcomes fruits vitality dynamism
    impetus contribution contributions leaders leader parties party countries country
    sides side peoples people nations nation generation generations region regions world
    community communities way ways things important common new greater great high-level
    all-round comprehensive strategic cooperative steady sustained older top full fuller
    closer close deeper broader wider mutual shared practical fruitful solid sound healthy
    good better best positive constructive bilateral multilateral various relevant
    respective two both joint issues issue matters matter challenges challenge global regional
    contact contacts coordination consultation consultations
    """
)
# Verbs that report a stance or a courtesy, not an action to be done.
POSITION_VERBS = _words(
    """
    reiterate reaffirm welcome note express recognise recognize acknowledge appreciate
    commend applaud congratulate underline emphasise emphasize stress oppose condemn
    regret deplore praise thank
    """
)
# Holding to a principle: a party that commits itself to these states a position ("committed to
# upholding sovereignty"); urging others to them is still a call.
PRINCIPLE_VERBS = frozenset(["uphold", "upholding", "respect", "respecting", "honour", "honor"])
# The programme of a visit, and the speeches in it ("will tell leaders", "will address the
# forum"): what happens, not what is committed.
ITINERARY_VERBS = _words(
    """
    attend visit tour travel arrive depart fly leave meet tell say speak address discuss pose
    dine lunch plant greet welcome
    """
)
STATIVE_VERBS = _words(
    """
    be been being remain have judge see believe think know feel want wish expect need seem
    look like love hope regard view become stay depend
    """
)
HEDGE_VERBS = frozenset(["consider", "study", "examine", "weigh", "mull", "contemplate", "ponder"])
RHETORIC = (
    "spare no effort",
    "shoulder to shoulder",
    "hand in hand",
    "same boat",
    "new chapter",
    "new heights",
    "new era",
    "win-win",
    "bright future",
    "side by side",
    "move forward",
    "moving forward",
    "forget their differences",
    "set aside their differences",
    "put aside their differences",
    "everything possible",
    "our utmost",
    "their utmost",
)


# Verbs of commitment as a question asks them ("what did Japan pledge?"): a paraphrase
# ("will provide") answers them, so they weigh little in matching an answer.
COMMITMENT_VERBS = _words(
    """
    pledge pledged pledges promise promised promises commit committed commits agree agreed
    agrees announce announced announces offer offered offers unveil unveiled vow vowed
    """
)
# ... and as nouns ("what are Japan's commitments on energy?").
COMMITMENT_NOUNS = _words("commitment commitments vows")

# Voices outside the summit: what analysts or campaigners ask for is commentary, not a call
# made at the summit.
COMMENTATORS = _words(
    """
    analyst analysts expert experts critic critics observer observers commentator commentators
    campaigner campaigners activist activists scholar scholars researcher researchers economist
    economists diplomats opposition
    """
)
